from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_roles(sender, **kwargs):
    from apps.accounts.roles import ensure_roles

    ensure_roles()


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.accounts"

    def ready(self):
        # After every migrate (including the test database's), once all permissions exist.
        post_migrate.connect(_ensure_roles, dispatch_uid="parley-ensure-roles")
