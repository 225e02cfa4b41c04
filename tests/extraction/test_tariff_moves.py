"""Tariffs told as acts: levied by their rate, raised, suspended or frozen, and the texts signed after talks.

After blind15's dev half (a « décryptage » of Xi Jinping's tour with a chronology, an AFP-style wire on Meloni's
visit to Washington) and the Turnberry « décryptage » of blind14. Every sentence was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read

EN = "WASHINGTON, April 19 (Reuters) - "
FR = "PARIS, 19 avril (AFP) - "


def _events(text, language):
    story = read((EN if language == "en" else FR) + text, language=language, published="2025-04-19")
    return story, [(e.kind, e.date.isoformat() if e.date else None, frozenset(parties(story, e))) for e in story.events]


@pytest.mark.parametrize("language, text, date, party, title", [
    ("en", "On April 9, Washington suspended the levies for 90 days.", "2025-04-09", "United States",
     "United States announces a pause in its tariffs"),
    ("en", "On April 10, the European Union froze its countermeasures.", "2025-04-10", "European Union",
     "European Union announces a pause in its tariffs"),
    ("fr", "Le 9 avril, Washington a suspendu ces surtaxes pour quatre-vingt-dix jours.", "2025-04-09",
     "United States", "États-Unis annonce une pause dans ses droits de douane"),
])
def test_tariffs_suspended_or_frozen_on_a_day_are_a_pause_announced_that_day(language, text, date, party, title):
    story, events = _events(text, language)
    assert [(kind, day) for kind, day, _ in events] == [("announcement", date)]
    assert party in parties(story, story.events[0])
    assert story.events[0].title == title


@pytest.mark.parametrize("language, text", [
    ("en", "On April 9, Washington suspended military aid to Kyiv."),  # what it gives: its support
    ("fr", "Le 3 avril, Kiev a suspendu les droits de vote des députés absents."),  # « droits » with no customs
])
def test_a_pause_in_what_is_not_tariffs_says_nothing_of_tariffs(language, text):
    story, _ = _events(text, language)
    assert not any("tariff" in e.title or "douane" in e.title for e in story.events)


@pytest.mark.parametrize("language, text, date, party", [
    ("en", "On April 12, China hiked its duties on American goods.", "2025-04-12", "China"),
    ("en", "On April 2, Trump imposed a 10% levy on most goods.", "2025-04-02", "Donald Trump"),
    # the rate before the tariff: « 20 % » is the object, « droits de douane » hang on it
    ("fr", "Le 2 avril, Washington imposait 20 % de droits de douane à l'UE.", "2025-04-02", "United States"),
    ("fr", "Le 24 mars, les Vingt-Sept et la Commission européenne ont approuvé des contre-mesures.", "2025-03-24",
     "European Commission"),
])
def test_tariffs_levied_or_raised_are_sanctions_on_that_day(language, text, date, party):
    _, events = _events(text, language)
    assert any(kind == "sanction" and day == date and party in who for kind, day, who in events)


def test_texts_signed_right_after_talks_were_signed_by_the_sides_where_they_met():
    text = ("Chronologie\n14 avril - A Hanoï, Xi Jinping s'entretient avec To Lam, chef du Parti communiste vietnamien ; "
            "quarante-cinq accords sont signés, dont un sur le rail.")
    story = read(text, language="fr", published="2025-04-19")
    agreements = [e for e in story.events if e.kind == "agreement"]
    assert [(e.date.isoformat(), e.location, parties(story, e)) for e in agreements] == [
        ("2025-04-14", "Hanoi", {"Xi Jinping", "Tô Lâm"})]
    # a title's preposition is the title's, not the sentence's capital « A »
    assert [e.title for e in story.events if e.kind == "meeting"] == ["Xi et To se rencontrent à Hanoï"]


def test_what_a_subject_agreed_after_talks_is_that_subject_s_not_the_talks():
    text = ("LONDRES, 17 mars (AFP) - Le roi Charles III a reçu Mark Carney lundi à Sandringham. Plus tôt, Keir "
            "Starmer s'était entretenu avec M. Carney ; les deux chefs de gouvernement ont convenu de resserrer leur "
            "coopération.")
    story = read(text, language="fr", published="2025-03-17")
    assert not any(e.kind == "agreement" and "Charles III" in parties(story, e) for e in story.events)


def test_a_title_s_preposition_is_lower_case_in_english_too():
    story = read("KYIV, Nov 30 (Reuters) - In Kyiv, Marco Rubio met Volodymyr Zelensky on Sunday.", language="en",
                 published="2025-11-30")
    assert [e.title for e in story.events] == ["Rubio and Zelensky meet in Kyiv"]
