"""Issue 16: browser checks pass on every page, admin included, on a desktop and a 390 px phone.

Debian's chromium (through Playwright) visits the analysts' pages as an editor, the login page as
a visitor, and the review tool as a superuser: its home, then the list, a change form and the add
form of every model registered in the admin (read from the admin site itself, so a model
registered later is visited too). On each page: no Content Security Policy violation, no console
error, and every input a person can reach has a name (a label, aria-label, aria-labelledby or title).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from tests.browser import CHROMIUM, RECORD_VIOLATIONS, open_chromium
from tests.reliability.access_world import build_world

SCREENSHOTS = Path(os.environ.get("PARLEY_SCREENSHOTS", "/tmp/parley-every-page"))
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}

# Roles of the controls a person fills in or ticks; Chrome computes their accessible names.
INPUT_ROLES = {"textbox", "searchbox", "combobox", "checkbox", "radio", "spinbutton", "slider", "listbox",
               "switch", "textField", "TextField"}


def unnamed_inputs(tab) -> list[str]:
    """Inputs a person reaches that have no accessible name, as Chrome's own accessibility tree says.

    The browser's computation rather than a rule of ours: a label holding only an icon with alt
    text names its input, a placeholder alone does not (Chrome falls back to it, so it is checked
    apart: a placeholder goes away as soon as one types).
    """
    cdp = tab.context.new_cdp_session(tab)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        found = []
        for node in nodes:
            role = (node.get("role") or {}).get("value")
            if node.get("ignored") or role not in INPUT_ROLES or "backendDOMNodeId" not in node:
                continue
            name = (node.get("name") or {})
            sources = [s for s in name.get("sources", []) if s.get("value", {}).get("value")]
            if name.get("value") and not all(s.get("attribute") == "placeholder" for s in sources):
                continue
            described = cdp.send("DOM.describeNode", {"backendNodeId": node["backendDOMNodeId"]})["node"]
            attributes = described.get("attributes", [])
            attrs = " ".join(f'{k}="{v}"' for k, v in zip(attributes[::2], attributes[1::2]))
            found.append(f"{role} <{described.get('localName')} {attrs}>")
        return found
    finally:
        cdp.detach()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def root(db, django_user_model):
    """Rooney, a superuser: the only persona who sees every model the admin registers."""
    return django_user_model.objects.create_superuser(username="root", password="not-used-in-tests")


def admin_pages(world, superuser) -> list[tuple[str, str]]:
    """The admin's home, and each registered model's list, change form of one row and add form."""
    request = RequestFactory().get("/admin/")
    request.user = superuser
    pages = [("admin-index", reverse("admin:index"))]
    for model, model_admin in sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label):
        opts = model._meta
        name, key = f"{opts.app_label}-{opts.model_name}", f"{opts.app_label}/{opts.model_name}"
        pages.append((f"{name}-list", reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")))
        row = world.rows.get(key) or model._default_manager.first()
        if row is not None:
            pages.append((f"{name}-change",
                          reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])))
        if model_admin.has_add_permission(request):
            pages.append((f"{name}-add", reverse(f"admin:{opts.app_label}_{opts.model_name}_add")))
    return pages


def log_in(tab, base: str, username: str) -> None:
    tab.goto(f"{base}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", "not-used-in-tests")
    tab.click("input[type=submit]")
    tab.wait_for_url(f"{base}/admin/")


def check(tab, base: str, name: str, path: str, viewport: str) -> list[str]:
    response = tab.goto(f"{base}{path}")
    where = f"{viewport} {name} ({path})"
    if response is None or response.status != 200:
        return [f"{where}: status {response and response.status}"]
    tab.wait_for_load_state("networkidle")
    problems = [f"{where}: CSP {v}" for v in tab.evaluate("window.__cspViolations || []")]
    problems += [f"{where}: {e}" for e in tab.errors]
    problems += [f"{where}: input without a name: {html}" for html in unnamed_inputs(tab)]
    tab.errors.clear()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{viewport}-{name}.png"), full_page=False)
    return problems


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_passes_the_browser_checks(live_server, transactional_db, editor, root, settings, viewport):
    settings.PARLEY_PUBLIC_TIMELINE = False
    base = live_server.url
    world = build_world(by=editor)
    timeline_pages = [
        ("timeline", "/"),
        ("search", "/?q=Putin"),
        ("timeline-filtered", f"/?actor={world.pk('records/actor')}&kind=meeting&topic=ceasefire"),
        ("event", f"/events/{world.pk('records/event')}/"),
        ("actor", f"/actors/{world.pk('records/actor')}/"),
        ("statements", "/statements/"),
        ("ingest", "/ingest/"),
        ("ingest-upload", "/ingest/upload"),
        ("api-tokens", "/api/tokens/"),
        ("api-docs", "/api/v1/docs"),
    ]
    problems: list[str] = []
    with open_chromium() as browser:
        for username, pages in (
            (None, [("login", "/admin/login/")]),
            ("ed", timeline_pages),
            ("root", admin_pages(world, root)),
        ):
            context = browser.new_context(locale="en-GB", viewport=VIEWPORTS[viewport])
            context.add_init_script(RECORD_VIOLATIONS)
            tab = context.new_page()
            tab.errors = []
            tab.on("console", lambda m, tab=tab: m.type == "error" and tab.errors.append(f"console: {m.text}"))
            tab.on("pageerror", lambda e, tab=tab: tab.errors.append(f"page error: {e}"))
            if username:
                log_in(tab, base, username)
            for name, path in pages:
                problems += check(tab, base, name, path, viewport)
            tab.wait_for_load_state("networkidle")  # nothing still running when the test database goes
            context.close()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
