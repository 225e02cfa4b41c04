"""A worker outlives a Redis restart: it reconnects by itself and runs what is queued afterwards.

A real prefork worker on a Redis of the test's own, with tasks running and waiting in it when
Redis stops (as `docker compose restart redis` or a Redis upgrade would). kombu's redis transport
restores the unacknowledged messages as the connection drops; a bug of that path (kombu#582,
kombu#970: `_connparams` reading the closed connection's `hostname`) once made the whole worker
exit, leaving nothing to consume until something restarted it.
"""

from __future__ import annotations

import time

import pytest
from celery import Celery
from kombu import Connection

from tests.conftest import WorkerProcess


def producer(url: str) -> Celery:
    """A client of the private Redis, sending by name as Parley's own app would."""
    client = Celery("parley-test-client", broker=url, backend=url)
    client.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"],
                       broker_connection_retry_on_startup=False)
    return client


@pytest.mark.timeout(300)
def test_a_worker_keeps_running_through_a_redis_restart_and_runs_the_tasks_queued_after_it(private_redis, tmp_path):
    worker = WorkerProcess(
        name="redis-restart", pool="prefork", include="tests.reliability.slow_tasks",
        env={"REDIS_URL": private_redis.url, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
             "PARLEY_ENV": "development",
             # Messages the worker held when the connection dropped come back after the visibility
             # timeout (twice the hard limit by default, six minutes): short limits keep it short.
             "CELERY_TASK_SOFT_TIME_LIMIT": "8", "CELERY_TASK_TIME_LIMIT": "10", "CELERY_VISIBILITY_TIMEOUT": "15"},
    ).start(timeout=120)
    pid = worker.proc.pid
    client = producer(private_redis.url)
    try:
        # A task waiting for its countdown is held by the worker, unacknowledged, when Redis goes
        # away: the connection's clean-up then restores it (the path that used to kill the worker).
        later = client.send_task("parley.tests.sleep", args=[0.1], queue="default", countdown=20)
        deadline = time.monotonic() + 60
        while " received" not in worker.log():
            assert time.monotonic() < deadline, worker.log()[-3000:]
            time.sleep(0.1)

        private_redis.stop()
        time.sleep(5)
        assert worker.proc.poll() is None, f"the worker exited while Redis was down:\n{worker.log()[-3000:]}"
        private_redis.start()

        after = client.send_task("parley.tests.sleep", args=[0.2], queue="default")
        assert after.get(timeout=90) == 0.2, "a task queued after the restart runs"
        assert later.get(timeout=90) == 0.1, "a task held for its countdown during the outage runs"
        assert worker.proc.poll() is None and worker.proc.pid == pid, "still the same worker process"
        assert "Unrecoverable error" not in worker.log()
    finally:
        client.close()
        worker.stop()


def test_acknowledging_through_a_channel_whose_connection_was_closed_is_a_connection_error(private_redis):
    """A task that finishes while Redis is down acks through the lost connection's channel.

    The acknowledgement logs and survives a connection error (the message comes back after the
    visibility timeout); an AttributeError instead stopped the soak's worker.
    """
    connection = Connection(private_redis.url)
    errors = connection.connection_errors + connection.channel_errors
    channel = connection.channel()
    connection.collect()  # what the consumer does with a connection it lost
    with pytest.raises(errors):
        channel.qos.ack("a-delivery-tag")
    channel.close()
    with pytest.raises(errors):
        channel.qos.ack("a-delivery-tag")
