"""Issue 16 item 15: "Re-run extraction" answers at once and the list and page show the run's progress.

Inline (the quickstart, no Redis) the run goes to the server's own background queue; with Redis a
real worker takes it. Either way the request does not wait for the extraction.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.conf import settings
from django.urls import reverse

from apps.ingestion import services as ingestion_services
from apps.ingestion.models import Article
from apps.records.models import Statement
from tests.timeline import review_data as make

TEXT = (
    "Vladimir Putin met Steve Witkoff in Moscow on Thursday. “We are ready to talk,” Putin said after the meeting."
)


def rerun(client, article) -> str:
    response = client.post(reverse("admin:ingestion_article_rerun_extraction", args=[article.pk]), follow=True)
    assert response.status_code == 200
    return response.content.decode()


def progress(client, article) -> str:
    response = client.get(reverse("admin:ingestion_article_extraction_progress", args=[article.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.skipif(not settings.CELERY_TASK_ALWAYS_EAGER, reason="inline mode only (REDIS_URL is set)")
def test_inline_the_request_returns_while_the_run_waits_its_turn_then_the_page_says_it_is_done(
    client, editor, transactional_db
):
    article = make.article(text=TEXT)
    client.force_login(editor)
    # The background queue is busy with another run: the editor's request must not wait for it.
    busy = threading.Event()
    ingestion_services._INLINE_QUEUE.submit(busy.wait, 60)
    try:
        started = time.monotonic()
        page = rerun(client, article)
        answered_in = time.monotonic() - started

        assert Article.objects.get(pk=article.pk).status == Article.Status.FETCHED
        assert "1 article queued for extraction. It runs in this server" in page and "about 30 s" in page
        assert 'class="extraction-progress progress-queued" data-progress-url=' in page
        assert 'class="progress-refresh"' in page  # without JavaScript: a link that reloads the page
        listed = client.get(reverse("admin:ingestion_article_changelist")).content.decode()
        assert "Queued for extraction (" in listed and "data-progress-url=" in listed
        assert "progress-queued" in progress(client, article)
    finally:
        busy.set()
    ingestion_services.wait_for_inline_extractions()

    assert Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED
    assert Statement.objects.filter(article=article, text__contains="ready to talk").exists()
    line = progress(client, article)
    assert "progress-done" in line and "data-progress-url" not in line  # the page stops asking
    assert "Reload to see what it found" in line
    page = client.get(reverse("admin:ingestion_article_change", args=[article.pk])).content.decode()
    assert "progress-done" in page and "progress-refresh" not in page
    assert answered_in < 5, f"the request took {answered_in:.1f} s"


@pytest.mark.skipif(not settings.CELERY_TASK_ALWAYS_EAGER, reason="inline mode only (REDIS_URL is set)")
def test_a_failed_inline_run_is_said_on_the_page_and_the_queue_goes_on(client, editor, transactional_db, monkeypatch):
    broken, fine = make.article(text=TEXT), make.article(text=TEXT + " Witkoff left on Friday.", title="Second")
    client.force_login(editor)
    from apps.extraction import services as extraction

    real = extraction.extract_and_store
    monkeypatch.setattr(extraction, "extract_and_store", lambda ids, **kw: (
        (_ for _ in ()).throw(RuntimeError("parser crashed")) if broken.pk in ids else real(ids, **kw)))

    rerun(client, broken)
    rerun(client, fine)
    ingestion_services.wait_for_inline_extractions()

    assert "Failed: extraction failed: RuntimeError: parser crashed" in progress(client, broken)
    assert "progress-done" in progress(client, fine)


@pytest.mark.django_db
def test_an_analyst_may_read_the_progress_an_outsider_may_not(client, analyst, outsider):
    article = make.article(text=TEXT, status=Article.Status.EXTRACTING)
    client.force_login(analyst)
    assert "Extracting (" in progress(client, article)
    client.force_login(outsider)
    assert client.get(reverse("admin:ingestion_article_extraction_progress", args=[article.pk])).status_code in (302, 403)


@pytest.mark.django_db
def test_the_list_shows_each_article_s_extraction_state(client, editor):
    make.article(text=TEXT, title="Done one")
    make.article(text=TEXT + " Failed.", title="Failed one", status=Article.Status.FAILED, error="time limit exceeded")
    client.force_login(editor)
    page = client.get(reverse("admin:ingestion_article_changelist")).content.decode()
    assert '<span class="extraction-progress progress-done">Extracted, ' in page
    assert "Failed: time limit exceeded" in page
    assert "data-progress-url" not in page  # nothing running: no script asks anything


@pytest.mark.skipif(settings.CELERY_TASK_ALWAYS_EAGER, reason="needs Redis and a real worker (REDIS_URL)")
def test_with_a_worker_the_request_only_queues_and_the_progress_follows_the_worker(
    client, editor, celery_worker_process
):
    article = make.article(text=TEXT)
    client.force_login(editor)

    page = rerun(client, article)
    assert "1 article queued for extraction by the workers." in page

    deadline, states = time.monotonic() + 90, []
    while time.monotonic() < deadline:
        line = progress(client, article)
        states.append(line.split("progress-")[1].split('"')[0])
        if "progress-done" in line or "progress-failed" in line:
            break
        time.sleep(0.3)
    assert states[-1] == "done", (states, celery_worker_process.log()[-2000:])
    assert states[0] in ("queued", "extracting")  # the answer came before the run ended
    assert Statement.objects.filter(article=article, text__contains="ready to talk").exists()
