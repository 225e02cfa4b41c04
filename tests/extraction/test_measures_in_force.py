"""A measure that comes into force is an event on that day: "Trump's tariffs took effect on March 4". A participle
that qualifies a noun says nothing: « d'autres droits de douane, dits réciproques » is no statement. The sentences
were written for the tests (after blind14's and blind13's dev halves: a live blog of a White House visit, a report on
a trip abroad)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import read


@pytest.mark.parametrize("text, day", [
    ("Trump's 25% tariffs on Canadian goods took effect on March 4.", "2025-03-04"),
    ("Trump's tariffs on Canadian steel came into force on March 12.", "2025-03-12"),
])
def test_tariffs_that_took_effect_are_a_sanction_on_that_day(text, day):
    story = read("OTTAWA, May 6 (Reuters) - Officials met on Tuesday.\n\n" + text, language="en",
                 published="2025-05-06")
    [sanction] = [e for e in story.events if e.kind == "sanction"]
    assert (str(sanction.date), sanction.status) == (day, "occurred")
    assert "us:trump" in {p.key for p in sanction.participants}


def test_tariffs_entres_en_vigueur_are_a_sanction_on_that_day():
    story = read("OTTAWA, 18 mars (Reuters) - Des responsables se sont réunis mardi.\n\n"
                 "Les droits de douane de Donald Trump sont entrés en vigueur le 12 mars.", language="fr",
                 published="2025-03-18")
    [sanction] = [e for e in story.events if e.kind == "sanction"]
    assert (str(sanction.date), sanction.status) == ("2025-03-12", "occurred")
    assert "us:trump" in {p.key for p in sanction.participants}


def test_tariffs_that_have_no_effect_yet_are_no_event():
    story = read("OTTAWA, May 6 (Reuters) - Officials met on Tuesday.\n\n"
                 "Trump's tariffs had a lasting effect on Canadian steel.", language="en", published="2025-05-06")
    assert [e for e in story.events if e.kind == "sanction"] == []


def test_a_participle_qualifying_a_noun_is_no_saying():
    story = read("OTTAWA, 18 mars (Reuters) - Des responsables se sont réunis mardi.\n\n"
                 "D'autres droits de douane, dits réciproques, doivent entrer en vigueur le 2 avril.", language="fr",
                 published="2025-03-18")
    assert story.statements == []
