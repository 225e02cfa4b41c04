"""An API page costs the same number of queries whatever its size."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.records.models import DatePrecision
from tests.factories import make_actor, make_article, make_event, make_statement, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(world):
    topic = make_topic("prisoners")
    for n in range(30):
        actor = make_actor(f"Envoy {n}", country="TR", aliases=[f"Envoy alias {n}"])
        article = make_article(title=f"Report {n}", text=f"Envoy {n} met Putin. Envoy {n} said: peace now.")
        event = make_event(f"Meeting {n}", date=dt.date(2025, 1, 1) + dt.timedelta(days=n),
                           precision=DatePrecision.DAY, actors=[actor, world.putin], topics=[topic],
                           evidence=[(article, f"Envoy {n} met Putin.")])
        statement = make_statement("peace now.", speaker=actor, article=article, event=event)
        statement.topics.add(topic)


def _count(api, url: str) -> int:
    api.get("/api/v1/topics")  # the token's first use of the minute writes its last-used time: not counted
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.mark.parametrize("path", [
    "/api/v1/events", "/api/v1/actors", "/api/v1/statements", "/api/v1/articles",
])
def test_a_page_of_30_costs_what_a_page_of_2_does(api, many, path):
    joiner = "&" if "?" in path else "?"
    small = _count(api, f"{path}{joiner}limit=2")
    large = _count(api, f"{path}{joiner}limit=30")
    assert small == large, f"{path}: {small} queries for 2 rows, {large} for 30"


def test_a_search_page_reads_at_most_its_three_relevance_tiers(api, many):
    # One query per tier read (title, evidence, then statements and articles) until the page is
    # full: a short page may stop after one tier, a long one reads all three; never more. Before
    # them, two for what the words name (topics, actors); each lower tier read first asks whether
    # its matches are few (one query each). Then the cards: one query and two prefetches.
    small = _count(api, "/api/v1/events?q=Envoy&limit=2")
    large = _count(api, "/api/v1/events?q=Envoy&limit=30")
    every_request = _count(api, "/api/v1/topics") - 1  # the token's check, before the endpoint's one query
    assert small <= large <= every_request + 2 + 3 + 2 + 3


def test_the_evidence_page_costs_what_its_first_row_does(api, many, world):
    assert _count(api, f"/api/v1/events/{world.day.pk}/evidence?limit=1") == \
        _count(api, f"/api/v1/events/{world.day.pk}/evidence?limit=30")
