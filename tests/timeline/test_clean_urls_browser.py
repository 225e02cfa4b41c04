"""Issue 16 item 11 in a real browser: no empty parameters in URLs, no CSP violation on Back."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser import CHROMIUM
from tests.timeline.test_browser import browser, cards, expect_cards, open_tab, talks  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]


def _params(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


@pytest.fixture
def tab(browser, live_server, transactional_db):  # noqa: F811
    tab = open_tab(browser, live_server)
    yield tab
    tab.close()


# Browsers' autofill and extensions (password managers, dark-mode and zoom helpers) style the
# fields they touch through the CSSOM, which the CSP allows; htmx copying such a style onto the
# swapped-in element as an attribute is what it blocks, on each boosted swap and history restore.
STYLE_LIKE_AN_EXTENSION = """for (const id of ["id_actor_q", "id_q", "filters", "results"])
  document.getElementById(id).style.outline = "1px solid orange";"""


def test_picking_two_actors_then_back_keeps_clean_urls_and_the_csp(tab, talks):  # noqa: F811
    page = tab.open()
    page.evaluate(STYLE_LIKE_AN_EXTENSION)
    macron = talks["zelensky"].__class__.objects.get(name="Emmanuel Macron")
    page.locator("#id_actor_q").press_sequentially("zelen", delay=40)
    page.locator("#actor-suggestions a", has_text="Volodymyr Zelensky").click()
    page.wait_for_url(f"**actor={talks['zelensky'].pk}*")
    page.locator(".selected-actors", has_text="Volodymyr Zelensky").wait_for()
    first = page.url
    page.evaluate(STYLE_LIKE_AN_EXTENSION)
    page.locator("#id_actor_q").press_sequentially("macr", delay=40)
    page.locator("#actor-suggestions a", has_text="Emmanuel Macron").click()
    page.wait_for_url(f"**actor={macron.pk}*")
    page.locator(".selected-actors", has_text="Emmanuel Macron").wait_for()
    second = page.url
    page.evaluate(STYLE_LIKE_AN_EXTENSION)
    page.go_back()
    page.wait_for_url(first)
    page.locator(".selected-actors", has_text="Volodymyr Zelensky").wait_for()
    expect(page.locator(".selected-actors li")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__cspViolations") == []
    for url in (first, second):
        assert all(value for _, value in _params(url)), url


def test_the_filter_form_puts_only_the_chosen_filters_in_the_url(tab, talks):  # noqa: F811
    page = tab.open()
    page.select_option("#id_kind", "call")
    page.wait_for_url("**kind=call*")
    expect_cards(page, 1)
    assert _params(page.url) == [("kind", "call")]
    page.locator("#id_q").press_sequentially("truce", delay=40)
    page.wait_for_url("**q=truce*")
    page.wait_for_load_state("networkidle")
    assert sorted(_params(page.url)) == [("kind", "call"), ("q", "truce")]


def test_without_javascript_the_filter_form_lands_on_a_clean_url(browser, live_server, talks):  # noqa: F811
    tab = open_tab(browser, live_server, javascript=False)
    try:
        page = tab.open()
        page.select_option("#id_kind", "call")
        page.get_by_role("button", name="Apply").click()
        page.wait_for_url("**kind=call*")
        assert _params(page.url) == [("kind", "call")]
        assert cards(page) == ["Witkoff calls Zelensky about a truce"]
        page = tab.open("/statements/")
        page.get_by_role("button", name="Apply").click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path == "/statements/" and _params(page.url) == []
    finally:
        tab.close()
