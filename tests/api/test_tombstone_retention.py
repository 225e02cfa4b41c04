"""/api/v1/deleted keeps its entries for a retention, then forgets them (issue 15).

A client that last synced before the retention cannot learn everything that left the lists
since: it is told so (410 resync_required) rather than given a list that looks complete.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from apps.records import services
from apps.records.models import ReviewState, Tombstone
from apps.records.tasks import prune_tombstones
from config.celery import app
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def aged(editor) -> dict[str, int]:
    """Three rejected events whose entries are 120, 80 and 0 days old."""
    events = {"old": make_event("Talks in Minsk"), "recent": make_event("Talks in Riyadh"), "new": make_event("Talks")}
    services.set_review_state(objects=list(events.values()), state=ReviewState.REJECTED, user=editor)
    for name, days in (("old", 120), ("recent", 80)):
        Tombstone.objects.filter(object_id=events[name].pk).update(at=timezone.now() - dt.timedelta(days=days))
    return {name: event.pk for name, event in events.items()}


def kept() -> set[int]:
    return set(Tombstone.objects.values_list("object_id", flat=True))


def test_the_command_forgets_entries_older_than_the_retention(aged):
    call_command("prune_tombstones", stdout=open("/dev/null", "w"))
    assert kept() == {aged["recent"], aged["new"]}


def test_the_daily_task_prunes_by_the_retention_setting(aged, settings):
    settings.PARLEY_TOMBSTONE_RETENTION_DAYS = 30
    assert prune_tombstones() == 2
    assert kept() == {aged["new"]}
    assert app.conf.beat_schedule["prune-tombstones"]["task"] == prune_tombstones.name


def test_a_client_that_synced_before_the_retention_is_told_to_resync(api, aged):
    within = api.get("/api/v1/deleted", {"since": (timezone.now() - dt.timedelta(days=89)).isoformat()})
    assert within.status_code == 200
    assert [item["id"] for item in within.json()["items"]] == [aged["recent"], aged["new"]]

    before = api.get("/api/v1/deleted", {"since": (timezone.now() - dt.timedelta(days=91)).isoformat()})
    assert before.status_code == 410
    assert before.json()["error"]["code"] == "resync_required"
