"""A real HTTP server on 127.0.0.1 serving the recorded feeds and pages, with scripted misbehaviour."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import redis
from django.conf import settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering: a slow server
    stall: threading.Event | None = None  # answer only once the test sets this event
    then: Route | None = None  # what the path serves after this answer: a server that recovers


class LocalSite:
    """What the test server serves and what it was asked for."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.arrivals: list[tuple[float, str]] = []  # (time.monotonic(), path) of each request, as it came in
        self.base = ""
        self.arrived = threading.Event()  # set by every request, for tests that wait for one

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def route(self, path: str, **kwargs) -> str:
        self.routes[path] = Route(**kwargs)
        return self.url(path)

    def serve_file(self, path: str, fixture: str, content_type: str, **kwargs) -> str:
        body = (FIXTURES / fixture).read_bytes().replace(b"{{BASE}}", self.base.encode())
        return self.route(path, body=body, headers={"Content-Type": content_type, **kwargs.pop("headers", {})}, **kwargs)

    def serve_feed(self, fixture: str, *, path: str | None = None) -> str:
        """Serve a recorded feed with an ETag and Last-Modified, answering 304 when they match."""
        path = path or f"/feeds/{fixture}"
        body = (FIXTURES / "feeds" / fixture).read_bytes().replace(b"{{BASE}}", self.base.encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        return self.route(path, body=body, headers={
            "Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag,
            "Last-Modified": "Thu, 04 Sep 2025 12:00:00 GMT",
        })

    def serve_pages(self) -> None:
        """Every recorded page under /pages/, as text/html without a charset (the page says it)."""
        for page in (FIXTURES / "pages").glob("*.html"):
            self.serve_file(f"/pages/{page.name}", f"pages/{page.name}", "text/html")


def _handler(site: LocalSite):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep pytest output clean
            pass

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            site.arrivals.append((time.monotonic(), path))
            site.hits[path] += 1
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            site.arrived.set()
            route = site.routes.get(path)
            if route is not None and route.then is not None:
                site.routes[path] = route.then
            if route is None:
                route = Route(status=404, body=b"<html><body>Not found</body></html>", headers={"Content-Type": "text/html"})
            if route.stall is not None:
                route.stall.wait(60)
            if route.delay:
                time.sleep(route.delay)
            etag = route.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            if "Content-Length" not in route.headers and "Transfer-Encoding" not in route.headers:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@pytest.fixture
def site():
    """A live HTTP server on 127.0.0.1 (never anything else) for one test."""
    local = LocalSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(local))
    server.daemon_threads = True
    local.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield local
    for route in local.routes.values():
        if route.stall is not None:
            route.stall.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def fetch_locally(settings):
    """Let the fetcher reach the test server, without the politeness delay between requests."""
    settings.PARLEY_ALLOW_LOOPBACK_FETCH = True
    settings.PARLEY_FETCH_HOST_INTERVAL = 0
    settings.PARLEY_FETCH_TIMEOUT = 2


def queued_tasks(callbacks) -> list[tuple[str, int | list[int]]]:
    """(task name, article id or ids) for each on-commit callback that queues a task, in order."""
    queued = []
    for callback in callbacks:
        cells = [cell.cell_contents for cell in callback.__closure__ or ()] + list(callback.__defaults__ or ())
        tasks = [cell for cell in cells if hasattr(cell, "delay")]
        ids = [cell for cell in cells if isinstance(cell, (int, list))]
        if tasks:
            queued.append((tasks[0].name.rsplit(".", 1)[-1], ids[0] if ids else None))
    return queued


# --- Real workers ---------------------------------------------------------------------------------

# A Redis database of the worker tests' own, so workers other test runs start on the shared
# Redis cannot take their messages (and their flush touches nobody else's).
ISOLATED_DB = 13
VISIBILITY_TIMEOUT = 6


def isolated_redis_url() -> str:
    return settings.REDIS_URL.rsplit("/", 1)[0] + f"/{ISOLATED_DB}"


def queued_in_redis(client: redis.Redis, queue: str) -> list[tuple[str, list]]:
    """(task name, args) of each message waiting in a queue, read straight from Redis."""
    messages = []
    for raw in client.lrange(queue, 0, -1):
        message = json.loads(raw)
        args, _kwargs, _embed = json.loads(base64.b64decode(message["body"]))
        messages.append((message["headers"]["task"], args))
    return messages


def wait_for(predicate, timeout: float, what):
    """Poll predicate until it is true; what (a string, or a callable giving one) names it on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what() if callable(what) else what}")


@pytest.fixture
def isolated_redis():
    client = redis.Redis.from_url(isolated_redis_url())
    client.flushdb()
    yield client
    client.flushdb()
    client.close()
