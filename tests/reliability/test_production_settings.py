"""PARLEY_ENV=production turns on HTTPS-only cookies, HSTS and the SSL redirect.

Settings are read once per process, so each check runs Django in a subprocess with the
production environment, as tests/foundation/test_settings.py does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.conftest import ROOT

PRODUCTION_ENV = {
    "PARLEY_ENV": "production",
    "SECRET_KEY": "a-production-secret-key-that-is-long-enough-to-pass-the-check-0123456789",
    "ALLOWED_HOSTS": "parley.example.org",
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
_INHERITED_OUT = {"PARLEY_ENV", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL",
                  "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD", "PARLEY_PUBLIC_TIMELINE"}


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in _INHERITED_OUT}
    return subprocess.run(args, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=180)


def _django(script: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    prelude = "import django, os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings')\ndjango.setup()\n"
    return _run([sys.executable, "-c", prelude + textwrap.dedent(script)], env)


def test_production_turns_on_secure_cookies_hsts_and_the_ssl_redirect():
    result = _django(
        """
        import json
        from django.conf import settings as s
        print(json.dumps({name: getattr(s, name) for name in [
            "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
            "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_CONTENT_TYPE_NOSNIFF", "X_FRAME_OPTIONS", "PARLEY_PUBLIC_TIMELINE",
        ]}))
        """,
        PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["PARLEY_PUBLIC_TIMELINE"] is False, "production keeps the timeline private by default"


def test_development_leaves_cookies_usable_over_plain_http():
    result = _django(
        "from django.conf import settings as s\nprint(s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)",
        {"PARLEY_ENV": "development"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["False", "False", "0"]


# A real login on a throwaway SQLite database under the production settings: the response's
# Set-Cookie headers are what a browser would store.
LOGIN_SCRIPT = """
import json
from django.core.management import call_command
from django.test import Client
from django.contrib.auth import get_user_model

call_command("migrate", verbosity=0)
get_user_model().objects.create_user("ed", password="a long production password 2025", is_staff=True)
client = Client(HTTP_HOST="parley.example.org")
plain = client.get("/admin/login/")
response = client.post("/admin/login/", {"username": "ed", "password": "a long production password 2025",
                                         "next": "/admin/"}, secure=True)
cookies = {
    name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"]), "samesite": morsel["samesite"]}
    for name, morsel in response.cookies.items()
}
print(json.dumps({
    "plain_status": plain.status_code, "plain_location": plain.get("Location", ""),
    "status": response.status_code, "location": response.get("Location", ""),
    "hsts": response.get("Strict-Transport-Security", ""), "cookies": cookies,
}))
"""


def test_a_real_login_sets_secure_httponly_session_and_secure_csrf_cookies(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}"}
    env.pop("REDIS_URL")
    result = _django(LOGIN_SCRIPT, env)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])

    assert outcome["plain_status"] == 301, "plain HTTP is redirected to HTTPS"
    assert outcome["plain_location"] == "https://parley.example.org/admin/login/"

    assert outcome["status"] == 302 and outcome["location"] == "/admin/", outcome
    assert "max-age=31536000" in outcome["hsts"] and "includeSubDomains" in outcome["hsts"]
    session, csrf = outcome["cookies"]["sessionid"], outcome["cookies"]["csrftoken"]
    assert session["secure"] and session["httponly"], session
    assert csrf["secure"], csrf
    assert session["samesite"] == "Lax"


def test_the_deployment_checklist_is_clean_at_warning_level():
    result = _run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
