"""The history of a row reads as what happened, in plain words."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db


def history_table(client, url: str) -> str:
    page = client.get(url).content.decode()
    start = page.index("<table id=\"change-history\"")
    table = page[start:page.index("</table>", start)]
    text = re.sub(r"<[^>]+>", " ", table).replace("&nbsp;", " ").replace("&rarr;", "→")
    return re.sub(r"\s+", " ", text)


def test_history_says_what_happened_without_none_or_pk(client, editor):
    # Both stored by the machine (no user), then reviewed and merged by an editor.
    talks = make.event("Putin meets Witkoff")
    putin = make.actor("Vladimir Putin")
    poutine = make.actor("Poutine")
    client.force_login(editor)
    client.post(reverse("admin:records_actor_changelist") + "?state=all",
                {"action": "verify_selected", "_selected_action": [putin.pk]})
    client.post(reverse("admin:records_event_changelist") + "?state=all",
                {"action": "verify_selected", "_selected_action": [talks.pk]})
    client.post(reverse("admin:records_actor_changelist") + "?state=all",
                {"action": "merge_actors", "_selected_action": [putin.pk, poutine.pk], "post": "yes", "keep": putin.pk})

    event = history_table(client, reverse("admin:records_event_history", args=[talks.pk]))
    actor = history_table(client, reverse("admin:records_actor_history", args=[poutine.pk]))

    for table in (event, actor):
        assert "None" not in table and "pk=" not in table and "Deleted" not in table
        assert "Reviewed by: — → ed" in table  # the empty key before the review is said as empty
        assert "Created Parley (automatic) —" in table  # stored by the machine, no reason given
    assert "Review state: Unreviewed → Verified" in event  # labels, not stored values
    assert "Merged into: — → Vladimir Putin" in actor
    assert re.search(r"Reviewed at: — → \w{3}\.? \d+, 20\d\d", event)  # a date as the admin writes dates
