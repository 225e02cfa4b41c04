"""A free relative as a verb's object ("struck what it called militant camps"): the noun its own verb names it by
stands for the object; a day the parser hangs on an adverb ("Early on Saturday") still says when. The sentences were
written for the tests (after blind9's dev half: an English wire)."""
from __future__ import annotations

from .pipeline_helpers import parties, read


def test_a_strike_on_what_a_side_called_camps_is_a_military_action_on_its_day():
    story = read("The fighting began on Wednesday, when India struck what it called terrorist camps across the border.",
                 language="en", published="2025-05-10")
    [strike] = [e for e in story.events if e.kind == "military_action"]
    assert str(strike.date) == "2025-05-07"
    assert "India" in parties(story, strike)


def test_a_strike_on_nothing_named_stays_no_event():
    story = read("The fighting began on Wednesday, when India struck what it had long threatened.",
                 language="en", published="2025-05-10")
    assert not [e for e in story.events if e.kind == "military_action"]


def test_early_on_a_day_moves_the_story_to_that_day():
    # "Early on Saturday" hangs on the adverb: the day still says when the strikes were traded, and "later that
    # evening" counts from it, not from the Wednesday told before
    story = read("The fighting began on Wednesday, when India struck militant camps in Pakistan. Early on Saturday the "
                 "two sides traded missile strikes on each other's air bases.\n\nIn a televised address later that "
                 "evening, Prime Minister Shehbaz Sharif thanked Washington and Riyadh.",
                 language="en", published="2025-05-10")
    [address] = [e for e in story.events if e.kind == "statement"]
    assert str(address.date) == "2025-05-10"
