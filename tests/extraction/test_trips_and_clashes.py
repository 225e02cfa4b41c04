"""A trip and the talks it is for share their day; two people who clashed met; a summit pulled out of on a day was
called off that day. Sentences written for the tests (probing the English model with common diplomatic sentences)."""
from __future__ import annotations

from .pipeline_helpers import parties, read

LEAD = "WASHINGTON (Reuters) - Officials met on Wednesday.\n\n"


def test_a_trip_due_on_a_day_for_talks_is_on_that_day_as_the_talks_are():
    story = read(LEAD + "Zelensky is due in Washington on Friday for talks with Trump.", language="en",
                 published="2025-11-19")
    [visit] = [e for e in story.events if e.kind == "visit"]
    [talks] = [e for e in story.events if e.kind == "meeting" and e.participants]
    assert (str(visit.date), visit.status, visit.location) == ("2025-11-21", "planned", "Washington")
    assert (str(talks.date), parties(story, talks)) == ("2025-11-21", {"Volodymyr Zelensky", "Donald Trump"})


def test_two_people_who_clashed_met():
    story = read(LEAD + "Trump and Zelensky clashed in the Oval Office on Friday.", language="en",
                 published="2025-11-19")
    [clash] = [e for e in story.events if e.kind == "meeting" and e.participants]
    assert (parties(story, clash), str(clash.date)) == ({"Donald Trump", "Volodymyr Zelensky"}, "2025-11-14")


def test_troops_that_clashed_did_not_meet():
    story = read(LEAD + "Russian and Ukrainian troops clashed near Pokrovsk on Tuesday.", language="en",
                 published="2025-11-19")
    assert not [e for e in story.events if e.kind == "meeting" and e.participants]


def test_a_planned_summit_pulled_out_of_on_a_day_was_called_off_that_day():
    story = read(LEAD + "Trump pulled out of the planned summit with Putin on Tuesday.", language="en",
                 published="2025-11-19")
    [summit] = [e for e in story.events if e.kind == "meeting" and e.participants]
    assert (summit.status, str(summit.date)) == ("cancelled", "2025-11-18")
