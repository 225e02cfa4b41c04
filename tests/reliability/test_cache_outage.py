"""Redis down is a cache miss: pages that read the cache still render, and the outage is logged once.

A Redis of the test's own is stopped in the middle of the test (the shared one is never touched).
"""

from __future__ import annotations

import datetime as dt
import logging

import pytest
import redis
from django.test import override_settings
from django.urls import reverse

from apps.records.models import Event
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def cache_settings(url: str) -> dict:
    return {"default": {"BACKEND": "config.cache.FailOpenRedisCache", "LOCATION": url, "TIMEOUT": 300,
                        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}


def cached_keys(url: str) -> list[bytes]:
    client = redis.Redis.from_url(url)
    try:
        # The chart's data and its rendered page, under the data version (apps.timeline.freshness).
        return client.keys("*parley:page:*")
    finally:
        client.close()


def test_the_activity_chart_renders_while_redis_is_down_and_caches_again_once_it_is_back(
    client, private_redis, caplog
):
    make_event("Meeting in Paris", date=dt.date(2025, 9, 1), kind=Event.Kind.MEETING)
    url = reverse("timeline:activity")
    caplog.set_level(logging.WARNING, logger="config.cache")
    with override_settings(CACHES=cache_settings(private_redis.url)):
        first = client.get(url, {"chart": "kind"})
        assert first.status_code == 200 and "1 events" in first.content.decode()
        kept = len(cached_keys(private_redis.url))
        assert kept >= 1, "with Redis up the chart is cached"

        private_redis.stop()
        for chart in ("kind", "topic", "kind"):
            page = client.get(url, {"chart": chart})
            assert page.status_code == 200, "Redis down must not make the page fail"
            assert "1 events" in page.content.decode()
        outage = [r for r in caplog.records if "unreachable" in r.getMessage()]
        assert len(outage) == 1, "one outage is logged once, not on every request"

        private_redis.start()
        make_event("Call with Kyiv", date=dt.date(2025, 9, 2), kind=Event.Kind.CALL)  # a new key
        again = client.get(url, {"chart": "kind"})
        assert again.status_code == 200 and "2 events" in again.content.decode()
        # The append-only log kept the first chart over the restart; the new one is written beside it.
        assert len(cached_keys(private_redis.url)) > kept, "once Redis is back, the chart is cached again"
        assert any("answers again" in r.getMessage() for r in caplog.records)
