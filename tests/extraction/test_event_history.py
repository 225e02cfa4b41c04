"""What the words of an event say of its past ("the long-delayed deal", « l'accord prévu ») and what a verb after it
schedules do not make a done event one to come. The sentences were written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read


@pytest.mark.parametrize("language, text", [
    ("en", "The United States and Ukraine signed a long-delayed agreement in Washington on Wednesday."),
    ("fr", "Les Etats-Unis et l'Ukraine ont signé mercredi à Washington l'accord prévu depuis des mois."),
])
def test_a_deal_long_planned_and_signed_was_signed_that_day(language, text):
    ex = read(text, language=language, published="2025-05-01")
    [deal] = [e for e in ex.events if e.kind == "agreement"]
    assert (str(deal.date), deal.status, deal.location) == ("2025-04-30", "occurred", "Washington")


def test_a_planned_summit_that_was_held_took_place():
    ex = read("The planned summit was held in Washington on Wednesday.", language="en", published="2025-05-01")
    [summit] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(summit.date), summit.status) == ("2025-04-30", "occurred")


@pytest.mark.parametrize("language, text", [
    ("fr", "Après huit heures de discussions mardi à Djeddah, l'Ukraine a accepté la proposition américaine d'un "
           "cessez-le-feu de trente jours."),
    ("en", "Following eight hours of talks in Jeddah on Tuesday, Ukraine agreed to a 30-day ceasefire."),
])
def test_talks_after_which_a_side_accepted_a_proposal_were_held(language, text):
    # accepting, agreeing schedule what is accepted, not the talks that came before
    ex = read(text, language=language, published="2025-03-12")
    [talks] = [e for e in ex.events if e.kind in ("meeting", "negotiation")]
    assert (str(talks.date), talks.status, talks.location) == ("2025-03-11", "occurred", "Jeddah")


def test_a_summit_after_which_a_side_agreed_to_meet_is_still_to_come_when_it_is_next_week():
    ex = read("Ukraine agreed on Tuesday to meet Russia after the summit in Paris next week.", language="en",
              published="2025-03-12")
    assert {e.status for e in ex.events if e.kind == "meeting"} == {"planned"}
    assert any(parties(ex, e) == {"Ukraine", "Russia"} for e in ex.events if e.kind == "meeting")


@pytest.mark.parametrize("text, kept", [
    ("Keir Starmer will hold a meeting, Downing Street said.", False),
    ("Keir Starmer will hold a meeting with Emmanuel Macron, Downing Street said.", True),
    ("Keir Starmer will hold a meeting in Paris, Downing Street said.", True),
    ("Keir Starmer will hold a meeting on Friday, Downing Street said.", True),
])
def test_a_meeting_to_come_says_with_whom_where_or_when_or_it_is_no_event(text, kept):
    ex = read(text, language="en", published="2025-03-12")
    assert bool([e for e in ex.events if e.kind == "meeting"]) is kept


@pytest.mark.parametrize("language, text, who", [
    ("fr", "Le Kremlin a confirmé samedi matin la date et le lieu de la rencontre.", "Kremlin"),
    ("en", "The Kremlin confirmed the venue on Saturday.", "Kremlin"),
])
def test_confirming_the_arrangements_of_a_summit_is_an_announcement(language, text, who):
    ex = read(text, language=language, published="2025-08-09")
    [announcement] = [e for e in ex.events if e.kind == "announcement"]
    assert str(announcement.date) == "2025-08-09" and who in parties(ex, announcement)


def test_confirming_a_report_is_no_announcement():
    ex = read("The Kremlin confirmed the report on Saturday.", language="en", published="2025-08-09")
    assert not [e for e in ex.events if e.kind == "announcement"]


@pytest.mark.parametrize("language, text, day", [
    ("en", "Late last night, Emmanuel Macron announced that France would recognise a Palestinian state.", "2025-07-24"),
    ("fr", "Emmanuel Macron a annoncé jeudi soir que la France reconnaîtrait l'Etat de Palestine.", "2025-07-24"),
])
def test_a_policy_announced_on_a_given_day_is_an_announcement(language, text, day):
    ex = read(text, language=language, published="2025-07-25")
    [announcement] = [e for e in ex.events if e.kind == "announcement"]
    assert str(announcement.date) == day and parties(ex, announcement) == {"Emmanuel Macron"}


@pytest.mark.parametrize("text", [
    "Emmanuel Macron announced that France would recognise a Palestinian state.",
    "Late last night, Emmanuel Macron said that France would recognise a Palestinian state.",
])
def test_an_undated_announcement_or_a_saying_is_words_not_an_event(text):
    ex = read(text, language="en", published="2025-07-25")
    assert not [e for e in ex.events if e.kind == "announcement"]


def test_sitting_next_to_someone_while_announcing_is_a_meeting_that_day():
    ex = read("The day before, sitting next to NATO Secretary-General Mark Rutte in the Oval Office, Trump announced that "
              "European allies would buy American weapons for Ukraine.", language="en", published="2025-07-15")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.status) == ("2025-07-14", "occurred")
    assert {"Donald Trump", "Mark Rutte"} <= parties(ex, meeting)
    [announcement] = [e for e in ex.events if e.kind == "announcement"]
    assert str(announcement.date) == "2025-07-14"


@pytest.mark.parametrize("language, text, title", [
    ("en", "The defence deal signed today by Keir Starmer and Recep Tayyip Erdoğan covers 20 Typhoons.",
     "Starmer and Erdoğan agree the defence deal"),
    ("fr", "L'accord de défense signé lundi par Keir Starmer et Recep Tayyip Erdoğan porte sur vingt avions.",
     "Accord entre Starmer et Erdoğan"),
])
def test_a_deal_a_participle_says_was_signed_is_an_agreement_of_its_signers(language, text, title):
    # (the English model reads "The deal signed today" as the deal signing something)
    ex = read(text, language=language, published="2025-10-27")
    [deal] = [e for e in ex.events if e.kind == "agreement"]
    assert (str(deal.date), deal.status) == ("2025-10-27", "occurred")
    assert {"Keir Starmer", "Recep Tayyip Erdoğan"} <= parties(ex, deal)
    assert deal.title == title


def test_talks_due_next_week_after_a_first_session_there_are_two_events_in_that_city():
    ex = read("Russian and American diplomats are due back in Istanbul next week for a second round of talks on the work "
              "of their embassies, after a first session there on February 27.", language="en", published="2025-04-05")
    meetings = sorted((str(e.date), e.status, e.location) for e in ex.events if e.kind in ("meeting", "negotiation"))
    assert meetings == [("2025-02-27", "occurred", "Istanbul"), ("2025-04-07", "planned", "Istanbul")]


def test_there_of_existence_is_no_place():
    ex = read("Zelensky was in Kyiv on Thursday. There will be a meeting with Putin on Friday.", language="en",
              published="2025-04-05")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert meeting.location is None


def test_a_pronoun_set_off_by_commas_is_not_what_was_announced():
    # the parser hangs « lui » on « annoncé » as an object
    ex = read("Emmanuel Macron a accueilli mercredi Friedrich Merz à l'Elysée. Le président français a, lui, annoncé la "
              "création d'un conseil franco-allemand de défense.", published="2025-05-08")
    [announcement] = [e for e in ex.events if e.kind == "announcement"]
    assert announcement.title == "Macron annonce la création d'un conseil franco-allemand de défense"


def test_agreeing_to_stop_firing_is_an_agreement_not_a_stop_on_a_trip():
    # "stop" is also a stop on a trip ("a stop in Warsaw"): without a destination it plans no visit
    ex = read("India and Pakistan agreed on Saturday to stop firing on land, at sea and in the air.", language="en",
              published="2025-05-10")
    [deal] = [e for e in ex.events if e.kind == "agreement"]
    assert (str(deal.date), deal.status) == ("2025-05-10", "occurred")
    assert parties(ex, deal) == {"India", "Pakistan"}


def test_a_year_to_come_said_of_another_phrase_does_not_date_a_thing_done():
    # "2030" is how long the programme runs; the banquet was held yesterday
    ex = read("Yesterday the two leaders signed an economic programme running to 2030 before President Droupadi Murmu "
              "hosted a state banquet.", language="en", published="2025-12-06")
    dates = {str(e.date)[:4] for e in ex.events if e.date}
    assert "2030" not in dates


@pytest.mark.parametrize("language, text", [
    ("fr", "Vladimir Poutine et Ilham Aliev se sont entretenus en marge de la visite d'Etat du président russe au "
           "Tadjikistan.\n\nLes deux présidents doivent se retrouver dès vendredi au sommet de la CEI, à Douchanbé."),
    ("en", "Putin and Aliyev held talks on the sidelines of the Russian president's state visit to Tajikistan. The two "
           "presidents are due to meet again on Friday at the CIS summit in Dushanbe."),
])
def test_a_meeting_told_as_done_is_not_the_meeting_dated_after_the_story(language, text):
    # (undated, the talks told in the past tense had joined the summit to come, and taken its day and status)
    ex = read(text, language=language, published="2025-10-09")
    meetings = {(e.status, str(e.date)): parties(ex, e) for e in ex.events if e.kind == "meeting"}
    assert set(meetings) == {("occurred", "2025-10-09"), ("planned", "2025-10-10")}
    assert all(found >= {"Vladimir Putin", "Ilham Aliyev"} for found in meetings.values())
