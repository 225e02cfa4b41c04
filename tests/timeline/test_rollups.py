"""Issue 14: the chart and the actor pages read rollups that the writes keep equal to the live counts.

On PostgreSQL triggers keep the rollups (records 0007, apps/records/rollups.py); these tests make
the writes Parley makes (an extraction, an editor's edit through the admin, a rejection and a
verification, a delete, merges of actors and of events, an article marked irrelevant) and check
the tables against a rebuild from scratch, and each page's answer against the count of the
visible rows. On SQLite the pages count live: the same answers are checked there.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from apps.extraction import services as extraction
from apps.ingestion.models import Article
from apps.records import rollups, services
from apps.records.models import Actor, Event, EventParticipant, ReviewState, Statement
from apps.timeline import charts, queries
from apps.timeline.queries import TimelineFilters, bucket_of
from tests.factories import make_actor, make_article, make_event, make_statement, make_topic
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'",
                                   reason="the rollups' triggers are PostgreSQL's; SQLite counts live")
NEW_TEXT = ("Emmanuel Macron met Volodymyr Zelensky in Paris on Monday to discuss security guarantees. "
            "“We will stand by Ukraine,” Macron said.")


def rollup_rows() -> dict[str, list[tuple]]:
    """Every rollup's non-zero rows, in key order."""
    found = {}
    with connection.cursor() as cursor:
        for table in rollups.TABLES:
            keys = rollups.KEYS[table]
            cursor.execute(f"SELECT {keys}, n FROM {table} WHERE n <> 0 ORDER BY {keys}")
            found[table] = cursor.fetchall()
    return found


def rebuilt_rows() -> dict[str, list[tuple]]:
    """What a rebuild from scratch would hold, without keeping it."""
    with transaction.atomic():
        call_command("rebuild_rollups", stdout=open("/dev/null", "w"))  # noqa: SIM115
        rows = rollup_rows()
        transaction.set_rollback(True)
    return rows


@pytest.fixture
def cast(db):
    """Three leaders at a dozen events over a few months, with topics, quotes and one sourced article."""
    rng = random.Random(14)
    leaders = [make_actor(name) for name in ("Vladimir Putin", "Volodymyr Zelensky", "Emmanuel Macron")]
    topics = [make_topic(slug) for slug in ("truce", "trade", "water")]
    article = make_article(title="Talks", text="Preamble. They met. End.")
    events = []
    for i in range(12):
        day = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(120))
        event = make_event(f"Talks {i}", date=day if i != 5 else None, kind=rng.choice(list(Event.Kind.values)),
                           actors=rng.sample(leaders, rng.randrange(1, 4)), topics=rng.sample(topics, rng.randrange(3)),
                           evidence=[(article, "They met.")] if i % 4 == 0 else [])
        events.append(event)
    for i in range(20):
        make_statement(f"Words {i}.", speaker=rng.choice(leaders + [None]), article=article if i % 3 == 0 else None,
                       said_on=None if i % 7 == 0 else dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(120)))
    return {"leaders": leaders, "topics": topics, "events": events, "article": article}


