"""Calls told by what followed them, and plans told with « doit », "is to": parties read from the parse.

The sentences were written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties as people
from .pipeline_helpers import read


@pytest.mark.parametrize(("text", "language", "day", "expected"), [
    ("Following a phone call with Erdogan on Monday, Merz said Turkey would host new talks.", "en",
     "2025-10-13", {"Recep Tayyip Erdoğan", "Friedrich Merz"}),
    ("After a call with Starmer on Tuesday, Macron convened his defence council.", "en",
     "2025-10-14", {"Keir Starmer", "Emmanuel Macron"}),
    ("Après un entretien téléphonique avec Recep Tayyip Erdogan lundi, Friedrich Merz a annoncé de nouveaux "
     "pourparlers.", "fr", "2025-10-13", {"Recep Tayyip Erdoğan", "Friedrich Merz"}),
    ("À la suite d'une conversation téléphonique avec Keir Starmer mardi, Emmanuel Macron a convoqué un conseil "
     "de défense.", "fr", "2025-10-14", {"Keir Starmer", "Emmanuel Macron"}),
])
def test_who_acts_after_a_call_with_someone_held_that_call(text, language, day, expected):
    ex = read(text, language=language, published="2025-10-16")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert (str(call.date), people(ex, call)) == (day, expected)


@pytest.mark.parametrize(("text", "language"), [
    ("Emmanuel Macron a annoncé mardi, à l'issue d'un long entretien téléphonique avec Keir Starmer, qu'il "
     "convoquerait un conseil de défense.", "fr"),
    ("At the end of a long phone call with Keir Starmer on Tuesday, Emmanuel Macron convened his defence "
     "council.", "en"),
])
def test_a_call_at_the_end_of_which_someone_acts_is_that_persons(text, language):
    # « à l'issue de », "at the end of": a preposition of several words the parser reads as a noun
    ex = read(text, language=language, published="2025-10-16")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert people(ex, call) == {"Keir Starmer", "Emmanuel Macron"}


@pytest.mark.parametrize(("text", "language"), [
    ("After a call between Macron and Putin on Monday, Zelensky warned against concessions.", "en"),
    ("Après l'appel entre Macron et Poutine lundi, Zelensky a mis en garde contre toute concession.", "fr"),
])
def test_a_call_between_two_others_does_not_take_in_who_acts_after_it(text, language):
    ex = read(text, language=language, published="2025-10-16")
    [call] = [e for e in ex.events if e.kind == "call"]
    assert people(ex, call) == {"Emmanuel Macron", "Vladimir Putin"}


@pytest.mark.parametrize(("text", "status", "day"), [
    ("Les ministres Jean-Noël Barrot et Andriï Sybiha doivent se voir dès la semaine prochaine.", "planned",
     "2025-10-20"),
    ("Les ministres Jean-Noël Barrot et Andriï Sybiha se sont vus lundi à Kiev.", "occurred", "2025-10-13"),
])
def test_two_parties_seeing_each_other_meet(text, status, day):
    ex = read(text, language="fr", published="2025-10-16")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (meeting.status, str(meeting.date)) == (status, day)
    assert people(ex, meeting) == {"Jean-Noël Barrot", "Andrii Sybiha"}


@pytest.mark.parametrize("text", [
    "Macron s'est vu refuser l'accès lundi à la salle.",
    "Zelensky se voit contraint de céder lundi.",
])
def test_se_voir_as_a_passive_is_no_meeting(text):
    ex = read(text, language="fr", published="2025-10-16")
    assert [e for e in ex.events if e.kind == "meeting"] == []


@pytest.mark.parametrize(("text", "language"), [
    ("Volodymyr Zelensky doit être reçu vendredi à la Maison Blanche.", "fr"),
    ("Zelensky is to be received at the White House on Friday.", "en"),
])
def test_a_guest_to_be_received_is_a_planned_meeting(text, language):
    ex = read(text, language=language, published="2025-10-16")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (meeting.status, str(meeting.date), meeting.location) == ("planned", "2025-10-17", "Washington")
    assert "Volodymyr Zelensky" in people(ex, meeting)


def test_a_text_to_be_received_is_no_meeting():
    ex = read("Le projet doit être reçu vendredi par le Parlement.", language="fr", published="2025-10-16")
    assert [e for e in ex.events if e.kind == "meeting"] == []
