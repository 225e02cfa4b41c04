"""Letters, a podcast's guest and a journey told day by day (after blind17's and blind18's dev halves: a radio
interview, a « chronologie », a podcast transcript, a correspondent's « carnet de route »). Every text was written
for the tests.
"""
from __future__ import annotations

import pytest

from apps.extraction.pipeline.events.lexicon import event_lexicon

from .pipeline_helpers import dated_events, read, speaker_of


# --- letters ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language, text, published, day, people", [
    ("fr", "30 juillet 2024\nDans une lettre au roi Mohammed VI, Emmanuel Macron écrit que l'avenir du territoire "
           "s'inscrit dans le cadre de la souveraineté marocaine.", "2025-11-01", "2024-07-30",
     ("Emmanuel Macron", "Mohammed VI")),
    ("fr", "Benyamin Netanyahou a écrit mardi au président Emmanuel Macron pour l'accuser d'attiser "
           "l'antisémitisme.", "2025-08-21", "2025-08-19", ("Benjamin Netanyahu", "Emmanuel Macron")),
    ("en", "Benjamin Netanyahu wrote to Emmanuel Macron on Tuesday to accuse him of fuelling antisemitism.",
     "2025-08-21", "2025-08-19", ("Benjamin Netanyahu", "Emmanuel Macron")),
    # (« adresser » is no speech, but the letter sent is one: test_events_fr had this sentence as no event; whom it
    # is sent to hangs on the verb, not on the letter, and is not read yet)
    ("fr", "Emmanuel Macron a adressé une lettre à Vladimir Poutine mardi.", "2025-12-05", "2025-12-02",
     ("Emmanuel Macron",)),
])
def test_a_letter_to_a_party_is_a_statement_of_its_writer(language, text, published, day, people):
    story = read(text, language=language, published=published)
    assert dated_events(story, "statement") == [(day, people, None)]


@pytest.mark.parametrize("language, text", [
    # (guards: written on a network, or a letter no one is written to and no day dates, is speech or nothing)
    ("en", "Zelensky wrote on X on Tuesday that the talks had been productive."),
    ("fr", "Volodymyr Zelensky a écrit mardi sur Telegram que les discussions avaient été productives."),
    ("fr", "Sa lettre a reçu la réponse qu'elle méritait, a dit Jean-Noël Barrot."),
    ("en", "Keir Starmer signed a letter of support for the team."),
])
def test_words_written_on_a_network_or_a_letter_alone_are_no_statement_event(language, text):
    story = read(text, language=language, published="2025-08-21")
    assert dated_events(story, "statement") == []


@pytest.mark.parametrize("language, text", [
    ("en", "Emmanuel Macron and Volodymyr Zelensky signed a letter of intent on Monday for up to 100 Rafale jets."),
    ("fr", "Emmanuel Macron et Volodymyr Zelensky ont signé lundi une lettre d'intention pour cent avions Rafale."),
])
def test_a_letter_of_intent_signed_is_still_an_agreement(language, text):
    # (a guard: the word's first sense comes first)
    story = read(text, language=language, published="2025-11-18")
    assert dated_events(story, "agreement") == [("2025-11-17", ("Emmanuel Macron", "Volodymyr Zelensky"), None)]
    assert dated_events(story, "statement") == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_word_of_several_senses_keeps_them_in_order(language):
    letter = event_lexicon(language).nouns["letter" if language == "en" else "lettre"]
    assert [letter.kind] + [sense.kind for sense in letter.senses] == ["agreement", "statement"]


# --- a transcript's host and guest -----------------------------------------------------------------------------

_PODCAST = ("THE LONG TABLE, episode 87\n\n"
            "HOST: Welcome back. My guest is Nadia Kerrigan, who follows Gulf diplomacy at the Brennock Institute. "
            "Nadia, what happened in Sharm el-Sheikh?\n\n"
            "GUEST: Some thirty leaders flew to a Red Sea resort to watch four men sign one page.\n\n"
            "HOST: And Trump had started his day somewhere else entirely.\n\n"
            "GUEST: In Jerusalem. He landed as the last hostages were being handed over.")


def test_the_guest_label_is_the_guest_the_host_introduces_and_the_host_speaks_for_no_one():
    story = read(_PODCAST, language="en", published="2025-10-14")
    assert speaker_of(story, "Some thirty leaders flew to a Red Sea resort") == "Nadia Kerrigan"
    assert speaker_of(story, "In Jerusalem. He landed") == "Nadia Kerrigan"
    assert all(st.speaker is None for st in story.statements if st.text.startswith(("Welcome back", "And Trump")))
    assert not {"Host", "Guest"} & {a.name for a in story.actors}


def test_a_guest_label_no_one_is_introduced_for_names_no_one():
    # (a guard: without an introduction, "GUEST" is no actor of its own)
    story = read(_PODCAST.replace("My guest is Nadia Kerrigan, who follows Gulf diplomacy at the Brennock Institute. "
                                  "Nadia, what", "What"), language="en", published="2025-10-14")
    assert all(st.speaker is None for st in story.statements if "Some thirty leaders" in st.text)
    assert "Guest" not in {a.name for a in story.actors}


# --- a journey told day by day ---------------------------------------------------------------------------------

