"""The timeline tells the analyst when new events arrive, without a reload."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.records.models import Event
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def poll(client, **params):
    return client.get(reverse("timeline:new-events"), params, HTTP_HX_REQUEST="true")


def test_the_page_polls_for_events_newer_than_the_newest_when_it_was_shown(client):
    newest = make_event("Already there")
    html = client.get(reverse("timeline:index"), {"kind": "call"}).content.decode()
    # The newest event is asked for once the page is in (it would change every page it was in).
    assert 'hx-get="/events/new?kind=call"' in html and 'hx-trigger="load"' in html
    start = client.get(reverse("timeline:new-events"), {"kind": "call"}, HTTP_HX_REQUEST="true").content.decode()
    assert f'/events/new?since={newest.pk}&amp;kind=call' in start
    assert 'hx-trigger="every 30s' in start


def test_it_says_how_many_new_events_match_the_current_filters(client):
    since = make_event("Already there").pk
    assert poll(client, since=since).content.decode().strip() == ""
    make_event("A new call", kind=Event.Kind.CALL)
    make_event("A new meeting", kind=Event.Kind.MEETING)
    assert "2 new events" in poll(client, since=since).content.decode()
    notice = poll(client, since=since, kind="call").content.decode()
    assert "1 new event" in notice and "Show them" in notice and "kind=call" in notice


def test_polling_stops_when_the_request_makes_no_sense_or_the_reader_logged_out(client, settings):
    assert poll(client, since="abc").status_code == 286
    settings.PARLEY_PUBLIC_TIMELINE = False
    assert poll(client, since=1).status_code == 286


@pytest.mark.parametrize("few_new_events", [50, 0], ids=["tested-one-by-one", "from-the-search-sets"])
def test_while_searching_it_counts_only_the_new_events_that_match_the_words(client, monkeypatch, few_new_events):
    from apps.timeline import queries
    from tests.factories import make_article

    monkeypatch.setattr(queries, "FEW_NEW_EVENTS", few_new_events)
    since = make_event("Armistice talks, old").pk
    article = make_article(title="Analysis", text="Why the armistice failed.")
    make_event("Armistice signed")
    make_event("Delegates meet", evidence=[(article, "Why the armistice failed.")])
    make_event("Grain corridor reopens")
    notice = poll(client, since=since, q="armistice").content.decode()
    assert "2 new events" in notice and "q=armistice" in notice
