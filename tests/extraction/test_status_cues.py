"""A status cue of two words ("call off") is its first word's lemma with the second word after it or as its
particle; the cues are split into first and second words once per cue set (events/status.py)."""
from __future__ import annotations

from apps.extraction.pipeline.events.status import _matches, _second_words
from apps.extraction.pipeline.nlp import get_nlp

CANCELLED = frozenset({"cancel", "call off", "put on hold"})


def _token(text: str, lemma: str):
    return next(t for t in get_nlp("en")(text) if t.lemma_.lower() == lemma)


def test_a_cue_of_several_words_is_found_by_its_first_word():
    assert _second_words(CANCELLED) == {"call": ("off",), "put": ("on hold",)}


def test_a_verb_with_the_second_word_of_a_cue_matches_it():
    assert _matches(_token("The ministers called off the summit in Geneva.", "call"), CANCELLED)
    assert _matches(_token("The envoys cancelled their visit to Kyiv.", "cancel"), CANCELLED)


def test_the_first_word_alone_does_not_match():
    assert not _matches(_token("The ministers called the summit a success.", "call"), CANCELLED)
    assert not _matches(_token("She put the plan to the cabinet.", "put"), CANCELLED)
