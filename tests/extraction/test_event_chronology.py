"""Chronologies, timelines and live-blog entries: an entry that opens with a date ("April 9 – …", « 9 avril : … »,
"The next day — …", or a heading that is only a date) dates what its sentences tell as done, though they name no
day of their own; a paragraph of ordinary prose keeps its own dates.

Every sentence here was written for the tests.
"""
from __future__ import annotations

from .pipeline_helpers import read


def dated(text: str, *, language: str = "en", published: str = "2025-04-20") -> dict[str, str | None]:
    ex = read(text, language=language, published=published)
    return {e.kind: (str(e.date) if e.date else None) for e in ex.events}


def test_an_english_entry_dates_a_strike_and_a_resignation_that_need_a_day():
    got = dated("What happened this month:\n\n"
                "April 9 – Russia attacks the port of Odesa with drones and missiles.\n\n"
                "The next day – Dmytro Kuleba resigns as foreign minister.")
    assert got == {"military_action": "2025-04-09", "announcement": "2025-04-10"}


def test_the_same_sentences_in_ordinary_prose_name_no_day_and_tell_no_event():
    assert dated("Russia attacks the port of Odesa with drones and missiles. "
                 "Dmytro Kuleba resigns as foreign minister.") == {}


def test_a_date_opening_a_sentence_of_prose_is_no_entry_and_keeps_the_verb_its_own():
    # "On April 9," is the sentence's own date; the next sentence is not in an entry and stays undated
    got = dated("On April 9, Russia attacked the port of Odesa with drones. Dmytro Kuleba resigned as foreign minister.")
    assert got == {"military_action": "2025-04-09"}


def test_an_entry_does_not_date_what_it_says_is_to_come():
    ex = read("Key dates:\n\nApril 11 — Volodymyr Zelensky says he will travel to Warsaw.", language="en",
              published="2025-04-20")
    [visit] = [e for e in ex.events if e.kind == "visit"]
    assert visit.status == "planned" and visit.date is None


def test_a_french_entry_after_a_colon_and_one_after_a_dash_date_their_events():
    got = dated("Les dates clés :\n\n"
                "9 avril : la Russie attaque le port d'Odessa avec des drones.\n\n"
                "Le lendemain – Dmytro Kouleba démissionne de son poste de ministre.", language="fr")
    assert got == {"military_action": "2025-04-09", "announcement": "2025-04-10"}


def test_french_prose_without_an_entry_date_tells_no_strike():
    assert dated("La Russie attaque le port d'Odessa avec des drones.", language="fr") == {}


def test_paragraphs_under_a_heading_that_is_only_a_date_are_that_days_entry():
    got = dated("Timeline\n\n12 April\n\nRussian forces shell Kherson with artillery.\n\n"
                "Background\n\nRussian forces shell Kherson with artillery.", published="2025-04-20")
    assert got == {"military_action": "2025-04-12"}


def test_a_law_and_protests_on_the_same_entry_day_are_two_events():
    ex = read("How the week unfolded:\n\nApril 14 — Volodymyr Zelensky signs the budget law. "
              "Protesters rally in Lviv and Kharkiv.", language="en", published="2025-04-20")
    others = sorted(e.title for e in ex.events if e.kind == "other")
    assert len(others) == 2 and all(str(e.date) == "2025-04-14" for e in ex.events if e.kind == "other")


# --- stages of a series: one event per stage, each on its own day ---------------------------------------------

def stages(text: str, *, language: str = "en", published: str = "2025-06-11") -> list[tuple[str, str]]:
    ex = read(text, language=language, published=published)
    return sorted((str(e.date), e.status) for e in ex.events if e.kind == "other")


def test_an_english_exchange_told_as_a_stage_gives_the_earlier_and_the_coming_stages_their_own_days():
    got = stages("Russia and Ukraine exchanged 150 prisoners of war on Tuesday in the second phase of the swap. "
                 "The first phase, on Monday, freed 200 captives on each side. A third phase should follow on Thursday.")
    assert got == [("2025-06-09", "occurred"), ("2025-06-10", "occurred"), ("2025-06-12", "planned")]


def test_a_stage_in_apposition_and_a_possessive_earlier_stage():
    got = stages("Ukraine and Russia swapped 84 soldiers each on Tuesday, the second stage of the exchange.\n\n"
                 "Last Sunday's first stage returned 50 civilians.", published="2025-06-11")
    assert got == [("2025-06-08", "occurred"), ("2025-06-10", "occurred")]


def test_a_french_exchange_told_as_a_stage_gives_each_stage_its_day():
    got = stages("La Russie et l'Ukraine ont échangé mardi 150 prisonniers de guerre, deuxième étape de l'accord. "
                 "La première étape, lundi, avait libéré 200 captifs de chaque côté. "
                 "Une troisième étape est prévue jeudi.", language="fr")
    assert got == [("2025-06-09", "occurred"), ("2025-06-10", "occurred"), ("2025-06-12", "planned")]


def test_an_exchange_with_no_rank_tells_no_other_stage():
    # "stage" without a rank on the exchange, and a ranked stage of something else: one exchange only
    got = stages("Russia and Ukraine exchanged 150 prisoners of war on Tuesday. "
                 "The third stage of the reform is expected on Thursday.")
    assert got == [("2025-06-10", "occurred")]


# --- "the same afternoon", « le même soir »: a part of the day the story is at ---------------------------------

def test_the_same_afternoon_is_the_day_the_story_is_at_not_the_publication_day():
    ex = read("On July 17, the Rada approved Yulia Svyrydenko as prime minister. In a second vote the same afternoon, "
              "Denys Shmyhal was appointed defence minister.", language="en", published="2025-08-01")
    assert sorted(str(e.date) for e in ex.events) == ["2025-07-17", "2025-07-17"]


def test_la_meme_nuit_is_the_day_the_story_is_at():
    ex = read("Le 17 juillet, la Rada a approuvé la nomination de Ioulia Svyrydenko. La même nuit, la Russie a "
              "attaqué Kiev avec des drones.", language="fr", published="2025-08-01")
    [strike] = [e for e in ex.events if e.kind == "military_action"]
    assert str(strike.date) == "2025-07-17"


def test_the_same_without_a_part_of_the_day_is_no_date():
    # "the same proposal" names no time: the strike it goes with stays undated, so it is no event
    ex = read("Russia attacked Kyiv with the same drones.", language="en", published="2025-08-01")
    assert [e for e in ex.events if e.kind == "military_action"] == []
