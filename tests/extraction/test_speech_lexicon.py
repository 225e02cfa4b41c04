"""The speech lexicons are data a reviewer can extend: each entry must be a lemma spaCy gives, once, with known kinds."""
from __future__ import annotations

import re
import tomllib

import pytest

from apps.extraction.pipeline.gazetteer import fold
from apps.extraction.pipeline.lexicons import LEXICON_DIR
from apps.extraction.pipeline.nlp import get_nlp
from apps.extraction.pipeline.speech import CONTENT_KINDS, speech_kinds, speech_lexicon

# Forms the simple rules below cannot make: (third person present, past participle); None: not checked.
_EN_IRREGULAR = {"say": ("says", "said"), "tell": ("tells", "told"), "write": ("writes", "written"),
                 "begin": ("begins", "begun"), "sing": ("sings", "sung"), "shoot": ("shoots", "shot"),
                 "admit": ("admits", "admitted"), "quip": ("quips", "quipped"), "snap": ("snaps", "snapped"),
                 "dub": ("dubs", "dubbed"), "label": ("labels", "labeled")}
_FR_IRREGULAR = {"dire": ("dit", "dit"), "écrire": ("écrit", "écrit"), "prévenir": ("prévient", "prévenu"),
                 "reconnaître": ("reconnaît", "reconnu"), "promettre": ("promet", "promis"),
                 "répondre": ("répond", "répondu"), "admettre": ("admet", "admis"), "conclure": ("conclut", "conclu"),
                 "soutenir": ("soutient", "soutenu"), "prédire": ("prédit", "prédit"), "décrire": ("décrit", "décrit"),
                 "mettre": ("met", "mis"), "faire": ("fait", "fait"), "appeler": ("appelle", "appelé"),
                 "rappeler": ("rappelle", "rappelé"), "répéter": ("répète", "répété"),
                 "inquiéter": ("inquiète", "inquiété"), "avertir": ("avertit", "averti"), "réagir": ("réagit", "réagi"),
                 "réjouir": ("réjouit", "réjoui"), "poursuivre": ("poursuit", "poursuivi"),
                 "démentir": (None, "démenti"), "lancer": ("lance", "lancé"), "marteler": ("martèle", "martelé"),
                 "considérer": ("considère", "considéré"), "révéler": ("révèle", "révélé"),
                 "relever": ("relève", "relevé"), "sourire": ("sourit", "souri"), "redire": ("redit", "redit"),
                 "suggérer": ("suggère", "suggéré"), "réitérer": ("réitère", "réitéré"), "espérer": ("espère", "espéré"),
                 "craindre": ("craint", "craint"), "concéder": ("concède", "concédé"), "garantir": ("garantit", "garanti"),
                 "renchérir": ("renchérit", "renchéri"), "prétendre": ("prétend", "prétendu"),
                 "alléguer": ("allègue", "allégué"), "convenir": (None, "convenu"),
                 "enjoindre": ("enjoint", "enjoint"), "plaindre": ("plaint", "plaint"), "tempérer": ("tempère", "tempéré"),
                 "compléter": ("complète", "complété"),
                 "réfuter": ("réfute", "réfuté"), "redouter": ("redoute", "redouté")}


def _lines(language: str) -> list[str]:
    return (LEXICON_DIR / language / "speech.toml").read_text(encoding="utf-8").splitlines()


def _verbs(language: str) -> dict[str, list[str]]:
    return tomllib.loads("\n".join(_lines(language)))["verbs"]


def _en_forms(lemma: str) -> tuple[str, str]:
    if lemma in _EN_IRREGULAR:
        return _EN_IRREGULAR[lemma]
    third = lemma + "es" if re.search(r"(?:s|sh|ch|x|z)$", lemma) else \
        lemma[:-1] + "ies" if re.search(r"[^aeiou]y$", lemma) else lemma + "s"
    past = lemma + "d" if lemma.endswith("e") else lemma[:-1] + "ied" if re.search(r"[^aeiou]y$", lemma) else lemma + "ed"
    return third, past


def _fr_forms(lemma: str) -> tuple[str, str]:
    if lemma in _FR_IRREGULAR:
        return _FR_IRREGULAR[lemma]
    assert lemma.endswith("er"), f"give the forms of {lemma!r} in _FR_IRREGULAR"
    return lemma[:-2] + "e", lemma[:-2] + "é"


_FRAMES = {"en": ("She {} that the talks would resume.", "She has {} that the talks would resume."),
           "fr": ("Elle {} que les pourparlers reprendront.", "Elle a {} que les pourparlers reprendront.")}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_speech_verb_is_the_lemma_spacy_gives_for_its_inflected_forms(language):
    nlp = get_nlp(language)
    lex = speech_lexicon(language)
    wrong = []
    for entry in _verbs(language):
        lemma, *rest = entry.split()
        forms = _en_forms(lemma) if language == "en" else _fr_forms(lemma)
        for frame, form in zip(_FRAMES[language], forms):
            if form is None:
                continue  # a present form spaCy reads as another word (« dément »): past forms only
            doc = nlp(frame.format(" ".join([form, *rest])))
            token = next(t for t in doc if t.text == form)
            # the French lemmatizer misses present forms that are also nouns ("estime", "note"):
            # the reader then reads the form itself, which is what this checks for them
            if token.lemma_.lower() != lemma and (frame.startswith("Elle a") or language == "en"
                                                   or speech_kinds(token, lex) is None):
                wrong.append(f"{form} → {token.lemma_} (entry {entry!r})")
    assert not wrong, wrong


@pytest.mark.parametrize("language", ["en", "fr"])
def test_speech_verbs_are_listed_once_with_known_kinds(language):
    # tomllib refuses a key written twice; spellings that fold to the same word are duplicates too
    verbs = _verbs(language)
    folded = [fold(v) for v in verbs]
    assert len(set(folded)) == len(folded), "a verb is listed twice"
    for lemma, kinds in verbs.items():
        assert lemma == lemma.lower().strip() and isinstance(kinds, list), lemma
        assert set(kinds) <= CONTENT_KINDS, f"{lemma}: unknown kind in {kinds}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_word_lists_hold_each_word_once(language):
    data = tomllib.loads("\n".join(_lines(language)))
    for section in ("descriptions", "transcript", "sources"):
        for name, words in data[section].items():
            assert len(set(words)) == len(words), f"{section}.{name} lists a word twice"
