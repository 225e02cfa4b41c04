"""The image's path, for real: static files collected as the Dockerfile collects them, served by
gunicorn and whitenoise under production settings, and an editor opening every page type.

Everything runs in processes of their own with a clean production environment, as in the image:
the collection script the Dockerfile runs, `manage.py migrate` (compose's one-shot service), and
the Dockerfile's gunicorn command on 127.0.0.1. The database is the test database on PostgreSQL
(DATABASE_URL set); on SQLite, where the test database lives in this process's memory, a file
database that the test migrates. Requests arrive as a TLS-terminating proxy forwards them
(X-Forwarded-Proto: https), so the HTTPS redirect and secure cookies stay on.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path

import httpx
import pytest
from django.conf import settings

from tests.conftest import ROOT, test_database_url

HOST = "parley.example.org"
PASSWORD = "a long production password 2025"
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COLLECT = ["sh", "scripts/collect_static.sh"]
# Hashed by the manifest storage: name.0123456789ab.css
HASHED = re.compile(r"\.[0-9a-f]{12}(\.[A-Za-z0-9]+)$")
STATIC_REFERENCE = re.compile(r"""(?:src|href)=["'](/static/[^"'?#]+)""")


def production_env(**extra: str) -> dict[str, str]:
    """What compose gives Parley's containers, with this venv's executables first on PATH."""
    return {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "PARLEY_ENV": "production",
        "SECRET_KEY": "a-production-secret-key-that-is-long-enough-to-pass-the-check-0123456789",
        "ALLOWED_HOSTS": HOST,
        "TRUST_X_FORWARDED_PROTO": "true",
        "SECURE_SSL_REDIRECT": "true",
        "PARLEY_PUBLIC_TIMELINE": "false",
        **extra,
    }


def run(args: list[str], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


def image_gunicorn_command() -> list[str]:
    """The Dockerfile's CMD, bound to a free port of 127.0.0.1 instead of every address."""
    command = json.loads(re.search(r"^CMD (\[.*\])$", DOCKERFILE, flags=re.M).group(1))
    bind = command.index("--bind") + 1
    command[bind] = "127.0.0.1:0"  # gunicorn picks a free port and logs it: no race for one
    return command


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """Static files collected by the very line the Dockerfile runs, in a folder of this test."""
    assert f"RUN {' '.join(COLLECT)}\n" in DOCKERFILE, "the image no longer collects with the script this test runs"
    root = tmp_path_factory.mktemp("staticfiles")
    # The build's environment: no database, no Redis, no secret; only where to write.
    env = {"PATH": production_env()["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "STATIC_ROOT": str(root)}
    run(COLLECT, env)
    return root


@pytest.fixture
def database_url(request, tmp_path) -> str:
    """A database the gunicorn process can share: the PostgreSQL test database, or a SQLite file."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        request.getfixturevalue("transactional_db")  # committed rows, flushed after the test
        return test_database_url()
    return f"sqlite:///{tmp_path / 'production.sqlite3'}"


SEED = f"""
import json
import os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from tests.reliability.access_world import build_world

editor = get_user_model().objects.create_user("ed", password={PASSWORD!r}, is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
world = build_world(by=editor)
print(json.dumps({{model: row.pk for model, row in world.rows.items()}}))
"""


class Gunicorn:
    """The image's web process, started on 127.0.0.1 and stopped with its process group."""

    def __init__(self, env: dict[str, str], log_path: Path):
        self.log_path = log_path
        with log_path.open("wb") as log:
            self.proc = subprocess.Popen(image_gunicorn_command(), cwd=ROOT, env=env, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_until_serving(self, timeout: float = 60) -> str:
        """Return the base URL once /healthz answers; fail with the log if gunicorn gives up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.proc.returncode}:\n{self.log()[-4000:]}")
            listening = re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", self.log())
            if listening:
                try:
                    if httpx.get(f"{listening.group(1)}/healthz", headers={"Host": HOST}, timeout=2).status_code == 200:
                        return listening.group(1)
                except httpx.TransportError:
                    pass  # workers still booting
            time.sleep(0.2)
        raise AssertionError(f"gunicorn did not serve within {timeout}s:\n{self.log()[-4000:]}")

    def wait_for_exit(self, timeout: float = 60) -> int:
        return self.proc.wait(timeout)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


@pytest.fixture
def start_gunicorn(tmp_path):
    started: list[Gunicorn] = []

    def start(env: dict[str, str]) -> Gunicorn:
        server = Gunicorn(env, tmp_path / f"gunicorn-{len(started)}.log")
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


class BehindTheProxy:
    """A browser behind a TLS-terminating proxy: HTTPS outside, X-Forwarded-Proto inside.

    It keeps cookies itself, as the browser does across the proxy: an HTTP client's own cookie
    jar would rightly never send a Secure cookie over the plain connection to gunicorn.
    """

    def __init__(self, base_url: str):
        self.http = httpx.Client(base_url=base_url, timeout=30, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = self.http.request(method, path, headers=headers, **kwargs)
        self.http.cookies.clear()
        for header in response.headers.get_list("set-cookie"):
            for name, morsel in SimpleCookie(header).items():
                assert morsel["secure"], f"production set the cookie {name} without Secure"
                self.cookies[name] = morsel.value
        return response

    def get(self, path: str, **headers: str) -> httpx.Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, data: dict) -> httpx.Response:
        # A browser sends its origin with a form POST; Django checks it on HTTPS requests.
        return self.request("POST", path, data=data, headers={"Origin": f"https://{HOST}"})


def static_references(html: str) -> set[str]:
    return set(STATIC_REFERENCE.findall(html))


def test_the_image_serves_every_page_type_to_an_editor_with_hashed_static_files(
    static_root, database_url, start_gunicorn
):
    env = production_env(DATABASE_URL=database_url, STATIC_ROOT=str(static_root))
    run([sys.executable, "manage.py", "migrate", "--noinput"], env)
    pks = json.loads(run([sys.executable, "-c", SEED], env).stdout.strip().splitlines()[-1])
    if settings.REDIS_URL:
        env["REDIS_URL"] = settings.REDIS_URL  # the cache and /healthz's broker, as in compose
    base_url = start_gunicorn(env).wait_until_serving()

    # Plain HTTP, as from a client that bypassed the proxy, is still sent to HTTPS.
    plain = httpx.get(f"{base_url}/", headers={"Host": HOST})
    assert (plain.status_code, plain.headers["location"]) == (301, f"https://{HOST}/")

    browser = BehindTheProxy(base_url)
    assert browser.get("/").status_code == 302, "the timeline is private in production"
    login = browser.get("/admin/login/")
    assert login.status_code == 200, login.text[-2000:]
    references = static_references(login.text)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    logged_in = browser.post("/admin/login/", {"csrfmiddlewaretoken": token, "username": "ed",
                                               "password": PASSWORD, "next": "/admin/"})
    assert (logged_in.status_code, logged_in.headers.get("location")) == (302, "/admin/"), logged_in.text[-2000:]
    assert "sessionid" in browser.cookies

    html_pages = [
        "/", "/?q=Putin&kind=meeting", "/activity", f"/events/{pks['records/event']}/",
        f"/actors/{pks['records/actor']}/", "/statements/",
        "/ingest/", f"/ingest/articles/{pks['ingestion/article']}/",
        "/admin/",
    ]
    for model, pk in pks.items():
        if model.split("/")[0] in ("ingestion", "records"):
            html_pages += [f"/admin/{model}/", f"/admin/{model}/{pk}/change/"]
    for path in html_pages:
        response = browser.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}\n{response.text[-2000:]}"
        assert "max-age=31536000" in response.headers["strict-transport-security"]
        references |= static_references(response.text)

    fragment = browser.get("/", **{"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<html" not in fragment.text and "Witkoff meets Putin" in fragment.text
    assert "HX-Request" in fragment.headers["vary"]

    exports = {"/export.csv": "text/csv", "/export.json": "application/json",
               "/export.ics": "text/calendar", "/feed.atom": "application/atom+xml"}
    for path, content_type in exports.items():
        response = browser.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}\n{response.text[-2000:]}"
        assert response.headers["content-type"].startswith(content_type)

    # Every static URL the pages name is the manifest's hashed name, and whitenoise serves it
    # from the collected folder with a cache header for ever.
    assert {"/static/css/parley.css", "/static/js/parley.js", "/static/admin/css/base.css"} <= {
        HASHED.sub(r"\1", ref) for ref in references
    }, references
    unhashed = sorted(ref for ref in references if not HASHED.search(ref))
    assert not unhashed, f"static URLs the manifest did not hash: {unhashed}"
    for ref in sorted(references):
        response = browser.get(ref, **{"Accept-Encoding": "gzip"})
        assert response.status_code == 200, ref
        assert (static_root / ref.removeprefix("/static/")).is_file()
        cache_control = response.headers["cache-control"]
        assert "immutable" in cache_control and int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 31536000
    stylesheet = browser.get(next(ref for ref in references if ref.startswith("/static/css/parley.")),
                             **{"Accept-Encoding": "gzip"})
    assert stylesheet.headers.get("content-encoding") == "gzip", "the compressed copy collectstatic wrote"


# --- A missing or stale manifest stops the web process before it serves a page --------------------


def test_gunicorn_refuses_to_start_without_the_static_manifest(tmp_path, start_gunicorn):
    empty = tmp_path / "never-collected"
    empty.mkdir()
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}", STATIC_ROOT=str(empty))
    server = start_gunicorn(env)
    assert server.wait_for_exit(timeout=60) != 0, "gunicorn served pages that would all answer 500"
    log = server.log()
    assert "Worker failed to boot" in log
    assert f"no static files manifest in {empty}: run scripts/collect_static.sh" in log


@pytest.mark.parametrize("entry_point", ["config.wsgi", "config.asgi"])
def test_a_web_process_refuses_a_manifest_that_lacks_a_file_its_pages_name(static_root, tmp_path, entry_point):
    # As after a deployment that brought a new stylesheet but did not collect static files again.
    stale = tmp_path / "stale"
    shutil.copytree(static_root, stale)
    manifest = json.loads((stale / "staticfiles.json").read_text())
    del manifest["paths"]["css/parley.css"]
    (stale / "staticfiles.json").write_text(json.dumps(manifest))
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}", STATIC_ROOT=str(stale))
    result = subprocess.run([sys.executable, "-c", f"import {entry_point}"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert f"the static files manifest in {stale} lacks css/parley.css" in result.stderr
