"""Tasks are thin, idempotent and honest about failure: retries for transient errors only, reasons on the row."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.ingestion.models import Article
from apps.ingestion.services import submit_url
from apps.ingestion.tasks import MAX_FETCH_ATTEMPTS, MAX_FETCH_RETRIES, fetch_article, requeue_stuck_articles
from tests.ingestion.conftest import queued_tasks

pytestmark = pytest.mark.django_db


def _pending(url: str) -> Article:
    return Article.objects.create(via=Article.Via.URL, url=url, submitted_url=url, status=Article.Status.PENDING)


def test_a_submitted_url_is_committed_before_its_fetch_is_queued(site, django_capture_on_commit_callbacks):
    site.serve_pages()
    with django_capture_on_commit_callbacks() as callbacks:
        stored = submit_url(url=site.url("/pages/article-en.html"))
        assert callbacks == [], "nothing is queued while the transaction is open"

    assert queued_tasks(callbacks) == [("fetch_article", stored.article.pk)]
    assert stored.article.status == Article.Status.PENDING


def test_fetching_stores_the_text_and_queues_extraction_on_commit(site, django_capture_on_commit_callbacks):
    site.serve_pages()
    article = _pending(site.url("/pages/article-en.html"))

    with django_capture_on_commit_callbacks() as callbacks:
        assert fetch_article.apply(args=[article.pk]).get() == Article.Status.FETCHED

    article.refresh_from_db()
    assert article.title == "Envoys meet in Geneva on a ceasefire framework"
    assert article.byline == "Alex Testwriter"
    assert article.language == "en"
    assert article.published_at.date().isoformat() == "2025-09-04"
    assert "compare drafts" in article.text and article.simhash is not None
    assert queued_tasks(callbacks) == [("extract_article", article.pk)]


def test_running_the_fetch_twice_changes_nothing_the_second_time(site, django_capture_on_commit_callbacks):
    site.serve_pages()
    article = _pending(site.url("/pages/article-en.html"))

    with django_capture_on_commit_callbacks() as callbacks:
        fetch_article.apply(args=[article.pk])
        before = Article.objects.values().get(pk=article.pk)
        assert fetch_article.apply(args=[article.pk]).get() == "skipped"

    assert Article.objects.values().get(pk=article.pk) == before
    assert site.hits["/pages/article-en.html"] == 1
    assert len(queued_tasks(callbacks)) == 1


def test_the_same_text_under_a_second_url_becomes_a_linked_duplicate(site, django_capture_on_commit_callbacks):
    site.serve_pages()
    original = _pending(site.url("/pages/article-en.html"))
    mirror = _pending(site.url("/pages/article-en-same-text.html"))

    with django_capture_on_commit_callbacks() as callbacks:
        fetch_article.apply(args=[original.pk])
        fetch_article.apply(args=[mirror.pk])

    mirror.refresh_from_db()
    assert mirror.status == Article.Status.DUPLICATE and mirror.duplicate_of_id == original.pk
    assert queued_tasks(callbacks) == [("extract_article", original.pk)]


def test_a_permanent_error_fails_at_once_with_its_reason(site):
    article = _pending(site.url("/missing-page"))

    fetch_article.apply(args=[article.pk])

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == "the server answered 404 Not Found"
    assert site.hits["/missing-page"] == 1, "a 404 is not retried"


def test_a_transient_error_is_retried_with_backoff_then_recorded(site):
    site.route("/flaky", status=503, body=b"try later", headers={"Content-Type": "text/plain"})
    article = _pending(site.url("/flaky"))

    result = fetch_article.apply(args=[article.pk])

    assert result.failed()
    article.refresh_from_db()
    assert site.hits["/flaky"] == MAX_FETCH_RETRIES + 1
    assert article.status == Article.Status.FAILED
    assert article.error == f"gave up after {MAX_FETCH_RETRIES + 1} tries: the server answered 503 Service Unavailable"
    assert fetch_article.retry_backoff and fetch_article.retry_jitter and fetch_article.max_retries == MAX_FETCH_RETRIES


def test_a_server_that_recovers_is_fetched_on_a_later_try(site):
    site.serve_pages()
    page = site.routes["/pages/article-en.html"]
    site.route("/recovers", status=503, body=b"busy", headers={"Content-Type": "text/plain"}, then=page)
    article = _pending(site.url("/recovers"))

    fetch_article.apply(args=[article.pk])

    article.refresh_from_db()
    assert article.status == Article.Status.FETCHED and article.error == ""
    assert article.attempts == 2
    assert site.hits["/recovers"] == 2


def test_a_slow_server_is_a_transient_failure_recorded_with_its_reason(site, settings):
    settings.PARLEY_FETCH_TIMEOUT = 1
    site.route("/slow", body=b"<html></html>", delay=1.5, headers={"Content-Type": "text/html"})
    article = _pending(site.url("/slow"))

    fetch_article.apply(args=[article.pk], retries=MAX_FETCH_RETRIES)  # the last allowed try

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "no answer from 127.0.0.1 within 1s" in article.error


def test_the_sweep_requeues_articles_stuck_in_waiting_states_and_leaves_fresh_ones(
    monkeypatch, settings, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(fetch_article, "delay", lambda pk: sent.append(("fetch_article", pk)))
    from apps.extraction import tasks as extraction_tasks

    monkeypatch.setattr(extraction_tasks.extract_articles, "delay", lambda pks: sent.extend(("extract_article", pk) for pk in pks))
    long_ago = timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
    stuck_pending = _pending("https://news.example.org/stuck")
    stuck_fetched = Article.objects.create(via=Article.Via.IMPORT, text="Some text.", status=Article.Status.FETCHED)
    fresh = _pending("https://news.example.org/fresh")
    hopeless = _pending("https://news.example.org/hopeless")
    Article.objects.filter(pk__in=[stuck_pending.pk, stuck_fetched.pk, hopeless.pk]).update(status_changed_at=long_ago)
    Article.objects.filter(pk=hopeless.pk).update(attempts=MAX_FETCH_ATTEMPTS)

    with django_capture_on_commit_callbacks(execute=True):
        first = requeue_stuck_articles.apply().get()
        second = requeue_stuck_articles.apply().get()

    assert sorted(sent) == sorted([("fetch_article", stuck_pending.pk), ("extract_article", stuck_fetched.pk)])
    assert first == {"fetch": 1, "extract": 1, "gave_up": 1}
    assert second == {"fetch": 0, "extract": 0, "gave_up": 0}, "re-queued rows wait another window"
    hopeless.refresh_from_db()
    assert hopeless.status == Article.Status.FAILED and "gave up" in hopeless.error
    fresh.refresh_from_db()
    assert fresh.status == Article.Status.PENDING


def test_a_fetch_waiting_for_its_retry_says_why_and_the_sweep_that_gives_up_names_the_last_error(
    site, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from celery.canvas import Signature

    site.route("/flaky", status=503, body=b"busy", headers={"Content-Type": "text/plain"})
    article = _pending(site.url("/flaky"))
    # The retry is a message in Redis: here it stays queued (or is lost, as in a Redis restart)
    # instead of running at once as eager tasks otherwise do.
    retries = []
    monkeypatch.setattr(Signature, "apply", lambda sig, *a, **k: retries.append(sig))

    fetch_article.apply(args=[article.pk])

    assert len(retries) == 1
    article.refresh_from_db()
    assert article.status == Article.Status.PENDING
    assert article.error == "try 1 failed, retrying: the server answered 503 Service Unavailable"

    # The retry never runs; later the sweep finds the fetch started too often and gives up.
    monkeypatch.setattr(fetch_article, "delay", lambda pk: None)
    long_ago = timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
    Article.objects.filter(pk=article.pk).update(attempts=MAX_FETCH_ATTEMPTS, status_changed_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        assert requeue_stuck_articles.apply().get()["gave_up"] == 1
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == (f"gave up: the fetch was started {MAX_FETCH_ATTEMPTS} times and never finished; "
                             "last error: try 1 failed, retrying: the server answered 503 Service Unavailable")


def test_a_fetch_that_gets_through_after_a_retry_leaves_no_error_behind(site):
    site.serve_pages()
    page = site.routes["/pages/article-en.html"]
    site.route("/recovers", status=503, body=b"busy", headers={"Content-Type": "text/plain"}, then=page)
    article = _pending(site.url("/recovers"))

    fetch_article.apply(args=[article.pk])

    article.refresh_from_db()
    assert article.status == Article.Status.FETCHED and article.error == ""


def test_a_task_for_an_article_that_is_gone_or_done_does_nothing(site):
    done = Article.objects.create(via=Article.Via.IMPORT, text="Already here.", status=Article.Status.EXTRACTED)

    assert fetch_article.apply(args=[done.pk]).get() == "skipped"
    assert fetch_article.apply(args=[999999]).get() == "skipped"
    assert sum(site.hits.values()) == 0


def test_a_broker_outage_leaves_the_stored_article_pending_for_the_sweep(client, editor, monkeypatch, settings,
                                                                        django_capture_on_commit_callbacks):
    from kombu.exceptions import OperationalError

    def redis_is_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(fetch_article, "delay", redis_is_down)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ingest/url", {"url": "https://news.example.org/during-outage"})

    article = Article.objects.get()
    assert response.status_code == 302, "the editor's submission is kept, not a server error"
    assert article.status == Article.Status.PENDING
    sent = []
    monkeypatch.setattr(fetch_article, "delay", lambda pk: sent.append(pk))
    Article.objects.filter(pk=article.pk).update(
        status_changed_at=timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1)
    )
    requeue_stuck_articles.apply()
    assert sent == [article.pk]
