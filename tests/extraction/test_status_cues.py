"""A status cue of two words ("call off") is its first word's lemma with the second word after it or as its
particle; the cues are split into first and second words once per cue set (events/status.py)."""
from __future__ import annotations

from apps.extraction.pipeline.events.status import _matches, _second_words
from apps.extraction.pipeline.nlp import get_nlp

from .pipeline_helpers import read

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


def test_talks_a_party_says_it_is_ready_to_host_are_an_offer_not_an_event():
    # after blind14's dev half: a live page from Rome (« s'est dit prêt à accueillir des pourparlers »)
    story = read("ROME, 18 mai (Reuters) - Des responsables se sont réunis dimanche.\n\n"
                 "Le Vatican s'est dit prêt à accueillir des pourparlers entre Kiev et Moscou, mais aucune date n'est "
                 "évoquée.", language="fr", published="2025-05-18")
    assert [e for e in story.events if e.kind == "negotiation"] == []
