"""Sovereigns named by their office, a week's agenda, an obituary and a fact-check (after blind19's dev half: an
« agenda diplomatique », a radio « journal », an obituary with the diplomacy of a funeral, a fact-check). Every text
was written for the tests.
"""
from __future__ import annotations

import pytest

from apps.extraction.pipeline.nlp import get_nlp

from .pipeline_helpers import dated_events, read, speaker_of


# --- a sovereign or a secretary of state named by the office -----------------------------------------------------

@pytest.mark.parametrize("language, text, day", [
    ("fr", "Charles III arrive lundi à Rome pour une visite d'Etat. Mardi, le roi est reçu au Quirinal par le "
           "président Sergio Mattarella.", "2025-04-08"),
    ("en", "King Charles arrived in Rome on Monday for a state visit. On Tuesday the King will be received at the "
           "Quirinal by President Sergio Mattarella.", "2025-04-08"),
])
def test_the_king_received_is_the_king_the_story_named(language, text, day):
    story = read(text, language=language, published="2025-04-07")
    meetings = dated_events(story, "meeting")
    assert [parties for _, parties, _ in meetings] == [("King Charles III", "Sergio Mattarella")]
    # (the Quirinale is the Italian presidency, in Rome, as the Élysée is the French one, in Paris)
    assert [place for _, _, place in meetings] == ["Rome"]


def test_the_talks_of_the_king_are_the_kings():
    story = read("Charles III arrive lundi à Rome. Mercredi, entretien du roi avec Giorgia Meloni.", language="fr",
                 published="2025-04-07")
    assert [parties for _, parties, _ in dated_events(story, "meeting")] == [("Giorgia Meloni", "King Charles III")]


def test_the_pope_and_the_king_are_offices_only_where_the_story_named_a_holder():
    # (a guard: « le roi » in a story that names no king is no one)
    story = read("Mardi, le roi est reçu au Quirinal par le président Sergio Mattarella.", language="fr",
                 published="2025-04-07")
    assert [parties for _, parties, _ in dated_events(story, "meeting")] == [("Sergio Mattarella",)]


@pytest.mark.parametrize("text", [
    "Marco Rubio était jeudi à Bruxelles. « Les Etats-Unis restent à la table », a assuré jeudi le secrétaire d'Etat.",
    "Jean-Noël Barrot était à Bruxelles. « Les Etats-Unis restent à la table », a déclaré mardi le ministre.",
])
def test_the_inverted_subject_after_a_day_is_the_speaker(text):
    # « a assuré jeudi le secrétaire d'Etat »: the French parser read the noun phrase after the day as a second time
    story = read(text, language="fr", published="2025-04-07")
    assert speaker_of(story, "restent à la table") == ("Marco Rubio" if "Rubio" in text else "Jean-Noël Barrot")


@pytest.mark.parametrize("text, noun, dep", [
    ("« Les Etats-Unis restent à la table », a assuré jeudi le secrétaire d'Etat.", "secrétaire", "obj"),
    # (a guard: « jeudi le soir même » is the verb's time twice, and no object)
    ("Le Kremlin a annoncé jeudi le soir même un cessez-le-feu.", "soir", "obl:mod"),
])
def test_the_noun_phrase_after_a_day_is_read_as_the_verbs_object_unless_a_time(text, noun, dep):
    doc = get_nlp("fr")(text)
    assert next(t.dep_ for t in doc if t.text == noun) == dep


# --- a statement issued on a day ---------------------------------------------------------------------------------

def test_a_statement_issued_on_a_day_is_an_event():
    story = read("On Thursday morning India's Ministry of External Affairs issued a statement saying its oil purchases "
                 "were guided by the interests of Indian consumers.", language="en", published="2025-10-17")
    assert [(day, "Ministry of External Affairs" in parties) for day, parties, _ in dated_events(story, "statement")] \
        == [("2025-10-16", True)]


@pytest.mark.parametrize("text", [
    # (guards: a statement that is only how someone spoke, and one the text does not date)
    "The Kremlin said in a statement on Thursday that the talks were useful.",
    "The ministry issued a statement saying its purchases were guided by prices.",
])
def test_a_statement_said_in_or_undated_is_no_event(text):
    story = read(text, language="en", published="2025-10-17")
    assert dated_events(story, "statement") == []


# --- an obituary ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language, text, expected", [
    ("en", "Raila Odinga died on Wednesday in Kerala, India. He will be buried tomorrow in Bondo.",
     [("2025-10-15", ("Raila Odinga",), "Kerala"), ("2025-10-19", ("Raila Odinga",), "Bondo")]),
    ("fr", "Raila Odinga est mort mercredi en Inde. Il sera inhumé demain à Bondo.",
     [("2025-10-15", ("Raila Odinga",), "India"), ("2025-10-19", ("Raila Odinga",), "Bondo")]),
])
def test_a_leaders_death_and_burial_are_events(language, text, expected):
    story = read(text, language=language, published="2025-10-18")
    assert dated_events(story, "other") == expected


