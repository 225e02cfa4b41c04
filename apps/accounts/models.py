from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Parley's user; its own model from day one so fields can be added without a rewrite."""

    EDITORS = "Editors"
    ANALYSTS = "Analysts"

    def is_editor(self) -> bool:
        return self.is_active and (self.is_superuser or self.groups.filter(name=self.EDITORS).exists())
