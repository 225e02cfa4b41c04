"""The actor lexicons are data a reviewer can extend: every section the rules read, in both languages, folded."""
from __future__ import annotations

import dataclasses
import tomllib

import pytest

from apps.extraction.pipeline.actors import ActorLexicon, actor_lexicon
from apps.extraction.pipeline.gazetteer import Gazetteer, fold
from apps.extraction.pipeline.lexicons import LEXICON_DIR
from apps.extraction.pipeline.nlp import get_nlp


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_list_the_rules_read_is_there_and_not_empty(language):
    lex = actor_lexicon(language)
    empty = [f.name for f in dataclasses.fields(ActorLexicon) if not getattr(lex, f.name)]
    assert not empty, f"{language}/actors.toml lacks {empty}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_word_is_listed_twice_in_one_list(language):
    data = tomllib.loads((LEXICON_DIR / language / "actors.toml").read_text(encoding="utf-8"))
    twice = []
    for section, table in data.items():
        for key, words in table.items():
            folded = [fold(w) for w in words]
            twice += [f"{section}.{key}: {w}" for w in set(folded) if folded.count(w) > 1]
    assert not twice, twice


@pytest.mark.parametrize(("language", "sentence", "word"), [
    ("en", "She visited Kyiv and left Warsaw.", "visited"),
    ("en", "She visited Kyiv and left Warsaw.", "left"),
    ("en", "He posted a message and wrote a letter.", "posted"),
    ("en", "He posted a message and wrote a letter.", "wrote"),
    ("fr", "Elle a quitté Paris et visité Kyiv.", "quitté"),
    ("fr", "Il a écrit une lettre et publié un message.", "écrit"),
    ("fr", "Il a écrit une lettre et publié un message.", "publié"),
])
def test_the_verbs_are_the_lemmas_spacy_gives(language, sentence, word):
    lex = actor_lexicon(language)
    token = next(t for t in get_nlp(language)(sentence) if t.text == word)
    assert fold(token.lemma_) in lex.place_verbs | lex.post_verbs


def test_every_country_in_the_gazetteer_has_its_nationality_adjectives_in_both_languages():
    gaz = Gazetteer.from_file()
    missing = [e.key for e in gaz.entries.values() if e.kind == "country" and len(e.demonyms) < 2]
    assert not missing, missing
