"""An AFP-style wire from Rome and a live page: an object after a day and a place, who speaks for whom (the
présidente du Conseil, the palais Chigi, the EU executive, an Italian diplomat), and meetings on a live page.
After blind15's dev half (a wire on Meloni's visit to Washington and Vance in Rome) and blind14's Rome live page.
Every text was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read, speaker_of

DATELINE = "ROME, 18 avril 2025 (AFP) - "


def _meetings(story):
    return sorted((e.date.isoformat() if e.date else None, tuple(sorted(parties(story, e))))
                  for e in story.events if e.kind == "meeting")


def test_the_object_after_a_day_and_a_place_is_whom_the_host_receives():
    text = (DATELINE + "Giorgia Meloni reçoit vendredi après-midi au palais Chigi le vice-président américain JD "
            "Vance, au lendemain d'un tête-à-tête avec Donald Trump à la Maison Blanche.")
    story = read(text, language="fr", published="2025-04-18")
    assert ("2025-04-18", ("Giorgia Meloni", "JD Vance")) in _meetings(story)


def test_a_partner_after_avec_is_no_object():
    story = read(DATELINE + "Giorgia Meloni s'entretient vendredi au palais Chigi avec le vice-président JD Vance.",
                 language="fr", published="2025-04-18")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, meeting) == {"Giorgia Meloni", "JD Vance"}


def test_talks_the_day_before_with_one_side_named_are_the_subject_s():
    text = DATELINE + "Giorgia Meloni reçoit vendredi JD Vance, au lendemain d'un tête-à-tête avec Donald Trump."
    story = read(text, language="fr", published="2025-04-18")
    assert ("2025-04-17", ("Donald Trump", "Giorgia Meloni")) in _meetings(story)


@pytest.mark.parametrize("language, text, fragment, speaker", [
    ("fr", "« L'Italie ne vient pas réclamer de faveur », a déclaré la présidente du Conseil devant les caméras.",
     "L'Italie ne vient pas", "Giorgia Meloni"),
    ("fr", "Le président américain viendra à Rome, a indiqué le palais Chigi.", "Le président américain viendra",
     "Palazzo Chigi"),
    ("fr", "Mercredi, un porte-parole de l'exécutif européen a rappelé que les deux dirigeantes s'étaient parlé.",
     "les deux dirigeantes", "European Commission"),
    ("fr", "Jeudi, Meloni a vu Trump. L'entretien portera sur le commerce, selon un diplomate italien.",
     "L'entretien portera", "Italy"),
    ("en", "On Thursday, Meloni met Trump. The talks will cover energy, an Indian official told us.",
     "The talks will cover", "India"),
])
def test_who_speaks_for_whom(language, text, fragment, speaker):
    story = read(DATELINE + text if language == "fr" else "ROME, April 18 (Reuters) - " + text, language=language,
                 published="2025-04-18")
    direct = any(fragment in s.text and s.direct for s in story.statements)
    assert speaker_of(story, fragment, direct=direct) == speaker


@pytest.mark.parametrize("text, fragment, direct", [
    ("Jeudi, Meloni a vu Trump. « Rien n'est fait », a confié un diplomate européen.", "Rien n'est fait", True),
    ("Jeudi, Meloni a vu Trump. Rien n'est fait, selon une source au sein de la délégation ukrainienne.",
     "Rien n'est fait", False),
])
def test_no_state_speaks_through_a_european_diplomat_or_a_source_in_a_delegation(text, fragment, direct):
    story = read(DATELINE + text, language="fr", published="2025-04-18")
    assert speaker_of(story, fragment, direct=direct) not in ("Ukraine", "European Union")


def test_a_live_page_s_entries_with_other_people_are_other_meetings():
    text = ("EN DIRECT\n\n17h50 Meloni en trait d'union\nUne heure d'entretien au palais Chigi entre Giorgia Meloni, "
            "JD Vance et Ursula von der Leyen.\n\n16h25 Quarante minutes avec Vance\nLe président ukrainien a été "
            "reçu à Rome par JD Vance et Marco Rubio à la résidence de l'ambassadeur des Etats-Unis.\n\n07h00 Bonjour\n"
            "La veille, Giorgia Meloni avait reçu Friedrich Merz au palais Chigi.")
    story = read(text, language="fr", published="2025-05-18")
    meetings = _meetings(story)
    assert ("2025-05-18", ("Giorgia Meloni", "JD Vance", "Ursula von der Leyen")) in meetings
    assert any(day == "2025-05-18" and {"Volodymyr Zelensky", "JD Vance", "Marco Rubio"} <= set(who)
               and "Giorgia Meloni" not in who for day, who in meetings)
    assert ("2025-05-17", ("Friedrich Merz", "Giorgia Meloni")) in meetings


def test_an_aside_inside_a_quotation_names_a_new_speaker_and_cuts_the_quotation_in_two():
    text = ("PARIS, 19 avril (AFP) - « Pékin vend de la stabilité, estime Claire Nguyen-Lasserre, chercheuse en "
            "relations internationales, à des pays qui redoutent d'être pris entre deux feux. » « Mais aucun de ces "
            "Etats ne tournera le dos au marché américain », prévient-elle.")
    story = read(text, language="fr", published="2025-04-19")
    quoted = [(s.text, speaker_of(story, s.text)) for s in story.statements if s.direct]
    assert quoted == [("Pékin vend de la stabilité,", "Claire Nguyen-Lasserre"),
                      ("à des pays qui redoutent d'être pris entre deux feux.", "Claire Nguyen-Lasserre"),
                      ("Mais aucun de ces Etats ne tournera le dos au marché américain", "Claire Nguyen-Lasserre")]


def test_a_few_words_set_up_before_an_aside_stay_with_the_rest():
    text = "PARIS, 15 septembre (AFP) - « La paix, a dit Emmanuel Macron après l'appel, ne se décrète pas à Moscou. »"
    story = read(text, language="fr", published="2025-09-15")
    assert [s.text for s in story.statements if s.direct] == [
        "La paix, a dit Emmanuel Macron après l'appel, ne se décrète pas à Moscou."]


def test_a_phrase_with_no_verb_before_the_speaker_is_no_reported_speech_and_the_dateline_is_no_content():
    story = read("PARIS, 19 avril (AFP) - Dès son arrivée à Pékin mardi, Emmanuel Macron a appelé à la paix.",
                 language="fr", published="2025-04-19")
    assert not [s for s in story.statements if "arrivée" in s.text]
    story = read("BEIJING, April 19 (Reuters) - Talks will resume on Monday in Geneva, the ministry said.",
                 language="en", published="2025-04-19")
    assert [s.text for s in story.statements if not s.direct] == ["Talks will resume on Monday in Geneva"]
