"""Screenshots of the dashboard for the README (docs/*.png), from a running Parley.

    make run   # in another shell: serves the sample data on http://127.0.0.1:8000
    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out docs]

Debian's chromium through Playwright, as the browser tests use it (tests/browser.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

# (file, path, viewport width, height, what to do before the shot)
SHOTS = [
    ("timeline.png", "/", 1366, 1500, "expand-first"),
    ("summary.png", "/", 1366, 900, "summary"),
    ("compact.png", "/?view=compact", 1366, 900, "list"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "docs"))
    parser.add_argument("--only", nargs="*", help="file names to take (default: all)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, width, height, action in SHOTS:
            if args.only and name not in args.only:
                continue
            context = browser.new_context(locale="en-GB", viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(args.base + path)
            page.locator("#activity svg.chart, #activity .muted").first.wait_for()
            if action == "expand-first":
                page.locator(".event-card summary").first.click()
                page.locator(".event-card .card-detail blockquote, .event-card .card-detail .evidence").first.wait_for()
            page.wait_for_load_state("networkidle")
            if action == "list":  # the list itself, from its head: how many events one screen holds
                page.evaluate("window.scrollTo(0, document.querySelector('.list-head').getBoundingClientRect().top + window.scrollY - 70)")
            if action == "summary":
                page.locator("#week-summary").screenshot(path=str(out / name))
            else:
                page.screenshot(path=str(out / name))
            print(out / name)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
