"""A broadcast script's sound bites and reporter, a schedule dated by its title, remarks delivered, a present the
tagger took for an infinitive, a fronted day the French parser took for a subject, prisoners released (after
blind22's and blind23's dev halves: the State Department's public schedule, a TV news script, a scorecard, a French
digest and a diplomatic note). Every text was written for the tests.
"""
from __future__ import annotations

from .pipeline_helpers import dated_events, names, parties, read, speaker_of

SCHEDULE = ("SECRETARY MARCO RUBIO\n\n"
            "9:00 a.m. Secretary Rubio meets with Australian Foreign Minister Penny Wong at the Department of State.\n"
            "(CLOSED PRESS COVERAGE)\n\n"
            "2:00 p.m. Secretary Rubio meets with UK Foreign Secretary Yvette Cooper at the Department of State.\n"
            "(OPEN PRESS COVERAGE)")


# --- a schedule's day ----------------------------------------------------------------------------------------------

def test_a_schedules_timed_items_fall_on_the_day_its_title_names_and_are_to_come():
    # (sent the evening before: every item was planned for the title's day, none happened on the sending day)
    story = read(SCHEDULE, language="en", published="2025-12-07", title="Public Schedule – December 8, 2025")
    meetings = [e for e in story.events if e.kind == "meeting"]
    assert sorted((e.date.isoformat(), e.status, tuple(sorted(parties(story, e)))) for e in meetings) == [
        ("2025-12-08", "planned", ("Marco Rubio", "Penny Wong")),
        ("2025-12-08", "planned", ("Marco Rubio", "United Kingdom", "Yvette Cooper")),
    ]


def test_timed_items_under_a_title_with_no_day_stay_on_the_day_the_page_went_out():
    # (a guard: a page whose title names no day is at the day it went out, as a live page's entries are)
    story = read(SCHEDULE, language="en", published="2025-12-07", title="Today's public schedule")
    assert {(e.date.isoformat(), e.status) for e in story.events if e.kind == "meeting"} == {("2025-12-07", "occurred")}


def test_a_day_the_title_names_far_from_publication_is_no_pages_day():
    # (a guard: "a year on" from a day in the title is an anniversary, not the schedule's day)
    story = read(SCHEDULE, language="en", published="2025-12-07", title="A year on from December 8, 2024")
    assert {(e.date.isoformat(), e.status) for e in story.events if e.kind == "meeting"} == {("2025-12-07", "occurred")}


def test_remarks_delivered_with_other_ministers_are_a_statement():
    story = read("9:45 a.m. Secretary Rubio delivers remarks with Australian Foreign Minister Penny Wong at the "
                 "Department of State.", language="en", published="2025-12-07", title="Public Schedule – December 8, 2025")
    assert dated_events(story, "statement") == [("2025-12-08", ("Marco Rubio", "Penny Wong"), "Washington")]


def test_his_remarks_are_only_what_he_said():
    # (a guard: remarks that are not delivered are no event)
    story = read("Rubio's remarks on Monday angered Beijing, which summoned the US ambassador.", language="en",
                 published="2025-12-09")
    assert dated_events(story, "statement") == []


def test_a_plural_subjects_present_the_tagger_read_as_an_infinitive_tells_of_the_coming_friday():
    story = read("Foreign ministers of the Organisation of Islamic Cooperation meet in Jeddah on Friday to take up the "
                 "plan.", language="en", published="2025-03-05")
    assert [(e.date.isoformat(), e.status, e.location) for e in story.events if e.kind == "meeting"] == [
        ("2025-03-07", "planned", "Jeddah")]


# --- a broadcast script ----------------------------------------------------------------------------------------------

SCRIPT = ("SLUG: VENEZUELA-ENVOY | PKG 1'45\" | REPORTER: LIAM OKAFOR-HART\n\n"
          "ANCHOR INTRO:\nDonald Trump's envoy Richard Grenell flew into Caracas today for talks with Nicolás Maduro. "
          "Liam Okafor-Hart reports.\n\n"
          "[SOT: MAURICIO CLAVER-CARONE, US SPECIAL ENVOY FOR LATIN AMERICA, ON A CALL WITH REPORTERS]\n"
          "\"He is there to bring Americans home. Nobody should call that a concession.\"\n\n"
          "[VO: STATE TELEVISION PICTURES]\nCaracas said in a statement that the two men had discussed migration.\n\n"
          "[SOT: NICOLÁS MADURO, ON STATE TELEVISION]\n"
          "\"We received him with respect. If Washington wants to talk as an equal, we are ready.\"")


