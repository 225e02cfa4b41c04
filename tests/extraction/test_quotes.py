"""Statements: quotations with the right speaker and the day they were said; reported speech is indirect."""
from __future__ import annotations

import pytest

from apps.extraction.pipeline import extract

from .pipeline_helpers import fixture_article, read, speaker_of


def test_guillemets_with_a_t_il_ajoute_belong_to_the_man_named_before():
    ex = read("Emmanuel Macron s'est exprimé jeudi devant la presse.\n\n"
              "« Nous devons obtenir un cessez-le-feu sans conditions », a-t-il ajouté.")
    assert speaker_of(ex, "cessez-le-feu sans conditions") == "Emmanuel Macron"


def test_a_pronoun_speaker_is_the_one_who_spoke_not_the_last_name_in_the_sentence():
    ex = extract(fixture_article("seed-reuters-fr-2025-09-04"))
    assert speaker_of(ex, "Cela étant dit") == "John Foreman"  # not Zelensky, named just before


def test_a_quote_paragraph_without_attribution_continues_the_previous_speaker():
    ex = extract(fixture_article("seed-reuters-fr-2025-09-04"))
    assert speaker_of(ex, "Tout cela est un travail préparatoire") == "John Foreman"


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ('"We will not give up," Rubio told reporters.', "will not give up", "Marco Rubio"),
    ('“We are ready,” added Witkoff.', "We are ready", "Steve Witkoff"),
    ('According to Kremlin spokesman Dmitry Peskov, "the door remains open for talks".', "door remains open",
     "Dmitry Peskov"),
    ("Selon Sergueï Lavrov, « la Russie ne fera aucune concession territoriale ».", "aucune concession",
     "Sergei Lavrov"),
    ("« Nous soutiendrons l'Ukraine jusqu'au bout », a indiqué Kaja Kallas.", "jusqu'au bout", "Kaja Kallas"),
])
def test_common_attributions_name_the_speaker(text, fragment, speaker):
    assert speaker_of(read(text, language=None), fragment) == speaker


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    # written for the tests: the attribution cuts one quotation in two
    ("Le Kremlin a réagi. « La paix, a dit Emmanuel Macron après l'appel, ne se décrète pas à Moscou. »",
     "ne se décrète pas", "Emmanuel Macron"),
    ("Kaja Kallas était à Kyiv. « Nous sommes prêts, a-t-elle ajouté, à signer dès demain. »",
     "signer dès demain", "Kaja Kallas"),
])
def test_an_attribution_inside_the_quotation_names_its_speaker(text, fragment, speaker):
    assert speaker_of(read(text), fragment) == speaker


def test_as_x_said_inside_a_quotation_does_not_make_x_the_speaker():
    ex = read("« Cette guerre, comme l'a dit Emmanuel Macron, doit finir », a déclaré Keir Starmer.")
    assert speaker_of(ex, "Cette guerre") == "Keir Starmer"


def test_a_spokesperson_of_the_white_house_is_the_white_house_not_its_press_secretary():
    ex = read("« Il n'y a pas de nouvelle date », a indiqué un porte-parole de la Maison Blanche.",
              published="2025-09-16")
    assert speaker_of(ex, "pas de nouvelle date") == "White House"
    ex = read("« Il n'y a pas de nouvelle date », a indiqué la porte-parole de la Maison Blanche.",
              published="2025-09-16")
    assert speaker_of(ex, "pas de nouvelle date") == "Karoline Leavitt"


def test_quoted_terms_and_headings_are_not_statements():
    ex = extract(fixture_article("seed-reuters-fr-2025-09-04"))
    quoted = {s.text for s in ex.statements if s.direct}
    assert not quoted & {"coalition des volontaires", "force de réassurance", "PAIX ILLUSOIRE"}


def test_reported_speech_is_indirect_and_keeps_its_speaker():
    ex = read("Vladimir Poutine a déclaré mercredi qu'il était possible de mettre fin à la guerre.")
    st = next(s for s in ex.statements if not s.direct)
    assert ex.actor(st.speaker).name == "Vladimir Putin"
    assert st.text.startswith("il était possible")


def test_a_declaration_on_wednesday_in_a_thursday_story_is_dated_the_day_before():
    ex = read('"Nous sommes prêts", a déclaré mercredi Emmanuel Macron.', published="2025-09-04")
    assert str(ex.statements[0].date) == "2025-09-03"


def test_a_statement_made_at_a_dated_meeting_takes_the_meeting_s_day():
    ex = extract(fixture_article("fr_parley-tests_istanbul-negociations"))
    st = next(s for s in ex.statements if "poursuivre les discussions" in s.text)
    assert str(st.date) == "2025-05-16"


@pytest.mark.parametrize("name", ["seed-reuters-fr-2025-09-04", "en_parley-tests_sanctions-summit-off",
                                  "fr_parley-tests_sanctions-ue-annulation"])
def test_statement_offsets_point_at_the_quoted_words(name):
    art = fixture_article(name)
    for st in extract(art).statements:
        assert art.text[st.start:st.end] == st.text
        assert st.sentence_start <= st.start < st.end <= st.sentence_end + 1
