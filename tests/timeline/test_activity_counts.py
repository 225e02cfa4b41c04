"""Issue 14: the activity chart counts each bar exactly as the events and statements it shows.

The chart groups on the date column and puts days into bars in Python, and counts topic rows
without DISTINCT; these tests count the same bars from the visible rows one by one.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from apps.records.models import Event, ReviewState, Statement
from apps.timeline import queries
from apps.timeline.queries import TimelineFilters, bucket_of
from tests.factories import make_event, make_statement, make_topic

pytestmark = pytest.mark.django_db

KINDS = [Event.Kind.MEETING, Event.Kind.CALL, Event.Kind.VISIT]


def _varied_timeline(first: dt.date, days: int, *, seed: int) -> None:
    """Events with no, one or two topics, some hidden, and statements, spread over `days`."""
    rng = random.Random(seed)
    topics = [make_topic(slug) for slug in ("truce", "trade", "water")]
    kept = None
    for i in range(60):
        day = first + dt.timedelta(days=rng.randrange(days))
        extra = {}
        if i % 11 == 0:
            extra["review_state"] = ReviewState.REJECTED
        event = make_event(kind=rng.choice(KINDS), date=day, topics=rng.sample(topics, rng.randrange(3)), **extra)
        if i % 13 == 5 and kept is not None:
            Event.objects.filter(pk=event.pk).update(merged_into=kept)
        kept = kept or event
    make_event("Undated", date=None)
    for i in range(40):
        said = first + dt.timedelta(days=rng.randrange(days))
        make_statement(f"Words {i}.", said_on=said, **({"review_state": ReviewState.REJECTED} if i % 9 == 0 else {}))


def _expected(data: dict) -> tuple[dict, dict]:
    size, start, end = data["bucket"], data["start"], data["end"]
    counts: dict[tuple, int] = {}
    for event in Event.objects.visible().filter(date__gte=start, date__lte=end).prefetch_related("topics"):
        keys = [event.kind] if data["by"] == "kind" else [t.slug for t in event.topics.all()] or [None]
        for key in keys:
            bar = (bucket_of(event.date, size), key)
            counts[bar] = counts.get(bar, 0) + 1
    statements: dict[dt.date, int] = {}
    for said_on in Statement.objects.visible().filter(said_on__gte=start, said_on__lte=end).values_list("said_on", flat=True):
        statements[bucket_of(said_on, size)] = statements.get(bucket_of(said_on, size), 0) + 1
    return counts, statements


@pytest.mark.parametrize(
    ("days", "bucket"), [(150, "week"), (700, "month"), (3000, "year")], ids=["weeks", "months", "years"]
)
@pytest.mark.parametrize("by", ["kind", "topic"])
def test_each_bar_counts_the_visible_events_and_statements_of_its_period(days, bucket, by):
    _varied_timeline(dt.date(2019, 3, 7), days, seed=days)
    data = queries.activity(TimelineFilters(), by=by)
    assert data["bucket"] == bucket
    counts, statements = _expected(data)
    assert data["counts"] == counts
    assert data["statements"] == statements
    assert sum(counts.values()) > 20 and sum(statements.values()) > 20  # the data is really varied


def test_a_date_filter_counts_only_the_days_inside_it():
    _varied_timeline(dt.date(2024, 1, 1), 400, seed=4)
    data = queries.activity(TimelineFilters(date_from=dt.date(2024, 2, 10), date_to=dt.date(2024, 9, 20)), by="topic")
    counts, statements = _expected(data)
    assert data["counts"] == counts and data["statements"] == statements
    assert min(bar for bar, _ in counts) >= dt.date(2024, 2, 5)  # the week of 10 February
