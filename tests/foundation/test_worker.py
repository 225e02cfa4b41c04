"""A task goes through the real Redis to a real Celery worker process and comes back."""

from __future__ import annotations

from django.conf import settings

from config.celery import app, worker_health


def test_the_worker_runs_a_task_sent_through_redis_and_returns_its_result(celery_worker_process):
    result = worker_health.apply_async(queue="default")
    answer = result.get(timeout=30)
    assert answer["database"] is True
    assert answer["vendor"] == "postgresql"
    assert "worker_health" in celery_worker_process.log()


def test_tasks_are_json_only_acknowledged_late_and_requeued_when_a_worker_dies():
    conf = app.conf
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.task_acks_late is True and conf.task_reject_on_worker_lost is True
    assert conf.task_soft_time_limit < conf.task_time_limit
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    assert conf.task_routes["apps.ingestion.tasks.*"]["queue"] == "ingestion"
    assert conf.task_routes["apps.extraction.tasks.*"]["queue"] == "extraction"
    assert set(conf.beat_schedule) >= {"poll-due-feeds", "requeue-stuck-articles"}
    assert settings.CELERY_TASK_ALWAYS_EAGER is (not settings.REDIS_URL)
