"""Breadth of the French event words: the ways French news names meetings, calls, visits, press
conferences, statements, negotiations, agreements, sanctions, military actions, prisoner exchanges and acts
of government, each with a look-alike of another sense that must tell no such event. Every text is written for
the test."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read

PUBLISHED = "2025-03-05"  # a Wednesday: « mardi » is 2025-03-04


def kinds(text: str) -> list[str]:
    return sorted(e.kind for e in read(text, published=PUBLISHED).events)


def the_one(text: str, kind: str):
    ex = read(text, published=PUBLISHED)
    [event] = [e for e in ex.events if e.kind == kind]
    return ex, event


# --- meetings, calls, visits, press, statements, negotiations --------------------------------------------

@pytest.mark.parametrize("text, kind, who", [
    ("Mardi, Emmanuel Macron a conversé avec Friedrich Merz en marge du sommet.", "meeting",
     {"Emmanuel Macron", "Friedrich Merz"}),
    ("Mardi, Emmanuel Macron a croisé Donald Trump à Rome.", "meeting", {"Emmanuel Macron", "Donald Trump"}),
    ("Mardi, Emmanuel Macron a eu un aparté avec Donald Trump à Rome.", "meeting",
     {"Emmanuel Macron", "Donald Trump"}),
    ("Mardi, Keir Starmer a tenu une bilatérale avec Emmanuel Macron à Rome.", "meeting",
     {"Keir Starmer", "Emmanuel Macron"}),
    ("Le face-à-face entre Donald Trump et Volodymyr Zelensky a eu lieu mardi à la Maison Blanche.", "meeting",
     {"Donald Trump", "Volodymyr Zelensky"}),
    ("Mardi, Emmanuel Macron a partagé un petit-déjeuner de travail avec Friedrich Merz à Berlin.", "meeting",
     {"Emmanuel Macron", "Friedrich Merz"}),
    ("Les retrouvailles entre Emmanuel Macron et Donald Trump ont eu lieu mardi.", "meeting",
     {"Emmanuel Macron", "Donald Trump"}),
    ("Emmanuel Macron a téléphoné mardi à Vladimir Poutine.", "call", {"Emmanuel Macron", "Vladimir Putin"}),
    ("La venue de Volodymyr Zelensky à Paris mardi a été confirmée par l'Élysée.", "visit", {"Volodymyr Zelensky"}),
    ("Lors de son briefing quotidien mardi, Dmitri Peskov a déclaré que la Russie restait ouverte.",
     "press_conference", {"Dmitry Peskov"}),
    ("Mardi, Emmanuel Macron a prononcé un message à la nation.", "statement", {"Emmanuel Macron"}),
    ("Les tractations entre Washington et Moscou ont repris mardi à Riyad.", "negotiation",
     {"United States", "Russia"}),
])
def test_french_words_for_meetings_calls_visits_and_speeches_tell_their_event(text, kind, who):
    ex, event = the_one(text, kind)
    assert str(event.date) == "2025-03-04"
    assert who <= parties(ex, event)


@pytest.mark.parametrize("text, kind", [
    ("Les négociateurs croisent les doigts depuis lundi.", "meeting"),
    ("Il l'a dit en aparté à ses conseillers mardi.", "meeting"),
    ("Il a pris son petit-déjeuner mardi à l'hôtel.", "meeting"),
    ("Le téléphone de Volodymyr Zelensky a sonné mardi.", "call"),
    ("Le passage à l'offensive a surpris les Russes.", "visit"),
    ("Le président a reçu un briefing des services de renseignement mardi.", "press_conference"),
    ("Volodymyr Zelensky a envoyé mardi un message à ses partisans.", "statement"),
    ("La France exclut toute intervention militaire en Ukraine.", "statement"),
    ("Selon un communiqué commun publié par la Maison Blanche, les deux parties sont convenues de poursuivre.",
     "statement"),
])
def test_their_look_alikes_of_another_sense_tell_none(text, kind):
    assert kind not in kinds(text)


def test_a_joint_communique_published_is_a_statement_of_its_authors():
    ex, event = the_one("Washington et Kiev ont publié mardi un communiqué commun.", "statement")
    assert str(event.date) == "2025-03-04"


def test_a_call_told_as_following_the_scene_takes_the_scenes_day():
    # « a téléphoné » is tagged a noun with its auxiliary; « dans la foulée » goes on with Tuesday's scene
    ex = read("Donald Trump a révélé mardi s'être entretenu au téléphone avec Vladimir Poutine. Dans la foulée, "
              "il a téléphoné à Volodymyr Zelensky.", published="2025-03-06")
    calls = {frozenset(parties(ex, e)): str(e.date) for e in ex.events if e.kind == "call"}
    assert calls[frozenset({"Donald Trump", "Volodymyr Zelensky"})] == "2025-03-04"
