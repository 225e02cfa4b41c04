"""Readouts and wires of the seventeenth blind set's round: a base the leaders went to that spaCy took for an
organization, a text known by its name that a participle says was signed. After blind16's dev half (a Downing Street
readout of Starmer's day with Støre). Every text was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


def _events(story, kind):
    return sorted((e.date.isoformat() if e.date else None, tuple(sorted(parties(story, e))), e.location)
                  for e in story.events if e.kind == kind)


@pytest.mark.parametrize("language, text", [
    ("en", "Keir Starmer and Jonas Gahr Støre travelled to RAF Lossiemouth on Thursday to thank the crews."),
    # (the French model already calls the base a place: a guard that the new reading keeps it)
    ("fr", "Keir Starmer et Jonas Gahr Støre se sont rendus jeudi à RAF Lossiemouth pour saluer les équipages."),
])
def test_a_name_a_verb_of_going_leads_to_is_where_they_went(language, text):
    story = read(text, language=language, published="2025-12-05")
    [(day, people, place)] = _events(story, "visit")
    assert (day, people) == ("2025-12-04", ("Jonas Gahr Støre", "Keir Starmer"))
    assert "Lossiemouth" in place


def test_an_organization_met_is_no_place_gone_to():
    # (a guard: a name after "met" or "spoke to" is whom, not where)
    story = read("Keir Starmer spoke to Rolls-Royce on Thursday about the frigates.", language="en",
                 published="2025-12-05")
    assert _events(story, "visit") == []


@pytest.mark.parametrize("text", [
    "The leaders began by celebrating the UK-Norway Lunna House Agreement signed today by their defence ministers.",
    "Starmer hailed the Lunna House Agreement, signed today by the United Kingdom and Norway.",
])
def test_a_named_text_a_participle_says_was_signed_is_an_agreement(text):
    story = read(text, language="en", published="2025-12-04")
    assert _events(story, "agreement") == [("2025-12-04", ("Norway", "United Kingdom"), None)]


def test_a_named_text_only_cited_is_no_agreement():
    # (a guard: "under the Paris Agreement" is a text, not an event)
    story = read("Norway will cut its emissions under the Paris Agreement, Støre said on Thursday.", language="en",
                 published="2025-12-04")
    assert _events(story, "agreement") == []
