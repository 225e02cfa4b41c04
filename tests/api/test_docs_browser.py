"""The API's interactive docs work in a real browser under the strict CSP, from vendored files only."""

from __future__ import annotations

import shutil

import pytest

from tests.browser import CHROMIUM, RECORD_VIOLATIONS, open_chromium
from tests.reliability.test_csp_browser import _problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_an_analyst_tries_the_api_from_its_docs_and_makes_a_token(live_server, transactional_db, analyst, settings):
    settings.PARLEY_PUBLIC_TIMELINE = False
    settings.PARLEY_API_RATE = 1_000_000
    from tests.factories import make_actor, make_event

    make_event("Witkoff meets Putin", actors=[make_actor("Vladimir Putin"), make_actor("Steve Witkoff")])
    base = live_server.url
    with open_chromium() as browser:
        context = browser.new_context(locale="en-GB", viewport={"width": 1300, "height": 900})
        context.add_init_script(RECORD_VIOLATIONS)
        tab = context.new_page()
        tab.errors = []
        outside = []
        tab.on("console", lambda m: m.type == "error" and tab.errors.append(f"console: {m.text}"))
        tab.on("pageerror", lambda e: tab.errors.append(f"page error: {e}"))
        tab.on("request", lambda r: not r.url.startswith((base, "data:")) and outside.append(r.url))
        policies = []
        tab.on("response", lambda r: r.request.resource_type == "document"
               and policies.append(r.headers.get("content-security-policy")))

        tab.goto(f"{base}/admin/login/")
        tab.fill("#id_username", "ana")
        tab.fill("#id_password", "not-used-in-tests")
        tab.click("input[type=submit]")
        tab.wait_for_url(f"{base}/admin/")

        tab.goto(f"{base}/api/v1/docs")
        tab.locator(".opblock").nth(9).wait_for()
        assert tab.locator(".opblock").count() == 10  # nine reads and /deleted
        tab.locator("#operations-events-list_events .opblock-summary").click()
        tab.locator("#operations-events-list_events .try-out__btn").click()
        tab.locator("#operations-events-list_events .execute").click()
        status = tab.locator("#operations-events-list_events .live-responses-table tr.response .response-col_status").first
        status.wait_for()
        assert status.inner_text().strip() == "200"
        assert "Witkoff meets Putin" in tab.locator("#operations-events-list_events .responses-inner").inner_text()
        problems = _problems(tab, "api-docs")
        tab.screenshot(path="/tmp/parley-api-docs.png", full_page=False)

        tab.goto(f"{base}/api/tokens/")
        tab.fill("#token-name", "my notebook")
        tab.click(".token-form button[type=submit]")
        token = tab.locator("code.new-token").inner_text()
        problems += _problems(tab, "api-tokens")
        assert token.startswith("parley_")

    assert not problems, "\n".join(problems)
    assert not outside, f"the docs reached beyond Parley: {outside}"
    for policy in policies:
        assert policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
