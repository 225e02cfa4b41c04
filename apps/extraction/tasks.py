"""Celery tasks of the extraction side: thin wrappers around apps.extraction.services."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection

from apps.extraction import services
from apps.ingestion import services as ingestion_services

log = logging.getLogger(__name__)

@worker_init.connect
def load_models_once(**kwargs) -> None:
    """Load the spaCy models when a worker starts, before it forks its pool, not inside a task.

    Tasks then never pay the few seconds of loading against their time limit, and prefork
    children share the models' memory with their parent.
    """
    from apps.extraction.pipeline.nlp import MODELS, get_nlp

    for language in MODELS:
        get_nlp(language)


# Lost database connections and lock timeouts heal by themselves; retry those, nothing else.
TRANSIENT = (OperationalError, InterfaceError)


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT,
    retry_backoff=1,  # 1, 2, 4 … seconds: a database blip heals fast, a restart within a minute
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=8,
)
def extract_article(self, article_id: int) -> dict:
    """Extract one article and store what it says; a no-op when another run already did."""
    try:
        return services.extract_and_store([article_id], token=self.request.id or "").as_dict()
    except SoftTimeLimitExceeded:
        _usable_connection()
        services.record_failure(article_id, f"time limit exceeded: extraction took longer than {_soft_limit(self)} s")
        raise
    except TRANSIENT as exc:
        _give_back([article_id], token=self.request.id or "", error=exc)
        raise
    except Exception as exc:
        log.exception("extraction of article %s failed", article_id)
        services.record_failure(article_id, f"extraction failed: {type(exc).__name__}: {exc}")
        raise


@shared_task(bind=True, autoretry_for=TRANSIENT, retry_backoff=1, retry_backoff_max=60, retry_jitter=True, max_retries=8)
def extract_articles(self, article_ids: list[int]) -> dict:
    """Extract a batch in one spaCy pass (`nlp.pipe`): the sweep and bulk imports use it."""
    try:
        return services.extract_and_store(article_ids, token=self.request.id or "").as_dict()
    except SoftTimeLimitExceeded:
        # The batch as a whole ran out of time: give its articles back and queue each alone, so
        # each has the whole limit and only one that cannot make it in time fails.
        _usable_connection()
        services.release_claim(article_ids, token=self.request.id or "", reason="time limit exceeded in a batch")
        for article_id in article_ids:
            ingestion_services.queue_extraction(article_id)
        raise
    except TRANSIENT as exc:
        _give_back(article_ids, token=self.request.id or "", error=exc)
        raise


def _soft_limit(task) -> int:
    """The soft limit the run had: the sender's, which travels in the message, else this worker's."""
    _, soft = task.request.timelimit or (None, None)
    return soft or settings.CELERY_TASK_SOFT_TIME_LIMIT


def _give_back(article_ids: list[int], *, token: str, error: Exception) -> None:
    """Release the claim on a fresh connection so the retry can take the articles again."""
    connection.close()  # the old one is likely dead: that is why we are here
    try:
        services.release_claim(article_ids, token=token, reason=f"{type(error).__name__}: {error}")
    except DatabaseError:
        # Still no database: the claim expires after the hard time limit and the sweep requeues.
        log.warning("could not release articles %s; the sweep will requeue them", article_ids)


def _usable_connection() -> None:
    """Drop the connection if the time limit cut a query short, so the next query opens a new one.

    The soft limit lands wherever the task is: inside a query, psycopg's connection is left
    waiting for a result that nothing will read, and every later query on it would fail.
    """
    if connection.connection is not None and not connection.is_usable():
        connection.close()
