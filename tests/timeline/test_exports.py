"""Exports and the Atom feed carry exactly the filtered view, safely encoded."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.records.models import DatePrecision, Event
from tests.factories import make_actor, make_article, make_event, make_topic

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


@pytest.fixture
def events():
    macron = make_actor("Emmanuel Macron", country="FR")
    putin = make_actor("Vladimir Putin", country="RU")
    topic = make_topic("ceasefire", "Ceasefire", "Cessez-le-feu")
    article = make_article(text="Macron called Putin.")
    return {
        "call": make_event("Macron calls Putin", kind=Event.Kind.CALL, date=dt.date(2025, 8, 1),
                           actors=[macron, putin], topics=[topic], evidence=[(article, "Macron called Putin.")]),
        "summit": make_event("Summit in Istanbul; leaders, at last, meet", date=dt.date(2025, 9, 15),
                             status=Event.Status.PLANNED, location="Istanbul, Türkiye", actors=[putin]),
        "formula": make_event("=HYPERLINK(\"http://evil.example\")", date=dt.date(2025, 7, 1)),
    }


def test_csv_export_lists_the_filtered_events_with_their_participants(client, events):
    response = client.get(reverse("timeline:export-csv"), {"kind": "call"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert [r["title"] for r in rows] == ["Macron calls Putin"]
    assert rows[0]["participants"] == "Emmanuel Macron; Vladimir Putin"
    assert rows[0]["topics"] == "ceasefire" and rows[0]["sources"] == "1"


def test_csv_export_neutralises_spreadsheet_formulas(client, events):
    rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("timeline:export-csv"))))))
    formula = next(r for r in rows if "HYPERLINK" in r["title"])
    assert formula["title"].startswith("'=")


def test_json_export_follows_the_filters(client, events):
    data = json.loads(body(client.get(reverse("timeline:export-json"), {"actor": events["summit"].participants.first().actor_id})))
    assert {e["title"] for e in data["events"]} == {"Macron calls Putin", "Summit in Istanbul; leaders, at last, meet"}
    assert data["events"][0]["url"].startswith("http://testserver/events/")


def test_calendar_export_holds_planned_events_as_all_day_entries(client, events):
    response = client.get(reverse("timeline:export-ics"))
    text = body(response)
    assert response["Content-Type"].startswith("text/calendar")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20250915\r\n" in text
    # The summit was planned for 2025: its date has passed with no report that it happened.
    assert "SUMMARY:Past\\, not confirmed: Summit in Istanbul\\; leaders\\, at last\\, meet" in text.replace("\r\n ", "")
    assert "LOCATION:Istanbul\\, Türkiye" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_calendar_lines_longer_than_75_octets_are_folded(client):
    make_event("Très longue réunion " * 8, date=timezone.localdate() + dt.timedelta(days=30), status=Event.Status.PLANNED,
               precision=DatePrecision.DAY)
    text = body(client.get(reverse("timeline:export-ics")))
    assert "\r\n " in text
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:" + "Très longue réunion " * 8 in unfolded


def test_the_atom_feed_lists_the_filtered_events_newest_found_first(client, events):
    response = client.get(reverse("timeline:feed"), {"country": "RU"})
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert titles == ["Summit in Istanbul; leaders, at last, meet", "Macron calls Putin"]
    assert feed.find("a:entry/a:link", ns).get("href").startswith("http://testserver/events/")


def test_exports_list_undated_events_last_as_the_timeline_does(client, events):
    make_event("Undated announcement", date=None)
    rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("timeline:export-csv"))))))
    assert rows[-1]["title"] == "Undated announcement" and rows[0]["date"] == "2025-09-15"
