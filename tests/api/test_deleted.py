"""/api/v1/deleted: what left the lists since a time, by every way a row leaves (issue 15).

A client syncing with `updated_since` sees new and changed rows; without these entries it would
keep forever an event an editor merged away, a quote they rejected or a row an admin deleted.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.extraction import services as extraction
from apps.ingestion.models import Article
from apps.records import services
from apps.records.models import Event, MergeRecord, ReviewState, Statement, Tombstone
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def gone(api, **params) -> list[tuple]:
    response = api.get("/api/v1/deleted", params)
    assert response.status_code == 200, response.content
    return [(item["type"], item["id"], item["reason"], item["replaced_by"]) for item in response.json()["items"]]


def event_ids(api, **params) -> set[int]:
    response = api.get("/api/v1/events", params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def test_nothing_is_listed_while_nothing_left(api, world):
    assert gone(api) == []


def test_an_event_merged_in_the_admin_is_listed_with_the_event_it_went_into(api, world, editor_client):
    response = editor_client.post(reverse("admin:records_event_changelist"), {
        "action": "merge_events", "_selected_action": [world.day.pk, world.week.pk], "post": "yes",
        "keep": world.day.pk})
    assert response.status_code == 302

    assert gone(api) == [("event", world.week.pk, "merged", world.day.pk)]
    assert world.week.pk not in event_ids(api)


def test_an_undone_merge_takes_the_entry_back_and_the_event_returns_as_changed(api, world, editor):
    before = timezone.now()
    record = services.merge_events(keep=world.day, merge=world.week, user=editor)
    assert gone(api, since=before.isoformat()) == [("event", world.week.pk, "merged", world.day.pk)]

    services.undo_merge(record=MergeRecord.objects.get(pk=record.pk), user=editor)

    assert gone(api, since=before.isoformat()) == []
    assert world.week.pk in event_ids(api, updated_since=before.isoformat())


def test_a_rejection_from_the_review_buttons_is_listed_until_it_is_taken_back(api, world, editor_client):
    reject = reverse("admin:records_statement_review", args=[world.reported.pk, "reject"])
    assert editor_client.post(reject).status_code == 302
    assert gone(api, type="statement") == [("statement", world.reported.pk, "rejected", None)]

    verify = reverse("admin:records_statement_review", args=[world.reported.pk, "verify"])
    assert editor_client.post(verify).status_code == 302
    assert gone(api, type="statement") == []


def test_an_actor_merged_into_another_is_listed(api, world, editor):
    double = make_actor("V. Putin", country="RU")
    services.merge_actors(keep=world.putin, merge=double, user=editor)

    assert gone(api, type="actor") == [("actor", double.pk, "merged", world.putin.pk)]
    assert gone(api, type="event") == []


def test_deleting_an_article_in_the_admin_lists_its_statements_as_deleted(api, world, admin_client):
    statement = world.reported.pk
    url = reverse("admin:ingestion_article_delete", args=[world.closed_article.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    assert ("statement", statement, "deleted", None) in gone(api, type="statement")


def test_an_event_deleted_in_the_admin_is_listed_as_deleted(api, world, admin_client):
    url = reverse("admin:records_event_delete", args=[world.year.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    assert gone(api) == [("event", world.year.pk, "deleted", None)]


TEXT = "Emmanuel Macron met Volodymyr Zelensky in Paris on Wednesday. \"We are ready\", Emmanuel Macron said."


def test_an_event_re_extraction_no_longer_finds_is_listed_as_deleted(api, editor):
    article = Article.objects.create(
        via=Article.Via.PASTE, title="Macron meets Zelensky", text=TEXT, language="en",
        published_at=dt.datetime(2025, 9, 4, 9, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]
    event = Event.objects.get()
    statement = Statement.objects.get()
    before = timezone.now()

    # The editor corrects the text: the meeting and the quote are gone from it.
    services.correct_article(article=article, user=editor, reason="Wrong story pasted",
                             text="The weather in Paris was fine on Wednesday.")
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]

    assert not Event.objects.filter(pk=event.pk).exists()
    assert set(gone(api, since=before.isoformat())) == {
        ("event", event.pk, "deleted", None), ("statement", statement.pk, "deleted", None)}


def test_since_leaves_out_what_left_before_and_pages_follow_in_order(api, world, editor):
    services.set_review_state(objects=[world.year], state=ReviewState.REJECTED, user=editor)
    Tombstone.objects.update(at=timezone.now() - dt.timedelta(hours=1))
    since = timezone.now()
    services.set_review_state(objects=[world.month, world.undated, world.planned], state=ReviewState.REJECTED,
                              user=editor)

    first = api.get("/api/v1/deleted", {"since": since.isoformat(), "limit": 2}).json()
    second = api.get(first["next"]).json()

    ids = [item["id"] for item in first["items"] + second["items"]]
    assert ids == [world.month.pk, world.undated.pk, world.planned.pk]
    assert second["next"] is None


@pytest.mark.parametrize("query", ["since=yesterday", "type=article", "limit=0", "since=0.5"])
def test_bad_parameters_answer_422(api, query):
    response = api.get(f"/api/v1/deleted?{query}")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_parameters"


def test_an_outsider_cannot_see_what_was_deleted_on_a_private_timeline(client, outsider, settings):
    settings.PARLEY_PUBLIC_TIMELINE = False
    client.force_login(outsider)
    assert client.get("/api/v1/deleted").status_code == 403


def test_a_machine_event_rejected_and_later_deleted_is_listed_once(api, editor):
    event = make_event("Talks")
    services.set_review_state(objects=[event], state=ReviewState.REJECTED, user=editor)
    pk = event.pk
    event.delete()
    assert gone(api) == [("event", pk, "deleted", None)]


def test_rows_only_an_article_marked_irrelevant_reported_are_listed_until_it_is_relevant_again(
    api, world, editor_client
):
    # open_article alone reports the July meeting and carries Macron's quote; the call of 1
    # September is also in the Reuters article, so it stays.
    before = timezone.now()
    mark = reverse("admin:ingestion_article_mark_irrelevant", args=[world.open_article.pk])
    assert editor_client.post(mark).status_code == 302

    assert set(gone(api, since=before.isoformat())) == {
        ("event", world.month.pk, "irrelevant", None), ("statement", world.statement.pk, "irrelevant", None)}
    assert world.month.pk not in event_ids(api) and world.day.pk in event_ids(api)

    # The editor sends it back to extraction: until the run, its rows are on the timeline again.
    changelist = reverse("admin:ingestion_article_changelist")
    response = editor_client.post(changelist, {"action": "rerun_extraction", "_selected_action": [world.open_article.pk]})
    assert response.status_code == 302

    assert gone(api, since=before.isoformat()) == []
    assert world.month.pk in event_ids(api)
