"""/healthz: can this process reach the database and the broker? For load balancers and compose."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _check_database() -> dict:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any driver error means "down"
        # The driver's text names hosts, ports, users and paths: for the log, not for anyone
        # who can reach /healthz.
        logger.exception("Health check: database unavailable")
        return {"ok": False, "error": "database unavailable"}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def _check_broker() -> dict:
    if not settings.REDIS_URL:
        # Tasks run inline in this configuration: there is no broker to be down.
        return {"ok": True, "mode": "inline"}
    import redis

    started = time.monotonic()
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    except Exception:
        logger.exception("Health check: broker unavailable")
        return {"ok": False, "error": "broker unavailable"}
    finally:
        client.close()
    return {"ok": True, "mode": "redis", "ms": round((time.monotonic() - started) * 1000, 1)}


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _check_database(), "broker": _check_broker()}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "down", **checks}, status=200 if healthy else 503)
