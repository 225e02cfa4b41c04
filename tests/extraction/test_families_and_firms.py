"""Actors the gazetteer half knows: a relative who shares a known person's surname, a firm named after the noun of its
trade, an aircraft that carries a leader. The sentences were written for the tests (after blind12's dev half: an
English live blog of a state visit, a French live page on a state visit)."""
from __future__ import annotations

from .pipeline_helpers import names, parties, read


def test_a_relative_who_shares_a_known_surname_is_another_person():
    story = read("King Charles III said goodbye to Donald Trump and Melania Trump at Windsor Castle this morning. "
                 "Brigitte Macron arrived later with Emmanuel Macron.", language="en", published="2025-09-18")
    assert {"Donald Trump", "Melania Trump", "Brigitte Macron", "Emmanuel Macron"} <= names(story)
    [farewell] = [e for e in story.events if e.kind == "meeting"]
    assert {"Donald Trump", "Melania Trump"} <= parties(story, farewell)
    # two of one family are named in full, not "Trump and Trump"
    assert "Donald Trump" in farewell.title and "Melania Trump" in farewell.title


def test_a_known_persons_own_given_name_before_the_surname_is_still_that_person():
    story = read("Donald Trump said on Monday that talks would go on. Trump added that he was hopeful.",
                 language="en", published="2025-09-18")
    assert names(story) == {"Donald Trump"}


def test_the_aircraft_a_leader_flies_on_is_no_actor():
    story = read("Air Force One has taken off from Stansted. Donald Trump waved from the steps of Air Force One.",
                 language="en", published="2025-09-18")
    assert names(story) == {"Donald Trump"}


def test_a_firm_named_after_the_noun_of_its_trade_is_an_organization():
    story = read("Lundi, au Vietnam, Emmanuel Macron avait assisté à la signature d'une commande de 20 Airbus par la "
                 "compagnie Vietjet.", language="fr", published="2025-05-28")
    assert "Vietjet" in names(story)
    assert not any(n.lower().startswith("compagnie") for n in names(story))
