"""One sentence, two events: an event told in a clause or a phrase counted from the main one ("two days after
…", « au lendemain de … »), and past rounds listed in a coordination, each with its own parties.

Every sentence here was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


def events(text: str, *, language: str = "en", published: str = "2025-08-15"):
    ex = read(text, language=language, published=published)
    return ex, sorted(ex.events, key=lambda e: str(e.date))


# --- an event told in a clause counted from the main one ---------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Russian missiles struck Odesa on Thursday, two days after Ukrainian forces bombed a refinery near Samara.",
     "en"),
    ("L'armée russe a frappé la ville de Kharkiv jeudi, deux jours après que l'armée ukrainienne a bombardé "
     "la raffinerie de Saratov.", "fr"),
])
def test_a_strike_in_a_clause_counted_from_the_main_one_is_an_event_of_its_own_on_its_day(text, language):
    ex, [earlier, main] = events(text, language=language)
    assert str(main.date) == "2025-08-14"  # Thursday, before the story went out on Friday
    assert str(earlier.date) == "2025-08-12"  # two days before the day the sentence gives
    assert "Ukraine" in parties(ex, earlier) and "Russia" in parties(ex, main)


@pytest.mark.parametrize("text, language", [
    ("Russian missiles struck Odesa on Thursday, after Ukrainian forces bombed a refinery near Samara.", "en"),
    ("L'armée russe a frappé la ville de Kharkiv jeudi, après que l'armée ukrainienne a bombardé la raffinerie "
     "de Saratov.", "fr"),
])
def test_a_clause_after_the_main_one_without_a_count_is_given_no_counted_day(text, language):
    ex, found = events(text, language=language)
    assert "2025-08-12" not in {str(e.date) for e in found}
    assert any(str(e.date) == "2025-08-14" and "Russia" in parties(ex, e) for e in found)


# --- dropping bombs is an attack, dropping a demand is not ----------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("American bombers dropped heavy bombs on the Fordow site on Sunday.", "en"),
    ("Des bombardiers russes ont largué des bombes sur Kharkiv dimanche.", "fr"),
])
def test_bombs_dropped_on_a_day_are_an_attack_that_took_place(text, language):
    ex, [strike] = events(text, language=language)
    assert (strike.kind, strike.status, str(strike.date)) == ("military_action", "occurred", "2025-08-10")


@pytest.mark.parametrize("text, language", [
    ("The European Union dropped its demand for an immediate ceasefire on Sunday.", "en"),
    ("Le gouvernement a largué les amarres dimanche.", "fr"),
])
def test_dropping_a_demand_is_no_attack(text, language):
    ex, found = events(text, language=language)
    assert not [e for e in found if e.kind == "military_action"]


# --- an event noun counted from the verb's event ------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Des diplomates turcs et suisses ont ouvert mardi à Genève des discussions sur les prisonniers, au lendemain "
     "d'une séance consacrée aux Ukrainiens.", "fr"),
    ("British and French officials opened talks on the ceasefire in Paris on Tuesday, the day after a session "
     "devoted to the Ukrainians.", "en"),
])
def test_a_session_the_day_before_the_talks_is_another_event_on_the_day_before(text, language):
    ex, [before, talks] = events(text, language=language)
    assert (str(before.date), str(talks.date)) == ("2025-08-11", "2025-08-12")
    assert "Ukraine" in parties(ex, before) and "Ukraine" not in parties(ex, talks)


@pytest.mark.parametrize("text, language", [
    ("The envoys met in Geneva on Wednesday for talks on prisoners.", "en"),
    ("Les émissaires se sont réunis mercredi à Genève pour des discussions sur les prisonniers.", "fr"),
])
def test_talks_a_meeting_is_held_for_stay_one_event(text, language):
    ex, found = events(text, language=language)
    assert [str(e.date) for e in found] == ["2025-08-13"]


# --- past rounds in a coordination ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Ces pourparlers font suite à la rencontre entre Keir Starmer et Mark Carney du 3 mai, puis aux consultations "
     "d'Ottawa du 9 juin.", "fr"),
    ("These talks follow the meeting between Keir Starmer and Mark Carney on May 3, then the consultations in "
     "Ottawa on June 9.", "en"),
])
def test_a_second_round_named_by_its_own_noun_does_not_inherit_the_first_rounds_parties(text, language):
    ex, found = events(text, language=language)
    by_day = {str(e.date): e for e in found}
    assert parties(ex, by_day["2025-05-03"]) >= {"Keir Starmer", "Mark Carney"}
    assert not parties(ex, by_day["2025-06-09"]) & {"Keir Starmer", "Mark Carney"}


@pytest.mark.parametrize("text, language", [
    ("Keir Starmer a eu des entretiens avec Mark Carney le 3 mai, puis le 9 juin.", "fr"),
    ("Keir Starmer held talks with Mark Carney on May 3 and then again on June 9.", "en"),
])
def test_one_word_told_on_two_days_keeps_its_parties_on_both(text, language):
    ex, found = events(text, language=language)
    by_day = {str(e.date): e for e in found}
    assert set(by_day) == {"2025-05-03", "2025-06-09"}
    assert all(parties(ex, e) >= {"Keir Starmer", "Mark Carney"} for e in found)


# --- a meeting told as held before the verb's event -------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Keir Starmer and Mark Carney signed a defence pact in Ottawa on Monday, following a two-hour meeting.", "en"),
    ("Keir Starmer and Mark Carney agreed on Monday to a prisoner exchange, after three hours of talks in Geneva.",
     "en"),
    ("Keir Starmer et Mark Carney ont signé lundi un accord de défense à Ottawa, après un entretien de deux heures.",
     "fr"),
])
def test_a_meeting_told_after_which_two_leaders_agreed_was_held_by_them_that_day(text, language):
    ex, found = events(text, language=language)
    meeting = next(e for e in found if e.kind in ("meeting", "negotiation"))
    assert (str(meeting.date), meeting.status) == ("2025-08-11", "occurred")
    assert parties(ex, meeting) >= {"Keir Starmer", "Mark Carney"}
    assert any(e.kind == "agreement" for e in found)


@pytest.mark.parametrize("text, language", [
    ("Keir Starmer and Mark Carney signed a defence pact in Ottawa on Monday, after months of talks.", "en"),
    ("Keir Starmer et Mark Carney ont signé lundi un accord de défense à Ottawa, après des mois de négociations.",
     "fr"),
    ("Keir Starmer and Mark Carney will sign a defence pact in Ottawa on Monday, after a two-hour meeting.", "en"),
    ("Keir Starmer and Mark Carney signed a defence pact on Monday, two days after a meeting in Ottawa.", "en"),
])
def test_months_of_talks_or_a_pact_still_to_sign_tell_no_meeting_held_that_day(text, language):
    ex, found = events(text, language=language)
    assert not [e for e in found if e.kind in ("meeting", "negotiation") and e.status == "occurred"
                and str(e.date) == "2025-08-11"]


# --- what two sides agreed besides a call --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Emmanuel Macron et Keir Starmer se sont parlé par téléphone lundi. Les deux dirigeants sont convenus de "
     "poursuivre leurs échanges sur le Groenland.", "fr"),
    ("Emmanuel Macron and Keir Starmer spoke by phone on Monday. The two leaders agreed to continue their "
     "exchanges on Greenland.", "en"),
])
def test_agreeing_to_go_on_talking_is_an_agreement_besides_the_call(text, language):
    ex, found = events(text, language=language)
    assert {e.kind for e in found} >= {"call", "agreement"}
    agreement = next(e for e in found if e.kind == "agreement")
    assert "Les deux dirigeants" not in agreement.title and "The two leaders" not in agreement.title


@pytest.mark.parametrize("text, language", [
    ("Keir Starmer et Mark Carney sont convenus de tenir un sommet à Ottawa le mois prochain.", "fr"),
    ("Keir Starmer and Mark Carney agreed to hold a summit in Ottawa next month.", "en"),
])
def test_agreeing_to_hold_a_summit_is_the_summit_to_come(text, language):
    ex, found = events(text, language=language)
    assert [(e.kind, e.status) for e in found] == [("meeting", "planned")]
