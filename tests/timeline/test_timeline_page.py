"""The timeline page: who may read it, what a card shows, filters, pages and their fragments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from apps.records.models import DatePrecision, Event, ReviewState
from apps.timeline import queries
from tests.factories import make_actor, make_article, make_event, make_statement, make_topic

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def page_text(response) -> str:
    return response.content.decode()


@pytest.fixture
def talks():
    """A few days of the talks: Paris, a call, a planned summit, an undated announcement."""
    zelensky = make_actor("Volodymyr Zelensky", country="UA", aliases=["Zelenskyy"])
    macron = make_actor("Emmanuel Macron", country="FR")
    witkoff = make_actor("Steve Witkoff", country="US")
    guarantees = make_topic("security-guarantees", "Security guarantees", "Garanties de sécurité")
    ceasefire = make_topic("ceasefire", "Ceasefire", "Cessez-le-feu")
    paris = make_article(title="Coalition of the willing meets in Paris", language="fr",
                         text="Zelensky a rencontré Macron à Paris jeudi pour parler des garanties.")
    paris_en = make_article(title="Leaders meet in Paris", language="en",
                            text="Zelensky met Macron in Paris on Thursday.")
    call_article = make_article(title="Witkoff call", language="en", text="Witkoff called Zelensky on Monday.")
    events = {
        "paris": make_event(
            "Zelensky and Macron meet in Paris", date=dt.date(2025, 9, 4), location="Élysée Palace, Paris",
            actors=[zelensky, macron], topics=[guarantees],
            evidence=[(paris, "Zelensky a rencontré Macron à Paris jeudi pour parler des garanties."),
                      (paris_en, "Zelensky met Macron in Paris on Thursday.")],
            review_state=ReviewState.VERIFIED,
        ),
        "call": make_event(
            "Witkoff calls Zelensky", kind=Event.Kind.CALL, date=dt.date(2025, 9, 1),
            actors=[witkoff, zelensky], topics=[ceasefire], evidence=[(call_article, "Witkoff called Zelensky on Monday.")],
        ),
        "summit": make_event(
            "Summit on guarantees", kind=Event.Kind.MEETING, date=dt.date(2025, 10, 1),
            precision=DatePrecision.MONTH, status=Event.Status.PLANNED, actors=[macron], topics=[guarantees],
        ),
        "undated": make_event("Announcement of a new round", kind=Event.Kind.ANNOUNCEMENT, date=None),
    }
    make_statement("We need real guarantees, not words.", speaker=zelensky, article=paris_en, event=events["paris"])
    return {"zelensky": zelensky, "macron": macron, "witkoff": witkoff, "guarantees": guarantees, **events}


# --- Access -----------------------------------------------------------------------------------


def test_anyone_reads_the_timeline_when_it_is_public(client, settings, talks):
    settings.PARLEY_PUBLIC_TIMELINE = True
    assert client.get(reverse("timeline:index")).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in_when_it_is_not_public(client, settings, talks):
    settings.PARLEY_PUBLIC_TIMELINE = False
    for name, args in [("timeline:index", []), ("timeline:event", [talks["paris"].pk]),
                       ("timeline:actor", [talks["macron"].pk]), ("timeline:statements", []),
                       ("timeline:export-csv", []), ("timeline:feed", [])]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302, name
        assert "/admin/login/" in response["Location"]


def test_an_htmx_request_of_a_logged_out_visitor_reloads_the_page_to_log_in(client, settings):
    settings.PARLEY_PUBLIC_TIMELINE = False
    response = client.get(reverse("timeline:index"), **HTMX)
    assert response.status_code == 200
    assert "/admin/login/" in response["HX-Redirect"]


@pytest.mark.parametrize("persona", ["analyst", "editor"])
def test_analysts_and_editors_read_the_private_timeline(client, settings, talks, persona, request):
    settings.PARLEY_PUBLIC_TIMELINE = False
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("timeline:index"))
    assert response.status_code == 200
    assert "Zelensky and Macron meet in Paris" in page_text(response)


def test_a_user_in_no_group_cannot_read_the_private_timeline(client, settings, outsider, talks):
    settings.PARLEY_PUBLIC_TIMELINE = False
    client.force_login(outsider)
    assert client.get(reverse("timeline:index")).status_code == 403
    assert client.get(reverse("timeline:export-json")).status_code == 403


def test_the_dashboard_refuses_writes(client, talks):
    assert client.post(reverse("timeline:index")).status_code in (403, 405)


# --- Cards and grouping -----------------------------------------------------------------------


def test_cards_show_date_kind_place_participants_topics_sources_and_review(client, talks):
    html = page_text(client.get(reverse("timeline:index")))
    assert "Zelensky and Macron meet in Paris" in html
    assert "Élysée Palace, Paris" in html
    assert f'href="/actors/{talks["macron"].pk}/"' in html
    assert "#Security guarantees" in html
    assert "2 sources" in html and "1 statement" in html
    assert "✓ Verified" in html
    assert "Planned" in html
    assert "October 2025" in html  # a month-precision date says no more than the month


def test_events_are_grouped_by_week_then_day_newest_first_and_undated_last(client, talks):
    html = page_text(client.get(reverse("timeline:index")))
    order = [html.index(s) for s in ("Summit on guarantees", "Week 36", "Thursday 4 September",
                                     "Zelensky and Macron meet", "Monday 1 September", "Witkoff calls",
                                     "Date unknown", "Announcement of a new round")]
    assert order == sorted(order)


def test_article_text_is_escaped_never_trusted(client, talks):
    make_event("<script>alert(1)</script> talks", actors=[talks["macron"]])
    html = page_text(client.get(reverse("timeline:index")))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; talks" in html


def test_rejected_events_stay_off_the_timeline(client, talks):
    make_event("A misread meeting", review_state=ReviewState.REJECTED)
    assert "A misread meeting" not in page_text(client.get(reverse("timeline:index")))


def test_a_card_expands_into_its_evidence_statements_and_source_links(client, talks):
    url = reverse("timeline:event", args=[talks["paris"].pk])
    fragment = page_text(client.get(url, **HTMX))
    assert "<html" not in fragment
    assert "Zelensky a rencontré Macron à Paris jeudi" in fragment
    assert "We need real guarantees, not words." in fragment
    assert 'href="https://news.example/' in fragment and 'rel="noopener noreferrer nofollow"' in fragment
    page = page_text(client.get(url))  # without JavaScript the same link opens a page
    assert "<html" in page and "Zelensky a rencontré Macron" in page


def test_an_article_link_that_is_not_http_is_not_a_link(client, talks):
    article = make_article(title="Odd link", url="javascript:alert(1)")
    event = make_event("Event with an odd source", evidence=[(article, "Text of")])
    html = page_text(client.get(reverse("timeline:event", args=[event.pk])))
    assert "javascript:alert" not in html and "Odd link" in html


# --- Filters ----------------------------------------------------------------------------------


def titles(client, **params) -> str:
    return page_text(client.get(reverse("timeline:index"), params, **HTMX))


def test_filters_narrow_the_timeline(client, talks):
    z, m, w = talks["zelensky"].pk, talks["macron"].pk, talks["witkoff"].pk
    cases = [
        ({"actor": [z, m]}, ["Zelensky and Macron meet"], ["Witkoff calls", "Summit on"]),
        ({"actor": [w]}, ["Witkoff calls"], ["Zelensky and Macron meet"]),
        ({"topic": "ceasefire"}, ["Witkoff calls"], ["Summit on", "Zelensky and Macron meet"]),
        ({"kind": "call"}, ["Witkoff calls"], ["Zelensky and Macron meet"]),
        ({"country": "US"}, ["Witkoff calls"], ["Zelensky and Macron meet"]),
        ({"from": "2025-09-02", "to": "2025-09-30"}, ["Zelensky and Macron meet"], ["Witkoff calls", "Summit on", "Announcement"]),
        ({"language": "fr"}, ["Zelensky and Macron meet"], ["Witkoff calls"]),
        ({"status": "planned"}, ["Summit on"], ["Zelensky and Macron meet"]),
        ({"verified": "1"}, ["Zelensky and Macron meet"], ["Witkoff calls", "Summit on"]),
    ]
    for params, shown, hidden in cases:
        html = titles(client, **params)
        for title in shown:
            assert title in html, (params, title)
        for title in hidden:
            assert title not in html, (params, title)


def test_nonsense_filter_values_are_ignored_rather_than_errors(client, talks):
    # A broken cursor is refused instead (test_hostile_query_strings): it would repeat page one.
    response = client.get(reverse("timeline:index"), {"actor": "x", "from": "2025-02-30", "kind": "nope",
                                                       "country": "<b>", "status": "1"})
    assert response.status_code == 200
    assert "Zelensky and Macron meet" in page_text(response)


def test_htmx_gets_the_event_list_fragment_and_the_chart_out_of_band(client, talks):
    response = client.get(reverse("timeline:index"), {"kind": "call"}, **HTMX)
    html = page_text(response)
    assert html.lstrip().startswith('<div id="event-list"')
    assert 'id="activity"' in html and 'hx-swap-oob="true"' in html and "/activity?kind=call" in html
    assert "HX-Request" in response["Vary"]


def test_boosted_and_history_restore_requests_get_the_full_page(client, talks):
    for headers in ({"HTTP_HX_BOOSTED": "true"}, {"HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}):
        html = page_text(client.get(reverse("timeline:index"), {"kind": "call"}, **HTMX, **headers))
        assert "<html" in html and 'id="filters"' in html


def test_the_filter_form_and_the_export_links_keep_the_current_filters(client, talks):
    html = page_text(client.get(reverse("timeline:index"), {"topic": "ceasefire", "kind": "call"}))
    assert '<option value="ceasefire" selected>' in html
    assert '/export.csv?topic=ceasefire&amp;kind=call' in html
    assert 'hx-push-url="true"' in html


# --- Pages ------------------------------------------------------------------------------------


def test_load_more_walks_every_event_once_in_order_including_undated_ones(client, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 4)
    day = dt.date(2025, 9, 1)
    expected = []
    for i in range(9):
        # Several events share a day, so the cursor must break ties by id.
        expected.append(make_event(f"Event number {i}", date=day - dt.timedelta(days=i // 3)).pk)
    expected.append(make_event("Undated one", date=None).pk)
    expected.append(make_event("Undated two", date=None).pk)
    seen, params = [], {}
    for _ in range(10):
        page = queries.event_page(queries.TimelineFilters.from_query(_query(params)), size=queries.PAGE_SIZE)
        seen.extend(e.pk for e in page.items)
        if not page.next_cursor:
            break
        params = {"cursor": page.next_cursor}
    events = Event.objects.in_bulk(seen)
    keys = [((events[pk].date or dt.date.min), pk) for pk in seen]
    assert sorted(seen) == sorted(expected)
    assert keys == sorted(keys, reverse=True)


def _query(params):
    from django.http import QueryDict

    q = QueryDict(mutable=True)
    q.update(params)
    return q


def test_the_load_more_link_fetches_the_next_page_as_a_fragment(client, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 2)
    for i in range(3):
        make_event(f"Paged event {i}", date=dt.date(2025, 9, 10 - i))
    first = page_text(client.get(reverse("timeline:index")))
    assert "Paged event 0" in first and "Paged event 2" not in first
    cursor = first.split("cursor=")[1].split('"')[0]
    fragment = page_text(client.get(reverse("timeline:index"), {"cursor": cursor}, **HTMX))
    assert "Paged event 2" in fragment and "Paged event 0" not in fragment
    assert "<html" not in fragment and 'id="event-list"' not in fragment
    no_js = page_text(client.get(reverse("timeline:index"), {"cursor": cursor}))
    assert "Paged event 2" in no_js and "Back to the latest" in no_js


@pytest.mark.parametrize("fragment", [True, False])
def test_a_page_costs_the_same_queries_for_5_events_as_for_50(client, django_assert_num_queries, fragment):
    """N+1 guard: participants, topics, sources and statements are fetched per page, not per card."""
    macron, zelensky = make_actor("Emmanuel Macron", country="FR"), make_actor("Volodymyr Zelensky", country="UA")
    topic = make_topic("ceasefire")
    article = make_article()

    def add(n):
        for i in range(n):
            event = make_event(f"Meeting {i}", date=dt.date(2025, 9, 1) + dt.timedelta(days=i % 20),
                               actors=[macron, zelensky], topics=[topic], evidence=[(article, "Text of")])
            make_statement(f"Words number {i} and more", speaker=macron, article=article, event=event)

    headers = HTMX if fragment else {}
    add(5)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        assert client.get(reverse("timeline:index"), **headers).status_code == 200
    add(45)
    with django_assert_num_queries(len(five)):
        response = client.get(reverse("timeline:index"), **headers)
    assert page_text(response).count('class="event-card') == 30


def test_an_old_link_to_a_merged_event_leads_to_the_event_it_was_merged_into(client, talks):
    duplicate = make_event("Macron and Zelensky in Paris", merged_into=talks["paris"])
    response = client.get(reverse("timeline:event", args=[duplicate.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("timeline:event", args=[talks["paris"].pk])


def test_a_rejected_event_has_no_page(client):
    event = make_event("A misread meeting", review_state=ReviewState.REJECTED)
    assert client.get(reverse("timeline:event", args=[event.pk])).status_code == 404


def test_pages_hold_no_inline_script_style_or_handler_under_a_strict_csp(client, talks):
    import re

    for url in [reverse("timeline:index"), reverse("timeline:event", args=[talks["paris"].pk]),
                reverse("timeline:actor", args=[talks["macron"].pk]), reverse("timeline:statements")]:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        html = page_text(response)
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], url
        assert " style=" not in html and "<style" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url
        assert "/static/django_htmx/htmx-2.min.js" in html  # vendored, no CDN
