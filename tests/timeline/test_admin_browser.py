"""An editor merges two actors in a real browser (Debian's chromium through Playwright), then undoes it."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from apps.records.models import Actor, MergeRecord, Statement
from tests.timeline import review_data as make
from tests.browser import CHROMIUM, open_chromium

SCREENSHOTS = Path(os.environ.get("PARLEY_SCREENSHOTS", "/tmp/parley-review-screenshots"))
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]


@pytest.fixture
def page(live_server):
    with open_chromium() as browser:
        context = browser.new_context(locale="en-GB", viewport={"width": 1300, "height": 900})
        tab = context.new_page()
        tab.errors = []
        # The browser's own favicon request 404s (there is none yet); anything else is a real error.
        tab.on("console", lambda m: m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico")
               and tab.errors.append(f"{m.text} {m.location}"))
        tab.on("pageerror", lambda e: tab.errors.append(str(e)))
        tab.on("response", lambda r: r.status >= 400 and tab.errors.append(f"{r.status} {r.url}"))
        yield tab


def shot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def log_in(tab, live_server, username: str) -> None:
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", "not-used-in-tests")
    tab.click("input[type=submit]")
    tab.wait_for_url(f"{live_server.url}/admin/")


def test_an_editor_merges_two_actors_in_the_browser_and_undoes_it(page, live_server, transactional_db, editor):
    text = make.article()
    putin, poutine = make.actor("Vladimir Putin", confidence=0.4), make.actor("Poutine", confidence=0.3)
    make.alias(poutine, "Путин")
    make.mention(text, putin, "Vladimir Putin")
    make.mention(text, poutine, "Poutine")
    quote = make.statement(text, poutine, "We are ready to talk")
    log_in(page, live_server, "ed")
    assert "Actors" in page.locator("#review-queue").inner_text()
    shot(page, "0-admin-home")

    page.goto(f"{live_server.url}/admin/records/actor/")
    page.check(f"input[name=_selected_action][value='{putin.pk}']")
    page.check(f"input[name=_selected_action][value='{poutine.pk}']")
    page.select_option("select[name=action]", "merge_actors")
    shot(page, "1-actor-queue")
    page.click("button[name=index]")
    page.wait_for_selector("text=Pick the actor to keep")
    page.check(f"#keep-{putin.pk}")
    shot(page, "2-merge-confirmation")
    page.click("input[type=submit][value='Merge into the one I picked']")

    page.wait_for_url(f"{live_server.url}/admin/records/actor/{putin.pk}/change/")
    assert "Merged 1 actor into “Vladimir Putin”" in page.inner_text(".messagelist")
    aliases = page.locator("#aliases-group").inner_text()
    assert "Путин" in aliases and "Poutine" in aliases
    shot(page, "3-kept-actor")
    assert Actor.objects.get(pk=poutine.pk).merged_into_id == putin.pk
    assert Statement.objects.get(pk=quote.pk).speaker_id == putin.pk

    page.click("text=Undo from the merge history")
    page.click(f"a[href*='/admin/records/mergerecord/{MergeRecord.objects.get().pk}/change/']")
    shot(page, "4-merge-record")
    page.click("button.undo-merge")
    page.wait_for_selector("text=Undid the merge")
    assert page.locator("button.undo-merge").count() == 0

    assert Actor.objects.get(pk=poutine.pk).merged_into_id is None
    assert Statement.objects.get(pk=quote.pk).speaker_id == poutine.pk
    assert page.errors == []  # no script error and no Content Security Policy violation


def test_the_article_page_highlights_what_the_machine_found_under_the_strict_csp(
    page, live_server, transactional_db, analyst
):
    text = make.article(text=make.TEXT + " <script>document.title='pwned'</script>")
    putin = make.actor("Vladimir Putin")
    make.mention(text, putin, "Vladimir Putin")
    make.statement(text, putin, "We are ready to talk")
    talks = make.event("Putin meets Witkoff")
    make.evidence(talks, text, "Vladimir Putin met Steve Witkoff in Moscow on Thursday.")
    log_in(page, live_server, "ana")

    page.goto(f"{live_server.url}/admin/ingestion/article/{text.pk}/change/")

    quote = page.locator("mark.hl-quote").first
    assert quote.inner_text() == "We are ready to talk"
    # The stylesheet applies (no inline styles are allowed): the quote is tinted, plain text is not.
    assert quote.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(211, 249, 216)"
    assert "<script>" in page.locator(".article-text").inner_text()  # shown as text, never run
    assert page.title() != "pwned"
    shot(page, "5-article-page")
    assert page.errors == []


def test_an_editor_picks_the_right_speaker_with_the_autocomplete(page, live_server, transactional_db, editor):
    text = make.article()
    make.actor("Vladimir Putin")
    zelensky = make.actor("Volodymyr Zelensky")
    quote = make.statement(text, make.actor("Steve Witkoff"), "We are ready to talk")
    log_in(page, live_server, "ed")

    page.goto(f"{live_server.url}/admin/records/statement/{quote.pk}/change/")
    page.click(".field-speaker .select2-selection")
    page.fill(".select2-search__field", "Vol")
    page.click(".select2-results__option:has-text('Volodymyr Zelensky')")
    shot(page, "6-speaker-autocomplete")
    page.click("input[name=_save]")

    page.wait_for_selector(".messagelist .success")
    quote.refresh_from_db()
    assert quote.speaker_id == zelensky.pk and quote.review_state == "locked"
    assert page.errors == []


def unnamed_controls(tab) -> list[str]:
    """Every visible input, select and textarea that a screen reader would announce without a name.

    The name is the browser's accessible name (Playwright computes it as the accessibility tree does),
    so a column heading of an inline table does not count; controls hidden from assistive technology
    (the <select> under a select2 box, aria-hidden) are left out, as a screen reader never reaches them.
    """
    unnamed = []
    controls = tab.locator("input:visible, select:visible, textarea:visible")
    for control in controls.all():
        if control.get_attribute("type") == "hidden" or control.get_attribute("aria-hidden") == "true":
            continue
        try:
            expect(control).to_have_accessible_name(re.compile(r"\S"), timeout=200)
        except AssertionError:
            unnamed.append(control.evaluate("e => `${e.tagName.toLowerCase()} name=${e.name} id=${e.id}`"))
    return unnamed


def test_the_admin_is_branded_parley_and_every_input_of_the_change_pages_has_a_name(
    page, live_server, transactional_db, editor
):
    text = make.article(source=make.source(), published_at=dt.datetime(2025, 3, 13, 9, 30, tzinfo=dt.UTC))
    putin, witkoff = make.actor("Vladimir Putin"), make.actor("Steve Witkoff")
    make.alias(putin, "Poutine")
    talks = make.event("Putin meets Witkoff")
    make.participant(talks, putin)
    make.participant(talks, witkoff)
    make.evidence(talks, text, "Vladimir Putin met Steve Witkoff in Moscow on Thursday.")
    make.statement(text, putin, "We are ready to talk")
    log_in(page, live_server, "ed")
    assert page.inner_text("#site-name").startswith("◆ Parley")
    assert "Django" not in page.title() + page.inner_text("#header")
    assert page.inner_text("h1") == "Review what the machine extracted"

    for path in (f"records/actor/{putin.pk}/change/", "records/actor/add/", f"records/event/{talks.pk}/change/",
                 "records/event/add/", f"ingestion/article/{text.pk}/change/", "ingestion/article/add/",
                 f"ingestion/article/{text.pk}/correct/"):
        page.goto(f"{live_server.url}/admin/{path}")
        assert page.title().endswith("| Parley review"), path
        unnamed = unnamed_controls(page)
        assert unnamed == [], f"{path}: {unnamed}"
    assert page.errors == []
