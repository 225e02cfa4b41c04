"""« …, estime-t-elle. »: a pronoun joined by a hyphen to the word before it is that word's subject, so the word is
a verb, though the French model reads many such present forms as nouns; a woman's given name tells whom « elle »
stands for; a name after a verb read as adverbs is its object. The sentences were written for the tests (after
blind13's dev half: a French report with an analyst's words, and sentences probing the French model)."""
from __future__ import annotations

import pytest

from apps.extraction.pipeline.nlp import get_nlp, parse

from .pipeline_helpers import parties, read, speaker_of


@pytest.mark.parametrize("form", ["estime", "juge", "note", "analyse"])
def test_a_word_before_an_inverted_pronoun_is_a_verb_with_that_subject(form):
    [doc] = parse(get_nlp("fr"), [f"« Nous sommes prêts », {form}-t-elle."], batch_size=1)
    verb = next(t for t in doc if t.text == form)
    pronoun = next(t for t in doc if t.text == "-elle")
    assert verb.pos_ == "VERB"
    assert (pronoun.dep_, pronoun.head.i) == ("nsubj", verb.i)


def test_an_auxiliary_keeps_its_inverted_pronoun_as_the_parser_hung_it():
    [doc] = parse(get_nlp("fr"), ["« Nous sommes prêts », a-t-elle dit."], batch_size=1)
    said = next(t for t in doc if t.text == "dit")
    assert any(c.dep_ == "nsubj" for c in said.children)


def test_a_quotation_closed_by_estime_t_elle_is_the_words_of_the_woman_named_before():
    story = read("PARIS (AFP) - Le sommet s'est ouvert lundi.\n\n"
                 "Selon Geneviève Lapointe, politologue, le message s'adresse d'abord à Marc Dubreuil, son "
                 "collègue. « Commencer par Paris, c'est rappeler à Washington que le Canada a d'autres portes », "
                 "estime-t-elle.", language="fr", published="2025-03-18")
    assert speaker_of(story, "Commencer par Paris") == "Geneviève Lapointe"


def test_a_name_after_a_french_verb_read_as_adverbs_is_its_object():
    [doc] = parse(get_nlp("fr"), ["Friedrich Merz recevra Emmanuel Macron jeudi à Berlin."], batch_size=1)
    received = next(t for t in doc if t.text == "recevra")
    emmanuel = next(t for t in doc if t.text == "Emmanuel")
    assert (emmanuel.dep_, emmanuel.head.i, emmanuel.pos_) == ("obj", received.i, "PROPN")
    assert next(t for t in doc if t.text == "Macron").head.i == emmanuel.i


def test_a_host_who_will_receive_a_guest_named_after_the_verb_holds_a_planned_meeting():
    story = read("PARIS (AFP) - Les discussions ont repris mercredi.\n\n"
                 "Friedrich Merz recevra Emmanuel Macron jeudi à Berlin.", language="fr", published="2025-11-19")
    [meeting] = [e for e in story.events if e.kind == "meeting" and e.participants]
    assert (str(meeting.date), meeting.status, meeting.location) == ("2025-11-20", "planned", "Berlin")
    assert {"Friedrich Merz", "Emmanuel Macron"} <= parties(story, meeting)


def test_a_surname_read_as_an_adverb_after_the_given_name_of_the_subject_is_the_rest_of_the_name():
    [doc] = parse(get_nlp("fr"), ["Emmanuel Macron a déclaré mardi qu'il rencontrerait Vladimir Poutine."],
                  batch_size=1)
    assert (doc[1].dep_, doc[1].head.i, doc[1].pos_) == ("flat:name", 0, "PROPN")


def test_a_meeting_announced_on_a_day_is_not_of_that_day_nor_of_the_next_one():
    story = read("PARIS (AFP) - Les discussions ont repris mercredi.\n\n"
                 "Emmanuel Macron a déclaré mardi qu'il rencontrerait Vladimir Poutine « bientôt ».",
                 language="fr", published="2025-11-19")
    [meeting] = [e for e in story.events if e.kind == "meeting" and e.participants]
    assert (meeting.status, meeting.date) == ("planned", None)
    assert parties(story, meeting) == {"Emmanuel Macron", "Vladimir Putin"}


@pytest.mark.parametrize("verb", ["estime", "juge"])
def test_a_present_the_lemmatizer_left_as_it_is_attributes_the_quotation_before_it(verb):
    # « …, estime l'économiste Camille Oster »: the parser takes the speaker for the verb's object (« juge »: for a
    # noun in apposition to it); after blind14's dev half, a « décryptage » with an economist's words
    story = read("PARIS, 29 juillet (Reuters) - Des responsables se sont réunis lundi.\n\n"
                 f"« Bruxelles a acheté de la prévisibilité, mais à un prix élevé », {verb} l'économiste Camille Oster.",
                 language="fr", published="2025-07-29")
    assert speaker_of(story, "Bruxelles a acheté") == "Camille Oster"
