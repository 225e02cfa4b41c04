"""Shared fixtures: personas, the real Redis, and a real Celery worker process."""

from __future__ import annotations

import ipaddress
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


# --- Offline by construction ---------------------------------------------------------------------
# Tests talk to 127.0.0.1 and ::1 only. A name that would need a DNS query (which itself is a
# packet to a resolver off this machine) is refused here, in every test of this process, so a
# test that forgot a resolver stub fails loudly instead of reaching out.
_LOCAL_NAMES = {"localhost", "testserver", "ip6-localhost"}
_real_getaddrinfo = socket.getaddrinfo


def _loopback_only_getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name is not None:
        try:
            address = ipaddress.ip_address(str(name).strip("[]").split("%")[0])
        except ValueError:
            address = None
        if address is not None and not address.is_loopback and not address.is_unspecified:
            raise OSError(f"tests may not reach {name}: only 127.0.0.0/8 and ::1")
        if address is None and str(name).lower() not in _LOCAL_NAMES:
            raise OSError(f"tests may not resolve {name!r}: use a resolver stub or 127.0.0.1")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _loopback_only_getaddrinfo


def pytest_report_header(config):
    db = settings.DATABASES["default"]
    return f"parley: database {db['ENGINE'].rsplit('.', 1)[-1]} {db.get('NAME')}, redis {settings.REDIS_URL or 'off (tasks inline)'}"


# --- Personas ----------------------------------------------------------------------------------


def _user(django_user_model, username: str, group: str | None, **extra):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username=username, password="not-used-in-tests", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    """Ed, who corrects extracted data through the admin."""
    return _user(django_user_model, "ed", "Editors", is_staff=True)


@pytest.fixture
def analyst(db, django_user_model):
    """Ana, who reads the dashboard and changes nothing."""
    return _user(django_user_model, "ana", "Analysts", is_staff=True)


@pytest.fixture
def outsider(db, django_user_model):
    """Otto, logged in but in no group."""
    return _user(django_user_model, "otto", None)


# --- Live server ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, serving one request at a time on in-memory SQLite.

    On SQLite the test database lives in memory, so Django hands the test's own connection to
    the server. Its threaded server would then run the page's parallel requests (the list, the
    chart, the live poll) on that one connection at once, and a sqlite3 connection is not safe
    for that: one CI run hung there for an hour. Served one by one (Django then closes each HTTP
    connection after its response), the browser simply queues them. On PostgreSQL each request
    thread has its own connection and the threaded server stays.
    """
    from django.core.servers.basehttp import WSGIServer
    from pytest_django.live_server_helper import LiveServer

    class OneRequestAtATime(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            # The server's own thread already uses the shared connections (LiveServerThread.run).
            super().__init__(*args, **kwargs)
            self.busy = threading.Lock()

        def process_request(self, request, client_address):
            with self.busy:
                super().process_request(request, client_address)

        def wait_until_idle(self, quiet: float = 0.3, timeout: float = 15.0) -> None:
            """Return once no request is being served or waiting to be accepted for `quiet` seconds.

            A tab's last request (an htmx poll, a debounced search) can still be on its way when
            the test ends: served while the test database is flushed, it fails the flush on the
            one shared SQLite connection ("database table is locked").
            """
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                with self.busy:
                    pending, _, _ = select.select([self.socket], [], [], 0)
                if not pending:
                    time.sleep(quiet)
                    with self.busy:
                        pending, _, _ = select.select([self.socket], [], [], 0)
                    if not pending:
                        return
                time.sleep(0.05)

    server = LiveServer(
        request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost",
        start=False,
    )
    if server.thread.connections_override:
        server.thread.server_class = OneRequestAtATime
    server.start()
    yield server
    server.stop()


def wait_until_served(live_server) -> None:
    """Let the live server finish what a closed tab asked of it before the test's database goes."""
    httpd = getattr(live_server.thread, "httpd", None)
    if hasattr(httpd, "wait_until_idle"):
        httpd.wait_until_idle()


# --- Real services -----------------------------------------------------------------------------

requires_redis = pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is not set (tasks run inline)")
requires_postgres = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL (DATABASE_URL): a worker process cannot see an in-memory SQLite test database",
)


