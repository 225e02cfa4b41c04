"""The README's incremental-sync example works, as written, against a running Parley."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import timezone

from apps.api.models import ApiToken
from apps.records import services
from apps.records.models import Event
from tests.factories import make_actor, make_event

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_example() -> str:
    section = README.read_text().split("## Use the API", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_sync_fetches_everything_then_only_what_changed_and_what_went(
        live_server, transactional_db, analyst, editor):
    putin = make_actor("Vladimir Putin")
    for n in range(5):
        make_event(f"Meeting {n}", date=dt.date(2025, 9, 1) + dt.timedelta(days=n), actors=[putin])
    Event.objects.update(updated_at=timezone.now() - dt.timedelta(hours=1))
    token = ApiToken.issue(user=analyst, name="sync")[1]
    namespace: dict = {}
    exec(readme_example().replace("https://parley.example.org", live_server.url), namespace)  # noqa: S102

    seen: list[dict] = []
    forgotten: list[dict] = []
    since = namespace["sync_events"](token, None, seen.extend, forgotten.extend)
    assert sorted(e["title"] for e in seen) == [f"Meeting {n}" for n in range(5)]
    assert forgotten == []

    changed = Event.objects.get(title="Meeting 2")
    changed.title = "Meeting 2, moved to Geneva"
    changed.save()
    services.merge_events(keep=changed, merge=Event.objects.get(title="Meeting 3"), user=editor)
    seen.clear()
    namespace["sync_events"](token, since, seen.extend, forgotten.extend)
    assert [e["title"] for e in seen] == ["Meeting 2, moved to Geneva"]
    assert [(e["id"], e["reason"], e["replaced_by"]) for e in forgotten] == [
        (Event.objects.get(title="Meeting 3").pk, "merged", changed.pk)]
