"""Actors, statements, articles and topics through the API."""

from __future__ import annotations

import pytest

from apps.records.models import ReviewState

pytestmark = pytest.mark.django_db


def test_actors_come_with_their_aliases(api, world):
    body = api.get("/api/v1/actors").json()
    putin = next(item for item in body["items"] if item["name"] == "Vladimir Putin")
    assert {a["name"] for a in putin["aliases"]} == {"Poutine", "Путин"}
    assert putin["country"] == "RU"


def test_actors_can_be_found_by_an_alias(api, world):
    body = api.get("/api/v1/actors", {"q": "Poutine"}).json()
    assert [item["name"] for item in body["items"]] == ["Vladimir Putin"]


def test_actors_page_by_cursor(api, world):
    first = api.get("/api/v1/actors", {"limit": 2}).json()
    second = api.get(first["next"]).json()
    assert len(first["items"]) == 2 and len(second["items"]) == 1 and second["next"] is None
    assert {i["id"] for i in first["items"]}.isdisjoint(i["id"] for i in second["items"])


def test_a_rejected_actor_is_not_served(api, world):
    world.zelensky.review_state = ReviewState.REJECTED
    world.zelensky.save()
    assert api.get(f"/api/v1/actors/{world.zelensky.pk}").status_code == 404
    assert "Volodymyr Zelensky" not in [i["name"] for i in api.get("/api/v1/actors").json()["items"]]


def test_statements_say_who_when_how_and_where(api, world):
    items = api.get("/api/v1/statements").json()["items"]
    assert [i["text"] for i in items] == ["We want a ceasefire.", "Putin said talks would continue."]
    quoted, reported = items
    assert reported["direct"] is False and reported["speaker"]["name"] == "Vladimir Putin"
    assert quoted["said_on"] == {"value": "2025-09-04", "precision": "day", "start": "2025-09-04",
                                 "end": "2025-09-04"}
    assert quoted["article"]["url"] == world.open_article.url and quoted["event_id"] == world.day.pk
    assert world.open_article.text[quoted["start"]:quoted["end"]] == quoted["text"]
    assert quoted["topics"] == ["ceasefire"]


def test_a_statement_of_a_described_speaker_carries_the_description(api, world):
    from tests.factories import make_statement

    make_statement("Nothing is decided yet.", speaker_description="a spokeswoman for the ministry")
    items = {i["text"]: i for i in api.get("/api/v1/statements").json()["items"]}
    described = items["Nothing is decided yet."]
    assert (described["speaker"], described["speaker_description"]) == (None, "a spokeswoman for the ministry")
    assert items["We want a ceasefire."]["speaker_description"] == ""
    schema = api.get("/api/v1/openapi.json").json()["components"]["schemas"]["StatementOut"]
    assert "speaker_description" in schema["required"]


def test_statements_follow_the_speaker_filter(api, world):
    items = api.get("/api/v1/statements", {"actor": world.macron.pk}).json()["items"]
    assert [i["text"] for i in items] == ["We want a ceasefire."]


def test_article_text_is_served_only_where_the_licence_allows(api, world):
    open_article = api.get(f"/api/v1/articles/{world.open_article.pk}").json()
    closed_article = api.get(f"/api/v1/articles/{world.closed_article.pk}").json()
    assert open_article["text"] == world.open_article.text
    assert closed_article["text"] is None
    assert closed_article["title"] == "Appel Macron-Poutine"
    assert closed_article["source"] == {"id": world.closed_article.source_id, "name": "Reuters",
                                        "licence": "All rights reserved"}


def test_articles_list_filters_by_language(api, world):
    items = api.get("/api/v1/articles", {"language": "fr"}).json()["items"]
    assert [i["title"] for i in items] == ["Appel Macron-Poutine"]


def test_topics_are_listed(api, world):
    assert api.get("/api/v1/topics").json() == [
        {"slug": "ceasefire", "name_en": "Ceasefire", "name_fr": "Cessez-le-feu", "description": ""}]
