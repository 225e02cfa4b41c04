"""Expressions counted from the story's time ("le lendemain", "two days later"), not from the
publication date, and the reference time a caller gives them. Sentences written for these tests."""
from __future__ import annotations

import datetime

import pytest

from apps.extraction.dates import counted_again, find_timexes, resolve_expression

from .pipeline_helpers import parties, read

THURSDAY = datetime.date(2025, 9, 4)    # publication date
STORY_DAY = datetime.date(2025, 6, 10)  # a Tuesday the story is telling about


def timex_at(text: str, expression: str, dct: datetime.date = THURSDAY, language: str = "fr",
             **kwargs):
    """The expression found at `expression` (by overlap) in text, or None."""
    start = text.index(expression)
    end = start + len(expression)
    for t in find_timexes(text, dct, language, **kwargs):
        if t.start < end and start < t.end:
            return t
    return None


# --- a reference given by the caller ------------------------------------------------------

@pytest.mark.parametrize("expression, language, expected", [
    ("le lendemain", "fr", "2025-06-11"),
    ("la veille", "fr", "2025-06-09"),
    ("le surlendemain", "fr", "2025-06-12"),
    ("le même jour", "fr", "2025-06-10"),
    ("ce jour-là", "fr", "2025-06-10"),
    ("le jour suivant", "fr", "2025-06-11"),
    ("trois jours plus tard", "fr", "2025-06-13"),
    ("deux jours auparavant", "fr", "2025-06-08"),
    ("une semaine plus tard", "fr", "2025-06-17"),
    ("deux ans plus tard", "fr", "2027"),
    ("la semaine suivante", "fr", "2025-W25"),
    ("la semaine précédente", "fr", "2025-W23"),
    ("le mois suivant", "fr", "2025-07"),
    ("l'année précédente", "fr", "2024"),
    ("cette année-là", "fr", "2025"),
    ("le vendredi suivant", "fr", "2025-06-13"),
    ("le lundi précédent", "fr", "2025-06-09"),
    ("the next day", "en", "2025-06-11"),
    ("the day before", "en", "2025-06-09"),
    ("that same day", "en", "2025-06-10"),
    ("two days later", "en", "2025-06-12"),
    ("a week later", "en", "2025-06-17"),
    ("three days earlier", "en", "2025-06-07"),
    ("a month later", "en", "2025-07"),
    ("the following week", "en", "2025-W25"),
    ("the previous month", "en", "2025-05"),
    ("earlier that month", "en", "2025-06"),
    ("the same week", "en", "2025-W24"),
    ("later that year", "en", "2025"),
    ("the following Monday", "en", "2025-06-16"),
    ("the previous Friday", "en", "2025-06-06"),
    ("the following morning", "en", "2025-06-11"),
    ("that evening", "en", "2025-06-10"),
    ("in the afternoon", "en", "2025-06-10"),
    ("later in the evening", "en", "2025-06-10"),
])
def test_anaphoric_expressions_count_from_the_reference(expression, language, expected):
    timex = resolve_expression(expression, THURSDAY, language, reference=STORY_DAY)
    assert timex is not None and timex.anaphoric
    assert timex.value == expected


def test_that_same_weekday_is_the_one_nearest_the_reference():
    thursday = datetime.date(2025, 6, 12)
    for expression, language, expected in [("ce même samedi", "fr", "2025-06-14"),
                                           ("that Saturday", "en", "2025-06-14"),
                                           ("That same Monday", "en", "2025-06-09")]:
        timex = resolve_expression(expression, THURSDAY, language, reference=thursday)
        assert timex.value == expected


@pytest.mark.parametrize("expression, language, expected", [
    ("hier", "fr", "2025-09-03"),
    ("la semaine dernière", "fr", "2025-W35"),
    ("jeudi dernier", "fr", "2025-08-28"),
    ("yesterday", "en", "2025-09-03"),
    ("last week", "en", "2025-W35"),
    ("next month", "en", "2025-10"),
])
def test_deictic_expressions_ignore_the_reference(expression, language, expected):
    timex = resolve_expression(expression, THURSDAY, language, reference=STORY_DAY)
    assert timex is not None and not timex.anaphoric
    assert timex.value == expected


