"""A quote round-up's speaker lines, a photo gallery's captions, a text's quoted name, a present read as a future
(after blind20's dev half: « ILS ONT DIT », « EN IMAGES », an « ABÉCÉDAIRE », a markets wrap, an explanation of
vote). Every text was written for the tests.
"""
from __future__ import annotations

import pytest

from apps.extraction.pipeline.nlp import get_nlp

from .pipeline_helpers import dated_events, names, read, speaker_of


# --- a round-up: the speaker on the line above, a colon, then the quotation -----------------------------------------

ROUNDUP = """ILS ONT DIT

Londres a réuni mardi une vingtaine de pays autour du Soudan, à l'invitation du Royaume-Uni et de la France.

David Lammy, chef de la diplomatie britannique, en ouvrant les travaux mardi matin :
« Le monde a pris l'habitude de regarder ailleurs. Ce qui manque au Soudan, c'est la volonté. »

Annalena Baerbock, ministre allemande des Affaires étrangères, à la tribune :
« Tant que les armes entreront au Soudan, aucune aide ne suffira. »

Ali Youssef al-Charif, ministre soudanais des Affaires étrangères, dans une lettre adressée début avril à David Lammy :
“Londres traite un Etat souverain comme une bande armée”, écrivait-il.

Mohamed Hamdane Daglo, dit « Hemedti », chef des FSR, qui a proclamé le même jour un gouvernement rival :
« Nous bâtissons le Soudan de demain. »
"""


@pytest.mark.parametrize("fragment, speaker", [
    ("regarder ailleurs", "David Lammy"),
    ("aucune aide ne suffira", "Annalena Baerbock"),
    # (a name no actor had yet, and a pronoun after the quotation: the line above says who)
    ("une bande armée", "Ali Youssef al-Charif"),
    # (« dit « Hemedti » » is a nickname, not a speech verb that names someone else)
    ("le Soudan de demain", "Mohamed Hamdane Daglo"),
])
def test_a_roundups_speaker_line_gives_the_quotation_below_its_speaker(fragment, speaker):
    story = read(ROUNDUP, language="fr", published="2025-04-16")
    assert speaker_of(story, fragment) == speaker


def test_an_english_speaker_line_with_an_aside_gives_the_quotation_its_speaker():
    story = read("THEY SAID\n\nKeir Starmer, Prime Minister, at the close of the summit on Tuesday:\n"
                 "\"We have shown that Europe can act when it has to, and it will act again.\"\n",
                 language="en", published="2025-04-16")
    assert speaker_of(story, "Europe can act") == "Keir Starmer"


def test_a_line_whose_verb_governs_the_name_is_no_speaker_line():
    # (a guard: the line above names Macron as the one told, not as the one who speaks)
    story = read("Donald Trump a reçu Emmanuel Macron mardi. Il a ensuite déclaré à la presse :\n"
                 "« Nous avons beaucoup avancé sur l'Ukraine et sur le commerce. »\n",
                 language="fr", published="2025-04-16")
    assert speaker_of(story, "beaucoup avancé") == "Donald Trump"


def test_the_world_is_not_the_newspaper():
    # « Le monde » opens a quotation; « Le Monde » is the newspaper, told by the capital after the article
    story = read(ROUNDUP, language="fr", published="2025-04-16")
    assert "Le Monde" not in names(story)
    cited = read("Selon Le Monde, la réunion a eu lieu mardi à Londres.", language="fr", published="2025-04-16")
    assert "Le Monde" in names(cited)


# --- a gallery: each caption opens with its place and its day -------------------------------------------------------

GALLERY = """EN IMAGES

1/6 - Paris, jeudi 5 juin. Emmanuel Macron accueille Luiz Inácio Lula da Silva aux Invalides, pour la première visite d'Etat d'un président brésilien en France depuis 2012. (Photo Léa Fontanel)

2/6 - Nice, dimanche 8 juin. António Guterres reçoit le vice-président chinois Han Zheng. (Photo Karim Bensalem)
"""


def test_a_captions_place_and_day_are_those_of_what_it_shows():
    story = read(GALLERY, language="fr", published="2025-06-14")
    assert dated_events(story, "meeting") == [("2025-06-08", ("António Guterres", "Han Zheng"), "Nice")]


def test_a_guest_welcomed_for_a_visit_makes_one_visit_the_guests():
    story = read(GALLERY, language="fr", published="2025-06-14")
    visit = next(e for e in story.events if e.kind == "visit")
    assert (visit.date.isoformat(), visit.status) == ("2025-06-05", "occurred")
    assert [story.actor(p.key).name for p in visit.participants][:1] == ["Luiz Inácio Lula da Silva"]
    assert "Lula" in visit.titles["en"] or "Silva" in visit.titles["fr"]


