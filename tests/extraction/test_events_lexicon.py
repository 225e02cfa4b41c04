"""The event lexicons are data a reviewer can extend: each entry a lemma spaCy gives, once, with known kinds,
conditions and title fields."""
from __future__ import annotations

import re

import pytest

from apps.extraction.pipeline.events import KINDS, PLOVER
from apps.extraction.pipeline.events.lexicon import CONDITIONS, event_lexicon, problems
from apps.extraction.pipeline.events.titles import FIELDS, TEMPLATE_KEYS, template_fields
from apps.extraction.pipeline.gazetteer import fold
from apps.extraction.pipeline.lexicons import load
from apps.extraction.pipeline.nlp import get_nlp

LANGUAGES = ("en", "fr")

# Inflected forms the simple rules below cannot make: (a finite or participle form, a noun plural).
_IRREGULAR = {
    "en": {"meet": "met", "hold": "held", "have": "had", "fly": "flew", "go": "went", "strike": "struck",
           "speak": "spoke", "take": "took", "make": "made", "give": "gave", "begin": "began", "sit": "sat",
           "pay": "paid", "shell": "shelled", "head": "headed", "swap": "swapped",
           "bomb": "bombed", "wrap": "wrapped", "be": "been",
           "due": "due", "alongside": "alongside", "testify": "testified", "shoot": "shot", "shake": "shook",
           "confer": "conferred", "step": "stepped", "stop": "stopped", "see": "saw",
           "freeze": "froze", "cut": "cut", "withhold": "withheld", "become": "became",
           "ring": "rang", "come": "came", "jet": "jetted", "chat": "chatted", "bilateral": "bilateral"},
    "fr": {"revoir": "revu", "redire": "redit", "soumettre": "soumis", "recevoir": "reçu", "asseoir": "assis", "accueillir": "accueilli", "rejoindre": "rejoint", "joindre": "joint", "voir": "vu", "entretenir": "entretenu",
           "rendre": "rendu", "tenir": "tenu", "avoir": "eu", "faire": "fait", "conduire": "conduit",
           "convenir": "convenu", "attendre": "attendu", "ouvrir": "ouvert", "reprendre": "repris",
           "poursuivre": "poursuivi", "mettre": "mis", "clore": "clos", "réunir": "réuni", "aller": "allé",
           "arriver": "arrivé", "achever": "achevé", "mener": "mené", "effectuer": "effectué", "donner": "donné",
           "participer": "participé", "procéder": "procédé", "appeler": "appelé", "parler": "parlé",
           "accorder": "accordé", "être": "été", "intervenir": "intervenu", "abattre": "abattu", "entendre": "entendu",
           "atterrir": "atterri", "suspendre": "suspendu", "interrompre": "interrompu", "devenir": "devenu",
           "détruire": "détruit", "démettre": "démis", "investir": "investi", "reconduire": "reconduit",
           "élire": "élu", "dire": "dit", "écrire": "écrit", "mourir": "mort", "conquérir": "conquis",
           "reconquérir": "reconquis",
           # (the tagger reads the participle « téléphoné » as a noun: the noun entry « téléphone » reads it; the verb
           # is the future's, or the participle's the French parse repair makes a verb of)
           "téléphoner": "téléphonera"},
}
# Nouns whose plural is not the singular and an s, or that only occur in the plural.
_PLURALS = {"en": {"talk": "talks", "remark": "remarks", "discussion": "discussions", "sanction": "sanctions",
                   "tariff": "tariffs", "clash": "clashes", "ambush": "ambushes", "plenary": None,
                   # words of hyphenated pieces the tokenizer splits (read whole by events/mentions.hyphenated)
                   "sit-down": None, "face-to-face": None, "one-on-one": None, "tete-a-tete": None,
                   "get-together": None, "counter-offensive": None,
                   # said, not counted ("said goodbye to the Trumps")
                   "goodbye": None},
            "fr": {"pourparler": "pourparlers", "discussion": "discussions", "tête à tête": None, "point": None,
                   "discours": None, "rendez-vous": None, "côté": "côtés",
                   "cessez-le-feu": None}}
