"""The review queue puts the extractor's likely errors first (the real extractor, no hand-set confidences).

The stored confidence comes from how each event was read and how each speaker was found, calibrated by
scripts/calibration.py on the annotated sets (README, "How far a statement's or an event's confidence can
be trusted"): an undated, only possible summit is right less often than a meeting the text dates and
names the parties of; a quotation nobody is named for, less often than one its speaker signs with "said".
The article was written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from apps.extraction import services as extraction
from apps.ingestion.models import Article

pytestmark = pytest.mark.django_db

TEXT = (
    "Emmanuel Macron met Volodymyr Zelensky in Paris on Wednesday. “We are ready to sign,” Macron said.\n\n"
    "Officials discussed the possibility of a summit between Donald Trump and Vladimir Putin.\n\n"
    "Nothing else was said that evening. Chairs were stacked.\n\n"
    "“Nobody knows when this ends or how it ends.”"
)


@pytest.fixture
def extracted():
    article = Article.objects.create(
        via=Article.Via.PASTE, title="Macron receives Zelensky", text=TEXT, language="en",
        published_at=dt.datetime(2025, 9, 4, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]
    return article


def listed(client, name: str) -> list:
    return list(client.get(reverse(f"admin:records_{name}_changelist")).context["cl"].result_list)


def test_the_event_queue_shows_the_undated_possible_summit_before_the_dated_meeting(client, editor, extracted):
    client.force_login(editor)

    summit, meeting = listed(client, "event")

    assert (summit.date, summit.status) == (None, "planned")
    assert {p.actor.name for p in summit.participants.all()} == {"Donald Trump", "Vladimir Putin"}
    assert (meeting.date, meeting.location) == (dt.date(2025, 9, 3), "Paris")
    assert summit.confidence < meeting.confidence


def test_the_statement_queue_shows_the_quotation_nobody_is_named_for_first(client, editor, extracted):
    client.force_login(editor)

    unnamed, named = listed(client, "statement")

    assert (unnamed.text, unnamed.speaker) == ("Nobody knows when this ends or how it ends.", None)
    assert named.text.startswith("We are ready to sign") and named.speaker.name == "Emmanuel Macron"
    assert unnamed.confidence < named.confidence


def test_the_admin_home_gives_the_lowest_confidence_waiting_in_each_queue(client, editor, extracted):
    client.force_login(editor)

    page = client.get(reverse("admin:index")).content.decode()

    summit, _ = listed(client, "event")
    events = reverse("admin:records_event_changelist")
    assert f'<a href="{events}">Events</a></th>\n        <td>2</td>\n        <td>{summit.confidence:.2f}</td>' in page