def test_a_funeral_on_a_day_gathers_the_leaders_at_it():
    story = read("At Friday's state funeral in Nairobi, Ethiopia's president, Taye Atske Selassie, and Somalia's Hassan "
                 "Sheikh Mohamud were the only sitting heads of state.", language="en", published="2025-10-18")
    funerals = dated_events(story, "other")
    assert [day for day, _, _ in funerals] == ["2025-10-17"]
    assert {"Taye Atske Selassie", "Hassan Sheikh Mohamud"} <= set(funerals[0][1])


def test_french_funerals_are_read_by_the_lemma_of_a_noun_with_no_singular():
    # (« obsèques », « funérailles »: spaCy's lemmatizer gives « obsèque », « funéraille », as « pourparler »)
    story = read("Les obsèques nationales ont eu lieu vendredi à Nairobi.", language="fr", published="2025-10-18")
    assert dated_events(story, "other") == [("2025-10-17", (), "Nairobi")]


@pytest.mark.parametrize("language, text", [
    # (guards: deaths that are no actor's, a burial of nothing, a funeral no day dates)
    ("en", "Three soldiers died on Tuesday in the strike on Sumy."),
    ("en", "The two leaders buried their differences on Monday."),
    ("en", "Trump and Zelensky spoke briefly at the funeral of Pope Francis."),
    ("fr", "Trois soldats sont morts mardi dans la frappe sur Soumy."),
])
def test_deaths_of_no_actor_and_undated_funerals_are_no_events(language, text):
    story = read(text, language=language, published="2025-10-18")
    assert dated_events(story, "other") == []


@pytest.mark.parametrize("language, text", [
    ("en", "Today the Ukrainian president and Donald Trump are both expected in Rome for Pope Francis's funeral."),
    ("fr", "Volodymyr Zelensky et Donald Trump sont attendus aujourd'hui à Rome pour les obsèques du pape François."),
])
def test_a_trip_made_for_a_funeral_is_one_event_with_it(language, text):
    story = read(text, language=language, published="2025-04-26")
    assert [(e.kind, e.date.isoformat(), e.location) for e in story.events] == [("visit", "2025-04-26", "Rome")]
    assert {"Volodymyr Zelensky", "Donald Trump"} <= {story.actor(p.key).name for p in story.events[0].participants}


# --- an agenda's items ---------------------------------------------------------------------------------------------

AGENDA = """AGENDA DIPLOMATIQUE

MERCREDI 9 AVRIL
- Rome. Entretien du roi Charles III avec Giorgia Meloni.
- Bruxelles. Les ministres des Affaires étrangères de l'UE se réunissent autour de Kaja Kallas.
- Budapest. Viktor Orbán a reçu jeudi Benyamin Netanyahou."""


def test_a_list_item_that_opens_with_a_place_says_where_its_events_happen():
    story = read(AGENDA, language="fr", published="2025-04-07")
    assert sorted((e.date.isoformat(), e.location) for e in story.events) == [
        ("2025-04-03", "Budapest"), ("2025-04-09", "Brussels"), ("2025-04-09", "Rome")]
    # (the title says the place as the item writes it)
    assert any(e.title.endswith("à Bruxelles") for e in story.events)


def test_an_item_place_gives_way_to_the_sentences_own():
    # (a guard: the place the sentence names comes first)
    story = read("- Rome. Les ministres des Affaires étrangères de l'UE se réunissent jeudi à Bruxelles.", language="fr",
                 published="2025-04-07")
    assert [e.location for e in story.events] == ["Brussels"]


def test_a_place_that_opens_an_items_sentence_is_no_dateline():
    # (a guard: « Rome accueille » is the city's doing, not a dateline before a stop)
    story = read("- Rome accueille jeudi Benyamin Netanyahou. Donald Trump le reçoit mardi.", language="fr",
                 published="2025-04-07")
    assert story.events and all(e.location is None for e in story.events)


# --- a radio news bulletin -----------------------------------------------------------------------------------------

BULLETIN = """JOURNAL DE 8 HEURES - Lundi 27 janvier 2025
Présentation : Marc Olivier

MARC OLIVIER : Bonjour. Cet après-midi, les délégations de 54 pays se retrouveront devant l'entrée de Birkenau.

MARC OLIVIER : Sur place, notre envoyée spéciale Julie Ferrand.

JULIE FERRAND : Le président polonais Andrzej Duda doit se recueillir ce matin au mur des Fusillés.

Extrait : Piotr Cywinski, directeur du Mémorial : « Ceux qui bombardent des villes ne viennent pas commémorer une libération. »"""


