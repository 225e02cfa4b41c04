"""The two roles of Parley: Editors correct extracted data, Analysts only read it."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

# Models whose rows editors correct; analysts may only view them.
EDITED_MODELS = {
    "timeline": ["actor", "alias", "event", "eventparticipant", "eventevidence", "statement", "mention", "topic"],
    "ingestion": ["article", "source"],
}


def ensure_roles() -> None:
    """Create or update the Editors and Analysts groups and their permissions (idempotent)."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    analysts, _ = Group.objects.get_or_create(name="Analysts")
    editor_perms, analyst_perms = [], []
    for app_label, models in EDITED_MODELS.items():
        perms = Permission.objects.filter(content_type__app_label=app_label, content_type__model__in=models)
        for perm in perms:
            editor_perms.append(perm)
            if perm.codename.startswith("view_"):
                analyst_perms.append(perm)
    editors.permissions.set(editor_perms)
    analysts.permissions.set(analyst_perms)
