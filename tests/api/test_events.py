"""Events through the API: the timeline's filters, its order and cursors, dates at their precision."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone
from ninja.responses import NinjaJSONEncoder

from apps.api import v1
from apps.records.models import Event, ReviewState
from apps.timeline import queries
from tests.factories import make_event, make_topic

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_events_come_newest_first_with_undated_events_last(api, world):
    assert titles(api.get("/api/v1/events")) == [
        "Macron calls Putin", "Talks in Istanbul", "Zelensky meets Macron", "Summit planned", "A peace agreement",
        "A meeting some day",
    ]


def test_a_month_stays_a_month_and_a_week_a_week(api, world):
    items = {item["title"]: item for item in api.get("/api/v1/events").json()["items"]}
    assert items["Zelensky meets Macron"]["date"] == {
        "value": "2025-07", "precision": "month", "start": "2025-07-01", "end": "2025-07-31"}
    assert items["Talks in Istanbul"]["date"] == {
        "value": "2025-W35", "precision": "week", "start": "2025-08-25", "end": "2025-08-31"}
    assert items["A peace agreement"]["date"]["value"] == "2024"
    assert items["Macron calls Putin"]["date"]["value"] == "2025-09-01"
    assert items["A meeting some day"]["date"] == {"value": None, "precision": "unknown", "start": None, "end": None}


def test_an_event_carries_its_participants_topics_and_counts(api, world):
    item = api.get("/api/v1/events", {"kind": "call"}).json()["items"][0]
    assert {p["actor"]["name"] for p in item["participants"]} == {"Emmanuel Macron", "Vladimir Putin"}
    assert item["topics"] == ["ceasefire"]
    assert item["source_count"] == 2 and item["statement_count"] == 1
    assert item["url"].endswith(f"/events/{world.day.pk}/")


@pytest.mark.parametrize(("params", "expected"), [
    ({"kind": "negotiation"}, ["Talks in Istanbul"]),
    ({"status": "planned"}, ["Summit planned"]),
    ({"country": "fr"}, ["Macron calls Putin", "Zelensky meets Macron"]),
    ({"topic": "ceasefire"}, ["Macron calls Putin"]),
    ({"from": "2025-07-01", "to": "2025-08-31"}, ["Talks in Istanbul", "Zelensky meets Macron"]),
    ({"language": "fr"}, ["Macron calls Putin"]),
    ({"q": "Istanbul"}, ["Talks in Istanbul", "Summit planned"]),
])
def test_the_timeline_filters_work_the_same(api, world, params, expected):
    assert titles(api.get("/api/v1/events", params)) == expected


def test_several_actors_means_events_where_all_took_part(api, world):
    response = api.get(f"/api/v1/events?actor={world.putin.pk}&actor={world.zelensky.pk}")
    assert titles(response) == ["Talks in Istanbul", "Summit planned"]


def test_verified_keeps_only_what_an_editor_checked(api, world):
    Event.objects.filter(pk=world.year.pk).update(review_state=ReviewState.VERIFIED)
    assert titles(api.get("/api/v1/events", {"verified": "true"})) == ["A peace agreement"]


def test_following_next_walks_every_event_once(api, world):
    seen, url, pages = [], "/api/v1/events?limit=2", 0
    while url:
        body = api.get(url).json()
        seen += [item["title"] for item in body["items"]]
        url, pages = body["next"], pages + 1
        assert len(body["items"]) <= 2
    assert pages == 3 and len(seen) == 6 and len(set(seen)) == 6


def test_next_keeps_the_filters(api, world):
    first = api.get("/api/v1/events", {"actor": world.putin.pk, "limit": 1}).json()
    assert f"actor={world.putin.pk}" in first["next"]
    second = api.get(first["next"]).json()
    assert [item["title"] for item in second["items"]] == ["Talks in Istanbul"]


def test_updated_since_returns_only_what_changed(api, world):
    later = timezone.now() + dt.timedelta(seconds=1)
    Event.objects.filter(pk=world.week.pk).update(updated_at=later + dt.timedelta(minutes=1))
    assert titles(api.get("/api/v1/events", {"updated_since": later.isoformat()})) == ["Talks in Istanbul"]


def test_hidden_events_are_not_served(api, world):
    Event.objects.filter(pk=world.year.pk).update(review_state=ReviewState.REJECTED)
    assert "A peace agreement" not in titles(api.get("/api/v1/events"))
    assert api.get(f"/api/v1/events/{world.year.pk}").status_code == 404


def test_an_event_lists_the_articles_that_report_it(api, world):
    body = api.get(f"/api/v1/events/{world.day.pk}").json()
    assert {(s["title"], s["url"]) for s in body["sources"]} == {
        ("PM call", world.open_article.url), ("Appel Macron-Poutine", world.closed_article.url)}


def test_evidence_gives_each_sentence_with_its_article_and_offsets(api, world):
    body = api.get(f"/api/v1/events/{world.day.pk}/evidence").json()
    first = body["items"][0]
    article_text = world.open_article.text if first["article"]["id"] == world.open_article.pk else \
        world.closed_article.text
    assert article_text[first["start"]:first["end"]] == first["sentence"]
    assert {item["article"]["title"] for item in body["items"]} == {"PM call", "Appel Macron-Poutine"}
    assert first["event_review_state"] == "unreviewed" and "extractor_version" in first


@pytest.mark.parametrize("params", [
    {}, {"limit": 2}, {"kind": "meeting", "limit": 1}, {"topic": "ceasefire"}, {"country": "ua", "limit": 1},
    {"from": "2025-01-01", "to": "2025-08-31"}, {"language": "fr"}, {"q": "Istanbul", "limit": 1},
])
def test_a_page_is_the_timelines_page(api, world, params, rf):
    """The API reads its events as rows (v1._event_rows); the timeline's cards are the reference."""
    extra = make_event("Second talks in Istanbul", date=dt.date(2025, 9, 1), actors=[world.zelensky, world.macron],
                       topics=[world.ceasefire])
    make_event("Same day, other topic", date=dt.date(2025, 9, 1), actors=[world.putin])
    make_topic("prisoners", "Prisoners", "Prisonniers").events.add(extra)
    query, pages = dict(params), 0
    while True:
        response = api.get("/api/v1/events", query)
        assert response.status_code == 200, response.content
        request = rf.get("/api/v1/events", query)
        page = queries.event_page(queries.TimelineFilters.from_query(request.GET), size=query.get("limit", 50))
        cards = json.loads(json.dumps([v1._event(request, event) for event in page.items], cls=NinjaJSONEncoder))
        assert response.json()["items"] == cards
        assert response.json()["next_cursor"] == page.next_cursor
        pages += 1
        if not page.next_cursor:
            break
        query["cursor"] = page.next_cursor
    assert pages > 1 or "limit" not in params
