"""The Celery app: tasks of every app, JSON only, routed to the ingestion and extraction queues."""

import os

from celery import Celery
from celery.schedules import crontab
from celery.signals import setup_logging

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def _survive_a_closed_redis_connection() -> None:
    """Work around kombu bugs that made a worker exit when Redis restarted (kombu 5.7.0, the latest).

    On a lost connection the consumer collects the connection (its transport's `client` becomes
    None) and then closes it; closing the channel restores the messages it holds unacknowledged,
    which builds a Redis client from `client.hostname`: AttributeError, which nothing catches, and
    the worker stops with "Unrecoverable error" (the same path as kombu#582 and kombu#970). With
    the connection gone there is nothing to restore through: the messages stay in Redis's unacked
    index, and any worker hands them on after the visibility timeout, as after a SIGKILL.
    A task that finishes meanwhile acknowledges through the same closed channel (the soak saw
    `'NoneType' object has no attribute 'client'`): that is turned into the connection error it
    is, which the acknowledgement already logs and survives; the message comes back the same way.
    tests/reliability/test_worker_redis_restart.py restarts Redis under a real worker.
    """
    import redis
    from kombu.transport import redis as redis_transport

    original = redis_transport.QoS.restore_unacked
    if getattr(original, "parley_workaround", False):
        return

    connparams = redis_transport.Channel._connparams

    def _connparams(self, asynchronous=False):
        if getattr(self.connection, "client", None) is None:
            raise redis.exceptions.ConnectionError("the channel's connection to Redis was closed")
        return connparams(self, asynchronous=asynchronous)

    redis_transport.Channel._connparams = _connparams

    def restore_unacked(self, client=None):
        transport = getattr(self.channel, "connection", None)
        if client is None and getattr(transport, "client", None) is None:
            # Forget them here (restore_unacked_once asserts nothing is left): Redis keeps them.
            self._delivered.clear()
            return None
        return original(self, client)

    restore_unacked.parley_workaround = True
    redis_transport.QoS.restore_unacked = restore_unacked


_survive_a_closed_redis_connection()

app = Celery("parley")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # Every minute: each Source has its own interval; this only picks the ones that are due,
    # so a source polled every 30 minutes is fetched once in 30 minutes, not once a minute.
    "poll-due-feeds": {
        "task": "apps.ingestion.tasks.poll_due_sources",
        "schedule": 60.0,
    },
    # Every five minutes: the database is the source of truth and queue messages are nudges;
    # articles left pending (Redis was down, a worker died) are queued again.
    "requeue-stuck-articles": {
        "task": "apps.ingestion.tasks.requeue_stuck_articles",
        "schedule": crontab(minute="*/5"),
    },
    # Daily, at a quiet hour: /api/v1/deleted forgets entries older than
    # PARLEY_TOMBSTONE_RETENTION_DAYS (clients that old are told to resync), so the table stays small.
    "prune-tombstones": {
        "task": "apps.records.tasks.prune_tombstones",
        "schedule": crontab(hour=3, minute=17),
    },
}


@setup_logging.connect
def use_django_logging(**kwargs):
    """Let workers log through Django's LOGGING instead of Celery's own set-up."""
    import logging.config

    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)


@app.task(name="parley.worker_health", ignore_result=False)
def worker_health() -> dict:
    """Answer from inside a worker: its name and whether it reaches the database."""
    import socket

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        database_ok = cursor.fetchone() == (1,)
    return {"worker": socket.gethostname(), "database": database_ok, "vendor": connection.vendor}
