"""Reading the parse: subjects, objects, 'with X', negation, tense and the verb that reports a clause."""
from __future__ import annotations

import pytest

from apps.extraction.pipeline import syntax
from apps.extraction.pipeline.nlp import get_nlp


def _token(language: str, text: str, lemma: str):
    doc = get_nlp(language)(text)
    return next(t for t in doc if t.lemma_.lower() == lemma)


def _texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def test_coordinated_subjects_the_object_and_the_with_phrase_of_a_light_verb():
    had = _token("en", "Starmer and Macron had dinner on Tuesday with Zelenskyy.", "have")
    assert _texts(syntax.subjects(had)) == ["Starmer", "Macron"]
    assert _texts(syntax.objects(had)) == ["dinner"]
    assert _texts(syntax.prepositional(had, ["with"])) == ["Zelenskyy"]
    assert syntax.tense(had) == "past"


def test_a_relative_clause_and_a_controlled_infinitive_take_their_subject_from_above():
    meet = _token("en", "Putin welcomed Zelenskyy's envoy, who wants to meet Witkoff.", "meet")
    assert _texts(syntax.subjects(meet)) == ["envoy"]


def test_a_french_future_denied_by_ne_pas():
    meet = _token("fr", "Le président russe ne rencontrera pas Zelensky à Paris.", "rencontrer")
    assert syntax.negated(meet)
    assert syntax.tense(meet) == "future"
    assert _texts(syntax.subjects(meet)) == ["président"]


def test_an_affirmative_past_is_not_negated():
    met = _token("en", "Rubio met Lavrov in Riyadh on Tuesday.", "meet")
    assert not syntax.negated(met)
    assert syntax.tense(met) == "past"


def test_the_passive_agent_is_the_doer():
    hosted = _token("en", "Zelenskyy was hosted by Erdogan in Ankara.", "host")
    assert _texts(syntax.passive_agent(hosted)) == ["Erdogan"]


@pytest.mark.parametrize("text, expected", [
    ("Trump would meet Putin if the talks went well.", "conditional"),
    ("Trump will meet Putin in Alaska.", "future"),
    ("Macron va rencontrer Zelensky lundi.", "future"),
])
def test_tense_from_auxiliaries_and_morphology(text, expected):
    lemma = "rencontrer" if "rencontrer" in text else "meet"
    assert syntax.tense(_token("fr" if "rencontrer" in text else "en", text, lemma)) == expected


def test_a_meeting_in_reported_speech_is_governed_by_the_speech_verb():
    text = "Peskov said on Tuesday that Putin would meet Trump in Budapest."
    meet = _token("en", text, "meet")
    governing = syntax.governing_verb(meet, frozenset({"say"}))
    assert governing is not None and governing.text == "said"
    assert syntax.governing_verb(_token("en", text, "say"), frozenset({"say"})) is None


def test_a_collapsed_parse_gives_empty_answers_not_errors():
    doc = get_nlp("fr")("co-organisera")
    for token in doc:
        syntax.subjects(token), syntax.objects(token), syntax.negated(token), syntax.tense(token)
        syntax.clause_head(token), syntax.governing_verb(token, frozenset({"dire"}))


def test_a_verb_read_again_gets_the_tense_read_the_first_time():
    # tense() keeps what it read in the Doc: asking again, in any order, answers as a first reading
    doc = get_nlp("fr")("Macron a rencontré Zelensky lundi ; ils se reverront jeudi et devraient signer un accord.")
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX")]
    first = [syntax.tense(v) for v in reversed(verbs)][::-1]
    assert first == [syntax._tense(v) for v in verbs] == [syntax.tense(v) for v in verbs]
    assert "past" in first and "future" in first
