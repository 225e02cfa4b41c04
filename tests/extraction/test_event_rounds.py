"""Rounds of talks told in passing: several days in one phrase, « ne … que », consultations with a date.

The sentences were written for the tests."""
from __future__ import annotations

import pytest

from .pipeline_helpers import read


def rounds(ex, kinds=("meeting", "negotiation")):
    return sorted((str(e.date), e.location) for e in ex.events if e.kind in kinds)


@pytest.mark.parametrize(("text", "language", "published", "expected"), [
    ("Ukrainian and American negotiators had already met in Riyadh on February 18 and in Jeddah on March 11.",
     "en", "2025-03-24", [("2025-02-18", "Riyadh"), ("2025-03-11", "Jeddah")]),
    ("Talks between Russia and Ukraine on May 16 and June 2 produced only prisoner swaps.",
     "en", "2025-07-23", [("2025-05-16", None), ("2025-06-02", None)]),
    ("Les négociations de Genève du 4 avril et du 19 avril n'avaient abouti qu'à une déclaration.",
     "fr", "2025-07-23", [("2025-04-04", "Geneva"), ("2025-04-19", "Geneva")]),
    ("Les négociateurs ukrainiens et américains s'étaient réunis à Genève le 23 juin et à Vienne le 30 juin.",
     "fr", "2025-07-23", [("2025-06-23", "Geneva"), ("2025-06-30", "Vienna")]),
])
def test_days_joined_by_and_are_one_round_each_at_its_own_place(text, language, published, expected):
    assert rounds(read(text, language=language, published=published)) == expected


def test_the_meetings_of_two_days_keep_their_parties():
    ex = read("The meetings of October 3 and October 17 between Umerov and Witkoff yielded little.",
              language="en", published="2025-11-02")
    meetings = [e for e in ex.events if e.kind == "meeting"]
    assert sorted(str(e.date) for e in meetings) == ["2025-10-03", "2025-10-17"]
    for e in meetings:
        assert {ex.actor(p.key).name for p in e.participants} == {"Rustem Umerov", "Steve Witkoff"}


@pytest.mark.parametrize(("text", "language", "published", "kinds"), [
    # days that follow each other: one round over two days
    ("Witkoff and Umerov held talks on Monday and Tuesday in Miami.", "en", "2025-12-03", ("meeting",)),
    ("The summit on June 24 and 25 in The Hague was short.", "en", "2025-07-01", ("meeting",)),
    ("Le sommet des 16 et 17 mai à Tirana a réuni quarante dirigeants.", "fr", "2025-05-20", ("meeting",)),
    # years: a span, not two agreements
    ("Les Vingt-Sept se sont entendus lundi à Bruxelles sur un prêt pour 2026 et 2027.", "fr", "2025-12-20",
     ("agreement",)),
])
def test_next_days_a_singular_noun_or_years_stay_one_event(text, language, published, kinds):
    ex = read(text, language=language, published=published)
    assert len([e for e in ex.events if e.kind in kinds]) == 1


def test_ne_que_says_only_and_keeps_the_event():
    ex = read("Macron n'a rencontré que Zelensky lundi à Paris.", language="fr", published="2025-07-23")
    [meeting] = [e for e in ex.events if e.kind == "meeting"]
    assert (str(meeting.date), meeting.location) == ("2025-07-21", "Paris")


@pytest.mark.parametrize("text", [
    "Macron n'a pas rencontré Zelensky lundi à Paris.",
    "Macron n'a plus rencontré Poutine depuis 2022.",
    # « que » opens a condition with a subject of its own: still « ne » alone, a denial
    "Macron ne rencontrera Poutine que si Moscou accepte une trêve.",
])
def test_ne_pas_ne_plus_and_a_condition_still_deny(text):
    ex = read(text, language="fr", published="2025-07-23")
    assert [e for e in ex.events if e.kind == "meeting"] == []


def test_dated_consultations_are_a_round_undated_ones_are_not():
    ex = read("Ces échanges font suite aux consultations de Djeddah du 11 mars entre Ukrainiens et Américains.",
              language="fr", published="2025-03-24")
    assert rounds(ex) == [("2025-03-11", "Jeddah")]
    ex = read("Le gouvernement a lancé des consultations sur la réforme des retraites.", language="fr",
              published="2025-03-24")
    assert ex.events == []
