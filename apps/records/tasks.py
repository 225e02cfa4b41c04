"""The records' periodic upkeep, run by Celery beat (config/celery.py)."""

from celery import shared_task

from apps.records.models import Tombstone


@shared_task(soft_time_limit=60, time_limit=90)
def prune_tombstones() -> int:
    """Forget /api/v1/deleted's entries older than the retention (idempotent: a second run finds none)."""
    return Tombstone.prune()
