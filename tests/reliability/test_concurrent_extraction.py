"""Two real workers store reports of the same meetings at the same moment: nothing is made twice."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from apps.extraction.pipeline import ArticleInput, extract
from apps.extraction.pipeline.gazetteer import Gazetteer
from apps.extraction.pipeline.topics import TopicMatcher
from apps.extraction.reference_data import load_actors
from apps.extraction.tasks import extract_article
from apps.ingestion.models import Article
from apps.records.models import Actor, Alias, Event, Mention, normalize_name
from tests.conftest import WorkerProcess, purge_queues, requires_postgres, requires_redis, test_database_url
from tests.reliability.test_extraction_faults import wait_for

pytestmark = [requires_postgres, requires_redis, pytest.mark.django_db(transaction=True)]

# Two people the gazetteer does not know, at two meetings.
NEW_PEOPLE = (
    "Ukrainian negotiator Olena Kovalchuk met Steve Witkoff in Geneva on Tuesday, September 2, 2025. "
    "“We discussed security guarantees,” Kovalchuk said after the meeting. "
    "Polish envoy Tomasz Wierzbicki met Olena Kovalchuk in Warsaw on Monday, September 1."
)
# Curated actors only: a report of it makes no actor, so nothing but the event itself is shared.
CALL = (
    "Volodymyr Zelensky spoke with Emmanuel Macron by phone on Wednesday, September 3, 2025. "
    "Keir Starmer met Friedrich Merz in Berlin on Monday, September 1."
)
PUBLISHED = dt.datetime(2025, 9, 4, 8, 0, tzinfo=dt.timezone.utc)


def report(story: str, desk: str) -> Article:
    """One agency's copy of a story (its own sign-off, so its own text and content hash)."""
    return Article.objects.create(
        via=Article.Via.IMPORT, title=f"{story[:40]} ({desk})", text=f"{story}\n\n(Reporting by the {desk} desk.)",
        language="en", published_at=PUBLISHED, status=Article.Status.FETCHED,
    )


def what_the_pipeline_reads(article: Article) -> tuple[set[str], set[str]]:
    """The new names and event keys the extractor finds in the article (pure pipeline, no database)."""
    read = extract(
        ArticleInput(id=str(article.pk), url=None, source="", language="en", published=PUBLISHED.date(),
                     title=article.title, text=article.text),
        gazetteer=Gazetteer.from_file(), topics=TopicMatcher.from_file(),
    )
    return {normalize_name(a.name) for a in read.actors if a.is_new}, {e.dedup_key for e in read.events if e.dedup_key}


def sessions_waiting_on_a_lock() -> int:
    with psycopg.connect(test_database_url(), autocommit=True) as watcher:
        return watcher.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
        ).fetchone()[0]


def store_at_once(reports: list[Article], workers: list[WorkerProcess]) -> None:
    """Have each worker store one report, both inside their storing transactions at the same time."""
    def logs() -> str:
        return "\n".join(w.log()[-3000:] for w in workers)

    # The barrier: with the mentions table locked, each worker claims its report, runs spaCy and
    # stops inside its storing transaction, at its first write (or behind the other's lock on a
    # key both may create). Released, both go on storing at the same moment.
    with psycopg.connect(test_database_url()) as barrier:
        barrier.execute("LOCK TABLE timeline_mention IN EXCLUSIVE MODE")
        for article in reports:
            extract_article.delay(article.pk)
        wait_for(lambda: sessions_waiting_on_a_lock() >= len(reports), 90,
                 "both workers to be inside the store", log=logs)
        barrier.rollback()
    wait_for(
        lambda: Article.objects.filter(pk__in=[a.pk for a in reports], status=Article.Status.EXTRACTED).count() == 2,
        90, "both reports to be stored", log=logs,
    )


def shared_reading(reports: list[Article]) -> tuple[set[str], set[str]]:
    names, keys = zip(*(what_the_pipeline_reads(a) for a in reports))
    return set.intersection(*names), set.intersection(*keys)


def test_two_workers_storing_reports_of_the_same_meetings_at_once_make_each_event_and_new_actor_once():
    load_actors()  # the curated actors, as in any database in use: only the new names are made here
    calls = [report(CALL, "Paris"), report(CALL, "Berlin")]
    meetings = [report(NEW_PEOPLE, "Kyiv"), report(NEW_PEOPLE, "Geneva")]
    _, call_keys = shared_reading(calls)
    new_names, meeting_keys = shared_reading(meetings)
    assert len(call_keys) >= 2, "both reports of the call name the same events"
    assert len(new_names) >= 2 and len(meeting_keys) >= 2, "both reports name the same new people and meetings"

    purge_queues()
    workers = [WorkerProcess(name=f"racer{i}").start() for i in range(2)]
    try:
        store_at_once(calls, workers)
        store_at_once(meetings, workers)
    finally:
        for worker in workers:
            worker.stop()

    for reports, keys in [(calls, call_keys), (meetings, meeting_keys)]:
        for key in keys:
            events = Event.objects.filter(dedup_key=key)
            assert len(events) == 1, f"{key!r} was made {len(events)} times"
            assert set(events[0].evidence.values_list("article_id", flat=True)) == {a.pk for a in reports}
    for name in new_names:
        made = [actor for actor in Actor.objects.all() if normalize_name(actor.name) == name]
        assert len(made) == 1, f"{name!r} was made {len(made)} times"
        # Each worker's name for the person is kept, on the one actor both reports point to.
        assert Alias.objects.get(normalized=name).actor == made[0]
        named = Mention.objects.filter(article__in=meetings, text__icontains=name.split()[-1])
        assert {m.actor_id for m in named} == {made[0].pk}
        assert {m.article_id for m in named} == {a.pk for a in meetings}
