"""Celery tasks of the extraction side: thin wrappers around apps.extraction.services."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init
from django.db import DatabaseError, InterfaceError, OperationalError, connection

from apps.extraction import services

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
        services.record_failure(article_id, "extraction took longer than the time limit")
        raise
    except TRANSIENT:
        _give_back([article_id])
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
    except TRANSIENT:
        _give_back(article_ids)
        raise


def _give_back(article_ids: list[int]) -> None:
    """Release the claim on a fresh connection so the retry can take the articles again."""
    connection.close()  # the old one is likely dead: that is why we are here
    try:
        services.release_claim(article_ids)
    except DatabaseError:
        # Still no database: the claim expires after the hard time limit and the sweep requeues.
        log.warning("could not release articles %s; the sweep will requeue them", article_ids)
