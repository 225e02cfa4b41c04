"""Settings come from the environment and refuse bad values with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_float, env_int, env_list, env_str, env_url
from tests.conftest import ROOT

PRODUCTION_ENV = {
    "PARLEY_ENV": "production",
    "SECRET_KEY": "a-production-secret-key-that-is-long-enough-to-pass-the-check-0123456789",
    "ALLOWED_HOSTS": "parley.example.org",
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # The suite's own REDIS_URL (CI's PostgreSQL run) must not reach a run that leaves it out on purpose.
    clean = {k: v for k, v in os.environ.items() if k not in {"PARLEY_ENV", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


def test_booleans_accept_the_usual_spellings_and_nothing_else():
    assert env_bool("X", False, environ={"X": "yes"}) is True
    assert env_bool("X", True, environ={"X": "0"}) is False
    assert env_bool("X", True, environ={}) is True
    with pytest.raises(ImproperlyConfigured, match=r"X='maybe' is not a boolean"):
        env_bool("X", False, environ={"X": "maybe"})


def test_integers_are_checked_against_their_minimum():
    assert env_int("N", 3, environ={"N": " 7 "}) == 7
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("N", 3, environ={"N": "7s"})
    with pytest.raises(ImproperlyConfigured, match="below its minimum of 1"):
        env_int("N", 3, minimum=1, environ={"N": "0"})


def test_decimals_are_finite_and_checked_against_their_minimum():
    assert env_float("F", 2.0, environ={"F": " 0.5 "}) == 0.5
    assert env_float("F", 2.0, environ={}) == 2.0
    for bad in ("half", "nan", "inf"):
        with pytest.raises(ImproperlyConfigured, match="not a (finite )?number"):
            env_float("F", 2.0, environ={"F": bad})
    with pytest.raises(ImproperlyConfigured, match="below its minimum of 0"):
        env_float("F", 2.0, minimum=0, environ={"F": "-1"})


def test_lists_strings_and_choices():
    assert env_list("H", ["a"], environ={"H": "x.org, y.org,,"}) == ["x.org", "y.org"]
    assert env_list("H", ["a"], environ={}) == ["a"]
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        env_str("SECRET_KEY", environ={})
    with pytest.raises(ImproperlyConfigured, match="must be one of: development, production"):
        env_choice("PARLEY_ENV", "development", ("development", "production"), environ={"PARLEY_ENV": "prod"})


def test_urls_must_use_a_known_scheme_and_name_a_host():
    assert env_url("R", None, ("redis",), environ={}) is None
    with pytest.raises(ImproperlyConfigured, match="must start with redis://"):
        env_url("R", None, ("redis",), environ={"R": "http://127.0.0.1:6379"})
    with pytest.raises(ImproperlyConfigured, match="has no host name"):
        env_url("R", None, ("redis",), environ={"R": "redis://"})


def test_a_bad_value_stops_the_start_with_the_variables_name():
    result = run_manage("check", env={"DEBUG": "sometimes"})
    assert result.returncode != 0
    assert "DEBUG='sometimes' is not a boolean" in result.stderr


def test_static_root_must_be_an_absolute_path():
    result = run_manage("check", env={"STATIC_ROOT": "staticfiles"})
    assert result.returncode != 0
    assert "STATIC_ROOT=staticfiles must be an absolute path" in result.stderr


def test_production_refuses_to_start_without_its_own_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_debug():
    result = run_manage("check", env={**PRODUCTION_ENV, "DEBUG": "1"})
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_time_zone_is_utc_with_aware_datetimes(settings):
    assert settings.TIME_ZONE == "UTC"
    assert settings.USE_TZ is True


def _production_reading(env: dict[str, str]) -> str:
    code = ("from django.template import engines; from django.conf import settings; "
            "loaders = engines['django'].engine.template_loaders; loaders = getattr(loaders[0], 'loaders', loaders); "
            "print(type(loaders[0]).__module__, settings.PARLEY_PAGE_CACHE, "
            "settings.DATABASES['default']['OPTIONS'].get('options'))")
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]  # after the shell's note on models it did not import


def test_production_caches_templates_and_pages_only_with_a_cache_every_process_shares():
    # Django's cached loader is the default when `loaders` is not set (template_partials wraps it):
    # keep it so (issue 14).
    assert _production_reading(PRODUCTION_ENV) == "django.template.loaders.cached True -c jit=off"
    # Without Redis each process has its own memory: a page cached by one would miss another's writes.
    without_redis = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    assert _production_reading(without_redis) == "django.template.loaders.cached False -c jit=off"
