"""A bare weekday ("Friday", « vendredi ») takes the direction of the clause that owns it in the parse, not of
the nearest verb.

Every text here was written for the tests.
"""
from __future__ import annotations

import datetime

from apps.extraction.dates import find_timexes
from apps.extraction.pipeline import syntax
from apps.extraction.pipeline.nlp import get_nlp

THURSDAY = datetime.date(2025, 8, 14)


def weekdays(text: str, language: str) -> list[str]:
    doc = get_nlp(language)(text)
    return [t.value for t in find_timexes(text, THURSDAY, language, clause_tense=syntax.directions_in(doc))]


def test_a_friday_in_a_condition_on_what_would_follow_is_the_coming_friday():
    text = ("If Vladimir Putin did not agree to stop the war after their meeting in Alaska on Friday, he warned, "
            "there would be severe consequences.")
    assert weekdays(text, "en") == ["2025-08-15"]


def test_a_vendredi_in_a_condition_on_a_conditional_is_the_coming_friday():
    text = ("S'il n'acceptait pas de cesser la guerre après leur rencontre vendredi, il y aurait des "
            "conséquences.")
    assert weekdays(text, "fr") == ["2025-08-15"]


def test_a_friday_told_in_the_past_stays_the_friday_before():
    # a guard: the condition's rule must not turn a plain past into the future
    assert weekdays("Putin did not show up on Friday, the Kremlin said.", "en") == ["2025-08-08"]
