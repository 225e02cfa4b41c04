"""Issue 16 item 15: "Re-run extraction" says beforehand how long it takes, and the page follows the run.

With Redis a real worker takes the run and the list and page show its progress; inline (the
quickstart, no Redis) it runs in the request, which the button's help text says beforehand, with
its duration estimated from the recorded runs.
"""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.urls import reverse

from apps.ingestion.models import Article
from apps.records.models import ExtractionRun, Statement
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
def test_inline_the_run_happens_in_the_request_and_the_page_then_says_how_it_went(client, editor, transactional_db):
    article = make.article(text=TEXT)
    client.force_login(editor)

    page = rerun(client, article)

    # No worker, no queue of our own: the answer comes once the run is over.
    assert Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED
    assert Statement.objects.filter(article=article, text__contains="ready to talk").exists()
    assert "1 article extracted again (no worker here: it ran in this request)." in page
    assert 'class="extraction-progress progress-done"' in page and "data-progress-url" not in page
    run = ExtractionRun.objects.get()
    assert (run.articles, run.characters) == (1, len(TEXT)) and run.seconds > 0
    # The next editor is told beforehand how long it takes, from that run.
    again = client.get(reverse("admin:ingestion_article_change", args=[article.pk])).content.decode()
    assert "It runs in this request, as there is no worker here: about " in again
    assert "s per 1,000 characters, from the last run)." in again


@pytest.mark.skipif(not settings.CELERY_TASK_ALWAYS_EAGER, reason="inline mode only (REDIS_URL is set)")
def test_a_failed_inline_run_is_said_on_the_page_and_the_next_one_runs(client, editor, transactional_db, monkeypatch):
    broken, fine = make.article(text=TEXT), make.article(text=TEXT + " Witkoff left on Friday.", title="Second")
    client.force_login(editor)
    from apps.extraction import services as extraction

    real = extraction.extract_and_store
    monkeypatch.setattr(extraction, "extract_and_store", lambda ids, **kw: (
        (_ for _ in ()).throw(RuntimeError("parser crashed")) if broken.pk in ids else real(ids, **kw)))

    rerun(client, broken)
    rerun(client, fine)

    assert "Failed: extraction failed: RuntimeError: parser crashed" in progress(client, broken)
    assert "progress-done" in progress(client, fine)


@pytest.mark.django_db
def test_the_button_says_beforehand_how_long_the_run_takes_from_the_median_of_recent_runs(client, editor):
    article = make.article(text="x" * 2400)
    for seconds, load in ((0.5, 0.0), (1.0, 31.0), (1.5, 0.0), (40.0, 0.0)):  # one slow outlier
        ExtractionRun.record(articles=1, characters=1000, seconds=seconds, load_seconds=load, extractor_version="t")
    client.force_login(editor)

    page = client.get(reverse("admin:ingestion_article_change", args=[article.pk])).content.decode()

    figures = "its 2,400 characters (1.25 s per 1,000 characters, the median of the last 4 runs)."
    if settings.CELERY_TASK_ALWAYS_EAGER:
        assert f"It runs in this request, as there is no worker here: about 3 s for {figures}" in page
        assert "The first run after the server starts also loads the language models: about 31 s more." in page
    else:
        assert f"It is queued for the workers, which take about 3 s to read {figures}" in page
    assert 'aria-describedby="rerun-estimate"' in page and 'id="rerun-estimate"' in page
    assert 'hx-indicator="#rerun-running"' in page and 'class="htmx-indicator rerun-running"' in page


@pytest.mark.django_db
def test_before_any_timed_run_the_button_says_so_rather_than_a_figure(client, editor):
    article = make.article(text=TEXT)
    client.force_login(editor)
    page = client.get(reverse("admin:ingestion_article_change", args=[article.pk])).content.decode()
    assert "no run has been timed yet to say how long it takes." in page


@pytest.mark.django_db
def test_the_runs_kept_are_the_latest(monkeypatch):
    from apps.records import models

    monkeypatch.setattr(models, "RUNS_KEPT", 3)
    for characters in range(1000, 1006):
        ExtractionRun.record(articles=1, characters=characters, seconds=1.0, extractor_version="t")
    assert sorted(ExtractionRun.objects.values_list("characters", flat=True)) == [1003, 1004, 1005]


@pytest.mark.django_db
def test_sent_by_htmx_the_button_answers_with_a_redirect_the_browser_follows(client, editor, django_capture_on_commit_callbacks):
    article = make.article(text=TEXT)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(reverse("admin:ingestion_article_rerun_extraction", args=[article.pk]),
                               HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("admin:ingestion_article_change", args=[article.pk])
    assert len(queued) == 1  # the run, sent (or run inline) once the request's writes commit


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
    assert ExtractionRun.objects.filter(characters=len(TEXT)).exists()  # the worker timed its run
