"""A worker killed in the middle of a fetch loses nothing: another worker does the work, exactly once.

Real PostgreSQL, real Redis, real `celery worker` processes. The first worker is held inside
the fetch by a local server that does not answer until the test has SIGKILLed it; the task,
acknowledged late, stays unacknowledged in Redis and is handed to the second worker once the
visibility timeout has passed.
"""

from __future__ import annotations

import threading
import time

import pytest

from apps.ingestion.models import Article
from apps.ingestion.tasks import fetch_article
from config.celery import app
from tests.conftest import WorkerProcess, requires_postgres, requires_redis
from tests.ingestion.conftest import VISIBILITY_TIMEOUT, isolated_redis_url, queued_in_redis, wait_for

pytestmark = [pytest.mark.worker, requires_redis, requires_postgres]


def test_a_fetch_killed_mid_task_is_redone_by_another_worker_and_stored_exactly_once(transactional_db, site, isolated_redis):
    site.serve_pages()
    release = threading.Event()
    page = site.routes["/pages/article-en.html"]
    # The first request hangs until released; every later one gets the page at once.
    site.route("/stalls-once", stall=release, body=page.body, headers=page.headers, then=page)
    article = Article.objects.create(
        via=Article.Via.URL, url=site.url("/stalls-once"), submitted_url=site.url("/stalls-once"),
        status=Article.Status.PENDING,
    )
    env = {
        "REDIS_URL": isolated_redis_url(),
        "PARLEY_ALLOW_LOOPBACK_FETCH": "1",
        "PARLEY_FETCH_HOST_INTERVAL": "0",
        "PARLEY_FETCH_TIMEOUT": "60",  # the stall must outlast the test's wait, not time out
        "CELERY_TASK_SOFT_TIME_LIMIT": "4",
        "CELERY_TASK_TIME_LIMIT": "5",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
    }
    # Only the ingestion queue: extraction messages stay in Redis, where the test counts them.
    first = WorkerProcess(env=env, name="doomed", queues="ingestion").start()
    second = None
    try:
        with app.connection_for_write(isolated_redis_url()) as connection:
            fetch_article.apply_async(args=[article.pk], connection=connection)

        assert site.arrived.wait(60), f"the first worker never fetched:\n{first.log()[-3000:]}"
        wait_for(lambda: site.hits["/stalls-once"] == 1, 5, "the stalled request")
        first.kill()
        release.set()
        article.refresh_from_db()
        assert article.status == Article.Status.PENDING, "the killed worker stored nothing"
        assert article.attempts == 1

        second = WorkerProcess(env=env, name="survivor", queues="ingestion").start()
        wait_for(
            lambda: Article.objects.filter(pk=article.pk).exclude(status=Article.Status.PENDING).exists(),
            VISIBILITY_TIMEOUT + 60, lambda: f"the second worker to redo the fetch:\n{second.log()[-3000:]}",
        )
        # Past another visibility timeout: had the message not been acknowledged, it would come back.
        time.sleep(VISIBILITY_TIMEOUT + 2)
    finally:
        release.set()
        first.kill()
        if second:
            second.stop()

    article.refresh_from_db()
    assert article.status == Article.Status.FETCHED, article.error
    assert "compare drafts of a ceasefire framework" in article.text
    assert article.attempts == 2, "started twice: once by the killed worker, once by the survivor"
    assert site.hits["/stalls-once"] == 2
    assert Article.objects.count() == 1
    assert queued_in_redis(isolated_redis, "extraction") == [("apps.extraction.tasks.extract_article", [article.pk])]
    assert isolated_redis.llen("ingestion") == 0
    assert "fetch_article" in second.log() and "succeeded" in second.log()
