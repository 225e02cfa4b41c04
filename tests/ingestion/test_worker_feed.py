"""A source pointed at a local feed, polled again and again through Redis by a real worker: each item once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.ingestion.models import Article, Source
from apps.ingestion.tasks import poll_source
from config.celery import app
from tests.conftest import WorkerProcess, requires_postgres, requires_redis
from tests.ingestion.conftest import isolated_redis_url, queued_in_redis, wait_for

pytestmark = [pytest.mark.worker, requires_redis, requires_postgres]


def test_a_feed_polled_repeatedly_by_a_worker_ingests_each_new_item_exactly_once(transactional_db, site, isolated_redis):
    site.serve_pages()
    source = Source.objects.create(name="Test Wire", feed_url=site.serve_feed("rss2.xml", path="/feed"))
    env = {"REDIS_URL": isolated_redis_url(), "PARLEY_ALLOW_LOOPBACK_FETCH": "1", "PARLEY_FETCH_HOST_INTERVAL": "0"}
    # Only the ingestion queue: extraction messages stay in Redis, where the test reads them.
    worker = WorkerProcess(env=env, name="feeds", queues="ingestion").start()

    def poll_and_settle(expected_articles: int) -> None:
        Source.objects.filter(pk=source.pk).update(next_poll_at=timezone.now() - timedelta(seconds=1))
        with app.connection_for_write(isolated_redis_url()) as connection:
            poll_source.apply_async(args=[source.pk], connection=connection)
        wait_for(lambda: Source.objects.get(pk=source.pk).next_poll_at > timezone.now(), 60, "the poll")
        wait_for(
            lambda: Article.objects.count() == expected_articles
            and not Article.objects.filter(status=Article.Status.PENDING).exists()
            and isolated_redis.llen("ingestion") == 0,
            60, lambda: f"the fetches to settle:\n{worker.log()[-2000:]}",
        )

    try:
        for _ in range(3):
            poll_and_settle(3)
        site.serve_feed("rss2-more.xml", path="/feed")
        for _ in range(2):
            poll_and_settle(4)
    finally:
        worker.stop()

    assert site.hits["/feed"] == 5
    assert [site.hits[f"/pages/{name}"] for name in (
        "article-en.html", "article-fr-windows-1252.html", "article-en-syndicated.html", "article-en-second.html"
    )] == [1, 1, 1, 1]
    by_guid = {a.external_id: a for a in Article.objects.all()}
    assert by_guid["test-wire-0003"].status == Article.Status.DUPLICATE
    assert by_guid["test-wire-0003"].duplicate_of == by_guid["test-wire-0001"]
    originals = sorted(by_guid[g].pk for g in ("test-wire-0001", "test-wire-0002", "test-wire-0004"))
    extraction = queued_in_redis(isolated_redis, "extraction")
    assert sorted(args[0] for _name, args in extraction) == originals
    assert {name for name, _args in extraction} == {"apps.extraction.tasks.extract_article"}
