"""Issue 16 items 6 and 7 in a real browser: search by what the words name, and the actor combobox.

Desktop and a 390 px phone, JavaScript on and off; every tab fails its test on a console error
or a CSP violation.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from apps.records.models import Actor
from tests import browser as browser_tab
from tests.browser import CHROMIUM, PHONE, open_chromium
from tests.factories import make_actor, make_article, make_event, make_statement, make_topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]

SCREENSHOTS = Path(os.environ.get("PARLEY_SCREENSHOTS", "/tmp/parley-search-screenshots"))
DESKTOP = {"width": 1300, "height": 900}


@pytest.fixture(scope="module")
def browser():
    with open_chromium() as browser:
        yield browser


def open_filters(page):
    """On a phone the filters, search box included, fold behind their button: open it as a reader would."""
    if not page.locator("#id_q").is_visible():
        page.locator(".filter-summary").click()
        expect(page.locator("#id_q")).to_be_visible()


class Tab(browser_tab.Tab):
    """The shared tab, with the filters (search box included) unfolded on a phone once a page opens."""

    def __init__(self, browser, live_server, **options):
        super().__init__(browser, live_server, shots=SCREENSHOTS, **options)

    def open(self, path="/"):
        page = super().open(path)
        open_filters(page)
        return page


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def tab(request, browser, live_server, transactional_db):
    tab = Tab(browser, live_server, viewport=request.param)
    tab.name = request.node.callspec.id
    yield tab
    tab.close()


@pytest.fixture
def talks(transactional_db):
    guarantees = make_topic("security-guarantees", "Security guarantees", "Garanties de sécurité")
    guarantees.keywords = "fr: garanties de sécurité\nen: security guarantee*"
    guarantees.save()
    trump = make_actor("Donald Trump", country="US")
    admin = make_actor("Trump administration", kind=Actor.Kind.ORGANIZATION, country="US")
    putin = make_actor("Vladimir Putin", country="RU", aliases=["Poutine"])
    english = make_article(title="Coalition in Paris", text="The coalition discussed security guarantees for Ukraine.")
    french = make_article(title="Coalition à Berlin", language="fr",
                          text="Les dirigeants ont évoqué des garanties de sécurité pour l'Ukraine.")
    make_event("Coalition meets in Paris", date=dt.date(2025, 9, 4), topics=[guarantees], actors=[admin],
               evidence=[(english, "The coalition discussed security guarantees for Ukraine.")])
    make_event("Réunion de la coalition à Berlin", date=dt.date(2025, 9, 5), topics=[guarantees],
               evidence=[(french, "Les dirigeants ont évoqué des garanties de sécurité pour l'Ukraine.")])
    make_event("Trump calls Putin", date=dt.date(2025, 8, 1), actors=[trump, putin])
    make_event("Tariffs on steel", date=dt.date(2025, 7, 1), actors=[admin])
    make_statement("We want a lasting peace.", speaker=putin)
    make_statement("Deals are made to be kept.", speaker=trump)
    return {"trump": trump, "admin": admin, "putin": putin}


def cards(page) -> list[str]:
    return page.locator(".event-card .card-title").all_inner_texts()


def open_picker(page, text: str):
    box = page.locator("#id_actor_q")
    box.click()
    box.press_sequentially(text, delay=30)
    expect(page.locator("#actor-options [role=option]").first).to_be_visible()
    return box


def test_a_french_word_finds_the_english_and_french_reports_with_where_they_matched(tab, talks):
    page = tab.open()
    page.locator("#id_q").press_sequentially("garanties", delay=30)
    page.wait_for_url("**q=garanties*")
    expect(page.locator(".event-card")).to_have_count(2)
    assert set(cards(page)) == {"Coalition meets in Paris", "Réunion de la coalition à Berlin"}
    english = page.locator(".event-card", has_text="Coalition meets in Paris").locator(".card-match")
    expect(english).to_contain_text("Reported")
    expect(english.locator("mark").first).to_be_visible()
    expect(page.locator(".search-terms")).to_contain_text("#Security guarantees")
    tab.shot(f"search-garanties-{tab.name}")
    # The same events for the English words, and for the topic named in French.
    page.locator("#id_q").fill("security guarantees")
    page.wait_for_url("**q=security%20guarantees*")
    expect(page.locator(".event-card")).to_have_count(2)
    assert set(cards(page)) == {"Coalition meets in Paris", "Réunion de la coalition à Berlin"}
    # Not cut off on a phone: the snippet stays within its card.
    box = page.locator(".card-match").first.bounding_box()
    assert box["x"] + box["width"] <= page.viewport_size["width"]


def test_arrow_keys_move_through_the_suggestions_and_enter_picks_in_place(tab, talks):
    page = tab.open()
    page.evaluate("window.notReloaded = true")
    box = open_picker(page, "trump")
    options = page.locator("#actor-options [role=option]")
    expect(options).to_have_count(2)
    assert options.nth(0).inner_text().startswith("Donald Trump")  # the person before the institution
    assert options.nth(1).inner_text().startswith("Trump administration")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", f"actor-option-{talks['trump'].pk}")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", f"actor-option-{talks['admin'].pk}")
    box.press("ArrowUp")
    expect(box).to_have_attribute("aria-activedescendant", f"actor-option-{talks['trump'].pk}")
    assert page.evaluate("document.activeElement.id") == "id_actor_q"  # typing goes on in the box
    tab.shot(f"picker-active-{tab.name}")
    box.press("Enter")
    page.wait_for_url(f"**/?actor={talks['trump'].pk}")
    expect(page.locator(".event-card")).to_have_count(1)
    open_filters(page)  # a phone folds the filters again over the new list
    page.locator(".selected-actors", has_text="Donald Trump").wait_for()
    assert cards(page) == ["Trump calls Putin"]
    assert page.evaluate("window.notReloaded") is True  # picked in place: the page was not left


def test_enter_without_a_chosen_option_stays_and_escape_closes_the_list(tab, talks):
    page = tab.open()
    page.evaluate("window.notReloaded = true")
    box = open_picker(page, "trump")
    box.press("Enter")
    page.wait_for_timeout(300)  # long enough for a submit to have left
    assert page.url.rstrip("/") == tab.base and page.evaluate("window.notReloaded") is True
    box.press("Escape")
    expect(page.locator("#actor-options")).to_have_count(0)
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.input_value() == "trump"  # closing the list keeps the text


def test_the_statements_page_picker_works_the_same_and_says_any_of_them(tab, talks):
    page = tab.open("/statements/")
    expect(page.locator("#id_actor_q_help")).to_have_text("Pick one or more: quotes by any of them.")
    page.evaluate("window.notReloaded = true")
    box = open_picker(page, "poutine")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(f"**/statements/?actor={talks['putin'].pk}")
    expect(page.locator(".quote-card")).to_have_count(1)
    expect(page.locator(".quote-card")).to_contain_text("We want a lasting peace.")
    assert page.evaluate("window.notReloaded") is True


def test_an_option_picked_the_moment_the_list_appears_loads_in_place(tab, talks):
    # htmx boosts swapped-in links when the swap settles; a slow settle stands for a reader (or a
    # loaded machine) that picks before it does. The pick must still load in place.
    page = tab.open("/statements/")
    page.evaluate("htmx.config.defaultSettleDelay = 2000; window.notReloaded = true")
    box = open_picker(page, "poutine")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(f"**/statements/?actor={talks['putin'].pk}")
    expect(page.locator(".quote-card")).to_contain_text("We want a lasting peace.")
    assert page.evaluate("window.notReloaded") is True


def test_without_javascript_search_shows_where_it_matched_and_the_picker_is_a_form(browser, live_server, talks):
    tab = Tab(browser, live_server, javascript=False)
    try:
        page = tab.open()
        page.fill("#id_q", "Poutine")
        page.get_by_role("button", name="Apply").click()
        page.wait_for_url("**q=Poutine*")
        assert cards(page) == ["Trump calls Putin"]
        expect(page.locator(".card-match")).to_contain_text("Took part")
        page = tab.open("/statements/")
        page.fill("#id_actor_q", "trump")
        page.get_by_role("button", name="Find").click()
        page.wait_for_url("**/actors/search?*")
        links = page.locator(".suggestion-list a")
        assert links.nth(0).inner_text().startswith("Donald Trump")
        links.nth(0).click()
        page.wait_for_url(f"**/statements/?actor={talks['trump'].pk}")
        expect(page.locator(".quote-card")).to_contain_text("Deals are made to be kept.")
    finally:
        tab.close()
