"""Issue 16, analysts' items 2, 8 and 11: trust shown on every page, country names, clean URLs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.records.models import DatePrecision, Event, ReviewState
from tests.factories import make_actor, make_event, make_statement

pytestmark = pytest.mark.django_db


def _country_options(html: str) -> list[str]:
    select = html.split('id="id_country"')[1].split("</select>")[0]
    return re.findall(r'<option value="[A-Z]{2}"[^>]*>([^<]*)</option>', select)


@pytest.mark.parametrize("page", ["timeline:index", "timeline:statements"])
def test_the_country_filter_names_countries_in_the_interface_language(client, page):
    for code in ("AR", "AT", "RU", "EU"):
        make_event(f"Talks {code}", actors=[make_actor(f"Envoy {code}", country=code)])
    english = _country_options(client.get(reverse(page), HTTP_ACCEPT_LANGUAGE="en").content.decode())
    french = _country_options(client.get(reverse(page), HTTP_ACCEPT_LANGUAGE="fr").content.decode())
    assert english == ["Argentina", "Austria", "European Union", "Russia"]
    assert french == ["Argentine", "Autriche", "Russie", "Union européenne"]


def _flag(html: str) -> str:
    found = re.search(r'class="status status-unconfirmed"[^>]*>([^<]*)<', html)
    return found.group(1) if found else ""


def test_a_plan_whose_date_went_by_unconfirmed_is_flagged_on_cards_pages_and_exports(client):
    today = timezone.localdate()
    past = make_event("Summit in Riyadh", date=today - dt.timedelta(days=3), status=Event.Status.PLANNED)
    coming = make_event("Summit in Geneva", date=today + dt.timedelta(days=3), status=Event.Status.PLANNED)
    this_month = make_event("Visit to Kyiv", date=today.replace(day=1), precision=DatePrecision.MONTH,
                            status=Event.Status.PLANNED)
    held = make_event("Talks in Istanbul", date=today - dt.timedelta(days=3))

    timeline = client.get(reverse("timeline:index")).content.decode()
    cards = {e.title: timeline.split(f'id="event-{e.pk}"')[1].split("</article>")[0]
             for e in (past, coming, this_month, held)}
    expected = f"planned for {date_format(past.date, 'DATE_FORMAT')}, no report since"
    assert _flag(cards["Summit in Riyadh"]) == expected
    assert not _flag(cards["Summit in Geneva"]) and "Planned" in cards["Summit in Geneva"]
    assert not _flag(cards["Visit to Kyiv"])  # the month is not over yet
    assert not _flag(cards["Talks in Istanbul"])

    assert _flag(client.get(reverse("timeline:event", args=[past.pk])).content.decode()) == expected
    assert not _flag(client.get(reverse("timeline:event", args=[coming.pk])).content.decode())

    rows = json.loads(b"".join(client.get(reverse("timeline:export-json")).streaming_content))["events"]
    flags = {row["title"]: row["unconfirmed_plan"] for row in rows}
    assert flags == {"Summit in Riyadh": True, "Summit in Geneva": False, "Visit to Kyiv": False,
                     "Talks in Istanbul": False}
    lines = list(csv.DictReader(io.StringIO(
        b"".join(client.get(reverse("timeline:export-csv")).streaming_content).decode())))
    assert {row["title"]: row["unconfirmed_plan"] for row in lines}["Summit in Riyadh"] == "True"


def _badge(html: str) -> str:
    found = re.search(r'class="review review-(verified|unreviewed)"', html)
    return found.group(1) if found else ""


def test_event_pages_and_statement_rows_say_whether_an_editor_checked_them(client):
    checked = make_event("Checked talks", review_state=ReviewState.VERIFIED)
    unchecked = make_event("Machine talks")
    assert _badge(client.get(reverse("timeline:event", args=[checked.pk])).content.decode()) == "verified"
    assert _badge(client.get(reverse("timeline:event", args=[unchecked.pk])).content.decode()) == "unreviewed"

    speaker = make_actor("Andrii Sybiha", country="UA")
    make_statement("We want a just peace.", speaker=speaker, review_state=ReviewState.VERIFIED)
    make_statement("Talks will go on.", speaker=speaker)
    html = client.get(reverse("timeline:statements")).content.decode()
    rows = html.split('<li class="quote-card">')[1:]
    badges = {("just peace" in row): _badge(row) for row in rows}
    assert badges == {True: "verified", False: "unreviewed"}


def test_the_unconfirmed_plan_flag_speaks_french(client):
    make_event("Sommet", date=dt.date(2025, 8, 18), status=Event.Status.PLANNED)
    html = client.get(reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert _flag(html) == "prévu : 18 août 2025, rien signalé depuis"


@pytest.mark.parametrize("page", ["timeline:index", "timeline:statements"])
def test_a_form_sent_with_empty_fields_redirects_to_the_url_of_the_filters_in_use(client, page):
    response = client.get(reverse(page), {"q": "", "topic": "", "kind": "call", "actor": ["", "7"], "to": ""})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse(page)}?kind=call&actor=7"
    assert client.get(reverse(page), {"q": "", "kind": ""})["Location"] == reverse(page)
    # htmx drops empty fields itself; a fragment request is answered as it is.
    assert client.get(reverse(page), {"q": ""}, HTTP_HX_REQUEST="true").status_code == 200


def test_actor_suggestions_and_export_links_carry_no_empty_parameters(client):
    make_actor("Volodymyr Zelensky", country="UA")
    html = client.get(reverse("timeline:actor-search"), {"q": ["zel", ""], "topic": "", "kind": "call"},
                      HTTP_HX_REQUEST="true").content.decode()
    link = re.search(r'href="/\?([^"]*)"', html).group(1).replace("&amp;", "&")
    assert link.startswith("kind=call&actor=") and "=&" not in link and not link.endswith("=")
    page = client.get(reverse("timeline:index"), {"kind": "call"}, HTTP_HX_REQUEST="true").content.decode()
    assert "=&amp;" not in page.split('id="event-list"')[1]
