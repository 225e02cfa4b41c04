"""A capital named by what it is ("the capital", "the French capital", « la capitale saoudienne ») is a place: the
capital its sentence or its dateline names, or the one of the country its adjective names.

The sentences were written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import read


def test_a_strike_on_the_capital_named_before_it_in_the_sentence():
    ex = read("Kyiv, meanwhile, is still counting its dead after Thursday's missile and drone strike on the capital, "
              "the deadliest in months.", language="en", published="2025-04-26")
    [strike] = [e for e in ex.events if e.kind == "military_action"]
    assert (str(strike.date), strike.location) == ("2025-04-24", "Kyiv")
    # the title gives the city's name, not the word the text used for it
    assert "Kyiv" in strike.title and "capital" not in strike.title


@pytest.mark.parametrize(("language", "published", "kind", "text", "day", "place"), [
    # the capital of the country a nationality adjective names
    ("fr", "2025-03-24", "meeting", "Ces échanges font suite à la rencontre entre Marco Rubio et Sergueï Lavrov du 18 "
     "février, déjà dans la capitale saoudienne.", "2025-02-18", "Riyadh"),
    ("en", "2025-09-05", "meeting", "Macron said after a summit of the coalition of the willing in the French capital "
     "on Thursday that 26 countries had pledged troops.", "2025-09-04", "Paris"),
    # the dateline's city: Washington, named in between for its government, is not where the envoy arrived
    ("fr", "2025-02-21", "visit", "KIEV, 21 février (AFP) - L'émissaire américain Keith Kellogg a quitté jeudi le "
     "palais présidentiel sans la conférence de presse prévue, annulée à la demande de Washington.\n\nArrivé mercredi "
     "dans la capitale, le général Kellogg avait promis d'écouter les Ukrainiens.", "2025-02-19", "Kyiv"),
])
def test_the_capital_an_adjective_or_a_dateline_names(language, published, kind, text, day, place):
    ex = read(text, language=language, published=published)
    [event] = [e for e in ex.events if e.kind == kind]
    assert (str(event.date), event.location) == (day, place)


def test_capital_in_another_sense_is_no_place():
    ex = read("Trump met Zelensky in the Oval Office on Friday. He has spent political capital on the deal, and "
              "capital markets took note.", language="en", published="2025-02-28")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert meeting.location == "Washington"
