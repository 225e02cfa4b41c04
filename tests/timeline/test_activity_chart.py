"""The weekly activity chart follows the timeline's filters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from apps.timeline import charts, queries
from apps.timeline.models import Event
from tests.factories import make_actor, make_event, make_statement, make_topic

pytestmark = pytest.mark.django_db


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
    html = client.get(reverse("timeline:index"), {"actor": macron.pk, "chart": "topic"}).content.decode()
    assert "1 events and 0 statements" in html or "1 event" in html
    assert ">Truce</li>" in html.replace("\n", "") or "Truce</li>" in html
    assert 'class="series-0"' in html


def test_the_chart_uses_no_inline_style(client):
    make_event("Meeting", date=dt.date(2025, 9, 1))
    html = client.get(reverse("timeline:index")).content.decode()
    assert "style=" not in html and "<style" not in html
