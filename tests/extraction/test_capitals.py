"""A capital named by what it is ("the capital", "the French capital", « la capitale saoudienne ») is a place: the
capital its sentence or its dateline names, or the one of the country its adjective names.

The sentences were written for the tests."""
from __future__ import annotations

from .pipeline_helpers import read


def test_a_strike_on_the_capital_named_before_it_in_the_sentence():
    ex = read("Kyiv, meanwhile, is still counting its dead after Thursday's missile and drone strike on the capital, "
              "the deadliest in months.", language="en", published="2025-04-26")
    [strike] = [e for e in ex.events if e.kind == "military_action"]
    assert (str(strike.date), strike.location) == ("2025-04-24", "Kyiv")
    # the title gives the city's name, not the word the text used for it
    assert "Kyiv" in strike.title and "capital" not in strike.title


def test_the_capital_of_a_nationality_adjective():
    ex = read("Ces échanges font suite à la rencontre entre Marco Rubio et Sergueï Lavrov du 18 février, déjà dans la "
              "capitale saoudienne.", language="fr", published="2025-03-24")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.location) == ("2025-02-18", "Riyadh")


def test_the_french_capital_is_paris():
    ex = read("Macron said after a summit of the coalition of the willing in the French capital on Thursday that 26 "
              "countries had pledged troops.", language="en", published="2025-09-05")
    [summit] = [e for e in ex.events if e.kind == "meeting"]
    assert summit.location == "Paris"


def test_the_capital_of_a_story_from_a_dateline_is_the_dateline_s_city():
    # Washington, named in between for its government, is not the capital the envoy arrived in
    ex = read("KIEV, 21 février (AFP) - L'émissaire américain Keith Kellogg a quitté jeudi le palais présidentiel sans "
              "la conférence de presse prévue, annulée à la demande de Washington.\n\nArrivé mercredi dans la "
              "capitale, le général Kellogg avait promis d'écouter les Ukrainiens.", language="fr",
              published="2025-02-21")
    [visit] = [e for e in ex.events if e.kind == "visit"]
    assert (str(visit.date), visit.location) == ("2025-02-19", "Kyiv")


def test_capital_in_another_sense_is_no_place():
    ex = read("Trump met Zelensky in the Oval Office on Friday. He has spent political capital on the deal, and "
              "capital markets took note.", language="en", published="2025-02-28")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert meeting.location == "Washington"