def test_a_scripts_cue_names_who_speaks_in_the_sound_bite_below_it():
    story = read(SCRIPT, language="en", published="2025-01-31")
    assert speaker_of(story, "We received him with respect") == "Nicolás Maduro"
    # (a name the gazetteer does not know, in the script's capitals, is a person named as a reader would)
    assert speaker_of(story, "Nobody should call that a concession") == "Mauricio Claver-Carone"


def test_a_scripts_reporter_is_no_actor():
    story = read(SCRIPT, language="en", published="2025-01-31")
    assert not [name for name in names(story) if "Okafor" in name or "OKAFOR" in name]


# --- quotations and reported speech ----------------------------------------------------------------------------------

def test_a_few_words_before_an_attribution_that_ends_its_sentence_are_said_in_full():
    story = read("Abbas urged Washington to back the plan. “We are ready,” he told the hall. “The question is whether "
                 "Washington is.”", language="en", published="2025-03-05")
    assert [(s.text, story.actor(s.speaker).name) for s in story.statements if s.direct] == [
        ("We are ready,", "Mahmoud Abbas"), ("The question is whether Washington is.", "Mahmoud Abbas")]


def test_an_infinitive_after_an_aside_is_what_is_said():
    story = read("Richard Grenell assure, dans un entretien au Wall Street Journal, n'avoir rien promis en échange, "
                 "sinon sa présence.", language="fr", published="2025-02-02")
    assert speaker_of(story, "n'avoir rien promis en échange", direct=False) == "Richard Grenell"


def test_a_verb_whose_object_is_nothing_reports_nothing():
    # (« rien promis »: the parse hangs « ne » on the auxiliary; the words before the verb are not what it promised)
    story = read("Richard Grenell assure, dans un entretien au Wall Street Journal, n'avoir rien promis en échange, "
                 "sinon sa présence.", language="fr", published="2025-02-02")
    assert [s.text for s in story.statements if not s.direct] == ["n'avoir rien promis en échange, sinon sa présence"]


# --- who met -------------------------------------------------------------------------------------------------------

def test_a_fronted_day_the_parser_took_for_the_subject_gives_the_name_back():
    story = read("Vendredi, Richard Grenell, l'envoyé de Donald Trump pour les missions spéciales, a été reçu par "
                 "Nicolás Maduro au palais de Miraflores, à Caracas.", language="fr", published="2025-02-02")
    assert dated_events(story, "meeting") == [("2025-01-31", ("Nicolás Maduro", "Richard Grenell"), "Caracas")]


# --- prisoners released, a pardon -------------------------------------------------------------------------------

def test_prisoners_freed_are_an_event():
    story = read("Venezuela freed six Americans detained in Caracas on Thursday.", language="en", published="2025-01-31")
    assert dated_events(story, "other") == [("2025-01-30", ("United States", "Venezuela"), None)]


def test_prisoners_released_are_an_event_in_french_too():
    story = read("Jeudi, six Américains détenus au Venezuela ont été relâchés par Caracas.", language="fr",
                 published="2025-01-31")
    assert dated_events(story, "other") == [("2025-01-30", ("United States", "Venezuela"), None)]


def test_a_dated_pardon_is_an_act_of_state():
    story = read("Le 2 juillet, Alexandre Loukachenko avait gracié seize prisonniers.", language="fr",
                 published="2025-09-12")
    assert dated_events(story, "other") == [("2025-07-02", ("Alexander Lukashenko",), None)]


def test_a_statement_released_is_no_release():
    # (a guard: what is released is a prisoner, not a text; « relâcher la pression » frees no one)
    story = read("The Kremlin released a statement on Monday.", language="en", published="2025-09-12")
    assert dated_events(story, "other") == []
    story = read("Lundi, le Kremlin a relâché la pression sur Minsk.", language="fr", published="2025-09-12")
    assert dated_events(story, "other") == []


# --- a meeting's name --------------------------------------------------------------------------------------------

def test_a_meeting_named_by_its_parties_and_plain_words_is_told():
    # (the plural "Consultations", kept with its capital, is read at its singular)
    story = read("On Monday, Rubio took part in the EU-US Ministerial Consultations in Brussels with Kaja Kallas.",
                 language="en", published="2025-12-09")
    assert dated_events(story, "meeting") == [
        ("2025-12-08", ("European Union", "Kaja Kallas", "Marco Rubio", "United States"), "Brussels")]


