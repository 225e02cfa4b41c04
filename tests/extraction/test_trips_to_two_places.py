"""A trip to two places joined by "and" is a visit to each (« sa tournée au Gabon et en Angola », "travel to Gabon and
Angola", "visited Paris and London on Thursday"). The sentences were written for the tests (after blind13's dev
half: a French live page from a summit)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read

LEAD = "PARIS (AFP) - Le sommet s'est ouvert samedi.\n\n"


@pytest.mark.parametrize("language, text", [
    ("fr", "Emmanuel Macron poursuivra ensuite sa tournée au Gabon et en Angola."),
    ("en", "Macron will then travel to Gabon and Angola."),
])
def test_a_trip_to_two_countries_is_a_visit_to_each(language, text):
    story = read(LEAD + text, language=language, published="2025-11-22")
    visits = [e for e in story.events if e.kind == "visit"]
    assert sorted(e.location for e in visits) == ["Angola", "Gabon"]
    assert all(parties(story, e) == {"Emmanuel Macron"} and e.status == "planned" for e in visits)


def test_two_cities_visited_on_one_day_are_two_visits_of_that_day():
    story = read(LEAD + "Rubio visited Paris and London on Thursday.", language="en", published="2025-11-22")
    visits = [e for e in story.events if e.kind == "visit"]
    assert sorted((e.location, str(e.date)) for e in visits) == [("London", "2025-11-20"), ("Paris", "2025-11-20")]


def test_a_trip_and_a_meeting_joined_by_and_are_one_visit_and_one_meeting():
    story = read(LEAD + "Witkoff and Kushner flew to Moscow and met Putin.", language="en", published="2025-11-22")
    assert [e.location for e in story.events if e.kind == "visit"] == ["Moscow"]