def test_database_url() -> str:
    """The URL of the test database pytest-django created, for processes started by a test."""
    from django.db import connection

    db = connection.settings_dict
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{auth}{db.get('HOST') or '127.0.0.1'}{port}/{db['NAME']}"


test_database_url.__test__ = False  # a helper, not a test


def purge_queues() -> None:
    """Drop messages earlier tests left in Redis so a new worker starts on a clean slate."""
    from config.celery import app

    with app.connection_for_write() as conn:
        for queue in ("default", "ingestion", "extraction"):
            try:
                conn.default_channel.queue_purge(queue)
            except Exception:
                pass  # the queue does not exist yet


class PrivateRedisServer:
    """A redis-server of one test's own on a spare loopback port, which the test may stop and start.

    The shared Redis of the run is never stopped: other agents and tests use it.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 20) -> PrivateRedisServer:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory),
             "--save", "", "--appendonly", "yes", "--logfile", str(self.directory / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(64).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        """SIGTERM: Redis writes its append-only log and exits, as `docker compose restart` does."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(20)


@pytest.fixture
def private_redis(tmp_path):
    """A Redis of the test's own, stopped at the end whatever happened."""
    import shutil

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = PrivateRedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


_started_workers: list[WorkerProcess] = []


@pytest.fixture(autouse=True)
def _no_page_outlives_its_test():
    """Start each test at a data version of its own.

    The rollback that ends a test is no write the version sees, and the cache outlives it: a page
    cached by one test would otherwise be served to the next one that writes nothing.
    """
    from apps.timeline import freshness

    freshness.bump()


_started_workers: list[WorkerProcess] = []


@pytest.fixture(autouse=True)
def _no_worker_outlives_its_test():
    """Stop every worker a test started, even when the test failed before its own clean-up.

    A leftover worker would take the next tests' tasks (the test database keeps its name).
    """
    yield
    while _started_workers:
        _started_workers.pop().kill()


class WorkerProcess:
    """A real `celery worker` subprocess on the test database and the test Redis."""

    def __init__(
        self, *, env: dict[str, str] | None = None, name: str = "pytest", queues: str = "default,ingestion,extraction",
        pool: str = "solo", include: str = "",
    ):
        self.name = f"{name}-{os.getpid()}-{time.monotonic_ns()}"
        self.queues = queues
        # "solo" runs tasks in the worker's own process and ignores time limits; "prefork" (one
        # child) enforces them, as production does.
        self.pool = pool
        self.include = include  # modules of tasks for tests only, such as tests.reliability.slow_tasks
        self.env = {**os.environ, "DATABASE_URL": test_database_url(), "REDIS_URL": settings.REDIS_URL, **(env or {})}
        self.proc: subprocess.Popen | None = None
        self.log_path = Path(f"/tmp/parley-worker-{self.name}.log")

    def start(self, timeout: float = 60) -> WorkerProcess:
        from config.celery import app

        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "config", "worker",
                "-Q", self.queues, f"--pool={self.pool}", "--concurrency=1",
                "--without-gossip", "--without-mingle", "--loglevel=INFO", "-n", f"{self.name}@%h",
                *(["--include", self.include] if self.include else []),
            ],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        _started_workers.append(self)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log_path.read_text()[-3000:]}")
            if self.env["REDIS_URL"] == settings.REDIS_URL:
                ready = app.control.ping(timeout=0.5, destination=[f"{self.name}@{os.uname().nodename}"])
            else:
                # A worker on another Redis database: control messages go through the app's own
                # broker, which it does not share, so its log says when it is ready instead.
                time.sleep(0.2)
                ready = " ready." in self.log()
            if ready:
                return self
        self.stop()
        raise RuntimeError(f"worker did not answer within {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL, as the kernel's OOM killer or a lost node would: no clean-up runs."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def celery_worker_process(transactional_db):
    """Start a real worker for one test and stop it afterwards."""
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set (tasks run inline)")
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL: a worker process cannot see an in-memory SQLite test database")
    purge_queues()
    worker = WorkerProcess().start()
    yield worker
    worker.stop()
