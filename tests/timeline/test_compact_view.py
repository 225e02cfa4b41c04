"""Issue 16 items 3 and 10: the compact view kept in the URL, and pages opened without JavaScript keep their headings."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from apps.records.models import Event
from apps.timeline import queries
from tests.factories import make_actor, make_article, make_event

pytestmark = pytest.mark.django_db


def _rows(html: str) -> list[str]:
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split())
            for row in re.findall(r'<article class="event-row.*?</article>', html, re.S)]


def test_the_compact_view_shows_one_line_per_event_with_date_kind_title_people_sources_and_state(client):
    zelensky, macron = make_actor("Volodymyr Zelensky"), make_actor("Emmanuel Macron")
    one, two = make_article(title="One", text="Zelensky met Macron."), make_article(title="Two", text="They met.")
    make_event("Zelensky and Macron meet in Paris", date=dt.date(2025, 9, 4), actors=[zelensky, macron],
               evidence=[(one, "Zelensky met Macron."), (two, "They met.")])
    make_event("Visit planned to Riyadh", date=dt.date(2025, 8, 18), kind=Event.Kind.VISIT, status=Event.Status.PLANNED)
    html = client.get(reverse("timeline:index"), {"view": "compact"}).content.decode()
    assert 'class="event-card' not in html
    assert _rows(html) == [
        "4 Sep 2025 Meeting Zelensky and Macron meet in Paris Emmanuel Macron , Volodymyr Zelensky 2 sources Unreviewed",
        "18 Aug 2025 Visit Visit planned to Riyadh no report since Unreviewed",
    ]


def test_the_compact_view_stays_in_the_filter_form_load_more_and_the_view_switch(client, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 2)
    for day in (1, 2, 3):
        make_event(f"Talks {day}", date=dt.date(2025, 9, day), kind=Event.Kind.CALL)
    html = client.get(reverse("timeline:index"), {"view": "compact", "kind": "call"}).content.decode()
    assert '<input type="hidden" name="view" value="compact">' in html
    more = re.search(r'class="load-more">\s*<a class="button button-wide" href="([^"]+)"', html).group(1)
    assert more.startswith("/?view=compact&amp;kind=call&amp;cursor=")
    assert 'href="?kind=call">Cards</a>' in html
    assert 'href="?kind=call&amp;view=compact" aria-current="true">Compact</a>' in html
    page_two = client.get(more.replace("&amp;", "&"), HTTP_HX_REQUEST="true").content.decode()
    assert _rows(page_two) and "event-card" not in page_two


@pytest.mark.parametrize("view", ["cards", "compact"])
def test_cards_and_rows_name_their_sources_only_when_there_are_several(client, view):
    one, two = make_article(title="One", text="A met B."), make_article(title="Two", text="B met A.")
    make_event("Single", evidence=[(one, "A met B.")])
    make_event("Double", date=dt.date(2025, 9, 5), evidence=[(one, "A met B."), (two, "B met A.")])
    html = client.get(reverse("timeline:index"), {"view": view}).content.decode()
    assert "1 source" not in html and "2 sources" in html


def test_without_javascript_load_more_opens_a_page_that_starts_with_its_week_and_day(client, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 2)
    for title in ("Late talks", "Early talks", "Call the same day"):
        make_event(title, date=dt.date(2025, 9, 4) if title != "Late talks" else dt.date(2025, 9, 5))
    first = client.get(reverse("timeline:index")).content.decode()
    cursor = re.search(r"cursor=([^\"&]+)", first).group(1)
    page_two = client.get(reverse("timeline:index"), {"cursor": cursor}).content.decode()
    list_part = page_two.split('id="event-list"')[1]
    assert list_part.index('class="week-head"') < list_part.index('class="day-head"') < list_part.index('class="event-card')
    assert "Week 36" in list_part and "Thursday 4 September" in list_part
    # Appended under page one by htmx, the same page continues the headings instead.
    fragment = client.get(reverse("timeline:index"), {"cursor": cursor}, HTTP_HX_REQUEST="true").content.decode()
    assert 'class="week-head"' not in fragment and 'class="day-head"' not in fragment
