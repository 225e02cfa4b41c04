"""Who judges an event is no party of it; a gathering named after a body is an event; a named mechanism of sanctions;
a past told after a day to come counts from the story's day. Sentences written for the tests (after blind10's dev
half)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


@pytest.mark.parametrize("language, text", [
    ("fr", "L'Iran a signé mardi un accord.\n\nLe 28 août, la France a déclenché le mécanisme.\n\nCe même mardi, "
           "l'Egypte a condamné une frappe israélienne contre des responsables du Hamas à Doha."),
    ("en", "Iran signed a deal on Tuesday.\n\nOn August 28, France had triggered the mechanism.\n\nThat same Tuesday, "
           "Egypt condemned an Israeli strike on Hamas officials in Doha."),
])
def test_who_condemns_a_strike_takes_no_part_in_it(language, text):
    ex = read(text, language=language, published="2025-09-09")
    assert not [e for e in ex.events if "Egypt" in parties(ex, e)]
    if language == "fr":
        # (the English reads "That same Tuesday" as the day of the condemnation only, and keeps no undated strike)
        [strike] = [e for e in ex.events if e.kind == "military_action"]
        assert "Israel" in parties(ex, strike) and str(strike.date) == "2025-09-09"


@pytest.mark.parametrize("language, text", [
    ("fr", "Le 28 août, la France, le Royaume-Uni et l'Allemagne ont déclenché le mécanisme dit de « snapback », qui "
           "doit rétablir fin septembre les sanctions onusiennes."),
    ("en", "On August 28, France, Britain and Germany triggered the snapback mechanism, which restores UN sanctions "
           "at the end of September."),
])
def test_triggering_the_snapback_is_a_sanction_on_its_day(language, text):
    ex = read(text, language=language, published="2025-09-09")
    [snapback] = [e for e in ex.events if e.kind == "sanction"]
    assert str(snapback.date) == "2025-08-28"
    assert parties(ex, snapback) == {"France", "United Kingdom", "Germany"}


def test_a_body_s_summit_is_a_meeting_and_a_forum_s_name_is_none():
    ex = read("Zelenskyy and Macron coordinated positions ahead of the NATO Summit in The Hague.", language="en",
              published="2025-06-24")
    assert [(e.kind, e.location) for e in ex.events if "NATO" in parties(ex, e)] == [("meeting", "The Hague")]
    ex = read("Vance spoke at the Munich Security Conference on Friday.", language="en", published="2025-02-15")
    assert not [e for e in ex.events if e.kind == "meeting"]


def test_a_past_told_after_a_day_to_come_counts_from_the_story_s_day():
    ex = read("India's foreign secretary told a news conference in New Delhi on Saturday evening that the military "
              "chiefs had spoken. The two officers will speak again on Monday at noon, he said.\n\n"
              "\"We said yes the moment we were told Delhi would stop,\" Pakistani Foreign Minister Ishaq Dar told "
              "reporters in Islamabad that afternoon.", language="en", published="2025-05-10")
    [dar] = [e for e in ex.events if "Ishaq Dar" in parties(ex, e)]
    assert (str(dar.date), dar.status) == ("2025-05-10", "occurred")


def test_who_deplores_a_strike_named_as_the_verb_s_object_takes_no_part_in_it():
    # "deplore" is no verb of saying: the strike's noun takes the verb as its predicate, whose subject would be a
    # party of it but for the lexicon of reactions (the case above goes through the verbs of saying)
    ex = read("On Tuesday, Egypt deplored the Israeli strike on Hamas officials in Doha on Tuesday.", language="en",
              published="2025-09-09")
    [strike] = [e for e in ex.events if e.kind == "military_action"]
    assert "Israel" in parties(ex, strike) and "Egypt" not in parties(ex, strike)