def test_without_a_reference_an_isolated_anaphor_counts_from_the_publication_date():
    assert resolve_expression("le lendemain", THURSDAY, "fr").value == "2025-09-05"
    assert resolve_expression("two days later", THURSDAY, "en").value == "2025-09-06"


def test_find_timexes_takes_the_last_reference_before_each_expression():
    text = ("Le 2 juin, les ministres se sont vus. Le lendemain, ils ont signé. "
            "Le lendemain, ils sont partis.")
    second = text.rindex("Le lendemain")
    references = [(0, datetime.date(2025, 6, 2)), (second, datetime.date(2025, 6, 20))]
    found = [t for t in find_timexes(text, THURSDAY, "fr", references=references) if t.anaphoric]
    assert [t.value for t in found] == ["2025-06-03", "2025-06-21"]


def test_an_anaphor_before_the_first_reference_falls_back_on_the_text():
    text = "Les délégués sont arrivés le 2 septembre. Le lendemain, ils ont signé."
    late = len(text) - 5
    assert timex_at(text, "Le lendemain", references=[(late, STORY_DAY)]).value == "2025-09-03"


# --- the fallback: the last day the text named ------------------------------------------

def test_without_references_anaphora_follow_the_days_the_text_names():
    text = ("The envoys met in Doha on Aug. 12. Two days later they flew home, and the "
            "following Monday the ministers took over. The next day, the talks broke down.")
    found = {t.text: t.value for t in find_timexes(text, THURSDAY, "en")}
    assert found["Two days later"] == "2025-08-14"
    assert found["the following Monday"] == "2025-08-18"
    assert found["The next day"] == "2025-08-19"


def test_a_past_clause_does_not_count_from_a_day_still_to_come():
    text = ("Le sommet de vendredi réunira vingt pays. Le président, arrivé dans la matinée, "
            "a rencontré le chancelier.")
    assert timex_at(text, "la matinée", datetime.date(2025, 8, 13)).value == "2025-08-13"


def test_a_year_named_earlier_anchors_the_following_year():
    text = "La réforme a été votée en 2019. L'année suivante, elle a été appliquée."
    assert timex_at(text, "L'année suivante").value == "2020"


def test_the_day_before_a_date_counts_from_that_date():
    text = "Il est arrivé à Genève la veille du 15 août, puis il est reparti."
    assert timex_at(text, "la veille").value == "2025-08-14"
    english = "They will meet the day before Friday's vote."
    assert timex_at(english, "the day before", language="en").value == "2025-09-04"


def test_a_deadline_within_some_days_does_not_move_the_story_back():
    # "within 50 days" is a span ahead: read as "50 days ago" it dated "the day before" in May
    text = ("The Kremlin said on Tuesday that the threat of tariffs, unless Moscow agrees to a deal "
            "within 50 days, was serious. The day before, the president announced new deliveries.")
    within = timex_at(text, "within 50 days", dct=datetime.date(2025, 7, 15), language="en")
    assert within is None or within.date is None or within.date > datetime.date(2025, 7, 15)
    before = timex_at(text, "The day before", dct=datetime.date(2025, 7, 15), language="en")
    assert before.value == "2025-07-14"


@pytest.mark.parametrize("sentence, expression, language", [
    ("Ils se sont parlé la veille de l'élection.", "la veille", "fr"),
    ("They spoke the day before the vote.", "the day before", "en"),
    ("The season started a month earlier than usual.", "a month earlier", "en"),
    ("Le chiffre a augmenté de 2 % de plus qu'un an avant.", "un an avant", "fr"),
    ("A few days later the convoy left.", "A few days later", "en"),
])
def test_relative_phrases_that_name_no_day(sentence, expression, language):
    found = timex_at(sentence, expression, language=language)
    assert found is None or found.date is None


