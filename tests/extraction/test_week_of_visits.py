"""A week of visits told in a diary, a wire and a « récit »: who took part in an event another described, a verb the
English model read as a noun, a text signed in a relative clause, a meal as the setting of what was done, a Chinese
surname alone, a French object clitic, a passive coordinated with an arrival, a gathering as the agent of a passive,
a meeting on the sidelines, the stop a tour moved on to, leaders who spoke at a place, a speech verb the French parser
read as a noun. After blind16's dev half (a wire on Albanese's White House lunch, a diary of Wang Yi's week in Delhi, a
« récit » of Trump's Gulf tour, an African Union live page). Every text was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read, speaker_of


def _events(story, kind):
    return sorted((e.date.isoformat() if e.date else None, tuple(sorted(parties(story, e))))
                  for e in story.events if e.kind == kind)


@pytest.mark.parametrize("language, text, kind", [
    ("en", "On Saturday, Mark Carney attended the summit hosted by Keir Starmer.", "meeting"),
    ("en", "On Saturday, Mark Carney took part in the video call hosted by Keir Starmer.", "call"),
    ("fr", "Samedi, Mark Carney a participé à la réunion convoquée par Keir Starmer.", "meeting"),
])
def test_who_attends_an_event_another_hosted_takes_part_with_the_host(language, text, kind):
    story = read(text, language=language, published="2025-03-18")
    assert _events(story, kind) == [("2025-03-15", ("Keir Starmer", "Mark Carney"))]


def test_a_verb_read_as_a_noun_with_a_subject_of_its_own_is_a_meeting():
    text = ("SYDNEY, Oct 21 (AP) — Trump is expected to raise them with Chinese leader Xi Jinping when the two meet "
            "in South Korea next week.")
    story = read(text, language="en", published="2025-10-21")
    assert ("2025-10-27", ("Donald Trump", "Xi Jinping")) in _events(story, "meeting")


@pytest.mark.parametrize("text, signers", [
    ("Australia and the United States will each put $1 billion into mining projects under a critical minerals "
     "framework that President Donald Trump and Prime Minister Anthony Albanese signed at the White House on Monday.",
     ("Anthony Albanese", "Donald Trump")),
    ("Exports will rise under the framework Trump signed on Monday.", ("Donald Trump",)),
])
def test_a_framework_signed_in_a_relative_clause_is_an_agreement(text, signers):
    story = read("WASHINGTON (AP) — " + text, language="en", published="2025-10-21")
    assert _events(story, "agreement") == [("2025-10-20", signers)]


def test_a_framework_only_discussed_in_a_relative_clause_is_no_agreement():
    story = read("WASHINGTON (AP) — The framework that the ministers discussed on Monday remains vague.",
                 language="en", published="2025-10-21")
    assert _events(story, "agreement") == []


@pytest.mark.parametrize("text", [
    "Trump and Albanese signed a critical minerals framework at the White House on Monday. The two leaders signed it "
    "over lunch in the Cabinet Room.",
    "On Monday, Trump and Albanese discussed tariffs over lunch in the Cabinet Room.",
])
def test_what_two_leaders_did_over_lunch_puts_them_at_the_lunch(text):
    story = read("WASHINGTON (AP) — " + text, language="en", published="2025-10-21")
    assert [parties for _, parties in _events(story, "meeting")] == [("Anthony Albanese", "Donald Trump")]


def test_a_chinese_surname_alone_is_the_person_named_in_full_before():
    text = ("China's foreign minister, Wang Yi, began a two-day visit to New Delhi. On Tuesday, Wang and Ajit Doval "
            "held talks. That evening Prime Minister Narendra Modi received Wang at his residence.")
    story = read(text, language="en", published="2025-08-22")
    meetings = _events(story, "meeting")
    assert ("2025-08-19", ("Narendra Modi", "Wang Yi")) in meetings
    assert ("2025-08-19", ("Ajit Doval", "Wang Yi")) in meetings
    assert not any(a.name == "Wang" for a in story.actors)


@pytest.mark.parametrize("text, guest", [
    ("Donald Trump est arrivé mercredi à Doha. L'émir Tamim ben Hamad Al Thani l'a reçu le soir même.",
     "Donald Trump"),
    ("Giorgia Meloni est arrivée mercredi à Washington. Donald Trump l'a reçue le soir même.", "Giorgia Meloni"),
])
def test_a_french_object_clitic_is_the_guest_told_before(text, guest):
    story = read(text, language="fr", published="2025-05-17")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert guest in parties(story, meeting) and len(parties(story, meeting)) == 2


@pytest.mark.parametrize("language, text, host, guest", [
    ("en", "Carney arrived on Monday and was greeted by Trump on Tuesday.", "Donald Trump", "Mark Carney"),
    ("en", "Carney flew in on Monday evening and was welcomed by Trump on the West Wing driveway.", "Donald Trump",
     "Mark Carney"),
])
def test_a_passive_coordinated_with_an_arrival_shares_its_subject(language, text, host, guest):
    story = read(text, language=language, published="2025-05-06")
    assert [p for _, p in _events(story, "meeting")] == [tuple(sorted((host, guest)))]


def test_a_gathering_that_does_something_in_a_passive_is_held_there_and_then():
    text = ("The rebels ignored the ceasefire call issued last Saturday in Dar es Salaam by the joint summit of the "
            "EAC and SADC.")
    story = read(text, language="en", published="2025-02-15")
    [summit] = [e for e in story.events if e.kind == "meeting"]
    assert (summit.date.isoformat(), summit.location) == ("2025-02-08", "Dar es Salaam")


def test_a_meeting_on_the_sidelines_hung_on_its_object_is_held_where_the_gathering_is():
    story = read("Rubio met Saudi Foreign Minister Faisal bin Farhan on the sidelines of the G7 meeting in Charlevoix "
                 "on Thursday.", language="en", published="2025-03-14")
    bilateral = next(e for e in story.events if e.kind == "meeting" and "Faisal bin Farhan" in parties(story, e))
    assert (bilateral.date.isoformat(), bilateral.location) == ("2025-03-13", "Charlevoix")


def test_a_speech_verb_after_a_quotation_read_as_a_noun_still_names_the_speaker():
    text = ("« Odinga a fait campagne comme en 2007, le continent a voté comme en 2025 », analyse Aïcha Mbaye, "
            "chercheuse à Dakar.")
    story = read(text, language="fr", published="2025-02-15")
    assert speaker_of(story, "Odinga a fait campagne", direct=True) == "Aïcha Mbaye"


def test_the_meeting_a_trip_moved_on_to_is_for_happens_there_that_day():
    text = "WEDNESDAY\nWang Yi moved on to Kabul for a three-way meeting with Pakistan's Ishaq Dar."
    story = read("THE ASIA DESK | DIPLOMATIC DIARY\nWeek of August 18\n\n" + text, language="en",
                 published="2025-08-22")
    visits = [(e.date.isoformat(), e.location) for e in story.events if e.kind == "visit"]
    meetings = [(e.date.isoformat(), e.location, e.status) for e in story.events if e.kind == "meeting"]
    assert visits == [("2025-08-20", "Kabul")]
    assert meetings == [("2025-08-20", "Kabul", "occurred")]


@pytest.mark.parametrize("text, kind", [
    ("The two leaders spoke briefly in New York last month.", "meeting"),
    ("The two leaders spoke by phone in the Oval Office last month.", "call"),
    ("The two leaders spoke last month.", "call"),
])
def test_leaders_who_spoke_at_a_place_met_there_unless_by_phone(text, kind):
    story = read("Trump met Albanese on Monday. " + text, language="en", published="2025-10-21")
    assert [e.kind for e in story.events if e.date and e.date.isoformat() == "2025-09-01"] == [kind]
