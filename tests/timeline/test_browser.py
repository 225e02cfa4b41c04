"""The dashboard in a real browser (Debian's chromium through Playwright), with and without JavaScript."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from playwright.sync_api import expect

from apps.timeline import queries
from apps.records.models import Event
from tests.factories import make_actor, make_article, make_event, make_statement, make_topic
from tests.browser import CHROMIUM, Tab, open_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]


@pytest.fixture(scope="module")
def browser():
    with open_chromium() as browser:
        yield browser


def open_tab(browser, live_server, *, javascript=True) -> Tab:
    """The shared tab at this module's 1300 px."""
    return Tab(browser, live_server, javascript=javascript, viewport={"width": 1300, "height": 900})


@pytest.fixture
def tab(browser, live_server, transactional_db):
    tab = open_tab(browser, live_server)
    yield tab
    tab.close()


@pytest.fixture
def talks(transactional_db):
    zelensky = make_actor("Volodymyr Zelensky", country="UA", aliases=["Zelenskyy"])
    macron = make_actor("Emmanuel Macron", country="FR")
    witkoff = make_actor("Steve Witkoff", country="US")
    truce = make_topic("truce", "Truce", "Trêve")
    paris = make_article(title="Coalition meets in Paris", text="Zelensky met Macron in Paris to discuss guarantees.")
    meeting = make_event("Zelensky and Macron meet in Paris", date=dt.date(2025, 9, 4), location="Paris",
                         actors=[zelensky, macron], evidence=[(paris, "Zelensky met Macron in Paris to discuss guarantees.")])
    make_statement("Guarantees must be real.", speaker=zelensky, article=paris, event=meeting)
    make_event("Witkoff calls Zelensky about a truce", kind=Event.Kind.CALL, date=dt.date(2025, 9, 2),
               actors=[witkoff, zelensky], topics=[truce])
    make_event("Energy truce talks in Riyadh", kind=Event.Kind.NEGOTIATION, date=dt.date(2025, 8, 20),
               actors=[witkoff], topics=[truce])
    return {"zelensky": zelensky}


def expect_cards(page, count: int):
    # Locator assertions, not wait_for_function: the page's CSP rightly forbids string eval.
    expect(page.locator(".event-card")).to_have_count(count)


def cards(page) -> list[str]:
    return page.locator(".event-card .card-title").all_inner_texts()


def test_choosing_a_kind_filters_the_list_in_place_and_puts_it_in_the_url(tab, talks):
    page = tab.open()
    page.evaluate("window.notReloaded = true")
    page.select_option("#id_kind", "call")
    page.wait_for_url("**/?*kind=call*")
    expect_cards(page, 1)
    assert cards(page) == ["Witkoff calls Zelensky about a truce"]
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the list, no reload


def test_results_follow_the_search_box_as_the_analyst_types(tab, talks):
    page = tab.open()
    page.locator("#id_q").press_sequentially("truce", delay=40)
    page.wait_for_url("**q=truce*")
    expect_cards(page, 2)
    assert set(cards(page)) == {"Witkoff calls Zelensky about a truce", "Energy truce talks in Riyadh"}
    assert page.locator("#id_q").input_value() == "truce"  # the box kept its text and focus
    assert page.evaluate("document.activeElement.id") == "id_q"


def test_a_card_expands_in_place_to_show_evidence_and_quotes(tab, talks):
    page = tab.open()
    card = page.locator(".event-card", has_text="Zelensky and Macron meet in Paris")
    card.locator("summary").click()
    detail = card.locator(".card-detail")
    detail.get_by_text("Zelensky met Macron in Paris to discuss guarantees.").wait_for()
    assert "Guarantees must be real." in detail.inner_text()
    assert page.url.rstrip("/") == tab.base  # still on the timeline


def test_load_more_appends_the_next_page(tab, transactional_db, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 5)
    for i in range(8):
        make_event(f"Round {i}", date=dt.date(2025, 9, 20) - dt.timedelta(days=i))
    page = tab.open()
    assert len(cards(page)) == 5
    page.get_by_role("link", name="Load more events").click()
    expect_cards(page, 8)
    assert cards(page) == [f"Round {i}" for i in range(8)]
    assert page.get_by_role("link", name="Load more events").count() == 0


def test_the_back_button_restores_the_previous_filtered_view(tab, talks):
    page = tab.open()
    page.select_option("#id_kind", "call")
    page.wait_for_url("**kind=call*")
    page.select_option("#id_kind", "negotiation")
    page.wait_for_url("**kind=negotiation*")
    expect_cards(page, 1)
    page.go_back()
    page.wait_for_url("**kind=call*")
    expect(page.locator(".card-title")).to_have_text(["Witkoff calls Zelensky about a truce"])
    assert page.locator("#id_kind").input_value() == "call"


def test_picking_an_actor_from_the_autocomplete_filters_by_them(tab, talks):
    page = tab.open()
    page.locator("#id_actor_q").press_sequentially("zelen", delay=40)
    page.locator("#actor-suggestions a", has_text="Volodymyr Zelensky").click()
    page.wait_for_url(f"**actor={talks['zelensky'].pk}*")
    page.locator(".selected-actors", has_text="Volodymyr Zelensky").wait_for()
    assert set(cards(page)) == {"Zelensky and Macron meet in Paris", "Witkoff calls Zelensky about a truce"}


def test_everything_works_without_javascript(browser, live_server, talks, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 2)
    tab = open_tab(browser, live_server, javascript=False)
    try:
        page = tab.open()
        page.select_option("#id_kind", "call")
        page.get_by_role("button", name="Apply").click()
        page.wait_for_url("**kind=call*")
        assert cards(page) == ["Witkoff calls Zelensky about a truce"]
        page = tab.open("/")
        page.get_by_role("link", name="Load more events").click()
        page.wait_for_url("**cursor=*")
        assert cards(page) == ["Energy truce talks in Riyadh"]
        page = tab.open("/")
        page.get_by_role("link", name="Zelensky and Macron meet in Paris").click()
        page.get_by_text("Zelensky met Macron in Paris to discuss guarantees.").wait_for()
    finally:
        tab.close()


def test_the_interface_switches_to_french(tab, talks):
    page = tab.open()
    page.select_option("#language-select", "fr")
    page.wait_for_load_state()
    page.get_by_role("heading", name="Chronologie des négociations").wait_for()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "4 septembre" in page.locator("main").inner_text().lower()