def test_hours_later_is_the_same_day_at_an_unknown_time():
    timex = resolve_expression("quelques heures plus tard", THURSDAY, "fr", reference=STORY_DAY)
    assert timex.date == STORY_DAY and timex.type == "TIME"
    assert timex.value.startswith("2025-06-10T")


def test_anaphora_are_flagged_and_deictic_expressions_are_not():
    text = ("Hier, le ministre a confirmé la rencontre du 3 septembre. Le lendemain, un accord "
            "a été signé, et la semaine suivante le texte a été publié.")
    flags = {t.text: t.anaphoric for t in find_timexes(text, THURSDAY, "fr")}
    assert flags == {"Hier": False, "3 septembre": False, "Le lendemain": True,
                     "la semaine suivante": True}


def test_the_following_week_is_no_longer_the_week_after_publication():
    text = "Le 2 juin, les négociateurs se sont retrouvés; la semaine suivante, ils ont conclu."
    assert timex_at(text, "la semaine suivante").value == "2025-W24"
    english = "Talks opened on June 2, and the previous week had been tense."
    assert timex_at(english, "the previous week", language="en").value == "2025-W22"


def test_a_day_of_the_month_alone_is_in_the_story_month():
    text = "The envoys met on March 3. They met again on the 15th, and will meet on the 2nd."
    found = {t.text: t for t in find_timexes(text, datetime.date(2025, 3, 20), "en")}
    assert found["the 15th"].value == "2025-03-15" and found["the 15th"].anaphoric
    assert found["the 2nd"].value == "2025-04-02"  # looking ahead past the 15th: next month
    assert [t.text for t in find_timexes("They adopted the 19th package.", THURSDAY, "en")] == []


def test_times_of_the_story_day_in_french():
    text = ("Le 11 mars, les délégations ont négocié à Djeddah. Au même moment, les chefs "
            "d'état-major étaient réunis à Paris; le président leur a parlé en fin de journée.")
    found = {t.text: t for t in find_timexes(text, datetime.date(2025, 3, 12), "fr")}
    assert found["Au même moment"].date == datetime.date(2025, 3, 11)
    assert found["fin de journée"].date == datetime.date(2025, 3, 11)
    assert found["fin de journée"].anaphoric


def test_an_anaphor_keeps_the_day_it_counted_from_for_a_caller_that_re_resolves_it():
    text = "The envoys met in Doha on Aug. 12. Two days later they flew home."
    found = {t.text: t for t in find_timexes(text, THURSDAY, "en")}
    later = found["Two days later"]
    assert later.reference == datetime.date(2025, 8, 12)
    assert found["Aug. 12"].reference is None
    again = resolve_expression(later.text, THURSDAY, "en", tense="past", reference=later.reference)
    assert again.value == later.value == "2025-08-14"


def test_a_date_that_only_qualifies_a_noun_does_not_move_the_story():
    text = ("Les ministres se sont vus mardi à Riyad, une semaine après l'appel du 12 février. "
            "Le même jour, le président ukrainien était à Ankara.")
    tuesday = datetime.date(2025, 2, 18)
    assert timex_at(text, "Le même jour", tuesday).value == "2025-02-18"
    english = "Envoys met on Monday to prepare Friday's summit. The next day, they flew home."
    assert timex_at(english, "The next day", datetime.date(2025, 3, 12), "en").value == \
        "2025-03-11"
    ranged = "Les délégués ont siégé du 8 au 12 septembre. Le lendemain, ils ont voté."
    assert timex_at(ranged, "Le lendemain", datetime.date(2025, 10, 1)).value == "2025-09-13"


@pytest.mark.parametrize("language, text, expression", [
    ("fr", "L'Iran a signé mardi un accord.\n\nLe 28 août, la France a déclenché le mécanisme.\n\nCe même mardi, "
           "l'Egypte a condamné une frappe.", "Ce même mardi"),
    ("en", "Iran signed a deal on Tuesday.\n\nOn August 28, France had triggered the mechanism.\n\nThat same Tuesday, "
           "Egypt condemned a strike.", "That same Tuesday"),
])
def test_that_same_weekday_is_the_one_the_text_named_not_the_one_nearest_the_last_day(language, text, expression):
    # (counted from 28 August, the nearest Tuesday would be 26 August)
    found = timex_at(text, expression, dct=datetime.date(2025, 9, 9), language=language)
    assert found is not None and found.value == "2025-09-09"
    assert not found.anaphoric  # a caller that re-reads anaphora from the story's time keeps it


