"""Celery tasks of the ingestion side: thin wrappers around feeds, fetch and services.

Every task takes ids, is safe to run twice (each step starts with a conditional update or a
status check), and leaves its reason on the row when it gives up.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from urllib.parse import urlsplit

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from apps.ingestion import feeds, services
from apps.ingestion.extract_page import detect_language, extract_page
from apps.ingestion.fetch import PermanentFetchError, RateLimited, TransientFetchError, fetch, reserve_host_slot
from apps.ingestion.models import Article

log = logging.getLogger(__name__)

# Worth another try later: the network, the server's bad minute, a lost database connection.
TRANSIENT = (TransientFetchError, OperationalError, InterfaceError)
MAX_FETCH_RETRIES = 5
# The sweep gives up on an article whose fetch was started this many times without an outcome.
MAX_FETCH_ATTEMPTS = 8
# Wait in the task for a per-host slot up to this long; beyond it, give the worker back.
MAX_INLINE_WAIT = 5.0


@worker_init.connect
def load_language_model(**kwargs):
    """Load py3langid's model once in the worker's main process, before prefork children copy it.

    Otherwise the first fetch in each child pays a second or two for it, close to the soft limit
    of a tightly configured worker.
    """
    detect_language("warm up the language model")


class RecordsFailure(Task):
    """Write why a task gave up on the Article it was about, so editors see it and can retry."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        article_id = args[0] if args else kwargs.get("article_id")
        if article_id is not None:
            tries = self.request.retries + 1
            reason = f"{exc}" if isinstance(exc, TransientFetchError) else f"{type(exc).__name__}: {exc}"
            services.record_fetch_failure(article_id=article_id, reason=f"gave up after {tries} tries: {reason}")


@shared_task(
    bind=True,
    base=RecordsFailure,
    autoretry_for=TRANSIENT,
    retry_backoff=5,  # 5s, 10s, 20s, 40s, 80s (with jitter): a flapping server gets room to recover
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=MAX_FETCH_RETRIES,
)
def fetch_article(self, article_id: int) -> str:
    """Fetch a PENDING article's page, store its text, and queue extraction; a no-op for any other status."""
    article = Article.objects.filter(pk=article_id).only("status", "url", "submitted_url").first()
    if article is None or article.status != Article.Status.PENDING:
        return "skipped"
    url = article.submitted_url or article.url
    try:
        wait = reserve_host_slot(urlsplit(url).hostname or "")
    except RateLimited as busy:
        wait = busy.wait
    if wait > MAX_INLINE_WAIT and not self.request.is_eager:
        # Another worker has this host's next slots: come back later without spending a retry.
        fetch_article.apply_async((article_id,), countdown=wait)
        return "rate-limited"
    time.sleep(wait)
    article = services.start_fetch(article_id)
    if article is None:
        return "skipped"
    try:
        page = extract_page(fetch(url))
    except PermanentFetchError as exc:
        services.record_fetch_failure(article_id=article_id, reason=str(exc))
        return "failed"
    except SoftTimeLimitExceeded:
        services.record_fetch_failure(article_id=article_id, reason="fetching took longer than the task time limit")
        return "failed"
    stored = services.record_page(article_id=article_id, page=page)
    return stored.status if stored else "skipped"


@shared_task
def poll_source(source_id: int) -> dict:
    """Poll one feed if it is due (claimed by a conditional update, so never twice at once)."""
    source = feeds.claim_source(source_id)
    if source is None:
        return {"status": "skipped"}
    result = feeds.poll_source(source)
    return {"status": result.status, "new": result.new, "seen": result.seen, "error": result.error}


@shared_task
def poll_due_sources() -> int:
    """Queue a poll for every feed whose interval has passed (run every minute by beat)."""
    ids = list(feeds.due_sources().values_list("pk", flat=True))
    for source_id in ids:
        poll_source.delay(source_id)
    return len(ids)


@shared_task
def requeue_stuck_articles() -> dict:
    """Queue again the articles left PENDING, FETCHED or EXTRACTING longer than a task may run."""
    # A task is killed after CELERY_TASK_TIME_LIMIT; a row older than that in a waiting state has
    # no live task behind it (Redis was down, a message was lost), or it will be a harmless extra.
    older_than = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    now = timezone.now()
    stuck = Article.objects.stuck(older_than=older_than)

    gave_up = stuck.filter(status=Article.Status.PENDING, attempts__gte=MAX_FETCH_ATTEMPTS).update(
        status=Article.Status.FAILED, status_changed_at=now,
        error=f"gave up: the fetch was started {MAX_FETCH_ATTEMPTS} times and never finished",
    )
    pending = list(stuck.filter(status=Article.Status.PENDING).values_list("pk", flat=True)[:1000])
    waiting = list(
        stuck.filter(status__in=[Article.Status.FETCHED, Article.Status.EXTRACTING]).values_list("pk", flat=True)[:1000]
    )
    # Re-stamp first, so the next sweep leaves them alone for another window; the extraction
    # task still claims EXTRACTING rows by their age, so only FETCHED and PENDING are touched.
    Article.objects.filter(pk__in=pending, status=Article.Status.PENDING).update(status_changed_at=now)
    Article.objects.filter(pk__in=waiting, status=Article.Status.FETCHED).update(status_changed_at=now)
    for article_id in pending:
        fetch_article.delay(article_id)
    services.queue_extraction_batches(waiting)  # outside a transaction: sent at once
    return {"fetch": len(pending), "extract": len(waiting), "gave_up": gave_up}
