"""Real workers: a run past its soft time limit fails with the reason, a run that always fails stops."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from django.conf import settings
from django.utils import timezone

from apps.extraction.services import MAX_EXTRACTION_ATTEMPTS
from apps.extraction.tasks import extract_article
from apps.ingestion.models import Article
from apps.ingestion.tasks import requeue_stuck_articles
from tests.conftest import WorkerProcess, purge_queues, requires_postgres, requires_redis, test_database_url
from tests.reliability.test_extraction_faults import seed_article, wait_for

pytestmark = [requires_postgres, requires_redis, pytest.mark.django_db(transaction=True)]


def test_an_extraction_past_the_soft_time_limit_ends_failed_with_the_reason():
    seed = seed_article()
    # Some forty copies of the story: about fifteen seconds of spaCy, far past a two-second limit.
    long_read = Article.objects.create(
        via=Article.Via.IMPORT, title="A very long read", text="\n\n".join([seed.text] * 40), language="fr",
        published_at=seed.published_at, status=Article.Status.FETCHED,
    )
    purge_queues()
    hurried = {"CELERY_TASK_SOFT_TIME_LIMIT": "2", "CELERY_TASK_TIME_LIMIT": "120"}
    # prefork: the solo pool ignores time limits. The hard limit leaves the handler time to run.
    worker = WorkerProcess(name="hurried", pool="prefork", env=hurried).start()
    try:
        # The sender's limits travel in the message and win over the worker's: send the same ones.
        extract_article.apply_async((long_read.pk,), soft_time_limit=2, time_limit=120)
        wait_for(lambda: Article.objects.get(pk=long_read.pk).status == Article.Status.FAILED, 90,
                 "the run to stop at its soft time limit", log=lambda: worker.log()[-3000:])
    finally:
        worker.stop()
    long_read.refresh_from_db()
    assert long_read.error == "time limit exceeded: extraction took longer than 2 s"
    assert not long_read.mentions.exists()


def test_an_article_whose_every_delivery_fails_ends_failed_after_the_last_attempt_and_is_not_swept_again():
    article = seed_article()
    purge_queues()
    # The worker waits at most 200 ms for a lock; the test holds the mentions table all along, so
    # every run of the article fails where it stores, with a transient error the task retries.
    worker = WorkerProcess(
        name="always-blocked", env={"DATABASE_URL": test_database_url() + "?options=-c%20lock_timeout%3D200"},
    ).start()
    try:
        with psycopg.connect(test_database_url()) as blocker:
            blocker.execute("LOCK TABLE timeline_mention IN EXCLUSIVE MODE")
            extract_article.delay(article.pk)
            wait_for(lambda: Article.objects.get(pk=article.pk).status == Article.Status.FAILED, 120,
                     "the article to run out of attempts", log=lambda: worker.log()[-3000:])
            blocker.rollback()
    finally:
        worker.stop()
    article.refresh_from_db()
    assert article.extraction_attempts == MAX_EXTRACTION_ATTEMPTS
    assert article.error.startswith(f"extraction failed {MAX_EXTRACTION_ATTEMPTS} times: OperationalError")
    assert "lock timeout" in article.error

    # Long after, the sweep leaves it where it is: failed, with its reason, for an editor.
    long_ago = timezone.now() - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT * 10)
    Article.objects.filter(pk=article.pk).update(status_changed_at=long_ago)
    assert requeue_stuck_articles.apply().get() == {"fetch": 0, "extract": 0, "gave_up": 0}
    assert Article.objects.get(pk=article.pk).status == Article.Status.FAILED
