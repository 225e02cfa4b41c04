"""Time limits and attempts: a run out of time stops, and an article that never gets through ends failed."""

from __future__ import annotations

import datetime as dt

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils import timezone

from apps.extraction import services
from apps.extraction.services import MAX_EXTRACTION_ATTEMPTS
from apps.extraction.tasks import extract_article, extract_articles
from apps.ingestion.models import Article
from apps.ingestion.services import retry_articles
from apps.ingestion.tasks import requeue_stuck_articles
from tests.ingestion.conftest import queued_tasks

pytestmark = pytest.mark.django_db

TEXT = (
    "Emmanuel Macron a reçu Volodymyr Zelensky mercredi à Paris. "
    "\"Nous sommes prêts\", a déclaré Emmanuel Macron devant la presse."
)
LOCK_TIMEOUT = "OperationalError: canceling statement due to lock timeout"


def make_article(text: str = TEXT) -> Article:
    return Article.objects.create(
        via=Article.Via.PASTE, title="Macron reçoit Zelensky", text=text, language="fr",
        published_at=dt.datetime(2025, 9, 4, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )


def out_of_time(*args, **kwargs):
    raise SoftTimeLimitExceeded()


def runs_that_never_finish(article: Article, *, token: str, reason: str = "") -> None:
    """Every run the cap allows, each claimed and then lost: a killed worker, or given back after an error."""
    for _ in range(MAX_EXTRACTION_ATTEMPTS):
        assert services.claim([article.pk], token=token) == [article.pk]
        if reason:
            services.release_claim([article.pk], token=token, reason=reason)


def test_a_run_past_its_soft_time_limit_fails_the_article_with_the_reason_instead_of_running_on(monkeypatch):
    article = make_article()
    monkeypatch.setattr(services, "extract_many", out_of_time)
    ran_on = []
    monkeypatch.setattr(services, "extract", lambda *a, **k: ran_on.append(a))

    result = extract_article.apply(args=[article.pk])

    assert isinstance(result.result, SoftTimeLimitExceeded)
    assert ran_on == [], "no article is read again one by one after the limit"
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == f"time limit exceeded: extraction took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} s"


def test_a_store_past_its_soft_time_limit_is_not_retried_article_by_article(monkeypatch):
    article = make_article()
    monkeypatch.setattr(services, "store_extractions", out_of_time)
    monkeypatch.setattr(services, "store_extraction", lambda *a: pytest.fail("stored one by one after the limit"))

    extract_article.apply(args=[article.pk])

    article.refresh_from_db()
    assert (article.status, article.error[:19]) == (Article.Status.FAILED, "time limit exceeded")


def test_a_batch_past_its_soft_time_limit_gives_its_articles_back_and_queues_each_alone(
    monkeypatch, django_capture_on_commit_callbacks
):
    batch = [make_article(), make_article(TEXT + " Fin.")]
    held_by_another_run = make_article(TEXT + " Autre.")
    services.claim([held_by_another_run.pk], token="another-run")
    monkeypatch.setattr(services, "extract_many", out_of_time)

    with django_capture_on_commit_callbacks() as callbacks:
        result = extract_articles.apply(args=[[a.pk for a in [*batch, held_by_another_run]]], task_id="the-batch")

    assert isinstance(result.result, SoftTimeLimitExceeded)
    for article in batch:
        article.refresh_from_db()
        assert (article.status, article.error) == (Article.Status.FETCHED, "time limit exceeded in a batch")
    held_by_another_run.refresh_from_db()
    assert held_by_another_run.status == Article.Status.EXTRACTING, "another run's article stays with it"
    assert queued_tasks(callbacks)[:2] == [("extract_article", batch[0].pk), ("extract_article", batch[1].pk)]


def test_an_article_whose_runs_never_finish_ends_failed_and_the_sweep_leaves_it_alone():
    article = make_article()
    runs_that_never_finish(article, token="redelivered")  # each delivery's worker was killed

    # The message is delivered once more: the worker gives the article up instead of running it.
    summary = extract_article.apply(args=[article.pk], task_id="redelivered").get()

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == (
        f"extraction failed {MAX_EXTRACTION_ATTEMPTS} times: "
        "no run finished (its worker was killed or ran past the hard time limit)"
    )
    assert summary["failed"] == {article.pk: article.error}
    assert article.extraction_attempts == MAX_EXTRACTION_ATTEMPTS
    long_ago = timezone.now() - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT * 10)
    Article.objects.filter(pk=article.pk).update(status_changed_at=long_ago)
    assert requeue_stuck_articles.apply().get()["extract"] == 0
    assert Article.objects.get(pk=article.pk).status == Article.Status.FAILED


def test_an_article_given_back_after_every_run_fails_with_the_last_reason():
    article = make_article()
    runs_that_never_finish(article, token="flaky", reason=LOCK_TIMEOUT)
    assert Article.objects.get(pk=article.pk).status == Article.Status.FETCHED  # what the sweep would take again

    services.extract_and_store([article.pk])

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == f"extraction failed {MAX_EXTRACTION_ATTEMPTS} times: {LOCK_TIMEOUT}"
    assert services.claim([article.pk]) == []


def test_runs_that_were_lost_before_one_finished_do_not_count_against_the_next_ones():
    article = make_article()
    for _ in range(MAX_EXTRACTION_ATTEMPTS - 1):
        services.claim([article.pk], token="redelivered")
    services.extract_and_store([article.pk], token="redelivered")
    article.refresh_from_db()
    assert (article.status, article.extraction_attempts) == (Article.Status.EXTRACTED, 0)
    assert article.attempts == MAX_EXTRACTION_ATTEMPTS


def test_an_editor_retry_gives_a_failed_article_a_fresh_set_of_runs(django_capture_on_commit_callbacks):
    article = make_article()
    runs_that_never_finish(article, token="redelivered")
    services.extract_and_store([article.pk], token="redelivered")
    assert Article.objects.get(pk=article.pk).status == Article.Status.FAILED

    with django_capture_on_commit_callbacks():
        assert retry_articles(articles=Article.objects.filter(pk=article.pk)) == 1
    services.extract_and_store([article.pk])

    article.refresh_from_db()
    assert (article.status, article.error) == (Article.Status.EXTRACTED, "")


def test_an_editor_re_run_of_an_article_out_of_runs_extracts_it(editor, django_capture_on_commit_callbacks):
    from apps.records.services import rerun_extraction

    article = make_article()
    runs_that_never_finish(article, token="redelivered")
    services.extract_and_store([article.pk], token="redelivered")

    with django_capture_on_commit_callbacks():
        rerun_extraction(article=Article.objects.get(pk=article.pk), user=editor)
    services.extract_and_store([article.pk])

    assert Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED
