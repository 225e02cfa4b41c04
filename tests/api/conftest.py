"""A small world for the API: actors, a topic, articles under open and closed licences, events at
every date precision with their evidence, and statements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache

from apps.api.models import ApiToken
from apps.records.models import Alias, DatePrecision, Event
from tests.factories import make_actor, make_article, make_event, make_source, make_statement, make_topic


@pytest.fixture(autouse=True)
def generous_rate(settings):
    """The throttle counts in the shared cache per minute: tests that are not about it never meet it."""
    settings.PARLEY_API_RATE = 1_000_000


@pytest.fixture
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@dataclass
class World:
    macron: object
    putin: object
    zelensky: object
    ceasefire: object
    open_article: object
    closed_article: object
    day: object
    week: object
    month: object
    year: object
    undated: object
    planned: object
    statement: object
    reported: object


@pytest.fixture
def world(db) -> World:
    macron = make_actor("Emmanuel Macron", country="FR", aliases=["Macron"])
    putin = make_actor("Vladimir Putin", country="RU", aliases=["Poutine"])
    Alias.objects.create(actor=putin, name="Путин", language="ru")
    zelensky = make_actor("Volodymyr Zelensky", country="UA")
    ceasefire = make_topic("ceasefire", "Ceasefire", "Cessez-le-feu")
    open_source = make_source("10 Downing Street", licence="Open Government Licence v3.0")
    closed_source = make_source("Reuters", licence="All rights reserved")
    open_article = make_article(title="PM call", text="Macron called Putin on Monday. Zelensky met Macron. We want a ceasefire.",
                                source=open_source, language="en")
    closed_article = make_article(title="Appel Macron-Poutine", text="Macron a appelé Poutine lundi. Putin said talks would continue.",
                                  source=closed_source, language="fr")
    day = make_event("Macron calls Putin", kind=Event.Kind.CALL, date=dt.date(2025, 9, 1), actors=[macron, putin],
                     topics=[ceasefire], evidence=[(open_article, "Macron called Putin on Monday."),
                                                   (closed_article, "Macron a appelé Poutine lundi.")])
    week = make_event("Talks in Istanbul", kind=Event.Kind.NEGOTIATION, date=dt.date(2025, 8, 25),
                      precision=DatePrecision.WEEK, actors=[putin, zelensky])
    month = make_event("Zelensky meets Macron", date=dt.date(2025, 7, 1), precision=DatePrecision.MONTH,
                       actors=[macron, zelensky], evidence=[(open_article, "Zelensky met Macron.")])
    year = make_event("A peace agreement", kind=Event.Kind.AGREEMENT, date=dt.date(2024, 1, 1),
                      precision=DatePrecision.YEAR, actors=[zelensky])
    undated = make_event("A meeting some day", date=None, actors=[putin])
    planned = make_event("Summit planned", date=dt.date(2025, 6, 2), status=Event.Status.PLANNED,
                         location="Istanbul", actors=[putin, zelensky])
    statement = make_statement("We want a ceasefire.", speaker=macron, article=open_article, event=day)
    statement.topics.add(ceasefire)
    reported = make_statement("Putin said talks would continue.", speaker=putin, article=closed_article,
                              direct=False, said_on=dt.date(2025, 9, 2))
    return World(macron, putin, zelensky, ceasefire, open_article, closed_article, day, week, month, year, undated,
                 planned, statement, reported)


@pytest.fixture
def analyst_token(analyst) -> str:
    return ApiToken.issue(user=analyst, name="notebook")[1]


@pytest.fixture
def api(client, analyst_token):
    """A client that sends Ana's token, like her scripts do."""
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {analyst_token}"
    return client
