"""The spaCy pipelines Parley runs: the same annotations as the models' own, for less work, and a misreading of the
English model put right."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from apps.extraction.pipeline.nlp import _PARAGRAPH_END, _PER_PARAGRAPH, MODELS, RuleLookup, get_nlp, join, parse

from .pipeline_helpers import parties, read

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def _texts(language: str) -> list[str]:
    texts = []
    for path in sorted(ARTICLES.glob("*.article.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if (data.get("language") or "en")[:2] == language:
            texts.append(data["text"])
    return texts


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_attribute_rules_read_by_lookup_give_every_token_what_the_model_s_own_ruler_gives(language):
    ours = get_nlp(language)
    stock = spacy.load(MODELS[language])
    stock.add_pipe("parley_paragraphs", before="parser")  # the same parse; only the ruler's matching differs
    for repair in ("parley_repairs", "parley_repairs_fr"):
        if repair in ours.pipe_names:
            stock.add_pipe(repair, after="parser")
    if "parley_lemmas" in ours.pipe_names:
        stock.add_pipe("parley_lemmas", after="lemmatizer")  # (lemmas.toml: the same corrections on both)
    texts = _texts(language) + ["Y'all gonna see: it's done, let's go. I told him and he told me. There is a deal."]
    for ours_doc, stock_doc in zip(ours.pipe(texts), stock.pipe(texts)):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours_doc] == \
            [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in stock_doc]


def test_most_english_attribute_rules_no_longer_go_through_a_matcher():
    ruler = get_nlp("en").get_pipe("attribute_ruler")
    assert isinstance(ruler.match, RuleLookup)
    assert len(ruler.match.matcher) < len(ruler.patterns) / 4


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_paragraphs_joined_from_their_arrays_are_the_doc_spacy_s_from_docs_makes(language):
    nlp = get_nlp(language)
    texts = _texts(language) + ["A heading\n\nThe first paragraph.  Two spaces.\nA line\n\n\nand a last one "]
    for text in texts:
        with nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in _PER_PARAGRAPH]):
            paragraphs = list(nlp.pipe(_PARAGRAPH_END.split(text)))
        ours = join(paragraphs)
        assert ours.text == text
        assert ours.to_bytes() == Doc.from_docs(paragraphs, ensure_whitespace=False,
                                                exclude=("tensor", "user_data", "spans")).to_bytes()
        assert [(t.dep_, t.head.i, t.is_sent_start) for t in ours] == \
            [(t.dep_, t.head.i + start, t.is_sent_start)
             for p, start in zip(paragraphs, _starts(paragraphs)) for t in p]


def _starts(paragraphs):
    start, out = 0, []
    for p in paragraphs:
        out.append(start)
        start += len(p)
    return out


@pytest.mark.parametrize("text", [
    "Trump hosted Zelensky at the White House on Friday.",
    "Earlier that day, Trump hosted NATO Secretary General Mark Rutte in the Oval Office.",
])
def test_a_verb_read_as_the_adjective_of_its_object_heads_its_clause_again(text):
    # (written for the tests) the small English model reads "hosted" as an adjective of the name after it and
    # makes the name the root, though "Trump" is the verb's subject
    doc = parse(get_nlp("en"), [text], 1)[0]
    hosted = next(t for t in doc if t.text == "hosted")
    assert hosted.dep_ == "ROOT"
    assert {c.dep_ for c in hosted.children} >= {"nsubj", "dobj", "prep"}


def test_a_meeting_told_with_the_adjective_misreading_is_a_meeting():
    ex = read("Trump hosted Zelensky at the White House on Friday.", language="en", published="2025-10-18")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.location) == ("2025-10-17", "Washington")
    assert parties(ex, meeting) == {"Donald Trump", "Volodymyr Zelensky"}


def test_a_french_verb_s_second_subject_after_it_is_its_object():
    # (written for the tests) the French model gives « rencontré » two subjects, « Donald » and « Mark »
    doc = parse(get_nlp("fr"), ["Donald Trump a rencontré Mark Rutte lundi à la Maison Blanche."], 1)[0]
    assert next(t for t in doc if t.text == "Donald").dep_ == "nsubj"
    assert next(t for t in doc if t.text == "Mark").dep_ == "obj"



# (written for the tests) a list of names before the clause, and its subject after them
FRONTED_LISTS = {
    "en": "A day after the meeting in London between Volodymyr Zelensky, Keir Starmer, Emmanuel Macron and Friedrich "
          "Merz, Jean-Noël Barrot was interviewed on France Inter on Tuesday.",
    "fr": "Au lendemain de la réunion de Londres entre Volodymyr Zelensky, Keir Starmer, Emmanuel Macron et Friedrich "
          "Merz, le ministre des Affaires étrangères Jean-Noël Barrot était l'invité de France Inter, mardi.",
}
# (written for the tests) a that-clause after an aside
ASIDES = {
    "fr": "Donald Trump a annoncé jeudi, à l'issue d'un long entretien téléphonique avec Vladimir Poutine, qu'il "
          "devrait rencontrer le président russe à Budapest.",
    "en": "Donald Trump announced on Thursday, after a long phone call with Vladimir Putin, that he would meet the "
          "Russian president in Budapest.",
}


@pytest.mark.parametrize("language, subject, verb", [("en", "Barrot", "interviewed"), ("fr", "ministre", "invité")])
def test_after_a_fronted_list_of_names_the_clause_keeps_its_subject(language, subject, verb):
    # both models hang the subject on the list's last name, as an apposition
    doc = parse(get_nlp(language), [FRONTED_LISTS[language]], 1)[0]
    head = next(t for t in doc if t.text == subject)
    assert head.head.text == verb and head.dep_.startswith("nsubj")


def test_a_french_between_phrase_names_the_parties_of_the_noun_it_follows():
    doc = parse(get_nlp("fr"), ["Au lendemain de la réunion de Londres entre Volodymyr Zelensky et Keir Starmer, "
                                "Jean-Noël Barrot était l'invité de France Inter, mardi."], 1)[0]
    assert next(t for t in doc if t.text == "Volodymyr").head.text == "réunion"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_meeting_of_a_fronted_list_is_theirs_and_not_the_subject_s(language):
    ex = read(FRONTED_LISTS[language], language=language, published="2025-12-09")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.location) == ("2025-12-08", "London")
    assert parties(ex, meeting) == {"Volodymyr Zelensky", "Keir Starmer", "Emmanuel Macron", "Friedrich Merz"}


@pytest.mark.parametrize("language, verb, clause", [("fr", "annoncé", "devrait"), ("en", "announced", "meet")])
def test_a_that_clause_after_an_aside_completes_the_verb_before_the_aside(language, verb, clause):
    # the French model reads the clause as a relative clause of « Poutine », the English one as an adverbial clause
    # that takes the aside with it
    doc = parse(get_nlp(language), [ASIDES[language]], 1)[0]
    word = next(t for t in doc if t.text == clause)
    assert (word.dep_, word.head.text) == ("ccomp", verb)
    assert next(t for t in doc if t.lower_ in ("after", "issue")).head.text == verb


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_call_before_an_announced_summit_took_place_and_the_summit_was_announced(language):
    ex = read(ASIDES[language], language=language, published="2025-10-16")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert (str(call.date), call.status) == ("2025-10-16", "occurred")
    [announcement] = [e for e in ex.events if e.kind == "announcement"]
    assert str(announcement.date) == "2025-10-16" and "Donald Trump" in parties(ex, announcement)


@pytest.mark.parametrize("text", [
    "Starmer hosts Zelenskyy, Macron and Merz for talks on the US peace plan",
    "Trump hosts Zelensky at the White House",
])
def test_a_headline_verb_read_as_a_plural_noun_between_two_names_is_the_verb(text):
    # (written for the tests) a key point or a headline: "hosts" read as the plural of "host"
    doc = parse(get_nlp("en"), [text], 1)[0]
    hosts = next(t for t in doc if t.text == "hosts")
    assert (hosts.dep_, hosts.pos_) == ("ROOT", "VERB")
    assert {c.dep_ for c in hosts.children} >= {"nsubj", "dobj"}


def test_a_key_point_that_says_who_hosts_whom_is_their_meeting():
    ex = read("Key points\n- Starmer hosts Zelenskyy, Macron and Merz for talks on the peace plan\n- Zelenskyy to fly "
              "on to Brussels this evening", language="en", published="2025-12-08")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.status) == ("2025-12-08", "occurred")
    assert parties(ex, meeting) >= {"Keir Starmer", "Volodymyr Zelensky", "Emmanuel Macron", "Friedrich Merz"}


@pytest.mark.parametrize("text", [
    "Emmanuel Macron a accueilli mercredi Friedrich Merz à l'Elysée.",
    "Vladimir Poutine recevra jeudi Steve Witkoff au Kremlin.",
])
def test_a_french_day_before_the_object_is_the_verb_s_time_and_the_name_its_object(text):
    doc = parse(get_nlp("fr"), [text], batch_size=1)[0]
    verb = next(t for t in doc if t.pos_ == "VERB")
    day = next(t for t in doc if t.lower_ in ("mercredi", "jeudi"))
    obj = next(t for t in verb.children if t.dep_ == "obj")
    assert (day.head.i, day.dep_) == (verb.i, "obl:mod")
    assert obj.i == day.i + 1
    place = next(t for t in doc if t.text in ("Elysée", "Kremlin"))
    assert place.head.i == verb.i


def test_a_meeting_told_with_the_day_before_the_guest_is_their_meeting():
    ex = read("Emmanuel Macron a accueilli mercredi Friedrich Merz à l'Elysée.", published="2025-05-08")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.location) == ("2025-05-07", "Paris")
    assert parties(ex, meeting) == {"Emmanuel Macron", "Friedrich Merz"}


@pytest.mark.parametrize("text, word", [
    ("Mardi, le dirigeant azerbaïdjanais avait téléphoné à Vladimir Poutine pour lui souhaiter son anniversaire.",
     "Mardi"),
    ("À Moscou, le porte-parole du Kremlin, Dmitri Peskov, a répondu que rien n'était décidé.", "Moscou"),
])
def test_a_french_fronted_day_or_place_cut_off_as_a_sentence_is_the_clause_s_own(text, word):
    doc = parse(get_nlp("fr"), [text], batch_size=1)[0]
    assert len(list(doc.sents)) == 1
    fronted = next(t for t in doc if t.text == word)
    assert fronted.dep_ == "obl:mod" and fronted.head.pos_ in ("VERB", "AUX")


def test_a_french_participle_read_as_the_object_of_its_auxiliary_heads_its_clause():
    # (without « Mardi, » before it the model reads the sentence right)
    doc = parse(get_nlp("fr"), ["Mardi, le dirigeant azerbaïdjanais avait téléphoné à Vladimir Poutine pour lui "
                                "souhaiter son anniversaire."], batch_size=1)[0]
    verb = next(t for t in doc if t.text == "téléphoné")
    assert verb.pos_ == "VERB"
    assert {(c.text, c.dep_) for c in verb.children} >= {("avait", "aux:tense"), ("dirigeant", "nsubj")}


def test_a_call_told_on_a_fronted_day_with_the_participle_misread_is_a_dated_call():
    ex = read("Mardi, le dirigeant azerbaïdjanais avait téléphoné à Vladimir Poutine pour lui souhaiter son "
              "anniversaire, une première depuis le printemps.", published="2025-10-09", language="fr")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert str(call.date) == "2025-10-07"
    assert parties(ex, call) == {"Ilham Aliyev", "Vladimir Putin"}


def test_a_word_cut_at_its_hyphen_stays_in_one_sentence():
    # « un sommet UE-Japon » : the French parser made « UE », « - » and « Japon » sentences of their own
    text = ("Les deux responsables arrivaient de Tokyo, où ils avaient tenu mercredi avec le Premier ministre japonais "
            "Shigeru Ishiba un sommet UE-Japon conclu par le lancement d'une alliance.")  # (blind11's dev half)
    [doc] = parse(get_nlp("fr"), [text], batch_size=1)
    ue = next(t for t in doc if t.text == "UE")
    assert ue.sent == doc[ue.i + 2].sent and doc[ue.i + 2].text == "Japon"
