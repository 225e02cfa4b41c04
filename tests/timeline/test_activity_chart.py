"""The weekly activity chart follows the timeline's filters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from apps.timeline import charts, queries
from apps.records.models import Event
from tests.factories import make_actor, make_event, make_statement, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_it_counts_events_per_week_and_kind_and_statements_per_week():
    monday = dt.date(2025, 9, 1)
    make_event("Meeting", date=monday, kind=Event.Kind.MEETING)
    make_event("Meeting 2", date=monday + dt.timedelta(days=2), kind=Event.Kind.MEETING)
    make_event("Call", date=monday + dt.timedelta(days=8), kind=Event.Kind.CALL)
    make_statement("Words.", said_on=monday + dt.timedelta(days=9))
    chart = charts.activity_chart(queries.activity(queries.TimelineFilters(), by="kind"), by="kind")
    bars = {bar.week: bar for bar in chart["bars"]}
    assert bars[monday].total == 2 and bars[monday].segments[0].css == "kind-meeting"
    assert bars[monday + dt.timedelta(days=7)].total == 1 and bars[monday + dt.timedelta(days=7)].statements == 1
    assert chart["event_total"] == 3 and chart["statement_total"] == 1


def test_it_follows_the_filters_and_can_group_by_topic(client):
    truce = make_topic("truce", "Truce", "Trêve")
    macron = make_actor("Emmanuel Macron")
    make_event("Truce talks", date=dt.date(2025, 9, 1), topics=[truce], actors=[macron])
    make_event("Other", date=dt.date(2025, 9, 2))
    html = client.get(reverse("timeline:activity"), {"actor": macron.pk, "chart": "topic"},
                      HTTP_HX_REQUEST="true").content.decode()
    assert html.lstrip().startswith('<section id="activity"') and "<html" not in html
    assert "1 events and 0 statements" in html
    assert "Truce</li>" in html and 'class="series-0"' in html


def test_the_page_loads_the_chart_after_the_list_with_its_filters_and_a_link_without_javascript(client):
    make_event("Meeting", date=dt.date(2025, 9, 1), kind=Event.Kind.CALL)
    html = client.get(reverse("timeline:index"), {"kind": "call"}).content.decode()
    assert 'hx-get="/activity?kind=call&amp;chart=kind" hx-trigger="load"' in html
    assert '<noscript><a href="/activity?kind=call&amp;chart=kind">' in html
    page = client.get(reverse("timeline:activity"), {"kind": "call"}).content.decode()
    assert "<html" in page and "<svg" in page


def test_a_new_event_shows_in_the_chart_at_once_despite_the_cache(client):
    make_event("Meeting", date=dt.date(2025, 9, 1))
    url = reverse("timeline:activity")
    assert "1 events" in client.get(url, HTTP_HX_REQUEST="true").content.decode()
    make_event("Another", date=dt.date(2025, 9, 2))
    assert "2 events" in client.get(url, HTTP_HX_REQUEST="true").content.decode()


def test_the_chart_uses_no_inline_style(client):
    make_event("Meeting", date=dt.date(2025, 9, 1))
    html = client.get(reverse("timeline:activity"), HTTP_HX_REQUEST="true").content.decode()
    assert "<svg" in html and "style=" not in html and "<style" not in html
