"""The day of an event the text does not date: the scene the narration goes on with, told in the past in a
paragraph before, or else the day the story went out.

Every text here was written for the tests.
"""
from __future__ import annotations

import pytest

from .pipeline_helpers import read


def events_of(text: str, *, language: str, published: str, kind: str):
    return [e for e in read(text, language=language, published=published).events if e.kind == kind]


def test_a_pluperfect_meeting_of_the_two_presidents_next_paragraph_took_place_on_the_day_told_before():
    text = ("Mardi, à Berlin, Friedrich Merz et Emmanuel Macron ont signé une déclaration commune sur la défense.\n\n"
            "Les deux présidents avaient auparavant eu un entretien de deux heures à la chancellerie.")
    [meeting] = events_of(text, language="fr", published="2025-03-06", kind="meeting")
    assert (str(meeting.date), meeting.status) == ("2025-03-04", "occurred")


def test_an_afternoon_visit_after_quotations_took_place_on_the_day_the_story_is_at():
    text = ("Hier, à Rome, Giorgia Meloni a reçu Volodymyr Zelensky au palais Chigi.\n\n"
            "« Nous resterons aux côtés de l'Ukraine », a déclaré la présidente du Conseil.\n\n"
            "L'après-midi, les deux dirigeants se sont rendus à Naples, où ils ont visité un chantier naval.")
    [visit] = events_of(text, language="fr", published="2025-03-06", kind="visit")
    assert str(visit.date) == "2025-03-05"


def test_later_the_two_men_travelled_is_dated_by_the_scene_of_the_paragraph_before():
    text = ("On Tuesday, Keir Starmer hosted Mark Rutte at Downing Street for talks on air defence.\n\n"
            "Later, the two men travelled to Sheffield to visit an arms factory.")
    visits = events_of(text, language="en", published="2025-03-06", kind="visit")
    assert [str(v.date) for v in visits] == ["2025-03-04"]


def test_a_past_event_with_no_word_going_on_with_the_scene_keeps_the_day_the_story_went_out():
    # a guard: running the scene into every next paragraph (tried and reverted) dates this visit Tuesday
    text = ("Mardi, à Berlin, Friedrich Merz a reçu Emmanuel Macron à la chancellerie.\n\n"
            "Volodymyr Zelensky s'est rendu à Madrid.")
    [visit] = events_of(text, language="fr", published="2025-03-06", kind="visit")
    assert str(visit.date) == "2025-03-06"



def test_a_press_conference_answers_the_scene_not_the_background_told_in_the_pluperfect():
    text = ("Mardi, à Paris, Emmanuel Macron a reçu Volodymyr Zelensky à l'Elysée.\n\n"
            "La délégation ukrainienne avait passé lundi la journée à Berlin avec des émissaires américains.\n\n"
            "« Rien n'est décidé », a déclaré Emmanuel Macron lors d'une conférence de presse commune.")
    [conference] = events_of(text, language="fr", published="2025-03-06", kind="press_conference")
    assert str(conference.date) == "2025-03-04"


def test_a_meeting_the_lead_tells_in_the_simple_past_took_place_on_the_day_the_lead_then_gives():
    text = ("Keir Starmer's meeting with Volodymyr Zelensky lasted three hours, Downing Street said. "
            "It ended in London on Tuesday evening without a joint statement.\n\n"
            "Zelensky thanked the British people for their support.")
    [meeting] = events_of(text, language="en", published="2025-03-06", kind="meeting")
    assert str(meeting.date) == "2025-03-04"


def test_so_many_days_later_after_a_sentence_ending_in_since_counts_from_the_day_told_before():
    # "…ever since." ends the sentence before: it opens no span of time for "Five days later" to be part of
    text = ("The envoy returned to Moscow on March 3 and met Sergei Lavrov. Lavrov then set out conditions that have "
            "held up the truce ever since. Five days later, Donald Trump and Vladimir Putin spoke by phone for an hour.")
    [call] = events_of(text, language="en", published="2025-04-12", kind="call")
    assert str(call.date) == "2025-03-08"


def test_a_meeting_told_in_the_paragraph_after_a_lead_that_told_a_meeting_took_place_on_the_lead_day():
    # written for the tests: the second paragraph goes on telling the meeting of the lead, with no date of its own
    text = ("GENEVA, March 6 - Senior U.S. and Russian officials agreed in Geneva on Tuesday to reopen consulates, "
            "in their first such meeting in three years.\n\n"
            "Marco Rubio spent five hours at the Intercontinental hotel with Sergei Lavrov.")
    meetings = events_of(text, language="en", published="2025-03-06", kind="meeting")
    rubio = [m for m in meetings if any(p.key == "us:rubio" for p in m.participants)]
    assert [str(m.date) for m in rubio] == ["2025-03-04"]


