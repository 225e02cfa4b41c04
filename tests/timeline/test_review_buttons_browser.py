"""Issue 16 items 13 and 15 in a real browser (Debian's chromium through Playwright), at 1366 px.

An editor verifies and rejects from the queues and the change page, opens a row from its highlight
in the article, goes from a timeline card to the event's admin page, and re-runs an article's
extraction while the page follows its progress.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from apps.ingestion.models import Article
from apps.records.models import Event, ExtractionRun, ReviewState, Statement
from tests.browser import CHROMIUM, RECORD_VIOLATIONS, open_chromium
from tests.conftest import requires_postgres
from tests.timeline import review_data as make

SCREENSHOTS = Path(os.environ.get("PARLEY_SCREENSHOTS", "/tmp/parley-review-buttons"))
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def browser(live_server):
    with open_chromium() as chromium:
        yield chromium


def new_tab(browser, width: int = 1366):
    context = browser.new_context(locale="en-GB", viewport={"width": width, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(f"console: {m.text}"))
    tab.on("pageerror", lambda e: tab.errors.append(f"page error: {e}"))
    return tab


def problems(tab) -> list[str]:
    tab.wait_for_load_state("networkidle")
    return [*tab.errors, *tab.evaluate("window.__cspViolations || []")]


def shot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def log_in(tab, base: str, username: str) -> None:
    tab.goto(f"{base}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", "not-used-in-tests")
    tab.click("input[type=submit]")
    tab.wait_for_url(f"{base}/admin/")


def shown_without_scrolling(tab, selector: str) -> bool:
    """The element lies inside the list's scroll box as drawn and inside the window: no scrolling needed."""
    return tab.eval_on_selector(selector, """(el) => {
        const r = el.getBoundingClientRect(), box = el.closest('.results').getBoundingClientRect();
        return r.width > 0 && r.left >= box.left && r.right <= Math.min(box.right, window.innerWidth) + 0.5;
    }""")


@pytest.fixture
def queue():
    text = make.article()
    putin = make.actor("Vladimir Putin", confidence=0.4, country="RU", role="President of Russia",
                       wikidata_id="Q7747")
    witkoff = make.actor("Steve Witkoff", confidence=0.3)
    make.mention(text, putin, "Vladimir Putin")
    talks = make.event("Putin meets Witkoff in Moscow to discuss a ceasefire in Ukraine",
                       location="Moscow, Russian Federation")
    make.participant(talks, putin)
    make.participant(talks, witkoff)
    make.evidence(talks, text, "Vladimir Putin met Steve Witkoff in Moscow on Thursday.")
    later = make.event("Witkoff flies home", confidence=0.9)
    quote = make.statement(text, putin, "We are ready to talk")
    return {"article": text, "putin": putin, "witkoff": witkoff, "talks": talks, "later": later, "quote": quote}


def test_an_editor_verifies_and_rejects_in_one_click_and_stays_on_the_filtered_list(
    browser, live_server, transactional_db, editor, queue
):
    base, tab = live_server.url, new_tab(browser)
    log_in(tab, base, "ed")

    # At 1366 px, menu and filters open: the review state, the confidence and the buttons are in view.
    for model, row in (("actor", queue["putin"]), ("event", queue["talks"]), ("statement", queue["quote"])):
        tab.goto(f"{base}/admin/records/{model}/")
        for selector in ("th.column-review_state", "th.column-confidence",
                         f"button.review-verify[formaction*='/{row.pk}/review/']",
                         f"button.review-reject[formaction*='/{row.pk}/review/']"):
            assert shown_without_scrolling(tab, selector), f"{model}: {selector} needs scrolling at 1366 px"
        shot(tab, f"1-{model}-queue-1366")

    filtered = f"{base}/admin/records/event/?q=Witkoff&state=unreviewed"
    tab.goto(filtered)
    tab.click(f"button.review-verify[formaction*='/{queue['talks'].pk}/review/']")
    tab.wait_for_selector(".messagelist .success")
    assert tab.url == filtered
    assert "marked verified" in tab.inner_text(".messagelist")
    assert queue["talks"].title not in tab.inner_text("#result_list")  # it left the unreviewed queue
    assert tab.input_value("#searchbar") == "Witkoff"
    shot(tab, "2-verified-from-the-list")
    assert Event.objects.get(pk=queue["talks"].pk).review_state == ReviewState.VERIFIED

    tab.goto(f"{base}/admin/records/statement/{queue['quote'].pk}/change/")
    tab.click("button.review-reject")
    tab.wait_for_selector(".messagelist .success")
    assert tab.url == f"{base}/admin/records/statement/{queue['quote'].pk}/change/"
    assert tab.locator("button.review-reject").count() == 0 and tab.locator("button.review-verify").count() == 1
    shot(tab, "3-rejected-on-the-change-page")
    assert Statement.objects.get(pk=queue["quote"].pk).review_state == ReviewState.REJECTED
    assert problems(tab) == []


