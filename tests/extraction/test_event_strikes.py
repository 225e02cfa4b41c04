"""Strikes told by their weapons: "a wave of missiles", « une pluie de drones », « ont largué des bombes ».

The sentences were written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import read


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
