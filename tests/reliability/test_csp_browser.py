"""Every page an editor reaches holds under the strict Content Security Policy, in a real browser.

Debian's chromium (through Playwright) records each `securitypolicyviolation` event into
window.__cspViolations and each console error; after every page both lists must be empty, and
every response's policy must forbid inline and eval'd code.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from apps.records.models import EventEvidence
from tests.reliability.access_world import build_world
from tests.browser import CHROMIUM, RECORD_VIOLATIONS, open_chromium

SCREENSHOTS = Path(os.environ.get("PARLEY_SCREENSHOTS", "/tmp/parley-csp-screenshots"))
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]

@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def browser_page(live_server):
    with open_chromium() as browser:
        context = browser.new_context(locale="en-GB", viewport={"width": 1300, "height": 900})
        context.add_init_script(RECORD_VIOLATIONS)
        tab = context.new_page()
        tab.errors = []
        tab.policies = []
        tab.on("console", lambda m: m.type == "error" and tab.errors.append(f"console: {m.text} {m.location}"))
        tab.on("pageerror", lambda e: tab.errors.append(f"page error: {e}"))
        tab.on("response", lambda r: r.request.resource_type == "document"
               and tab.policies.append((r.url, r.headers.get("content-security-policy"))))
        yield tab
        tab.wait_for_load_state("networkidle")  # no request still running when the test database goes


def _shot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _problems(tab, where: str) -> list[str]:
    tab.wait_for_load_state("networkidle")
    found = [f"{where}: CSP {v}" for v in tab.evaluate("window.__cspViolations || []")]
    found += [f"{where}: {e}" for e in tab.errors]
    tab.errors.clear()
    return found


def _visit(tab, url: str, name: str) -> list[str]:
    response = tab.goto(url)
    assert response is not None and response.status == 200, f"{name}: {response and response.status} for {url}"
    problems = _problems(tab, name)
    _shot(tab, name)
    return problems


def _log_in(tab, base: str, username: str) -> None:
    tab.goto(f"{base}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", "not-used-in-tests")
    tab.click("input[type=submit]")
    tab.wait_for_url(f"{base}/admin/")


def _run_action(tab, base: str, changelist: str, pks: list[int], action: str) -> None:
    """Tick rows on a changelist and run an action, as an editor would, to reach its confirmation page."""
    tab.goto(f"{base}{changelist}?state=all")
    for pk in pks:
        tab.check(f"input[name=_selected_action][value='{pk}']")
    tab.select_option("select[name=action]", action)
    tab.click("button[name=index]")
    tab.wait_for_load_state("networkidle")


def test_every_page_an_editor_reaches_raises_no_csp_violation_or_console_error(
    browser_page, live_server, transactional_db, editor, settings
):
    settings.PARLEY_PUBLIC_TIMELINE = False
    tab, base = browser_page, live_server.url
    world = build_world(by=editor)
    EventEvidence.objects.create(event=world.rows["records/event"], article=world.rows["ingestion/article"],
                                 sentence="“We are ready to talk,” Putin said.", start=44, end=80)
    problems = []
    _log_in(tab, base, "ed")
    problems += _problems(tab, "login")

    # The dashboard: timeline with filters, a card opened, an event, an actor, the statements.
    problems += _visit(tab, f"{base}/?q=Putin&kind=meeting&topic=ceasefire", "timeline-filtered")
    problems += _visit(tab, f"{base}/", "timeline")
    card = tab.locator("details.card-more summary").first
    card.click()
    tab.locator("details.card-more[open] .card-detail *").first.wait_for()
    problems += _problems(tab, "timeline-card-opened")
    _shot(tab, "timeline-card-opened")
    problems += _visit(tab, f"{base}/events/{world.pk('records/event')}/", "event")
    problems += _visit(tab, f"{base}/actors/{world.pk('records/actor')}/", "actor")
    problems += _visit(tab, f"{base}/statements/", "statements")

    # Ingestion.
    problems += _visit(tab, f"{base}/ingest/", "ingest")
    problems += _visit(tab, f"{base}/ingest/upload", "ingest-upload")
    problems += _visit(tab, f"{base}/ingest/articles/{world.pk('ingestion/article')}/", "ingest-article")

    # The review tool: home, every changelist and change form the editor may open, the add forms.
    problems += _visit(tab, f"{base}/admin/", "admin-index")
    problems += _visit(tab, f"{base}/admin/records/", "admin-app-timeline")
    for model in ("ingestion/source", "ingestion/article", "records/actor", "records/alias", "records/topic",
                  "records/event", "records/statement", "records/mention", "records/eventparticipant",
                  "records/eventevidence", "records/mergerecord"):
        name = model.replace("/", "-")
        problems += _visit(tab, f"{base}/admin/{model}/", f"{name}-list")
        problems += _visit(tab, f"{base}/admin/{model}/{world.pk(model)}/change/", f"{name}-change")
        problems += _visit(tab, f"{base}/admin/{model}/{world.pk(model)}/history/", f"{name}-history")
    for model in ("ingestion/source", "ingestion/article", "records/actor", "records/event", "records/statement",
                  "records/topic", "records/alias"):
        problems += _visit(tab, f"{base}/admin/{model}/add/", f"{model.replace('/', '-')}-add")
    for model, history_id in world.history_ids.items():
        problems += _visit(tab, f"{base}/admin/{model}/{world.pk(model)}/history/{history_id}/",
                           f"{model.replace('/', '-')}-past-version")
    problems += _visit(tab, f"{base}/admin/records/alias/{world.pk('records/alias')}/delete/", "alias-delete")
    problems += _visit(tab, f"{base}/admin/password_change/", "password-change")

    # The admin's own scripts at work: the calendar, the actor autocomplete, the theme toggle.
    problems += _visit(tab, f"{base}/admin/records/event/{world.pk('records/event')}/change/", "event-widgets")
    tab.click("#calendarlink0")
    tab.locator("#calendarbox0").wait_for()
    tab.click(".select2-selection >> nth=0")
    tab.locator(".select2-results__option").first.wait_for()
    tab.keyboard.press("Escape")
    tab.click("button.theme-toggle")
    problems += _problems(tab, "event-widgets-used")
    _shot(tab, "event-widgets-used")

    # Confirmation pages: merge, split, move evidence.
    witkoff = world.rows["records/event"].participants.exclude(actor=world.rows["records/actor"]).get().actor_id
    _run_action(tab, base, "/admin/records/actor/", [world.pk("records/actor"), witkoff], "merge_actors")
    assert tab.locator("input[name=keep]").count() == 2
    problems += _problems(tab, "actor-merge-confirmation")
    _shot(tab, "actor-merge-confirmation")
    other_event = world.rows["records/event"].__class__.objects.exclude(pk=world.pk("records/event")).get().pk
    _run_action(tab, base, "/admin/records/event/", [world.pk("records/event"), other_event], "merge_events")
    assert tab.locator("input[name=keep]").count() == 2
    problems += _problems(tab, "event-merge-confirmation")
    _shot(tab, "event-merge-confirmation")
    _run_action(tab, base, "/admin/records/eventevidence/", [world.pk("records/eventevidence")], "move_evidence")
    assert tab.locator("input[name=title]").count() == 1
    problems += _problems(tab, "move-evidence-confirmation")
    _shot(tab, "move-evidence-confirmation")
    problems += _visit(tab, f"{base}/admin/records/alias/{world.pk('records/alias')}/split/", "alias-split")

    assert not problems, "\n".join(problems)

    assert len(tab.policies) > 40
    for url, policy in tab.policies:
        assert policy, f"{url} was served without a Content-Security-Policy"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, f"{url}: {policy}"
        assert "script-src 'self'" in policy and "style-src 'self'" in policy, f"{url}: {policy}"
