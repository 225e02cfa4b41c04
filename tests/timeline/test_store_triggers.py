"""Issue 12 (extraction throughput): the triggers a store fires on PostgreSQL skip work that changes nothing.

- A new source of an event recounts its `sources_irrelevant` flag only where the flag can change
  (records 0010): these tests add sources one statement at a time, as the extraction's store does,
  and check the flag each time against what the sources say.
- The rollups' UPDATE triggers leave at once when no counted column changed (a touch of
  `updated_at`), and still count a change of date.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from apps.ingestion.models import Article
from apps.records.models import Event, EventEvidence
from tests.factories import make_article, make_event

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's triggers (SQLite has none)"),
]


def add_source(event: Event, article: Article) -> None:
    EventEvidence.objects.create(event=event, article=article, sentence="They met in Geneva.", start=0, end=19)


def flagged(event: Event) -> bool:
    """The trigger-kept flag, and what the sources say (visible_by_evidence), which must agree."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT sources_irrelevant FROM timeline_event WHERE id = %s", [event.pk])
        flag = cursor.fetchone()[0]
    assert flag == (not Event.objects.filter(pk=event.pk).visible_by_evidence().exists())
    return flag


def test_a_first_source_from_an_irrelevant_article_flags_the_event():
    event = make_event("Talks in Geneva")
    add_source(event, make_article(status=Article.Status.IRRELEVANT))
    assert flagged(event)


def test_a_source_from_a_relevant_article_unflags_an_event_only_irrelevant_ones_reported():
    event = make_event("Talks in Geneva")
    add_source(event, make_article(status=Article.Status.IRRELEVANT))
    add_source(event, make_article(status=Article.Status.EXTRACTING))
    assert not flagged(event)


def test_an_event_a_relevant_article_reports_stays_unflagged_whatever_source_comes_next():
    event = make_event("Talks in Geneva")
    add_source(event, make_article())
    add_source(event, make_article(status=Article.Status.IRRELEVANT))
    assert not flagged(event)
    add_source(event, make_article(status=Article.Status.EXTRACTING))
    assert not flagged(event)


def day_count(day: dt.date, kind: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(sum(n), 0) FROM rollup_event_day WHERE day = %s AND kind = %s", [day, kind])
        return cursor.fetchone()[0]


def test_a_touch_of_events_leaves_the_day_counts_and_a_new_date_moves_them():
    first, second = dt.date(2025, 9, 1), dt.date(2025, 9, 2)
    events = [make_event(f"Talks {i}", date=first, kind=Event.Kind.MEETING) for i in range(3)]
    assert day_count(first, Event.Kind.MEETING) == 3
    Event.objects.filter(pk__in=[e.pk for e in events]).update(updated_at=timezone.now())
    assert (day_count(first, Event.Kind.MEETING), day_count(second, Event.Kind.MEETING)) == (3, 0)
    Event.objects.filter(pk=events[0].pk).update(date=second, updated_at=timezone.now())
    assert (day_count(first, Event.Kind.MEETING), day_count(second, Event.Kind.MEETING)) == (2, 1)