def extract(text: str) -> Article:
    article = Article.objects.create(
        via=Article.Via.PASTE, title="Macron receives Zelensky", text=text, language="en",
        published_at=dt.datetime(2025, 9, 8, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]
    return article


def edit_in_admin(editor, event: Event, **changes) -> None:
    editors = Client()
    editors.force_login(editor)
    url = reverse("admin:records_event_change", args=[event.pk])
    data = make.change_form_data(editors.get(url))
    data.update(changes)
    response = editors.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def mix_of_writes(cast, editor) -> None:
    leaders, topics, events, article = cast["leaders"], cast["topics"], cast["events"], cast["article"]
    putin, zelensky, macron = leaders
    extract(NEW_TEXT)
    edit_in_admin(editor, events[1], date="2025-08-30", kind=Event.Kind.CALL, topics=[str(topics[2].pk)])
    edit_in_admin(editor, events[2], topics=[])
    services.set_review_state(objects=[events[3]], state=ReviewState.REJECTED, user=editor)
    services.set_review_state(objects=[events[4]], state=ReviewState.VERIFIED, user=editor)
    services.set_review_state(objects=list(Statement.objects.order_by("pk")[:3]), state=ReviewState.REJECTED, user=editor)
    events[6].delete()
    services.merge_events(keep=events[7], merge=events[8], user=editor)
    extra = make_actor("V. Putin")
    EventParticipant.objects.create(event=events[9], actor=extra)
    make_statement("More words.", speaker=extra, said_on=dt.date(2025, 4, 2))
    services.merge_actors(keep=putin, merge=extra, user=editor)
    services.merge_actors(keep=zelensky, merge=macron, user=editor)
    services.mark_article_irrelevant(article=article, user=editor)


@postgres_only
def test_the_rollups_the_triggers_keep_equal_a_rebuild_after_a_mix_of_writes(cast, editor):
    assert rollup_rows() == rebuilt_rows()
    mix_of_writes(cast, editor)
    kept = rollup_rows()
    assert kept == rebuilt_rows()
    assert all(kept.values())  # every table holds rows: the writes did reach them


@postgres_only
def test_the_rollups_follow_an_article_sent_back_to_extraction(cast, editor):
    article = cast["article"]
    services.mark_article_irrelevant(article=article, user=editor)
    hidden = rollup_rows()
    article.set_status(Article.Status.FETCHED)
    assert rollup_rows() == rebuilt_rows() != hidden


@postgres_only
def test_rebuild_rollups_restores_counts_that_went_wrong(cast):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE rollup_event_day SET n = n + 5")
        cursor.execute("DELETE FROM rollup_co_participants")
    putin = cast["leaders"][0]
    assert queries.co_participants(putin) == []
    call_command("rebuild_rollups", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [(a.name, a.shared) for a in queries.co_participants(putin)] == live_co_participants(putin)
    assert rollup_rows() == rebuilt_rows()


def live_co_participants(actor: Actor) -> list[tuple[str, int]]:
    """Who shares how many events with the actor, counted from the visible events one by one."""
    shared: dict[str, int] = {}
    events = Event.objects.exclude(review_state=ReviewState.REJECTED).filter(merged_into=None, participants__actor=actor)
    for event in events.prefetch_related("participants__actor"):
        for participant in event.participants.all():
            if participant.actor_id != actor.pk:
                shared[participant.actor.name] = shared.get(participant.actor.name, 0) + 1
    return sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:10]


def live_statement_months(actor: Actor) -> list[tuple[dt.date | None, int]]:
    months: dict = {}
    for said_on in Statement.objects.visible().filter(speaker=actor).values_list("said_on", flat=True):
        month = said_on.replace(day=1) if said_on else None
        months[month] = months.get(month, 0) + 1
    return sorted(months.items(), key=lambda item: (item[0] is None, item[0] or dt.date.min))


@pytest.mark.parametrize("writes", [False, True], ids=["as_loaded", "after_writes"])
def test_the_actor_pages_counts_equal_the_visible_rows(cast, editor, writes):
    if writes:
        mix_of_writes(cast, editor)
    for actor in Actor.objects.filter(merged_into=None):
        visible_events = Event.objects.visible().filter(participants__actor=actor).distinct().count()
        assert queries.actor_event_count(actor) == visible_events, actor.name
        assert queries.actor_statements_per_month(actor) == live_statement_months(actor), actor.name
        assert [(a.name, a.shared) for a in queries.co_participants(actor)] == live_co_participants(actor), actor.name
    zelensky = cast["leaders"][1]
    assert queries.actor_event_count(zelensky) > 0 and queries.co_participants(zelensky)


def test_the_actor_page_shows_the_counts_of_the_visible_rows(cast, editor, client, analyst):
    mix_of_writes(cast, editor)
    zelensky = cast["leaders"][1]
    client.force_login(analyst)
    page = client.get(reverse("timeline:actor", args=[zelensky.pk]))
    assert page.context["event_count"] == Event.objects.visible().filter(participants__actor=zelensky).count()
    assert page.context["statement_count"] == Statement.objects.visible().filter(speaker=zelensky).count()
    assert page.context["statement_chart"] == charts.monthly_chart(live_statement_months(zelensky))
    assert [(a.name, a.shared) for a in page.context["co_participants"]] == live_co_participants(zelensky)


def expected_chart(data: dict, kind: str = "") -> tuple[dict, dict]:
    """Each bar's events and statements, counted from the visible rows one by one."""
    size, start, end = data["bucket"], data["start"], data["end"]
    counts: dict[tuple, int] = {}
    events = Event.objects.visible().filter(date__gte=start, date__lte=end).prefetch_related("topics")
    for event in events.filter(kind=kind) if kind else events:
        keys = [event.kind] if data["by"] == "kind" else [t.slug for t in event.topics.all()] or [None]
        for key in keys:
            counts[(bucket_of(event.date, size), key)] = counts.get((bucket_of(event.date, size), key), 0) + 1
    statements: dict[dt.date, int] = {}
    for said_on in Statement.objects.visible().filter(said_on__gte=start, said_on__lte=end).values_list("said_on", flat=True):
        statements[bucket_of(said_on, size)] = statements.get(bucket_of(said_on, size), 0) + 1
    return counts, statements


@pytest.mark.parametrize("by", ["kind", "topic"])
def test_the_chart_counts_the_visible_rows_after_a_mix_of_writes(cast, editor, by):
    mix_of_writes(cast, editor)
    for filters in [TimelineFilters(), TimelineFilters(date_from=dt.date(2025, 4, 1), date_to=dt.date(2025, 8, 31))]:
        data = queries.activity(filters, by=by)
        assert (data["counts"], data["statements"]) == expected_chart(data)
        assert data["end"] >= dt.date(2025, 8, 30)  # the edited date is inside the period


def test_the_chart_by_kind_under_a_kind_filter_counts_that_kind(cast, editor):
    mix_of_writes(cast, editor)
    data = queries.activity(TimelineFilters(kind=Event.Kind.MEETING), by="kind")
    counts, statements = expected_chart(data, kind=Event.Kind.MEETING)
    assert data["counts"] == counts and data["statements"] == statements
    assert counts and all(key == Event.Kind.MEETING for _, key in counts)
    meetings = Event.objects.visible().filter(kind=Event.Kind.MEETING, date__isnull=False).order_by("date")
    assert data["start"] <= meetings.first().date and meetings.last().date <= data["end"]
