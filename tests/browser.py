"""Debian's chromium under Playwright, launched the one way this machine allows, and the tab browser tests open."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import wait_until_served

CHROMIUM = "/usr/bin/chromium"
# Headless as root, and without the background services that would try to reach the network.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def launch_chromium(playwright):
    """Launch chromium, or skip the test with the reason when it is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: `apt-get install chromium` (CI installs it)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextmanager
def open_chromium():
    """A launched chromium for the length of the block, closed and cleaned up after.

    Playwright's sync API keeps an event loop in this thread; the test's ORM calls stay
    synchronous, so Django is told to allow them while the browser is open.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# Recorded in every tab before any script of the page runs; Tab.close fails the test on any.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""

DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}
SCREENSHOTS = Path(os.environ.get("PARLEY_SCREENSHOTS", "/tmp/parley-screenshots"))


class Tab:
    """A tab at a size, in a language, with or without JavaScript, that fails its test on a console error or a
    CSP violation (checked in close())."""

    def __init__(self, browser, live_server, *, viewport=DESKTOP, javascript=True, language="en-GB",
                 shots: Path = SCREENSHOTS):
        self.context = browser.new_context(
            java_script_enabled=javascript, locale=language, viewport=viewport,
            extra_http_headers={"Accept-Language": language.split("-")[0]},
        )
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.javascript = javascript
        self.page = self.context.new_page()
        self.base = live_server.url
        self.live_server = live_server
        self.shots = shots
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str = "/"):
        self.page.goto(self.base + path)
        return self.page

    def login(self, user) -> None:
        """Sign the tab in as a user, through a session cookie (no login form in the way)."""
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": self.base}])

    def shot(self, name: str) -> None:
        self.shots.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(self.shots / (name if name.endswith(".png") else f"{name}.png")), full_page=True)

    def close(self) -> None:
        # Requests the page started (the chart loads after the list) finish before the test database goes.
        for page in self.context.pages:
            page.wait_for_load_state("networkidle")
            if self.javascript:
                self.errors += [f"CSP {v}" for v in page.evaluate("window.__cspViolations || []")]
        self.context.close()
        wait_until_served(self.live_server)
        assert self.errors == [], self.errors
