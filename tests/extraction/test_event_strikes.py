"""Strikes told by their weapons: "a wave of missiles", « une pluie de drones », « ont largué des bombes ».

The sentences were written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


@pytest.mark.parametrize(("text", "language"), [
    ("A wave of missiles struck Dnipro on Sunday morning.", "en"),
    ("A wave of drones hit Odesa overnight on Saturday.", "en"),
    ("Des bombardiers russes ont largué des bombes planantes sur Kharkiv dimanche.", "fr"),
])
def test_weapons_fired_on_a_day_are_a_strike(text, language):
    ex = read(text, language=language, published="2025-04-14")
    [strike] = [e for e in ex.events if e.kind == "military_action"]
    assert str(strike.date) == "2025-04-13"


@pytest.mark.parametrize(("text", "language"), [
    ("The EU announced a wave of sanctions on Monday.", "en"),
    ("Une pluie de critiques s'est abattue lundi sur le gouvernement.", "fr"),
])
def test_a_wave_or_a_rain_of_something_else_is_no_strike(text, language):
    ex = read(text, language=language, published="2025-04-14")
    assert [e for e in ex.events if e.kind == "military_action"] == []


def _strike(text: str, language: str):
    ex = read(text, language=language, published="2025-04-25")
    found = [e for e in ex.events if e.kind == "military_action"]
    assert found, [(e.kind, e.title) for e in ex.events]
    return ex, found[0]


def _roles(ex, event) -> dict[str, str]:
    return {ex.actor(p.key).name: p.role for p in event.participants}


@pytest.mark.parametrize(("text", "language", "day"), [
    ("Russia struck Kyiv overnight with missiles and drones.", "en", "2025-04-24"),
    ("A Russian missile strike on Kyiv killed nine people on Thursday.", "en", "2025-04-24"),
    ("Russian drones attacked Kyiv on Thursday.", "en", "2025-04-24"),
    ("La Russie a frappé Kiev dans la nuit de mercredi à jeudi.", "fr", "2025-04-23"),
    ("Une frappe russe a tué neuf personnes à Kiev jeudi.", "fr", "2025-04-24"),
])
def test_a_strike_on_a_capital_happened_there_and_aims_at_its_country(text, language, day):
    # the capital is both the place hit and the name of the state (a metonym): a strike on it is in Kyiv, aimed at
    # Ukraine, by whoever the clause or the nationality adjective names
    ex, strike = _strike(text, language)
    assert (strike.location, str(strike.date)) == ("Kyiv", day)
    assert _roles(ex, strike).get("Russia") == "agent"
    if "Ukraine" in _roles(ex, strike):
        assert _roles(ex, strike)["Ukraine"] == "target"
    assert "Russia" in strike.title or "Russie" in strike.title


@pytest.mark.parametrize(("text", "language", "title"), [
    ("Kyiv came under a combined missile and drone attack overnight; at least 15 people were injured.", "en",
     "Military action against Ukraine in Kyiv"),
    ("Dans la nuit de mercredi à jeudi, Kiev a subi l'une des plus lourdes attaques de missiles et de drones "
     "depuis l'été.", "fr", "Action militaire contre Ukraine à Kiev"),
])
def test_the_city_that_came_under_attack_is_where_it_hit_not_who_attacked(text, language, title):
    ex, strike = _strike(text, language)
    assert strike.location == "Kyiv"
    assert _roles(ex, strike) == {"Ukraine": "target"}
    assert strike.title == title


@pytest.mark.parametrize(("text", "language"), [
    ("Moscow launched a drone attack on Sunday.", "en"),
    ("Moscou a lancé une attaque de drones dimanche.", "fr"),
])
def test_who_launches_a_strike_is_not_where_it_hit(text, language):
    ex, strike = _strike(text, language)
    assert strike.location is None
    assert "target" not in _roles(ex, strike).values()


def test_a_city_that_suffers_something_else_is_no_strike_target():
    ex = read("Kyiv suffered a setback in the talks on Thursday.", language="en", published="2025-04-25")
    assert [e for e in ex.events if e.kind == "military_action"] == []


@pytest.mark.parametrize("language, text", [
    ("en", "On Friday, a Russian missile hit a residential district of Kryvyi Rih, killing 18 people."),
    ("fr", "Vendredi, un missile russe a frappé un quartier résidentiel de Kryvyï Rih, tuant 18 personnes."),
])
def test_a_strike_on_a_part_of_a_city_is_placed_in_the_city(language, text):
    # (written for the tests)
    ex = read(text, language=language, published="2025-04-05")
    [strike] = [e for e in ex.events if e.kind == "military_action"]
    assert (str(strike.date), strike.location) == ("2025-04-04", "Kryvyi Rih")
    assert parties(ex, strike) == {"Russia"}


def test_who_an_apposition_describes_the_city_by_is_no_party_of_the_strike():
    ex = read("On Friday, a Russian missile hit a residential district of Kryvyi Rih, Volodymyr Zelensky's home town, "
              "killing 18 people.", language="en", published="2025-04-05")
    [strike] = [e for e in ex.events if e.kind == "military_action"]
    assert parties(ex, strike) == {"Russia"}


def test_striking_a_tone_is_no_attack():
    ex = read("On Friday, at the end of a meeting of NATO foreign ministers in Brussels, Marco Rubio struck a cooler "
              "tone.", language="en", published="2025-04-05")
    assert not [e for e in ex.events if e.kind == "military_action"]