def test_an_english_caption_with_a_number_and_a_dash_dates_its_event():
    story = read("IN PICTURES\n\n3 - Sendai, Saturday August 30. Narendra Modi met Shigeru Ishiba at the station "
                 "before the governors' lunch.\n", language="en", published="2025-08-31")
    meetings = dated_events(story, "meeting")
    assert [(day, place) for day, _, place in meetings] == [("2025-08-30", "Sendai")]


def test_a_paragraph_that_opens_with_a_name_and_a_comma_is_no_caption():
    # (a guard: "Trump, on Monday, …" is a sentence, its day its own; no place is made of the name)
    story = read("Donald Trump, lundi 2 juin, a reçu Friedrich Merz à la Maison Blanche.", language="fr",
                 published="2025-06-05")
    assert dated_events(story, "meeting") == [("2025-06-02", ("Donald Trump", "Friedrich Merz"), "Washington")]


# --- a present the French tagger calls a future ------------------------------------------------------------------

@pytest.mark.parametrize("text, verb, tense", [
    ("Emmanuel Macron accueille Lula aux Invalides.", "accueille", "Pres"),
    # (a guard: a true future keeps its tense)
    ("Emmanuel Macron accueillera Lula aux Invalides.", "accueillera", "Fut"),
])
def test_a_present_read_as_a_future_is_a_present(text, verb, tense):
    doc = get_nlp("fr")(text)
    assert next(t for t in doc if t.text == verb).morph.get("Tense") == [tense]


# --- a text's name between quotation marks ------------------------------------------------------------------------

def test_a_quoted_accords_name_is_the_agreement_signed_and_no_statement():
    story = read("Le 4 décembre, Félix Tshisekedi et Paul Kagame ont signé les « accords de Washington pour la paix "
                 "et la prospérité », à Washington.", language="fr", published="2025-12-18")
    assert [(day, parties) for day, parties, _ in dated_events(story, "agreement")] == \
        [("2025-12-04", ("Félix Tshisekedi", "Paul Kagame"))]
    assert not [s for s in story.statements if s.direct]


def test_a_quoted_phrase_that_is_no_texts_name_is_still_a_partial_quotation():
    # (a guard: "a deal in the making" is what Trump said the talks were)
    story = read("Trump said on Monday that the talks were \"a real deal in the making for everybody\".",
                 language="en", published="2025-12-18")
    assert not dated_events(story, "agreement")


# --- heads of state the gazetteer now knows, named by their office ---------------------------------------------------

def test_the_rwandan_president_is_kagame_not_the_last_president_named():
    story = read("Félix Tshisekedi et Paul Kagame ont signé un accord. Le président angolais João Lourenço avait fait "
                 "le déplacement.\n\n\"La paix ne se décrète pas, elle se vérifie\", a prévenu le président rwandais.",
                 language="fr", published="2025-12-18")
    assert speaker_of(story, "se vérifie") == "Paul Kagame"


def test_a_photo_credit_is_no_party_and_no_speaker():
    story = read("EN IMAGES\n\n4/6 - Nice, lundi 9 juin. En marge, Guterres s'entretient avec le roi Abdallah II de "
                 "Jordanie. (Photo Karim Bensalem)\n\n5/6 - Nice, mardi 10 juin. « Chaque ratification compte pour "
                 "l'océan », insiste-t-il devant la presse. (Photo : Léa Fontanel/AFP)\n", language="fr", published="2025-06-14")
    assert not {"Karim Bensalem", "Léa Fontanel"} & names(story)
    assert speaker_of(story, "Chaque ratification compte") == "António Guterres"
    assert dated_events(story, "meeting") == [("2025-06-09", ("António Guterres", "King Abdullah II"), "Nice")]


def test_the_evening_of_a_captions_day_is_that_day():
    story = read("EN IMAGES\n\n2/6 - Nice, dimanche 8 juin. A la veille de l'ouverture, António Guterres reçoit dans "
                 "la soirée le vice-président chinois Han Zheng.\n", language="fr", published="2025-06-14")
    assert [day for day, _, _ in dated_events(story, "meeting")] == ["2025-06-08"]


# --- a trip and its welcome -------------------------------------------------------------------------------------

def test_a_trip_where_the_host_welcomes_the_traveller_is_one_visit():
    story = read("Emmanuel Macron est attendu dimanche à Nuuk, où Jens-Frederik Nielsen l'accueillera avec Mette "
                 "Frederiksen.", language="fr", published="2025-06-14")
    assert dated_events(story, "visit") == [
        ("2025-06-15", ("Emmanuel Macron", "Jens-Frederik Nielsen", "Mette Frederiksen"), "Nuuk")]
    assert not dated_events(story, "meeting")


