"""Where and when an event told as the setting of something else happened: the talks at whose end a statement
was made, and the dates of the clauses around them that tell of something else.

The sentences were written for the tests."""
from __future__ import annotations

from .pipeline_helpers import parties, read


def _events(text: str, language: str, published: str):
    return read(text, language=language, published=published).events


def test_talks_at_whose_end_a_delegation_spoke_are_dated_and_placed_by_that_saying():
    # the participle clause about the plan's points (« présentés la semaine dernière ») dates them, not the talks
    ex = read("La délégation américaine et la délégation ukrainienne ont déclaré samedi soir à Genève avoir rédigé "
              "un texte commun, au terme d'une journée de discussions sur le plan en vingt points présentés la "
              "semaine dernière par Washington.", language="fr", published="2025-11-24")
    [talks] = [e for e in ex.events if e.kind in ("meeting", "negotiation")]
    assert (str(talks.date), talks.location) == ("2025-11-22", "Geneva")
    assert {"United States", "Ukraine"} <= parties(ex, talks)


def test_a_speaker_speaking_on_a_day_still_dates_what_he_plans():
    # "speaking … on Tuesday" tells of the speaker's day, not of a noun: the meeting he announces is still to come
    events = _events('Ushakov said it was too early to speak of a date for a meeting between Presidents Donald Trump '
                     'and Vladimir Putin. Trump, speaking at his Florida residence on Tuesday, said he would probably '
                     'meet Putin "before the end of the month".', "en", "2025-02-19")
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.status == "planned"


def test_a_strike_on_a_city_the_gazetteer_knows_is_placed_there():
    ex = read("A Russian missile strike on Kryvyi Rih killed 20 people on Friday.", language="en",
              published="2025-04-06")
    [strike] = [e for e in ex.events if e.kind == "military_action"]
    assert strike.location == "Kryvyi Rih"
    assert "Russia" in parties(ex, strike)
    assert "Kryvyi Rih" not in parties(ex, strike)


def test_a_call_the_parser_hangs_on_the_object_is_the_setting_of_the_verb():
    # "in a phone call" hangs on "explanations": whoever asked, and whom, spoke on the phone that day
    ex = read("On July 23, European Commission President Ursula von der Leyen asked Zelenskiy for explanations in a "
              "phone call.", language="en", published="2025-08-01")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert (str(call.date), call.status) == ("2025-07-23", "occurred")
    assert {"Ursula von der Leyen", "Volodymyr Zelensky"} <= parties(ex, call)


def test_a_call_told_in_the_present_of_a_chronology_took_place_that_day():
    ex = read("The key dates:\n\nJuly 23 - European Commission President Ursula von der Leyen asks Zelenskiy for "
              "explanations in a phone call.", language="en", published="2025-08-01")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert (str(call.date), call.status) == ("2025-07-23", "occurred")


def test_a_meeting_asked_for_is_still_to_come():
    ex = read("Zelensky asked Trump on Monday for a meeting at the White House.", language="en", published="2025-08-01")
    assert all(e.status == "planned" for e in ex.events if e.kind == "meeting")


def test_a_call_during_which_something_was_rejected_took_place():
    # what was refused at an event does not deny the event
    ex = read("Russian President Vladimir Putin rejected the full truce on Tuesday during a call with Donald Trump.",
              language="en", published="2025-03-19")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert (str(call.date), call.status) == ("2025-03-18", "occurred")
    assert parties(ex, call) == {"Vladimir Putin", "Donald Trump"}


def test_a_call_told_as_the_setting_of_an_agreement_is_a_call_of_whoever_agreed():
    ex = read("Vladimir Putin agreed on Tuesday to a 30-day pause in strikes on energy sites, during a call that lasted "
              "more than two hours.", language="en", published="2025-03-19")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert (str(call.date), call.status) == ("2025-03-18", "occurred")
    assert "Vladimir Putin" in parties(ex, call)


def test_calls_for_a_truce_are_no_call():
    ex = read("Vladimir Putin spoke on Tuesday amid calls for a truce.", language="en", published="2025-03-19")
    assert not [e for e in ex.events if e.kind == "call"]


def test_talks_after_which_officials_agreed_to_act_were_held_by_them_that_day():
    # the parser hangs "after … talks" on the infinitive; the talks came before the agreeing, they are not to come
    ex = read("RIYADH — Senior American and Russian officials agreed on Tuesday to start work on ending the war in "
              "Ukraine and to restore staffing at their embassies, after four and a half hours of talks in Riyadh.",
              language="en", published="2025-02-19")
    [talks] = [e for e in ex.events if e.kind in ("meeting", "negotiation")]
    assert (str(talks.date), talks.status, talks.location) == ("2025-02-18", "occurred", "Riyadh")
    assert parties(ex, talks) == {"United States", "Russia"}