def test_a_highlight_opens_its_row_and_a_card_opens_its_event_for_editors_only(
    browser, live_server, transactional_db, editor, analyst, queue
):
    base, tab = live_server.url, new_tab(browser)
    log_in(tab, base, "ed")
    tab.goto(f"{base}/admin/ingestion/article/{queue['article'].pk}/change/")
    tab.click("mark.hl-quote")
    tab.wait_for_url(f"{base}/admin/records/statement/{queue['quote'].pk}/change/")
    tab.go_back()
    tab.click("a.hl-link:has(mark.hl-evidence:not(.hl-mention))")
    tab.wait_for_url(f"{base}/admin/records/event/{queue['talks'].pk}/change/")

    tab.goto(f"{base}/")
    card = tab.locator(f"#event-{queue['talks'].pk}")
    card.locator("a.card-edit").click()
    tab.wait_for_url(f"{base}/admin/records/event/{queue['talks'].pk}/change/")
    tab.goto(f"{base}/events/{queue['talks'].pk}/")
    assert tab.locator("a.card-edit").inner_text() == "Edit in the review tool"
    assert problems(tab) == []

    reader = new_tab(browser, width=390)
    log_in(reader, base, "ana")
    reader.goto(f"{base}/")
    assert reader.locator(".event-card").count() == 2
    assert reader.locator("a.card-edit").count() == 0
    reader.goto(f"{base}/events/{queue['talks'].pk}/")
    assert reader.locator("a.card-edit").count() == 0


@requires_postgres
def test_re_run_extraction_says_how_long_beforehand_and_shows_the_run_going(
    browser, live_server, transactional_db, editor, request
):
    """On PostgreSQL: the test holds the article's row, so the run cannot end while the page is looked at."""
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        request.getfixturevalue("celery_worker_process")
    article = make.article(text="Vladimir Putin met Steve Witkoff in Moscow on Thursday. "
                                "“We are ready to talk,” Putin said after the meeting.")
    ExtractionRun.record(articles=1, characters=1000, seconds=0.8, extractor_version="t")
    base, tab = live_server.url, new_tab(browser)
    log_in(tab, base, "ed")
    tab.goto(f"{base}/admin/ingestion/article/{article.pk}/change/")
    button = tab.locator("button:has-text('Re-run extraction')")
    said = tab.inner_text("#rerun-estimate")
    assert re.search(r"about 1 s .* from the last run\)", said), said
    assert not tab.locator("#rerun-running").is_visible()

    with transaction.atomic():
        Article.objects.select_for_update().get(pk=article.pk)
        button.click()
        # The request waits for the row: htmx shows the indicator and keeps the button from a second click.
        tab.wait_for_selector("#rerun-running", state="visible")
        assert button.is_disabled()
        shot(tab, "4-rerun-running")
    tab.wait_for_selector(".messagelist .success")
    if settings.CELERY_TASK_ALWAYS_EAGER:
        assert "extracted again (no worker here: it ran in this request)" in tab.inner_text(".messagelist")
        assert tab.locator(".extraction-progress.progress-done").count() == 1
    else:
        assert "queued for extraction by the workers" in tab.inner_text(".messagelist")
        # The page's script asks again until the run is over, then offers to reload: no click needed.
        tab.wait_for_selector(".extraction-progress.progress-done", timeout=90_000)
        tab.click("text=Reload to see what it found")
    shot(tab, "5-rerun-done")
    tab.wait_for_selector("mark.hl-quote")
    assert Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED
    assert problems(tab) == []
