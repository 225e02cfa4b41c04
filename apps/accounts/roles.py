"""The two roles of Parley: Editors correct extracted data, Analysts only read it.

Editors never delete what the machine extracted: they reject it, so the extractor learns not to
produce it again and the history keeps it. They may delete only the small rows they manage by
hand (an alias, an event participant).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS = "Editors"
ANALYSTS = "Analysts"

# What editors may do to each model beyond viewing it.
EDITOR_RIGHTS = {
    "records": {
        "actor": ["add", "change"],
        "alias": ["add", "change", "delete"],
        "event": ["add", "change"],
        "eventparticipant": ["add", "change", "delete"],
        "eventevidence": ["change"],
        "statement": ["add", "change"],
        "mention": ["change"],
        "topic": ["add", "change"],
        "mergerecord": ["change"],  # change = undo a merge
        "tombstone": [],  # what /api/v1/deleted serves, written only by signals
        "extractionrun": [],  # the timings "Re-run extraction" estimates from, written by every extraction
    },
    "ingestion": {
        "article": ["add", "change"],  # paste an article; re-run extraction, mark irrelevant, retry, re-fetch, correct
        "articlecorrection": [],  # written only by "Correct this article…"
        "source": ["add", "change"],
    },
    "api": {
        "apitoken": ["change"],  # change = revoke; the admin shows tokens to editors only
    },
}


def _permissions(app_label: str, model: str, actions: list[str]):
    return Q(content_type__app_label=app_label, content_type__model=model, codename__in=[f"{a}_{model}" for a in actions])


def ensure_roles() -> None:
    """Create or update the Editors and Analysts groups and their permissions (idempotent)."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    analysts, _ = Group.objects.get_or_create(name=ANALYSTS)
    view, edit = Q(pk__in=[]), Q(pk__in=[])
    for app_label, models in EDITOR_RIGHTS.items():
        for model, actions in models.items():
            view |= _permissions(app_label, model, ["view"])
            edit |= _permissions(app_label, model, ["view", *actions])
    editors.permissions.set(Permission.objects.filter(edit))
    analysts.permissions.set(Permission.objects.filter(view))
