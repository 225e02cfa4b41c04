"""An event's updated_at moves when it gains a source, participants or topics (issue 15), and a
statement's when its event is deleted or merged into another.

A client syncing with `updated_since` must see the event again when a second article reports it:
its source count, participants and topics changed even though its own columns did not.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.extraction import services as extraction
from apps.ingestion.models import Article
from apps.records import services
from apps.records.models import Event, Tombstone, Topic
from tests.factories import make_event, make_statement

pytestmark = pytest.mark.django_db

FIRST = "Emmanuel Macron met Volodymyr Zelensky in Paris on Wednesday. \"We are ready\", Emmanuel Macron said."
SECOND = "Volodymyr Zelensky and Emmanuel Macron met in Paris on Wednesday to discuss a ceasefire."


def extract(title: str, text: str) -> Article:
    article = Article.objects.create(
        via=Article.Via.PASTE, title=title, text=text, language="en",
        published_at=dt.datetime(2025, 9, 4, 9, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]
    return article


def synced(api, since: dt.datetime) -> dict[int, dict]:
    response = api.get("/api/v1/events", {"updated_since": since.isoformat()})
    assert response.status_code == 200, response.content
    return {item["id"]: item for item in response.json()["items"]}


def test_a_second_article_reporting_an_event_brings_it_back_in_updated_since(api):
    extract("Macron meets Zelensky", FIRST)
    event = Event.objects.get()
    first_seen = event.updated_at
    since = timezone.now()

    extract("Zelensky in Paris", SECOND)

    assert Event.objects.get().pk == event.pk  # one meeting, now with two sources
    assert Event.objects.get(pk=event.pk).updated_at > first_seen
    item = synced(api, since)[event.pk]
    assert item["source_count"] == 2


def test_extracting_the_same_article_again_does_not_report_its_events_as_changed(api):
    article = extract("Macron meets Zelensky", FIRST)
    event = Event.objects.get()
    since = timezone.now()

    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]

    assert Event.objects.get().pk == event.pk
    assert synced(api, since) == {}


def test_a_topic_an_editor_adds_that_re_extraction_tags_an_event_with_brings_it_back(api):
    article = extract("Zelensky in Paris", SECOND)
    event = Event.objects.get()
    Topic.objects.create(slug="ceasefire", name_en="Ceasefire", name_fr="Cessez-le-feu", keywords="ceasefire")
    since = timezone.now()

    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]

    assert synced(api, since)[event.pk]["topics"] == ["ceasefire"]


def test_an_event_seen_again_in_a_relevant_article_leaves_the_deleted_list(api, editor):
    first = extract("Macron meets Zelensky", FIRST)
    event = Event.objects.get()
    services.mark_article_irrelevant(article=first, user=editor)
    assert Tombstone.objects.filter(kind="event", object_id=event.pk, reason="irrelevant").exists()

    extract("Zelensky in Paris", SECOND)

    assert Event.objects.get().pk == event.pk
    assert event.pk in synced(api, timezone.now() - dt.timedelta(minutes=1))
    assert api.get("/api/v1/deleted", {"type": "event"}).json()["items"] == []


def test_statements_of_an_event_deleted_in_the_admin_come_back_without_it(api, admin_client):
    event = make_event("Talks in Geneva")
    statement = make_statement("We will talk again.", event=event)
    since = timezone.now()

    url = reverse("admin:records_event_delete", args=[event.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    response = api.get("/api/v1/statements", {"updated_since": since.isoformat()})
    assert [(item["id"], item["event_id"]) for item in response.json()["items"]] == [(statement.pk, None)]


def test_statements_of_a_merged_event_come_back_with_the_event_they_moved_to(api, editor):
    keep, merge = make_event("Talks in Geneva"), make_event("Geneva talks")
    statement = make_statement("We will talk again.", event=merge)
    since = timezone.now()

    services.merge_events(keep=keep, merge=merge, user=editor)

    response = api.get("/api/v1/statements", {"updated_since": since.isoformat()})
    assert [(item["id"], item["event_id"]) for item in response.json()["items"]] == [(statement.pk, keep.pk)]