_JOURNEY = ("Tout a commencé dimanche 25 mai, sur le tarmac de l'aéroport de Hanoï. Le lendemain matin, Emmanuel "
            "Macron {} au palais présidentiel par son homologue Luong Cuong, avant un long tête-à-tête avec le "
            "secrétaire général du Parti communiste, To Lam. « Nous ne venons pas vendre, nous venons bâtir », a "
            "lancé le président français.")


def test_a_passive_in_the_imperfect_sets_the_day_of_the_narration():
    story = read(_JOURNEY.format("était accueilli"), language="fr", published="2025-05-31")
    [quote] = [st for st in story.statements if st.text.startswith("Nous ne venons pas vendre")]
    assert quote.date.isoformat() == "2025-05-26"


def test_a_pluperfect_passive_is_still_background():
    # (a guard: « avait été accueilli » is what came before; the day it gives does not move the story)
    story = read(_JOURNEY.format("avait été accueilli"), language="fr", published="2025-05-31")
    [quote] = [st for st in story.statements if st.text.startswith("Nous ne venons pas vendre")]
    assert quote.date.isoformat() == "2025-05-25"


def test_a_meeting_with_someone_told_before_or_after_a_clause_is_its_subjects():
    story = read(_JOURNEY.format("était accueilli"), language="fr", published="2025-05-31")
    assert any({"Emmanuel Macron", "Tô Lâm"} <= set(names) for _, names, _ in dated_events(story, "meeting"))


def test_who_hosts_a_passive_welcome_is_not_in_the_meeting_after_it():
    # (a guard: Luong Cuong welcomed Macron; the tête-à-tête was Macron's with To Lam)
    story = read(_JOURNEY.format("était accueilli"), language="fr", published="2025-05-31")
    [tete_a_tete] = [names for _, names, _ in dated_events(story, "meeting") if "Tô Lâm" in names]
    assert "Lương Cường" not in tete_a_tete and "Emmanuel Macron" in tete_a_tete


# --- a press review, a wire's brief items ----------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("fr", "Les vice-ministres iraniens Majid Takht-Ravanchi et Kazem Gharibabadi retrouvent ce vendredi à Istanbul "
           "les directeurs politiques français, britannique et allemand."),
    ("en", "Iran's deputy foreign ministers met the French, British and German political directors in Istanbul on "
           "Friday."),
])
def test_political_directors_of_countries_are_people_who_stand_for_them(language, text):
    story = read(text, language=language, published="2025-07-25")
    [(day, people, place)] = dated_events(story, "meeting")
    assert (day, place) == ("2025-07-25", "Istanbul")
    assert {"France", "United Kingdom", "Germany"} <= set(people)


@pytest.mark.parametrize("language, text", [
    ("fr", "Washington a rappelé jeudi ses négociateurs de Doha pour consultations."),
    ("en", "Washington recalled its negotiators from Doha for consultations on Thursday."),
])
def test_negotiators_recalled_on_a_day_are_an_announcement(language, text):
    story = read(text, language=language, published="2025-07-25")
    [(day, people, _)] = dated_events(story, "announcement")
    assert day == "2025-07-24" and "United States" in people


def test_the_following_day_named_as_a_journee_counts_from_the_day_before():
    story = read("Dimanche 25 mai, Emmanuel Macron est arrivé à Hanoï. La journée suivante, il a rencontré To Lam.",
                 language="fr", published="2025-05-31")
    assert [day for day, _, _ in dated_events(story, "meeting")] == ["2025-05-26"]


def test_whom_a_host_receives_is_not_someone_the_subject_s_phrase_names():
    # (the parser made the palace the subject and the host its apposition: « l' » is still the visitor)
    story = read("Emmanuel Macron est arrivé dimanche à Jakarta. Le lendemain, au palais Merdeka, Prabowo Subianto "
                 "l'a reçu en grande pompe.", language="fr", published="2025-05-31")
    assert ("2025-05-26", ("Emmanuel Macron", "Prabowo Subianto"), None) in dated_events(story, "meeting")


# --- a chronology ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("fr", "30 juillet 2024\nLe roi reçoit une lettre.\n\n31 octobre 2025\nMohammed VI s'est adressé à la nation. « Le "
           "Maroc tend la main à l'Algérie », a déclaré le souverain."),
    ("en", "July 30, 2024\nThe king received a letter.\n\nOctober 31, 2025\nMohammed VI addressed the nation. "
           "\"Morocco extends its hand to Algeria,\" the sovereign said."),
])
def test_a_chronology_s_dated_heading_dates_the_words_said_under_it(language, text):
    story = read(text, language=language, published="2025-11-01")
    [quote] = [st for st in story.statements if "Maroc" in st.text or "Morocco" in st.text]
    assert quote.date.isoformat() == "2025-10-31"
    assert speaker_of(story, quote.text[:20]) == "Mohammed VI"


def test_a_heading_with_more_than_a_date_sets_no_scene():
    # (a guard: a title that names a day among other words is no entry of a chronology)
    story = read("Le sommet du 28 février\n\nMohammed VI s'est adressé à la nation. « Le Maroc tend la main », a "
                 "déclaré le souverain.", language="fr", published="2025-11-01")
    [quote] = story.statements
    assert quote.date.isoformat() == "2025-11-01"