def test_so_many_days_later_counts_from_the_summit_dated_in_its_own_noun_phrase():
    # written for the tests: the date qualifies the summit's noun, and the summit is what the sentence tells
    text = ("The Reykjavik summit of June 2 between Donald Trump and Vladimir Putin ended without a deal. "
            "Three days later, Trump hosted Volodymyr Zelensky at the White House.")
    meetings = events_of(text, language="en", published="2025-06-20", kind="meeting")
    assert sorted(str(m.date) for m in meetings) == ["2025-06-02", "2025-06-05"]


def test_le_lendemain_counts_from_the_summit_dated_in_its_own_noun_phrase():
    text = ("Le sommet de Reykjavik du 2 juin entre Donald Trump et Vladimir Poutine s'est achevé sans accord. "
            "Le lendemain, Trump a appelé Volodymyr Zelensky.")
    [call] = events_of(text, language="fr", published="2025-06-20", kind="call")
    assert str(call.date) == "2025-06-03"


def test_the_day_after_the_summit_counts_from_the_summit_told_not_from_the_last_day_named():
    # written for the tests: "on Monday" dates a saying; "the summit" points back to the one dated June 2
    text = ("Donald Trump and Vladimir Putin met in Reykjavik on June 2. Trump said on Monday that the talks went "
            "well. The day after the summit, Trump called Volodymyr Zelensky.")
    [call] = events_of(text, language="en", published="2025-06-20", kind="call")
    assert str(call.date) == "2025-06-03"


@pytest.mark.parametrize(("words", "day"), [("Le lendemain du sommet", "2025-06-03"),
                                            ("La veille du sommet", "2025-06-01")])
def test_la_veille_et_le_lendemain_du_sommet_count_from_the_summit_told(words, day):
    text = ("Donald Trump et Vladimir Poutine se sont rencontrés à Reykjavik le 2 juin. Trump a déclaré lundi que les "
            f"discussions s'étaient bien passées. {words}, Trump a appelé Volodymyr Zelensky.")
    [call] = events_of(text, language="fr", published="2025-06-20", kind="call")
    assert str(call.date) == day


# --- a count hung on a verb the sentence dates (written for the tests) -------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("Trump met Zelensky at the White House on Friday, two days after his call with Vladimir Putin.", "2025-10-15"),
    # the parser hangs the count on "sending"; the day is the one of "told", above it
    ("Trump told Zelensky at the White House on Friday that he hoped to end the war without sending Tomahawk "
     "missiles to Ukraine, a day after a long call with Vladimir Putin.", "2025-10-16"),
])
def test_a_count_after_a_verb_the_sentence_dates_counts_from_that_day(text, day):
    ex = read(text, language="en", published="2025-10-18")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert str(call.date) == day


# --- a clause of the same time as its verb (written for the tests) -----------------------------------------------

@pytest.mark.parametrize(("language", "text"), [
    ("en", "Steve Witkoff first met Vladimir Putin in February, when he flew to Moscow to bring home a teacher."),
    ("fr", "Steve Witkoff a rencontré Vladimir Poutine en février, lorsqu'il s'est rendu à Moscou pour ramener un "
           "enseignant."),
])
def test_a_when_clause_shares_the_date_of_the_verb_it_hangs_on(language, text):
    ex = read(text, language=language, published="2025-04-12")
    [trip] = [e for e in ex.events if e.kind == "visit"]
    assert (trip.location, str(trip.date), trip.precision) == ("Moscow", "2025-02-01", "month")


def test_a_when_clause_gives_its_date_to_the_verb_it_hangs_on():
    # the story is at Friday when the sentence opens: the meeting takes the date of its when-clause, not that day
    ex = read("On Friday Steve Witkoff was in St Petersburg. He first met Vladimir Putin, when he flew to Moscow on "
              "11 February.", language="en", published="2025-04-12")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert str(meeting.date) == "2025-02-11"


def test_a_first_meeting_counted_back_from_a_hosted_visit():
    ex = read("Macron hosted Zelensky at the Elysee on Wednesday, two days after a first meeting with Starmer in "
              "London.", language="en", published="2025-02-21")
    london = next(e for e in ex.events if e.location == "London")
    assert str(london.date) == "2025-02-17"
