"""A week of visits told in a diary, a wire and a « récit »: who took part in an event another described, a verb the
English model read as a noun, a text signed in a relative clause, a meal as the setting of what was done, a Chinese
surname alone, a French object clitic. After blind16's dev half (a wire on Albanese's White House lunch, a diary of
Wang Yi's week in Delhi, a « récit » of Trump's Gulf tour). Every text was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


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


def test_a_framework_two_leaders_signed_in_a_relative_clause_is_an_agreement():
    text = ("WASHINGTON (AP) — Australia and the United States will each put $1 billion into mining projects under a "
            "critical minerals framework that President Donald Trump and Prime Minister Anthony Albanese signed at "
            "the White House on Monday.")
    story = read(text, language="en", published="2025-10-21")
    assert _events(story, "agreement") == [("2025-10-20", ("Anthony Albanese", "Donald Trump"))]


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
