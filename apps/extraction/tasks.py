"""Celery tasks of the extraction side: thin wrappers around apps.extraction.services."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from apps.extraction import services

log = logging.getLogger(__name__)

# Lost database connections and lock timeouts heal by themselves; retry those, nothing else.
TRANSIENT = (OperationalError, InterfaceError)


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT,
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=6,
)
def extract_article(self, article_id: int) -> dict:
    """Extract one article and store what it says; a no-op when another run already did."""
    try:
        return services.extract_and_store([article_id]).as_dict()
    except SoftTimeLimitExceeded:
        services.record_failure(article_id, "extraction took longer than the time limit")
        raise
    except TRANSIENT:
        services.release_claim([article_id])
        raise
    except Exception as exc:
        log.exception("extraction of article %s failed", article_id)
        services.record_failure(article_id, f"extraction failed: {type(exc).__name__}: {exc}")
        raise


@shared_task(bind=True, autoretry_for=TRANSIENT, retry_backoff=2, retry_backoff_max=300, max_retries=6)
def extract_articles(self, article_ids: list[int]) -> dict:
    """Extract a batch in one spaCy pass (`nlp.pipe`): the sweep and bulk imports use it."""
    try:
        return services.extract_and_store(article_ids).as_dict()
    except TRANSIENT:
        services.release_claim(article_ids)
        raise
