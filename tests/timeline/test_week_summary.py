"""Issue 16 item 1: the week at a glance above the timeline, and "since your last visit"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.records.models import Event, ReviewState
from apps.timeline import summary
from tests.factories import make_actor, make_event, make_statement

pytestmark = pytest.mark.django_db


def _section(html: str, section_id: str) -> str:
    return html.split(f'id="{section_id}"')[1].split("</section>")[0]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _visit(client) -> str:
    """The timeline's first page, then the summary it loads (htmx, hx-trigger="load")."""
    page = client.get(reverse("timeline:index")).content.decode()
    assert f'hx-get="{reverse("timeline:summary")}"' in _section(page, "week-summary")
    return client.get(reverse("timeline:summary"), HTTP_HX_REQUEST="true").content.decode()


def test_it_counts_new_events_by_kind_and_the_most_quoted_speakers(client):
    trump, zelensky = make_actor("Donald Trump"), make_actor("Volodymyr Zelensky")
    make_event("Talks in Geneva")
    make_event("Trump calls Zelensky", kind=Event.Kind.CALL)
    make_event("Rejected talks", review_state=ReviewState.REJECTED)  # not shown, not counted
    for _ in range(3):
        make_statement(f"We want peace {_}.", speaker=zelensky, said_on=timezone.localdate())
    make_statement("A deal is close.", speaker=trump, said_on=timezone.localdate())
    make_statement("Said last year.", speaker=trump, said_on=dt.date(2025, 9, 4))  # stored now, said then
    week = _text(_section(_visit(client), "summary-week"))
    assert "2 new events · 4 statements" in week
    assert "Meeting 1 Call 1" in week
    assert "Most quoted Volodymyr Zelensky 3 Donald Trump 1" in week


def test_the_week_starts_on_monday_in_the_site_time_zone():
    wednesday = timezone.make_aware(dt.datetime(2026, 12, 2, 15, 30))
    assert summary.week_start(wednesday) == timezone.make_aware(dt.datetime(2026, 11, 30))


def test_an_event_whose_status_changed_since_then_is_listed_with_its_old_and_new_status():
    plan = make_event("Summit in Riyadh", status=Event.Status.PLANNED)
    make_event("Talks in Istanbul", status=Event.Status.PLANNED)
    since = timezone.now()
    plan.status = Event.Status.OCCURRED
    plan.save()
    window = summary.window(since)
    assert window.status_change_count == 1
    change = window.status_changes[0]
    assert (change.event.title, change.was, change.now) == ("Summit in Riyadh", "Planned", "Occurred")
    assert window.new_events == 0  # created before `since`


def test_coming_up_lists_plans_whose_period_is_not_over_soonest_first():
    today = timezone.localdate()
    make_event("Later summit", date=today + dt.timedelta(days=20), status=Event.Status.PLANNED)
    make_event("Visit this month", date=today.replace(day=1), precision="month", status=Event.Status.PLANNED)
    make_event("Missed plan", date=today - dt.timedelta(days=2), status=Event.Status.PLANNED)
    make_event("Held talks", date=today + dt.timedelta(days=1))
    assert [e.title for e in summary.coming_up(today)] == ["Visit this month", "Later summit"]


def test_it_says_when_the_data_was_last_updated(client):
    assert "No data yet" in _visit(client)
    make_event("Talks")
    html = _visit(client)
    assert "Data last updated <time" in _section(html, "week-summary")


def test_since_the_last_visit_counts_from_the_end_of_the_previous_visit(client, analyst):
    client.force_login(analyst)
    old = make_event("Old talks")
    html = _visit(client)
    assert 'id="summary-visit"' not in html  # a first visit has nothing to compare with
    # The analyst read the timeline two hours after "Old talks" came in, then left; an hour
    # later two events have come in.
    now = timezone.now()
    Event.history.filter(id=old.pk).update(history_date=now - dt.timedelta(hours=3))
    type(analyst).objects.filter(pk=analyst.pk).update(timeline_seen_at=now - dt.timedelta(hours=1))
    make_event("New talks in Paris")
    make_event("New call", kind=Event.Kind.CALL)
    visit = _text(_section(_visit(client), "summary-visit"))
    assert "2 new events" in visit and "Meeting 1 Call 1" in visit
    # A reload within the visit still counts from the same moment.
    again = _text(_section(_visit(client), "summary-visit"))
    assert "2 new events" in again


def test_the_summary_is_on_the_first_page_only_and_not_in_fragments(client):
    make_event("Talks")
    assert 'id="week-summary"' not in client.get(reverse("timeline:index"), HTTP_HX_REQUEST="true").content.decode()
    assert 'id="week-summary"' in client.get(reverse("timeline:index")).content.decode()


def test_without_javascript_the_summary_is_a_link_to_its_own_page(client):
    make_event("Talks in Geneva")
    page = client.get(reverse("timeline:index")).content.decode()
    assert f'<noscript><a href="{reverse("timeline:summary")}">Show the week at a glance</a></noscript>' in page
    alone = client.get(reverse("timeline:summary")).content.decode()
    assert "<!doctype html>" in alone and "1 new event" in _text(_section(alone, "summary-week"))