def test_a_part_of_day_of_a_dated_day_or_a_habit_is_no_time_of_the_story():
    # "in the afternoon of May 12" is May 12's; "in the mornings" a habit
    found = find_timexes("In the afternoon of May 12 they met. He works in the mornings.", THURSDAY, "en")
    assert [t.text for t in found] == ["May 12"]


def test_a_part_of_the_day_matched_with_its_preposition_is_counted_again_from_the_story_s_day():
    # « en fin de journée » matches with « en », which the expression's text leaves out: the text alone does not
    # resolve, so the day the finder counted it from (its own running day, here Friday) must be moved, not kept
    text = "Vendredi, il avait prêté serment. Lundi soir, il était à Londres. En fin de journée, il a vu Starmer."
    [friday, monday, evening] = find_timexes(text, datetime.date(2025, 3, 18), "fr")
    assert evening.text == "fin de journée" and evening.anaphoric
    assert resolve_expression(evening.text, datetime.date(2025, 3, 18), "fr",
                              reference=datetime.date(2025, 3, 17)) is None
    moved = counted_again(evening, datetime.date(2025, 3, 17))
    assert (moved.date, moved.reference) == (datetime.date(2025, 3, 17), datetime.date(2025, 3, 17))
    assert counted_again(monday, datetime.date(2025, 3, 20)) is None  # not counted from the story's day


def test_the_end_of_the_day_after_a_flashback_is_the_day_the_story_is_at():
    story = read("(Londres) Mark Carney a bouclé lundi soir à Londres le volet européen de son premier voyage à "
                 "l'étranger.\n\nVendredi, il avait prêté serment à Ottawa.\n\nEn fin de journée, il s'est entretenu "
                 "avec Keir Starmer au 10 Downing Street.", language="fr", published="2025-03-18")
    [talks] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, talks) == {"Mark Carney", "Keir Starmer"}
    assert str(talks.date) == "2025-03-17"


def test_dans_la_journee_is_the_story_s_day_and_dates_the_trip_told_with_it():
    # after blind14's dev half: a wire on a chancellor's first visit abroad
    story = read("PARIS, 7 mai (Reuters) - Friedrich Merz a été reçu mercredi par Emmanuel Macron.\n\n"
                 "Friedrich Merz est attendu dans la journée à Varsovie, où il doit s'entretenir avec le Premier "
                 "ministre polonais, Donald Tusk.", language="fr", published="2025-05-07")
    [talks] = [e for e in story.events if e.status == "planned"]
    assert (str(talks.date), talks.location) == ("2025-05-07", "Warsaw")
    assert parties(story, talks) >= {"Friedrich Merz", "Donald Tusk"}


@pytest.mark.parametrize("language, published, text, kind, day", [
    # a day told of the past leaves the story where it was, but its own sentence counts from it (after blind14's dev
    # half: a wire on a chancellor's election)
    ("fr", "2025-05-07", "Mardi, Friedrich Merz avait manqué la majorité absolue au premier tour, avant d'être élu "
                         "dans l'après-midi au second tour.", "other", "2025-05-06"),
    ("en", "2025-08-20", "Trump had met Putin in Anchorage on August 15 and called Zelensky the next day.", "call",
     "2025-08-16"),
])
def test_an_anaphoric_day_counts_from_the_day_its_own_sentence_gave(language, published, text, kind, day):
    story = read("WASHINGTON (Reuters) - Officials met on Wednesday.\n\n" + text, language=language,
                 published=published)
    [event] = [e for e in story.events if e.kind == kind]
    assert (str(event.date), event.status) == (day, "occurred")