_VERB_FRAMES = {"en": "They {} it.", "fr": "Ils l'ont {}."}
# forms that do not fit the frame: their own sentence
_OWN_FRAMES = {"en": {}, "fr": {"téléphonera": "Macron téléphonera à Poutine."}}
_NOUN_FRAMES = {"en": "The {} was long.", "fr": "Les {} furent longs."}


def _entries(language: str, section: str) -> list[str]:
    return list(load(language, "events").get(section, {}))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lexicons_have_known_kinds_and_conditions_and_no_duplicates(language):
    assert problems(language) == []


def test_a_lexicon_with_an_unknown_kind_or_a_repeated_word_is_reported(monkeypatch):
    from apps.extraction.pipeline.events import lexicon as module
    tables = {"events": {"verbs": {"meet": {"kind": "meating", "needs": ["actor-object", "actor-object"]},
                                   "greet": {"kind": "meeting", "needs": ["telepathy"]}},
                         "light_verbs": {"words": ["hold", "Hold"]}},
              "cues": {"negation": {"verbs": ["refuse"]}}}
    monkeypatch.setattr(module, "load", lambda language, name: tables[name])
    found = " | ".join(module.problems("en"))
    assert "unknown kind 'meating'" in found and "'actor-object' twice" in found
    assert "unknown condition 'telepathy'" in found and "'hold' twice" in found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_verb_of_the_lexicons_is_the_lemma_spacy_gives_for_a_form_of_it(language):
    nlp = get_nlp(language)
    wrong = []
    light = load(language, "events")["light_verbs"]["words"]
    for section, lemmas in (("verbs", _entries(language, "verbs")), ("adjectives", _entries(language, "adjectives")),
                            ("light_verbs", light)):
        for lemma in lemmas:
            form = _IRREGULAR[language].get(lemma) or (
                lemma + ("d" if lemma.endswith("e") else "ed") if language == "en" else lemma[:-2] + "é")
            doc = nlp(_OWN_FRAMES[language].get(form) or _VERB_FRAMES[language].format(form))
            token = next((t for t in doc if t.text == form), None)
            if token is None or fold(token.lemma_) != fold(lemma):
                wrong.append(f"{section} {lemma}: {form} → {token.lemma_ if token is not None else '?'}")
    assert not wrong, wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_noun_of_the_lexicon_is_the_lemma_spacy_gives_for_its_plural(language):
    nlp = get_nlp(language)
    wrong = []
    for lemma in _entries(language, "nouns"):
        regular = lemma[:-1] + "ies" if language == "en" and re.search(r"[^aeiou]y$", lemma) else \
            lemma if lemma.endswith("s") else lemma + "s"
        plural = _PLURALS[language].get(lemma, regular)
        if plural is None:
            continue  # invariable, or only ever singular in a sentence
        doc = nlp(_NOUN_FRAMES[language].format(plural))
        token = next((t for t in doc if t.text == plural), None)
        if token is None or fold(token.lemma_) != fold(lemma):
            wrong.append(f"{lemma}: {plural} → {token.lemma_ if token is not None else '?'}")
    assert not wrong, wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_typed_lexicon_folds_its_words_and_reads_every_section(language):
    lexicon = event_lexicon(language)
    assert all(word == fold(word) for word in lexicon.lemmas)
    assert lexicon.verbs and lexicon.nouns and lexicon.light_verbs
    assert all(entry.kind in KINDS for section in (lexicon.verbs, lexicon.nouns, lexicon.adjectives)
               for entry in section.values())
    assert all(need in CONDITIONS for entry in lexicon.nouns.values() for need in entry.needs | entry.needs_any)


def test_every_kind_has_one_plover_category_in_one_table():
    assert set(PLOVER) == set(KINDS)
    assert PLOVER["meeting"] == "CONSULT" and PLOVER["sanction"] == "SANCTION"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_has_its_titles_with_known_fields(language):
    titles = load(language, "titles")
    for kind in KINDS:
        assert set(TEMPLATE_KEYS) <= set(titles[kind]), kind
        for key, template in titles[kind].items():
            assert template_fields(template) <= FIELDS, (kind, key)
            assert not re.search(r"\{[^}]*$", template)
