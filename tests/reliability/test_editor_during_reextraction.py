"""An editor saves a correction while a real worker re-extracts the same article: the editor wins."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from django.test import Client
from django.urls import reverse

from apps.extraction import services
from apps.extraction.tasks import extract_article
from apps.ingestion.models import Article
from apps.records.models import Actor, ReviewState, Statement
from tests.conftest import WorkerProcess, purge_queues, requires_postgres, requires_redis, test_database_url
from tests.reliability.test_extraction_faults import seed_article, someone_waits_on_a_lock, wait_for
from tests.timeline import review_data as make

pytestmark = [requires_postgres, requires_redis, pytest.mark.django_db(transaction=True)]


def test_a_correction_saved_during_re_extraction_is_neither_lost_nor_overwritten(editor):
    article = seed_article()
    services.extract_and_store([article.pk])
    quote = Statement.objects.filter(article=article, direct=True, speaker__name="Emmanuel Macron").first()
    span = (quote.start, quote.end)
    rutte = Actor.objects.get(name="Mark Rutte")
    statements_before = Statement.objects.filter(article=article).count()

    client = Client()
    client.force_login(editor)
    url = reverse("admin:records_statement_change", args=[quote.pk])
    form = make.change_form_data(client.get(url))
    form["speaker"] = rutte.pk

    purge_queues()
    worker = WorkerProcess(name="reextract").start()
    answers = []
    try:
        Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
        with psycopg.connect(test_database_url()) as blocker:
            # The worker re-reads the article, runs spaCy and blocks inside its storing transaction.
            blocker.execute("LOCK TABLE timeline_mention IN EXCLUSIVE MODE")
            extract_article.delay(article.pk)
            wait_for(lambda: someone_waits_on_a_lock(), 60, "the re-extraction to be under way", log=worker.log)
            # The editor saves now, in the middle of the run.
            editor_save = threading.Thread(target=lambda: answers.append(client.post(url, form)))
            editor_save.start()
            time.sleep(1.0)
            blocker.rollback()  # let the run finish
        editor_save.join(60)
        wait_for(lambda: Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED, 90,
                 "the re-extraction to finish", log=worker.log)
    finally:
        worker.stop()

    assert answers and answers[0].status_code == 302, "the editor's save went through"
    fixed = Statement.objects.get(article=article, start=span[0], end=span[1])
    assert fixed.pk == quote.pk
    assert fixed.speaker == rutte
    assert fixed.review_state == ReviewState.LOCKED
    assert Statement.objects.filter(article=article).count() == statements_before  # nothing doubled or lost
    assert Article.objects.get(pk=article.pk).attempts == 2
