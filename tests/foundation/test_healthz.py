"""/healthz reports the database and the broker, and answers 503 when either is down."""

from __future__ import annotations

import json
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
def test_healthz_is_503_when_the_broker_is_down(client, settings):
    # Port 1 on loopback refuses connections: a real refused connection, not a mock.
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["broker"]["ok"] is False
    assert "Connection" in body["broker"]["error"]
    assert body["database"]["ok"] is True


@pytest.mark.parametrize(
    "database_url",
    [
        "postgresql://postgres@127.0.0.1:1/parley",  # nothing listens on port 1: refused
        "sqlite:////nonexistent-directory/parley.sqlite3",  # a file that cannot be opened
    ],
)
def test_healthz_is_503_when_the_database_is_down(database_url):
    # A separate process, so the database this test suite runs on stays up.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings"}
    env.pop("REDIS_URL", None)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["body"]["status"] == "down"
    assert answer["body"]["database"]["ok"] is False
    assert answer["body"]["database"]["error"]
