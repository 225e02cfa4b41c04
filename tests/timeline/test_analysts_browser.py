"""Issue 16, analysts' items 1, 3, 4, 5, 9 and 10 in a real browser: desktop, a 390 px phone, JavaScript off.

Every tab records CSP violations and console errors; both must stay empty. Screenshots land in
$PARLEY_SCREENSHOTS (default /tmp/parley-analysts-screenshots) for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from apps.records.models import Event
from apps.timeline import queries
from tests import browser as browser_tab
from tests.browser import CHROMIUM, DESKTOP, PHONE
from tests.factories import make_actor, make_article, make_event, make_statement, make_topic
from tests.timeline.test_browser import browser  # noqa: F401 (the module's chromium)

SHOTS = Path(os.environ.get("PARLEY_SCREENSHOTS", "/tmp/parley-analysts-screenshots"))
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium: apt-get install chromium"),
]

class Tab(browser_tab.Tab):
    """The shared tab, whose pages are ready once the activity chart and the week summary (both
    loaded after the list) are in."""

    def __init__(self, browser, live_server, **options):
        super().__init__(browser, live_server, shots=SHOTS, **options)

    def open(self, path="/"):
        page = super().open(path)
        if self.javascript:
            page.locator("#activity svg.chart, #activity p.muted").first.wait_for()
            if page.locator("#week-summary").count():
                page.locator("#week-summary .summary-grid").wait_for()
        return page

    def open_plain(self, path: str):
        """A page without the activity chart."""
        return super().open(path)


@pytest.fixture
def tabs(browser, live_server, transactional_db):  # noqa: F811
    opened = []

    def open_tab(**options) -> Tab:
        tab = Tab(browser, live_server, **options)
        opened.append(tab)
        return tab

    yield open_tab
    for tab in opened:
        tab.close()


@pytest.fixture
def week(transactional_db):
    """A timeline whose events came in this week, a quote or two, and a plan ahead."""
    zelensky = make_actor("Volodymyr Zelensky", country="UA")
    macron = make_actor("Emmanuel Macron", country="FR")
    truce = make_topic("ceasefire", "Ceasefire", "Cessez-le-feu")
    paris = make_article(title="Coalition meets in Paris", text="Zelensky met Macron in Paris.")
    meeting = make_event("Zelensky and Macron meet in Paris", date=dt.date(2025, 8, 4), actors=[zelensky, macron],
                         topics=[truce], evidence=[(paris, "Zelensky met Macron in Paris.")])
    make_event("Zelensky calls Macron", kind=Event.Kind.CALL, date=dt.date(2025, 9, 2), actors=[zelensky, macron])
    make_event("Talks in Riyadh", kind=Event.Kind.NEGOTIATION, date=dt.date(2025, 1, 20), actors=[macron])
    today = timezone.localdate()
    make_statement("Guarantees must be real.", speaker=zelensky, article=paris, event=meeting, said_on=today)
    make_statement("Europe stands with Ukraine.", speaker=macron, article=paris, event=meeting, said_on=today)
    make_statement("We will keep talking.", speaker=zelensky, article=paris, event=meeting, said_on=today)
    make_event("Summit of the coalition", date=timezone.localdate() + dt.timedelta(days=10),
               status=Event.Status.PLANNED, actors=[macron])
    return {"zelensky": zelensky, "macron": macron}


def _first_event_top(page) -> float:
    return page.locator(".event-card, .event-row").first.bounding_box()["y"]


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# --- 1. The week at a glance ------------------------------------------------------------------


@pytest.mark.parametrize("size, javascript", [(DESKTOP, True), (PHONE, True), (DESKTOP, False)])
def test_the_week_at_a_glance_opens_the_timeline(tabs, week, size, javascript):
    tab = tabs(viewport=size, javascript=javascript)
    page = tab.open()
    summary = page.locator("#week-summary")
    expect(summary).to_be_visible()
    # Loaded after the page (it changes with every write, the page only when its events do): in
    # its place once loaded, or a link to it on a page of its own without JavaScript.
    if javascript:
        expect(summary.locator(".summary-placeholder")).to_have_count(0)
    else:
        expect(summary).to_have_attribute("hx-get", reverse("timeline:summary"))
        page.get_by_role("link", name="Show the week at a glance").click()
        summary = page.locator("#week-summary")
    this_week = page.locator("#summary-week")
    expect(this_week).to_contain_text("4 new events")
    expect(this_week).to_contain_text("3 statements")
    expect(this_week.locator(".summary-speakers li").first).to_have_text("Volodymyr Zelensky 2")
    expect(page.locator("#summary-coming")).to_be_visible()
    expect(summary).to_contain_text("Summit of the coalition")
    expect(summary).to_contain_text("Data last updated")
    if javascript:  # above the chart and the list: the first thing read
        assert summary.bounding_box()["y"] < page.locator("#activity").bounding_box()["y"] < _first_event_top(page)
    if size is PHONE:
        _no_horizontal_scroll(page)
    tab.shot(f"summary-{size['width']}-{'js' if javascript else 'nojs'}.png")


def test_an_analyst_sees_what_came_in_since_their_last_visit(tabs, week, analyst):
    tab = tabs()
    tab.login(analyst)
    page = tab.open()
    expect(page.locator("#summary-visit")).to_have_count(0)  # a first visit
    type(analyst).objects.filter(pk=analyst.pk).update(timeline_seen_at=timezone.now() - dt.timedelta(hours=2))
    Event.history.update(history_date=timezone.now() - dt.timedelta(hours=3))  # the events were there before
    plan = Event.objects.get(title="Summit of the coalition")
    plan.status = Event.Status.CANCELLED
    plan.save()
    make_event("Witkoff visits Kyiv", kind=Event.Kind.VISIT, date=dt.date(2025, 9, 10))
    page = tab.open()
    visit = page.locator("#summary-visit")
    expect(visit).to_contain_text("1 new event")
    expect(visit.locator(".summary-kinds")).to_have_text("Visit 1")
    expect(visit).to_contain_text("Summit of the coalition: Planned → Cancelled")
    tab.shot("summary-since-last-visit.png")


# --- 3. The compact view ---------------------------------------------------------------------


def test_the_compact_view_fits_a_screen_of_events_and_stays_in_the_url(tabs, transactional_db, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 25)
    envoy = make_actor("Steve Witkoff", country="US")
    for day in range(30):
        make_event(f"Round {day} of the talks", date=dt.date(2025, 9, 30) - dt.timedelta(days=day), actors=[envoy],
                   kind=Event.Kind.CALL if day % 3 == 0 else Event.Kind.MEETING)
    tab = tabs()
    page = tab.open()
    page.get_by_role("link", name="Compact").click()
    page.wait_for_url("**view=compact*")
    rows = page.locator(".event-row")
    expect(rows).to_have_count(25)
    # One line each: the rows that fit the screen from the list's head (cards: about 1.5).
    page.locator(".list-head").scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, document.querySelector('.list-head').getBoundingClientRect().top + window.scrollY)")
    visible = page.evaluate("[...document.querySelectorAll('.event-row')].filter(r => r.getBoundingClientRect().bottom <= innerHeight).length")
    assert visible >= 15, visible
    heights = {round(box["height"]) for box in (rows.nth(i).bounding_box() for i in range(5))}
    assert max(heights) < 40
    expect(rows.first).to_contain_text("30 Sep 2025")
    expect(rows.first).to_contain_text("Call")
    expect(rows.first).to_contain_text("Steve Witkoff")
    expect(rows.first).not_to_contain_text("source")
    expect(rows.first).to_contain_text("Unreviewed")
    tab.shot("compact-desktop.png")
    page.select_option("#id_kind", "call")
    page.wait_for_url("**kind=call*")
    expect(page.locator(".event-row")).to_have_count(10)
    assert ("view", "compact") in parse_qsl(urlsplit(page.url).query)
    expect(page.locator(".event-card")).to_have_count(0)


def test_the_compact_view_on_a_phone_and_without_javascript(tabs, transactional_db, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 3)
    for day in range(5):
        make_event(f"Coalition of the willing meets for round {day}", date=dt.date(2025, 9, 20 - day),
                   actors=[make_actor(f"Envoy {day}")])
    phone = tabs(viewport=PHONE)
    page = phone.open("/?view=compact")
    expect(page.locator(".event-row")).to_have_count(3)
    _no_horizontal_scroll(page)
    phone.shot("compact-390.png")
    page.get_by_role("link", name="Load more events").click()
    expect(page.locator(".event-row")).to_have_count(5)

    no_js = tabs(javascript=False)
    page = no_js.open("/?view=compact")
    page.select_option("#id_kind", "meeting")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**kind=meeting*")
    assert sorted(parse_qsl(urlsplit(page.url).query)) == [("kind", "meeting"), ("view", "compact")]
    page.get_by_role("link", name="Load more events").click()
    page.wait_for_url("**cursor=*")
    assert "view=compact" in page.url
    expect(page.locator(".event-row")).to_have_count(2)


# --- 4. The phone: filters folded, a readable chart ---------------------------------------------


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_the_filters_fold_behind_a_button_and_the_events_come_first(tabs, week, javascript):
    tab = tabs(viewport=PHONE, javascript=javascript)
    page = tab.open()
    kind = page.locator("#id_kind")
    expect(kind).to_be_hidden()
    toggle = page.locator(".filter-summary")
    assert toggle.bounding_box()["height"] < 60
    assert page.locator("#week-summary").bounding_box()["y"] < 300  # was 775 px of filters before the first thing
    toggle.click()
    expect(kind).to_be_visible()
    page.select_option("#id_kind", "call")
    if javascript:
        page.wait_for_url("**kind=call*")
    else:
        page.get_by_role("button", name="Apply").click()
        page.wait_for_url("**kind=call*")
    expect(page.locator(".event-card .card-title")).to_have_text(["Zelensky calls Macron"])
    tab.shot(f"filters-390-{'js' if javascript else 'nojs'}.png")


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_desktop_the_filters_stay_open(tabs, week, javascript):
    tab = tabs(javascript=javascript)
    page = tab.open()
    expect(page.locator("#id_kind")).to_be_visible()
    expect(page.locator("#id_q")).to_be_visible()


def test_the_chart_text_is_readable_on_a_phone(tabs, week):
    tab = tabs(viewport=PHONE)
    page = tab.open()
    ticks = page.locator("#activity svg.chart text.tick")
    expect(ticks.first).to_be_visible()
    sizes = page.evaluate(
        "[...document.querySelectorAll('#activity svg.chart text.tick')].map(t => t.getBoundingClientRect().height)"
    )
    assert min(sizes) >= 9, sizes  # was about 5 px
    _no_horizontal_scroll(page)
    page.locator("#activity").screenshot(path=str(SHOTS / "chart-390.png"))


# --- 5. The chart spans the filtered period ------------------------------------------------------


def _axis(page) -> list[str]:
    return page.locator("#activity svg.chart .week-bar text.tick").all_text_contents()


def test_the_chart_spans_every_month_and_follows_a_date_filter(tabs, week):
    tab = tabs()
    page = tab.open()
    expect(page.locator("#activity-title")).to_have_text("Activity per month")
    # January 2025 (the first event) to this month (the plan ahead), every month a bar: none left off.
    today = timezone.localdate()
    expect(page.locator("#activity svg.chart .week-bar")).to_have_count((today.year - 2025) * 12 + today.month)
    assert _axis(page)[0] == "2025"
    page.fill("#id_from", "2025-08-01")  # as a date picker does: one change per field
    page.wait_for_url("**from=2025-08-01*")
    page.wait_for_load_state("networkidle")
    page.fill("#id_to", "2025-09-30")
    page.wait_for_url("**to=2025-09-30*")
    expect(page.locator("#activity-title")).to_have_text("Activity per week")
    expect(page.locator("#activity svg.chart .week-bar text.tick")).to_have_text(["Aug", "Sep"])
    expect(page.locator("#activity-summary")).to_have_text("2 events and 0 statements from Aug. 1, 2025 to Sept. 30, 2025")
    tab.shot("chart-filtered.png")


def test_without_javascript_the_chart_link_spans_the_period_too(tabs, week):
    tab = tabs(javascript=False)
    page = tab.open("/?from=2025-08-01&to=2025-09-30")
    page.get_by_role("link", name="Show the activity chart").click()
    expect(page.locator("svg.chart .week-bar text.tick")).to_have_text(["Aug", "Sep"])


# --- 9. French ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [DESKTOP, PHONE])
def test_the_french_interface_names_months_and_topics_in_french_and_shows_whole_choices(tabs, week, size):
    tab = tabs(viewport=size, language="fr-FR")
    page = tab.open()
    if size is PHONE:
        page.locator(".filter-summary").click()
    expect(page.locator("#id_kind")).to_be_visible()
    for select in ("#id_kind", "#id_status", "#id_topic"):
        # The chosen option's text, as the select draws it, fits inside the box beside its arrow.
        fits = page.evaluate(
            """(selector) => { const s = document.querySelector(selector), c = document.createElement("canvas").getContext("2d");
                 c.font = getComputedStyle(s).font; const text = c.measureText(s.options[s.selectedIndex].text).width;
                 return [text, s.clientWidth]; }""", select)
        assert fits[0] + 36 <= fits[1], (select, fits)
    main = page.locator("main").inner_text()
    assert "Cessez-le-feu" in main and "Aoû" not in main
    expect(page.locator(".week-head", has_text="août")).to_contain_text("Semaine 32 4 août – 10 août 2025")
    labels = _axis(page)  # every third month over the 2 years charted: CLDR's "avr.", "juil.", "oct."
    assert "juil." in labels and not any(label[0].isupper() for label in labels)
    expect(page.locator("#summary-week")).to_contain_text("4 nouveaux événements")
    tab.shot(f"french-{size['width']}.png")


def test_machine_titles_and_roles_follow_the_language_switch_on_the_timeline_event_and_actor_pages(tabs, transactional_db):
    zelensky = make_actor("Volodymyr Zelensky", country="UA", role="President of Ukraine")
    putin = make_actor("Vladimir Putin", country="RU", role="President of Russia")
    talks = make_event("Zelensky meets Putin in Istanbul", date=dt.date(2025, 9, 4), actors=[zelensky, putin],
                       titles={"en": "Zelensky meets Putin in Istanbul", "fr": "Zelensky rencontre Poutine à Istanbul"})
    # An editor renamed this one: it stays as the editor wrote it in both languages.
    make_event("Coalition summit on guarantees", date=dt.date(2025, 9, 3),
               titles={"en": "Leaders meet in Paris", "fr": "Les dirigeants se rencontrent à Paris"})
    tab = tabs()
    page = tab.open()
    expect(page.locator(".event-card .card-title")).to_have_text(
        ["Zelensky meets Putin in Istanbul", "Coalition summit on guarantees"])

    with page.expect_navigation():
        page.select_option("#language-select", "fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator(".event-card .card-title")).to_have_text(
        ["Zelensky rencontre Poutine à Istanbul", "Coalition summit on guarantees"])
    page = tab.open("/?view=compact")
    expect(page.locator(".event-row .row-title")).to_have_text(
        ["Zelensky rencontre Poutine à Istanbul", "Coalition summit on guarantees"])
    page = tab.open_plain(reverse("timeline:event", args=[talks.pk]))
    expect(page.locator("h1.page-title")).to_have_text("Zelensky rencontre Poutine à Istanbul")
    assert page.title() == "Zelensky rencontre Poutine à Istanbul · Parley"
    tab.shot("french-event.png")
    page = tab.open_plain(reverse("timeline:actor", args=[zelensky.pk]))
    expect(page.locator(".actor-role")).to_have_text("Président de l’Ukraine")


# --- 10. "Load more" without JavaScript -------------------------------------------------------------


def test_without_javascript_the_next_page_starts_with_its_week_and_day(tabs, transactional_db, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 2)
    make_event("Late talks", date=dt.date(2025, 9, 5))
    make_event("Morning call", date=dt.date(2025, 9, 4), kind=Event.Kind.CALL)  # the page's last: newest id first
    make_event("Evening meeting", date=dt.date(2025, 9, 4))
    tab = tabs(javascript=False)
    page = tab.open()
    page.get_by_role("link", name="Load more events").click()
    page.wait_for_url("**cursor=*")
    first = page.locator("#event-list .week-head, #event-list .day-head, #event-list .event-card")
    expect(first.nth(0)).to_have_class("week-head")
    expect(first.nth(0)).to_contain_text("Week 36")
    expect(first.nth(1)).to_have_class("day-head")
    expect(first.nth(1)).to_have_text("Thursday 4 September")
    expect(first.nth(2)).to_contain_text("Morning call")
    tab.shot("load-more-nojs.png")


def test_the_statements_page_folds_its_filters_on_a_phone_too(tabs, week):
    tab = tabs(viewport=PHONE)
    page = tab.open_plain("/statements/")
    expect(page.locator("#id_topic")).to_be_hidden()
    page.locator(".filter-summary").click()
    expect(page.locator("#id_topic")).to_be_visible()
    desktop = tabs()
    expect(desktop.open_plain("/statements/").locator("#id_topic")).to_be_visible()
