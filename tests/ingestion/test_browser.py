"""An editor brings an article in through a real browser: submit a URL, watch it settle; upload a file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.db import connections, transaction

from apps.ingestion import services
from apps.ingestion.models import Article
from apps.ingestion.tasks import fetch_article
from tests.browser import CHROMIUM, open_chromium

SCREENSHOTS = Path("/tmp/parley-screenshots/ingestion")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]


@pytest.fixture
def tab(live_server, transactional_db):
    with open_chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page.errors = []
        # The admin login page declares no icon, so the browser asks for /favicon.ico: not ours to judge.
        page.on("console", lambda m: m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico")
                and page.errors.append(f"{m.text} {m.location}"))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico")
                and page.errors.append(f"{r.status} {r.url}"))
        yield page
        # ORM calls made while Playwright runs get their own connection (Django's per-context
        # connections meet Playwright's greenlet); close it here, or dropping the test database fails.
        connections.close_all()


@pytest.fixture
def fetch_in_process(monkeypatch):
    """Fetch right after commit in the server's thread (no worker here); extraction is another issue's."""
    monkeypatch.setattr(services, "queue_fetch", lambda pk: transaction.on_commit(lambda: fetch_article.apply(args=[pk])))
    monkeypatch.setattr(services, "queue_extraction", lambda pk: None)


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "not-used-in-tests")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_an_editor_submits_a_url_and_sees_the_fetched_article(tab, live_server, editor, site, fetch_in_process):
    site.serve_pages()
    log_in(tab, live_server, "ed")

    tab.goto(f"{live_server.url}/ingest/")
    shot(tab, "1-ingest-page")
    tab.fill("#id_url", site.url("/pages/article-fr-windows-1252.html"))
    tab.click("text=Fetch this article")

    tab.wait_for_selector("#article-status .status-fetched")
    shot(tab, "2-fetched-article")
    assert tab.locator("h1").inner_text() == "Les ministres préparent un sommet sur les garanties"
    assert "300 millions d’€" in tab.locator(".ingest-text").inner_text()
    assert Article.objects.get().status == Article.Status.FETCHED
    assert tab.errors == [], "no CSP violation or script error"


def test_a_refused_url_shows_its_reason_next_to_the_field(tab, live_server, editor, settings):
    settings.PARLEY_ALLOW_LOOPBACK_FETCH = False
    log_in(tab, live_server, "ed")

    tab.goto(f"{live_server.url}/ingest/")
    tab.fill("#id_url", "http://169.254.169.254/latest/meta-data/")
    tab.click("text=Fetch this article")

    error = tab.locator(".field-invalid .form-error").inner_text()
    shot(tab, "3-refused-url")
    assert "link-local" in error
    assert Article.objects.count() == 0


def test_an_editor_uploads_a_file_and_reads_the_summary(tab, live_server, editor, tmp_path, fetch_in_process):
    path = tmp_path / "articles.jsonl"
    records = [
        {"id": "1", "source": "Test Wire", "language": "en", "published": "2025-09-04", "title": "Talks resume",
         "text": "Envoys resumed their talks in Geneva on Thursday, officials said, written for the tests."},
        {"id": "2", "title": "Missing body"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    log_in(tab, live_server, "ed")

    tab.goto(f"{live_server.url}/ingest/")
    tab.set_input_files("#id_file", str(path))
    tab.click("text=Import")

    tab.wait_for_selector("#count-new")
    shot(tab, "4-upload-summary")
    assert tab.locator("#count-new").inner_text() == "1"
    assert tab.locator("#count-failed").inner_text() == "1"
    assert "line 2: the record has neither text nor URL" in tab.locator(".ingest-failures").inner_text()
    assert tab.errors == []