def test_a_trip_where_the_traveller_meets_someone_is_still_the_meeting():
    # (a guard: « où il doit rencontrer Poutine » is the meeting the trip is made for)
    story = read("Steve Witkoff est attendu mardi à Moscou, où il doit rencontrer Vladimir Poutine.", language="fr",
                 published="2025-06-14")
    assert [(day, parties) for day, parties, _ in dated_events(story, "meeting")] == \
        [("2025-06-17", ("Steve Witkoff", "Vladimir Putin"))]


# --- before or after the event the story is about -------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("fr", "Le 4 décembre, Félix Tshisekedi et Paul Kagame ont signé un accord à Washington.\n\nAvant la cérémonie, "
           "Donald Trump avait reçu les deux présidents dans le Bureau ovale."),
    ("en", "On December 4, Tshisekedi and Kagame signed an agreement in Washington.\n\nBefore the ceremony, Donald "
           "Trump had received the two presidents in the Oval Office."),
])
def test_what_was_done_before_the_stories_event_was_done_that_day(language, text):
    story = read(text, language=language, published="2025-12-18")
    assert [day for day, _, _ in dated_events(story, "meeting")] == ["2025-12-04"]


# --- what was said, after the day it was said ------------------------------------------------------------------------

def test_a_that_clause_after_the_day_of_a_speech_verb_is_what_was_said():
    # the parser hung the clause on "day" as a relative clause
    story = read("Scott Bessent told reporters the same day that the president was rewarding the countries that had "
                 "not hit back.", language="en", published="2025-04-09")
    assert speaker_of(story, "was rewarding the countries", direct=False) == "Scott Bessent"


def test_a_relative_clause_of_a_day_after_another_verb_is_no_statement():
    # (a guard: "the same day that Macron arrived" is when Trump left)
    story = read("Donald Trump left the same day that Emmanuel Macron arrived in Washington.", language="en",
                 published="2025-04-09")
    assert not story.statements


# --- a government proclaimed, a town taken ------------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("fr", "Mohamed Hamdane Daglo a proclamé mardi un gouvernement rival."),
    ("en", "Mohamed Hamdan Dagalo proclaimed a rival government on Tuesday."),
])
def test_a_government_proclaimed_on_a_day_is_an_announcement(language, text):
    story = read(text, language=language, published="2025-04-16")
    assert [day for day, _, _ in dated_events(story, "announcement")] == ["2025-04-15"]


def test_a_government_that_acts_is_no_thing_announced():
    # (a guard: « a annoncé mardi le gouvernement » is the government announcing, inverted, not an announcement of it)
    story = read("Le cessez-le-feu entrera en vigueur vendredi, a annoncé mardi le gouvernement.", language="fr",
                 published="2025-04-16")
    assert not dated_events(story, "announcement")


def test_a_town_retaken_on_a_day_is_a_military_action():
    story = read("L'Ukraine a reconquis mardi Koupiansk.", language="fr", published="2025-04-16")
    assert [(day, place) for day, _, place in dated_events(story, "military_action")] == [("2025-04-15", "Kupiansk")]


# --- member states act as their union ----------------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("en", "In Brussels, member states voted on Wednesday to approve the EU's first countermeasures."),
    ("fr", "Mercredi à Bruxelles, les Etats membres ont voté la destitution du commissaire, a annoncé l'UE."),
])
def test_member_states_that_vote_are_their_unions(language, text):
    story = read(text, language=language, published="2025-04-10")
    votes = [e for e in story.events if e.kind == "other"]
    assert [(e.date.isoformat(), sorted(story.actor(p.key).name for p in e.participants)) for e in votes] == \
        [("2025-04-09", ["European Union"])]


def test_member_states_of_no_body_named_are_no_actor():
    # (a guard: the text names no union, alliance or organization whose members they would be)
    story = read("We call on all Member States to refrain from external interference.", language="en",
                 published="2025-02-17")
    assert not names(story)


def test_a_quoted_agreements_name_with_a_place_before_its_noun_is_the_agreement_signed():
    # (the name's first words before its noun, 'the "Istanbul agreement"', are part of the quoted name)
    story = read("On Friday, Russia and Ukraine signed the \"Istanbul agreement\" on prisoners.", language="en",
                 published="2025-12-18")
    assert [(day, parties) for day, parties, _ in dated_events(story, "agreement")] == \
        [("2025-12-12", ("Russia", "Ukraine"))]
