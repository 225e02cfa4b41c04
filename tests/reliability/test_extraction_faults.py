"""Extraction under faults, on the real services: every article extracted exactly once."""

from __future__ import annotations

import datetime as dt
import threading
import time

import psycopg
import pytest

from apps.extraction.tasks import extract_article
from apps.ingestion.models import Article
from apps.records.models import Event, Mention, Statement
from tests.conftest import FIXTURES, WorkerProcess, purge_queues, requires_postgres, requires_redis, test_database_url

pytestmark = [requires_postgres, requires_redis, pytest.mark.django_db(transaction=True)]

SEED = (FIXTURES.parent.parent / "sample_data" / "seed-reuters-fr-2025-09-04.article.json")

# Short limits so a dead run is retaken within seconds instead of minutes.
FAST_RECOVERY = {"CELERY_TASK_SOFT_TIME_LIMIT": "8", "CELERY_TASK_TIME_LIMIT": "10", "CELERY_VISIBILITY_TIMEOUT": "12"}


def seed_article() -> Article:
    import json

    raw = json.loads(SEED.read_text(encoding="utf-8"))
    return Article.objects.create(
        via=Article.Via.IMPORT, title=raw["title"], text=raw["text"], language="fr",
        published_at=dt.datetime(2025, 9, 4, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )


def rows(article: Article) -> tuple[int, int, int]:
    return (
        Statement.objects.filter(article=article).count(),
        Mention.objects.filter(article=article).count(),
        Event.objects.filter(evidence__article=article).distinct().count(),
    )


def wait_for(predicate, timeout: float, what: str, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{log() if log else ''}")


def someone_waits_on_a_lock() -> bool:
    """Whether a session of the test database is blocked on a lock (read on a fresh connection:
    pg_stat_activity is a snapshot taken once per transaction)."""
    with psycopg.connect(test_database_url(), autocommit=True) as watcher:
        return bool(watcher.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
        ).fetchone()[0])


def reference_counts() -> tuple[int, int, int]:
    """What one clean run stores for the seed story (run inline, then removed)."""
    article = seed_article()
    from apps.extraction import services

    services.extract_and_store([article.pk])
    counts = rows(article)
    Event.objects.all().delete()
    article.delete()
    return counts


def test_a_worker_killed_in_the_middle_of_extraction_leaves_the_article_extracted_once_by_the_next():
    expected = reference_counts()
    purge_queues()
    article = seed_article()
    worker = WorkerProcess(env=FAST_RECOVERY, name="doomed").start()
    # Lock the mentions table: the worker claims the article, runs spaCy, opens the transaction
    # that stores the run and blocks on its first write. That is the middle of the task.
    with psycopg.connect(test_database_url()) as blocker:
        blocker.execute("LOCK TABLE timeline_mention IN EXCLUSIVE MODE")
        extract_article.delay(article.pk)
        wait_for(
            lambda: Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTING
            and someone_waits_on_a_lock(),
            60, "the worker to block inside the extraction",
        )
        worker.kill()
        blocker.rollback()
    assert Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTING
    assert rows(article) == (0, 0, 0)  # nothing half-written by the dead run

    survivor = WorkerProcess(env=FAST_RECOVERY, name="survivor").start()
    try:
        wait_for(lambda: Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED, 90,
                 "the redelivered task to finish", log=lambda: survivor.log()[-3000:])
    finally:
        survivor.stop()
    article.refresh_from_db()
    assert rows(article) == expected
    assert article.attempts == 2


def test_the_same_article_delivered_twice_to_two_workers_is_extracted_once():
    expected = reference_counts()
    purge_queues()
    article = seed_article()
    workers = [WorkerProcess(name=f"twin{i}").start() for i in range(2)]
    try:
        results = [extract_article.delay(article.pk) for _ in range(2)]
        answers = [r.get(timeout=90) for r in results]
    finally:
        for worker in workers:
            worker.stop()
    assert sorted(len(a["extracted"]) for a in answers) == [0, 1]  # one ran, the other found it taken
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED and article.attempts == 1
    assert rows(article) == expected


def test_dropped_database_connections_during_extraction_are_retried_without_half_written_runs():
    expected = reference_counts()
    purge_queues()
    articles = [seed_article()]
    for n in range(3):  # distinct texts, the same story
        articles.append(Article.objects.create(
            via=Article.Via.IMPORT, title=f"copy {n}", text=articles[0].text + f"\n\n(copie {n})", language="fr",
            published_at=articles[0].published_at, status=Article.Status.FETCHED,
        ))
    worker = WorkerProcess(name="flaky-db", env={"DATABASE_URL": test_database_url() + "?application_name=parley-flaky"}).start()
    stop = threading.Event()

    def drop_worker_connections():
        # Terminate every other session on the test database, again and again, while the
        # worker runs: what a PostgreSQL restart or a network blip does to it.
        with psycopg.connect(test_database_url(), autocommit=True) as killer:
            while not stop.is_set():
                killer.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND application_name = 'parley-flaky' "
                    "AND state IN ('active', 'idle in transaction')"
                )
                time.sleep(0.05)

    killer = threading.Thread(target=drop_worker_connections, daemon=True)
    try:
        killer.start()
        for article in articles:
            extract_article.delay(article.pk)
        time.sleep(1.5)
        stop.set()
        killer.join(5)
        wait_for(
            lambda: all(a.status == Article.Status.EXTRACTED for a in Article.objects.filter(pk__in=[x.pk for x in articles])),
            120, "every article to be extracted despite the dropped connections", log=lambda: worker.log()[-3000:],
        )
    finally:
        stop.set()
        worker.stop()
    for article in articles:
        assert rows(article)[0] == expected[0]  # every quote, exactly once
