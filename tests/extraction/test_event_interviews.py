"""Interviews on the air and speeches as events: a guest of a show, a word said on a broadcaster, an interview
given to one, and the speech that frames what is said. Every sentence here was written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


def statements(text: str, *, language: str, published: str):
    ex = read(text, language=language, published=published)
    return ex, [e for e in ex.events if e.kind == "statement"]


@pytest.mark.parametrize("text, language, day, guest", [
    ("Invitée de la matinale ce jeudi, Kaja Kallas a défendu le nouveau paquet de sanctions.", "fr",
     "2025-06-12", "Kaja Kallas"),
    ("Invité du « Journal de 20 heures » jeudi, Friedrich Merz est revenu sur l'aide à Kiev.", "fr",
     "2025-06-12", "Friedrich Merz"),
    ("As a guest on the breakfast programme on Thursday, Rachel Reeves defended the aid budget.", "en",
     "2025-06-12", "Rachel Reeves"),
])
def test_a_guest_of_a_show_gives_an_interview_that_day(text, language, day, guest):
    ex, [interview] = statements(text, language=language, published="2025-06-13")
    assert str(interview.date) == day and interview.status == "occurred"
    assert guest in parties(ex, interview)


@pytest.mark.parametrize("text, language", [
    ("Invité de Recep Tayyip Erdogan, Viktor Orban a pris la parole jeudi à Ankara.", "fr"),
    ("A guest of Emmanuel Macron, Keir Starmer praised the coalition on Thursday.", "en"),
])
def test_a_guest_of_a_leader_gives_no_interview(text, language):
    _, found = statements(text, language=language, published="2025-06-13")
    assert found == []


@pytest.mark.parametrize("text, language, speaker, outlet", [
    ("Sébastien Lecornu a jugé mercredi sur BFMTV que le budget serait voté.", "fr", "Sébastien Lecornu", "BFMTV"),
    ("Marco Rubio said on CBS on Wednesday that the next round of talks was off.", "en", "Marco Rubio", "CBS"),
])
def test_saying_on_a_broadcaster_is_an_interview(text, language, speaker, outlet):
    ex, [interview] = statements(text, language=language, published="2025-06-13")
    assert str(interview.date) == "2025-06-11"
    assert parties(ex, interview) == {speaker, outlet}


@pytest.mark.parametrize("text, language", [
    ("Emmanuel Macron a insisté mercredi sur la défense européenne.", "fr"),
    ("Marco Rubio insisted on Wednesday on the need for a ceasefire.", "en"),
    ("L'Ukraine a reçu de nouveaux missiles, a rappelé Europe 1 mercredi.", "fr"),
])
def test_insisting_on_a_topic_or_a_broadcaster_as_source_is_no_interview(text, language):
    _, found = statements(text, language=language, published="2025-06-13")
    assert found == []


def test_a_french_talk_given_to_a_broadcaster_is_an_interview_not_a_meeting():
    ex = read("Dans un entretien accordé dimanche à BFMTV, Emmanuel Macron a défendu son plan de paix.",
              language="fr", published="2025-06-13")
    [interview] = ex.events
    assert (interview.kind, str(interview.date)) == ("statement", "2025-06-08")
    assert parties(ex, interview) == {"Emmanuel Macron", "BFMTV"}


def test_a_french_talk_with_a_leader_stays_a_meeting():
    ex = read("Lors d'un entretien avec Emmanuel Macron vendredi, Kaja Kallas a défendu les sanctions.",
              language="fr", published="2025-06-13")
    assert [e.kind for e in ex.events] == ["meeting"]


@pytest.mark.parametrize("text, language, speaker", [
    ("Kaja Kallas said the Union should resume its sanctions work, in an interview with CNN broadcast on "
     "Wednesday.", "en", "Kaja Kallas"),
    ("Au cours d'une interview diffusée mercredi, Friedrich Merz a défendu l'aide à l'Ukraine.", "fr",
     "Friedrich Merz"),
    ("Lors d'un entretien avec TF1 mercredi, Kaja Kallas a défendu les sanctions.", "fr", "Kaja Kallas"),
])
def test_a_speech_framing_what_is_said_is_the_speakers_on_its_day(text, language, speaker):
    ex, [interview] = statements(text, language=language, published="2025-06-13")
    assert (str(interview.date), interview.status) == ("2025-06-11", "occurred")
    assert speaker in parties(ex, interview)


@pytest.mark.parametrize("text, language, speaker", [
    ("Devant le Forum économique mondial, la présidente moldave Maia Sandu a estimé mercredi que l'Europe devait "
     "tenir.", "fr", "Maia Sandu"),
    ("Devant les députés, Sébastien Lecornu a déclaré mercredi que le budget serait voté.", "fr", "Sébastien Lecornu"),
    ("Keir Starmer said before the conference on Wednesday that Europe must spend more on defence.", "en",
     "Keir Starmer"),
])
def test_saying_before_an_assembly_or_a_forum_is_a_speech(text, language, speaker):
    ex, [speech] = statements(text, language=language, published="2025-06-13")
    assert str(speech.date) == "2025-06-11"
    assert speaker in parties(ex, speech)


@pytest.mark.parametrize("text, language", [
    ("« Il faut frapper son économie », a lancé mercredi Friedrich Merz devant les dirigeants réunis.", "fr"),
    ("Keir Starmer said before leaving London on Wednesday that he was hopeful.", "en"),
])
def test_saying_before_leaders_or_before_leaving_is_no_speech(text, language):
    _, found = statements(text, language=language, published="2025-06-13")
    assert found == []
