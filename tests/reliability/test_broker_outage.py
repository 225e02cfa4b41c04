"""Redis down while editors submit articles: the request still stores and answers; the sweep
queues the articles once Redis is back, and a real worker extracts each exactly once."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.ingestion.models import Article
from apps.ingestion.tasks import requeue_stuck_articles
from config.celery import app
from tests.conftest import WorkerProcess, purge_queues, requires_postgres, requires_redis

pytestmark = [requires_postgres, requires_redis, pytest.mark.django_db(transaction=True)]


@contextmanager
def broker_at(url: str):
    """Point this process's Celery app at another broker, as if Redis had gone away."""
    def reconnect(to: str):
        # Pools are kept by kombu per broker URL: drop our references, never close them, or the
        # pool of the real Redis would be found closed when we switch back.
        app.conf.broker_url = to
        app._pool = None
        app.amqp._producer_pool = None

    saved = app.conf.broker_url
    reconnect(url)
    try:
        yield
    finally:
        reconnect(saved)


def upload(client, records: list[dict]):
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    return client.post("/ingest/upload", {"file": SimpleUploadedFile("outage.jsonl", body)})


def test_articles_submitted_while_redis_is_down_are_kept_and_extracted_once_it_is_back(client, editor):
    client.force_login(editor)
    records = [
        {"id": f"outage-{n}", "source": "Written for the Parley tests", "language": "fr", "published": "2025-09-04",
         "title": f"Réunion {n}", "text": f"« Nous sommes prêts à fournir des garanties de sécurité à l'Ukraine », a déclaré mercredi "
                 f"Emmanuel Macron à Paris. ({n})"}
        for n in range(3)
    ]
    # Nothing listens on port 1 of loopback: every connection is refused, as with Redis down.
    with broker_at("redis://127.0.0.1:1/0"):
        started = time.monotonic()
        response = upload(client, records)
        answered_in = time.monotonic() - started
    assert response.status_code == 200, "the editor gets an answer, not a server error"
    assert answered_in < 30
    stored = Article.objects.filter(external_id__startswith="outage-")
    assert stored.count() == 3
    assert set(stored.values_list("status", flat=True)) == {Article.Status.FETCHED}

    # Redis is back. Time passes: the articles are now older than any run could take.
    purge_queues()
    stored.update(status_changed_at=timezone.now() - timedelta(hours=1))
    requeue_stuck_articles.apply()
    worker = WorkerProcess(name="after-outage").start()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and stored.exclude(status=Article.Status.EXTRACTED).exists():
            time.sleep(0.5)
    finally:
        worker.stop()
    assert set(stored.values_list("status", flat=True)) == {Article.Status.EXTRACTED}
    for article in stored:
        assert article.attempts == 1, "each article was extracted exactly once"
        assert article.statements.count() == 1
