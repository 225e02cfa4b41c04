from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete

# The fields whose change may take a row off the API's lists or bring it back (Tombstone.reason_gone).
SERVED_FIELDS = {"review_state", "merged_into"}


class RecordsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.records"

    def ready(self):
        from apps.ingestion.models import Article
        from apps.records.models import Actor, Event, Statement

        for model in (Event, Statement, Actor):
            post_save.connect(_saved, sender=model, dispatch_uid=f"tombstone-saved-{model.__name__}")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"tombstone-deleted-{model.__name__}")
        post_save.connect(_article_saved, sender=Article, dispatch_uid="tombstone-article-saved")
        pre_delete.connect(_event_deleting, sender=Event, dispatch_uid="statements-lose-deleted-event")


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


def _article_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """An article marked irrelevant hides its machine rows, and brings them back when it is not any more."""
    from apps.records.models import Tombstone

    if raw or created or (update_fields is not None and "status" not in update_fields):
        return
    Tombstone.note_article_status(instance)


def _event_deleting(sender, instance, **kwargs):
    """The event's statements are about to lose it (SET_NULL, which saves nothing): a new updated_at says so.

    Before the delete, while they still point at it: a client syncing with `updated_since` gets
    them again with `event_id` null instead of keeping an id that /deleted lists as gone.
    """
    from django.utils import timezone

    from apps.records.models import Statement

    Statement.objects.filter(event=instance).update(updated_at=timezone.now())
