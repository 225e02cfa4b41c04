"""Exports carry their evidence: source articles of events, statements with offsets, TimelineJS, the calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from apps.records.models import DatePrecision, Event
from tests.factories import make_actor, make_article, make_event, make_statement

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


@pytest.fixture
def talks():
    putin = make_actor("Vladimir Putin", country="RU")
    witkoff = make_actor("Steve Witkoff", country="US")
    wire = make_article(title="Witkoff in Moscow; talks go on", text="Witkoff met Putin. “We are ready,” Putin said.")
    paper = make_article(title="<b>Le Kremlin</b> reçoit Witkoff", text="Witkoff a rencontré Poutine.", language="fr")
    meeting = make_event("Witkoff meets Putin", date=dt.date(2025, 8, 6), actors=[putin, witkoff],
                         evidence=[(wire, "Witkoff met Putin."), (paper, "Witkoff a rencontré Poutine.")])
    make_statement("We are ready,", speaker=putin, article=wire, event=meeting)
    make_statement("Talks will continue", speaker=witkoff, direct=False, said_on=dt.date(2025, 8, 7))
    today = timezone.localdate()
    make_event("Summit in Istanbul", date=today + dt.timedelta(days=40), status=Event.Status.PLANNED, actors=[putin])
    make_event("Summit that never came", date=today - dt.timedelta(days=40), status=Event.Status.PLANNED)
    make_event("Talks in the spring", date=dt.date(today.year + 1, 4, 1), precision=DatePrecision.MONTH,
               status=Event.Status.PLANNED)
    return {"wire": wire, "paper": paper, "meeting": meeting}


def test_the_event_csv_names_each_source_article_with_its_link(client, talks):
    rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("timeline:export-csv"), {"kind": "meeting"})))))
    row = next(r for r in rows if r["title"] == "Witkoff meets Putin")
    assert row["source_titles"].split("\n") == ["Witkoff in Moscow; talks go on", "<b>Le Kremlin</b> reçoit Witkoff"]
    assert row["source_urls"].split("\n") == [talks["wire"].url, talks["paper"].url]


def test_the_event_json_lists_source_articles(client, talks):
    data = json.loads(body(client.get(reverse("timeline:export-json"))))
    meeting = next(e for e in data["events"] if e["title"] == "Witkoff meets Putin")
    assert [(a["title"], a["url"]) for a in meeting["source_articles"]] == [
        ("Witkoff in Moscow; talks go on", talks["wire"].url), ("<b>Le Kremlin</b> reçoit Witkoff", talks["paper"].url)]


def test_the_statements_csv_says_who_when_how_and_where(client, talks):
    response = client.get(reverse("timeline:export-statements-csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert [r["text"] for r in rows] == ["We are ready,", "Talks will continue"]
    quoted, reported = rows
    assert reported["direct"] == "False" and reported["speaker"] == "Steve Witkoff"
    assert quoted["said_on"] == "2025-09-04" and quoted["article_url"] == talks["wire"].url
    assert talks["wire"].text[int(quoted["start"]):int(quoted["end"])] == "We are ready,"


def test_the_statements_json_follows_the_filters(client, talks):
    putin = talks["meeting"].participants.get(actor__name="Vladimir Putin").actor_id
    data = json.loads(body(client.get(reverse("timeline:export-statements-json"), {"actor": putin})))
    assert [(s["speaker"], s["text"], s["direct"]) for s in data["statements"]] == [
        ("Vladimir Putin", "We are ready,", True)]
    assert data["statements"][0]["article_title"] == "Witkoff in Moscow; talks go on"


def test_the_timelinejs_export_keeps_precision_and_escapes_news_text(client, talks):
    response = client.get(reverse("timeline:export-timelinejs"))
    data = json.loads(body(response))
    by_title = {e["text"]["headline"]: e for e in data["events"]}
    assert by_title["Witkoff meets Putin"]["start_date"] == {"year": 2025, "month": 8, "day": 6}
    spring = by_title["Talks in the spring"]
    assert "day" not in spring["start_date"] and spring["end_date"]["month"] == 4
    sources = by_title["Witkoff meets Putin"]["text"]["text"]
    assert "&lt;b&gt;Le Kremlin&lt;/b&gt;" in sources and "<b>" not in sources
    assert f'href="{talks["wire"].url}"' in sources


def test_the_calendar_flags_planned_events_whose_date_has_passed(client, talks):
    response = client.get(reverse("timeline:export-ics"))
    calendar = icalendar.Calendar.from_ical(response.content)
    entries = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {"Summit in Istanbul", "Past, not confirmed: Summit that never came", "Talks in the spring"}
    past = entries["Past, not confirmed: Summit that never came"]
    assert "no source Parley read says it took place" in str(past["description"])
    assert "Past, not confirmed" not in str(entries["Summit in Istanbul"]["description"])
    # A month-precise plan is the whole month, not a made-up first day.
    spring = entries["Talks in the spring"]
    assert spring.decoded("dtstart").day == 1 and (spring.decoded("dtend") - spring.decoded("dtstart")).days == 30


def test_a_speaker_the_article_only_describes_is_exported_as_described(client, talks):
    make_statement("Nothing is decided yet.", speaker_description="a senior European diplomat",
                   said_on=dt.date(2025, 8, 8))
    rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("timeline:export-statements-csv"))))))
    described = next(r for r in rows if r["text"] == "Nothing is decided yet.")
    assert (described["speaker"], described["speaker_id"], described["speaker_description"]) == (
        "", "", "a senior European diplomat")
    data = json.loads(body(client.get(reverse("timeline:export-statements-json"))))
    by_text = {s["text"]: s for s in data["statements"]}
    assert (by_text["Nothing is decided yet."]["speaker"], by_text["Nothing is decided yet."]["speaker_description"]) \
        == (None, "a senior European diplomat")
    assert by_text["We are ready,"]["speaker_description"] == ""
