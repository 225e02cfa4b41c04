"""/healthz reports the database and the broker, and answers 503 when either is down.

It is open to anyone, so a failure's detail (hosts, ports, users, paths in the driver's text)
goes to the log and the answer only says which service is unavailable.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, requires_redis


@pytest.mark.django_db
def test_healthz_is_ok_when_everything_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["broker"]["ok"] is True


@requires_redis
@pytest.mark.django_db
def test_healthz_reaches_the_real_redis(client):
    assert client.get("/healthz").json()["broker"]["mode"] == "redis"


@pytest.mark.django_db
def test_healthz_is_503_when_the_broker_is_down(client, settings, caplog):
    # Port 1 on loopback refuses connections: a real refused connection, not a mock.
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    with caplog.at_level(logging.ERROR, logger="config.health"):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["broker"] == {"ok": False, "error": "broker unavailable"}
    assert body["database"]["ok"] is True
    # The driver's detail reaches the log, never the answer.
    assert "127.0.0.1:1" in caplog.text and "Connection refused" in caplog.text
    assert "127.0.0.1" not in response.content.decode() and "refused" not in response.content.decode()


@pytest.mark.parametrize(
    ("database_url", "detail"),
    [
        # Nothing listens on port 1: refused.
        ("postgresql://postgres@127.0.0.1:1/parley", 'connection to server at "127.0.0.1", port 1 failed'),
        # A file that cannot be opened.
        ("sqlite:////nonexistent-directory/parley.sqlite3", "unable to open database file"),
    ],
    ids=["postgresql-refused", "sqlite-unopenable"],
)
def test_healthz_is_503_when_the_database_is_down(database_url, detail):
    # A separate process, so the database this test suite runs on stays up.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.content.decode()}))"
    )
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings", "LOG_LEVEL": "INFO"}
    env.pop("REDIS_URL", None)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    body = json.loads(answer["body"])
    assert body["status"] == "down"
    assert body["database"] == {"ok": False, "error": "database unavailable"}
    # The driver's detail reaches the log (stderr), never the answer.
    assert detail in result.stderr
    assert "Health check: database unavailable" in result.stderr
    for leak in (detail, "127.0.0.1", "nonexistent-directory", "Error"):
        assert leak not in answer["body"]
