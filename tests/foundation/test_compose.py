"""docker-compose.yml stays consistent with the settings: same variables, same services."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT

COMPOSE = (ROOT / "docker-compose.yml").read_text()
DOCKERFILE = (ROOT / "Dockerfile").read_text()
SETTINGS = (ROOT / "config" / "settings.py").read_text()
README = (ROOT / "README.md").read_text()


def test_every_variable_compose_passes_to_parley_is_read_by_the_settings_and_documented():
    block = COMPOSE.split("environment: &parley-env", 1)[1].split("depends_on:", 1)[0]
    variables = re.findall(r"^\s{4}([A-Z][A-Z0-9_]+):", block, flags=re.M)
    assert {"PARLEY_ENV", "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"} <= set(variables)
    for name in variables:
        assert f'"{name}"' in SETTINGS, f"settings.py does not read {name}"
        assert f"`{name}`" in README, f"README's table does not document {name}"


def test_compose_runs_the_web_app_workers_and_beat_against_postgres_and_redis_with_health_checks():
    for service in ("postgres:", "redis:", "migrate:", "web:", "worker:", "beat:"):
        assert f"\n  {service}" in COMPOSE
    assert COMPOSE.count("healthcheck:") >= 4
    assert "postgresql://" in COMPOSE and "redis://redis:6379" in COMPOSE
    assert "gunicorn" in COMPOSE and "celery" in COMPOSE and "/healthz" in COMPOSE


def test_compose_serves_the_web_app_with_the_images_own_command():
    # tests/reliability/test_production_smoke.py runs the Dockerfile's CMD: compose must run the same.
    image_cmd = json.loads(re.search(r"^CMD (\[.*\])$", DOCKERFILE, flags=re.M).group(1))
    web = COMPOSE.split("\n  web:", 1)[1]
    web_cmd = json.loads(re.search(r"^\s{4}command: (\[.*\])$", web, flags=re.M).group(1))
    assert web_cmd == image_cmd