def test_a_release_called_for_is_no_release():
    # (a guard: what one asks another to do has not happened)
    story = read("Starmer called on Hamas to release the hostages on Monday.", language="en", published="2025-09-26")
    assert dated_events(story, "other") == []


def test_a_pardon_asked_for_is_no_pardon():
    # (a guard: « a demandé à son homologue de gracier l'écrivain » asks for one; the told one is an act)
    story = read("Lundi, Frank-Walter Steinmeier a fait savoir qu'il avait demandé à son homologue de gracier "
                 "l'écrivain.", language="fr", published="2025-11-14")
    assert dated_events(story, "other") == []


# --- whose agent -------------------------------------------------------------------------------------------------

def test_the_one_who_sends_an_envoy_is_not_there():
    story = read("Donald Trump's envoy Richard Grenell flew into Caracas today for talks with Nicolás Maduro.",
                 language="en", published="2025-01-31")
    assert dated_events(story, "meeting") == [("2025-01-31", ("Nicolás Maduro", "Richard Grenell"), "Caracas")]
    assert dated_events(story, "visit") == [("2025-01-31", ("Richard Grenell",), "Caracas")]


def test_a_leaders_spokesman_is_still_read_as_the_one_who_holds_the_office():
    # (a guard: "Putin's spokesman" is Peskov, who met Witkoff)
    story = read("Putin's spokesman met Witkoff in Moscow on Thursday.", language="en", published="2025-01-31")
    assert dated_events(story, "meeting") == [("2025-01-30", ("Dmitry Peskov", "Steve Witkoff"), "Moscow")]


PETERSBURG = ("Arrivé mercredi à Saint-Pétersbourg, où son ministre des Affaires étrangères, Sugiono, a promis devant la "
              "presse « des accords concrets », le président indonésien Prabowo Subianto a été reçu le lendemain par "
              "Vladimir Poutine au palais Constantin.")


def test_words_said_by_another_where_a_trip_ends_are_no_event_the_trip_was_made_for():
    story = read(PETERSBURG, language="fr", published="2025-06-21")
    assert dated_events(story, "visit") == [("2025-06-18", ("Prabowo Subianto",), "Saint Petersburg")]


def test_the_words_said_there_stay_those_of_the_one_who_said_them():
    # (the trip had been joined to the words, and the traveller counted among those who spoke to the press)
    story = read(PETERSBURG, language="fr", published="2025-06-21")
    assert [parties for _, parties, _ in dated_events(story, "press_conference")] == [("Sugiono",)]


# --- taking office ------------------------------------------------------------------------------------------------

def test_beginning_a_term_on_a_day_is_taking_office():
    story = read("Nicolás Maduro began a third term on January 10; Washington does not recognise it.", language="en",
                 published="2025-01-31")
    assert dated_events(story, "other") == [("2025-01-10", ("Nicolás Maduro",), None)]
    story = read("Nicolás Maduro a entamé le 10 janvier un troisième mandat que Washington ne reconnaît pas.",
                 language="fr", published="2025-01-31")
    assert dated_events(story, "other") == [("2025-01-10", ("Nicolás Maduro",), None)]


def test_a_missions_mandate_extended_is_no_one_taking_office():
    # (a guard: « le mandat de la mission » has no one beginning it; "in the long term" says when, not who)
    story = read("Le mandat de la mission a été prolongé mardi.", language="fr", published="2025-01-31")
    assert dated_events(story, "other") == []


def test_a_leaders_minister_meets_without_him():
    story = read("Putin's foreign minister met Marco Rubio in Riyadh on Tuesday.", language="en", published="2025-02-19")
    assert [parties for _, parties, _ in dated_events(story, "meeting")] == [("Marco Rubio",)]


# --- who speaks ----------------------------------------------------------------------------------------------------

def test_a_leader_who_made_it_known_speaks_though_sources_told_it():
    story = read("Hier, selon des sources sécuritaires égyptiennes, le président Sissi a fait savoir qu'il n'irait pas à "
                 "Washington si le déplacement des Gazaouis restait à l'ordre du jour.", language="fr",
                 published="2025-02-13")
    assert speaker_of(story, "n'irait pas à Washington", direct=False) == "Abdel Fattah al-Sisi"
