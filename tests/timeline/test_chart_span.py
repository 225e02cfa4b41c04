"""Issue 16 item 5: the activity chart spans the whole filtered period, in bars sized to it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from apps.records.models import Event
from apps.timeline import charts, queries
from apps.timeline.queries import TimelineFilters
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _chart(**filters):
    return charts.activity_chart(queries.activity(TimelineFilters(**filters), by="kind"), by="kind")


def _labels(chart) -> list[str]:
    return [bar.axis_label for bar in chart["bars"] if bar.axis_label]


def test_a_year_of_events_is_charted_whole_by_month():
    make_event("First talks", date=dt.date(2025, 1, 14))
    make_event("Summer call", date=dt.date(2025, 7, 2), kind=Event.Kind.CALL)
    make_event("Latest talks", date=dt.date(2025, 11, 23))
    chart = _chart()
    assert chart["bucket"] == "month"
    assert [bar.week for bar in chart["bars"]] == [dt.date(2025, m, 1) for m in range(1, 12)]
    assert chart["event_total"] == 3  # the January event is not left off any more
    assert _labels(chart) == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]


def test_thirty_weeks_of_events_are_charted_by_week_from_the_first():
    make_event("First talks", date=dt.date(2025, 3, 3))
    make_event("Latest talks", date=dt.date(2025, 9, 22))
    chart = _chart()
    assert chart["bucket"] == "week" and len(chart["bars"]) == 30
    assert chart["bars"][0].week == dt.date(2025, 3, 3) and chart["event_total"] == 2


def test_a_decade_is_charted_by_year():
    make_event("Minsk talks", date=dt.date(2015, 2, 11))
    make_event("Geneva talks", date=dt.date(2025, 8, 20))
    chart = _chart()
    assert chart["bucket"] == "year" and [bar.week.year for bar in chart["bars"]] == list(range(2015, 2026))


def test_with_a_date_filter_the_axis_shows_exactly_those_months():
    make_event("Before", date=dt.date(2025, 7, 20))
    make_event("August talks", date=dt.date(2025, 8, 20))
    make_event("September call", date=dt.date(2025, 9, 30), kind=Event.Kind.CALL)
    make_event("After", date=dt.date(2025, 10, 2))
    chart = _chart(date_from=dt.date(2025, 8, 1), date_to=dt.date(2025, 9, 30))
    assert chart["bucket"] == "week" and _labels(chart) == ["Aug", "Sep"]  # not "Jul" for the week of 28 July
    assert (chart["first_day"], chart["last_day"]) == (dt.date(2025, 8, 1), dt.date(2025, 9, 30))
    assert chart["event_total"] == 2
    with translation.override("fr"):
        assert _labels(_chart(date_from=dt.date(2025, 8, 1), date_to=dt.date(2025, 9, 30))) == ["août", "sept."]


def test_a_long_date_filter_keeps_its_whole_span_in_months(client):
    make_event("Talks", date=dt.date(2025, 8, 20))
    html = client.get(reverse("timeline:activity"), {"from": "2024-01-01", "to": "2025-12-31"},
                      HTTP_HX_REQUEST="true").content.decode()
    assert "Activity per month" in html
    assert html.count('<g class="week-bar">') == 24
    assert "from Jan. 1, 2024 to Dec. 31, 2025" in html


def test_a_date_filter_of_centuries_is_narrowed_to_the_events():
    make_event("Talks", date=dt.date(2025, 8, 20))
    make_event("Older talks", date=dt.date(2019, 8, 20))
    chart = _chart(date_from=dt.date(1000, 1, 1), date_to=dt.date(2999, 12, 31))
    assert len(chart["bars"]) <= queries.MAX_BARS and chart["event_total"] == 2