def test_a_bulletins_presenter_and_reporter_are_journalists_and_a_clip_label_no_speaker():
    story = read(BULLETIN, language="fr", published="2025-01-27")
    assert [(st.text[:20], story.actor(st.speaker).name if st.speaker else None) for st in story.statements] == [
        ("Ceux qui bombardent ", "Piotr Cywinski")]
    assert {"Marc Olivier", "Julie Ferrand"} <= set(story.authors)


def test_a_label_named_in_the_bulletin_but_not_as_a_journalist_still_speaks():
    # (a guard: a guest's turn is a statement of the guest)
    story = read("Présentation : Marc Olivier\n\nMARC OLIVIER : Notre invité est Jean-Noël Barrot.\n\n"
                 "JEAN-NOËL BARROT : Nous y allons pour écouter, pas pour parler.", language="fr", published="2025-01-27")
    assert speaker_of(story, "pour écouter") == "Jean-Noël Barrot"


# --- a fact sheet, and what is done at an event just named ----------------------------------------------------------

def test_the_two_leaders_first_meeting_is_theirs():
    story = read("President Lee Jae Myung welcomed President Donald J. Trump for a State Visit to ROK on October 29. "
                 "This follows on the two leaders' first meeting in Washington on August 25.", language="en",
                 published="2025-11-13")
    assert ("2025-08-25", ("Donald Trump", "Lee Jae-myung"), "Washington") in dated_events(story, "meeting")


@pytest.mark.parametrize("language, text", [
    ("en", "Trump and Lee reaffirmed on Monday the announcement of the trade deal."),
    ("fr", "Donald Trump et Lee Jae-myung ont salué lundi l'annonce de l'accord commercial."),
])
def test_the_announcement_of_a_deal_on_a_day_is_an_event(language, text):
    story = read(text, language=language, published="2025-11-13")
    assert [day for day, _, _ in dated_events(story, "announcement")] == ["2025-11-10"]


def test_the_announcement_of_no_text_is_no_event():
    # (a guard: an announcement of a candidacy is another act)
    story = read("Trump's announcement of his candidacy on Monday pleased his supporters.", language="en",
                 published="2025-11-13")
    assert dated_events(story, "announcement") == []


@pytest.mark.parametrize("language, text", [
    ("fr", "LA SEMAINE PASSÉE\n- Samarcande. Premier sommet UE-Asie centrale vendredi, présidé par Chavkat Mirzioïev : "
           "António Costa et Ursula von der Leyen y ont scellé un partenariat stratégique."),
])
def test_what_is_done_there_at_an_event_just_named_is_done_on_its_day(language, text):
    story = read(text, language=language, published="2025-04-07")
    assert [day for day, _, _ in dated_events(story, "agreement")] == ["2025-04-04"]


@pytest.mark.parametrize("language, text", [
    ("en", "Neither government has published a readout of a call on Wednesday."),
    ("fr", "Cet après-midi, une cinquantaine de survivants se retrouveront devant l'entrée du camp."),
])
def test_an_event_with_no_one_and_nowhere_is_not_recorded(language, text):
    # (the guard beside it: French funerals, with a place and no party, are kept)
    story = read(text, language=language, published="2025-10-17")
    assert story.events == []


OBITUARY = """Kenya's perennial challenger
By Wanjiru Kamau-Reid

Raila Odinga, who ran for Kenya's presidency five times, died on Wednesday in Kerala, India.

The son of Jaramogi Oginga Odinga, Kenya's first vice-president, he studied engineering in East Germany.

Odinga will be buried tomorrow at the family home in Bondo."""


def test_a_name_a_who_describes_is_a_person_and_the_first_named_keeps_the_surname():
    # (after the byline, spaCy's recognizer did not see "Raila Odinga" as a name; "Odinga" went to his father)
    story = read(OBITUARY, language="en", published="2025-10-18")
    assert dated_events(story, "other") == [("2025-10-15", ("Raila Odinga",), "Kerala"),
                                            ("2025-10-19", ("Raila Odinga",), "Bondo")]


def test_an_english_bulletins_presenter_reporter_and_clip_label_are_no_speakers():
    story = read("WORLD AT ONE\nPresented by Ann Lee\n\nANN LEE: Good afternoon. Leaders meet in Rome today. "
                 "Our correspondent Tom Hale is there.\n\nTOM HALE: The talks began at noon.\n\n"
                 "Clip: Giorgia Meloni, Italian Prime Minister: \"We are ready to help.\"", language="en",
                 published="2025-04-07")
    assert [(st.text, story.actor(st.speaker).name if st.speaker else None) for st in story.statements] == [
        ("We are ready to help.", "Giorgia Meloni")]
    assert {"Ann Lee", "Tom Hale"} <= set(story.authors)
