from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save

# The fields whose change may take a row off the API's lists or bring it back (Tombstone.reason_gone).
SERVED_FIELDS = {"review_state", "merged_into"}


class RecordsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.records"

    def ready(self):
        from apps.records.models import Actor, Event, Statement

        for model in (Event, Statement, Actor):
            post_save.connect(_saved, sender=model, dispatch_uid=f"tombstone-saved-{model.__name__}")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"tombstone-deleted-{model.__name__}")


def _saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A save that may have merged, rejected or restored the row: its tombstone follows (see Tombstone)."""
    from apps.records.models import Tombstone

    if raw or created:  # a new row was never served, so nothing can have left
        return
    if update_fields is not None and not SERVED_FIELDS & set(update_fields):
        return
    Tombstone.note_saved(instance)


def _deleted(sender, instance, **kwargs):
    from apps.records.models import Tombstone

    Tombstone.note_deleted(instance)
