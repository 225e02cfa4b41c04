"""Who receives whom, where a leader is, and what was said: guests counted by a number noun, a passive infinitive
whose subject is the clause's, an object clitic the tagger took for an article, the holder of an office at a city
abroad, a leave-taking, a person seen on a day; reported words that end at a semicolon, that are two words long, or
that one told reporters without "that". The sentences were written for the tests (after blind12's dev half: a French
analysis of a summit in Paris, an English wire and an English live blog)."""
from __future__ import annotations

from .pipeline_helpers import parties, read


def test_a_host_who_gathers_a_hundred_guests_at_dinner_holds_a_meeting():
    story = read("Le président français soignait la mise en scène. Lundi soir, il réunissait à dîner une centaine "
                 "d'invités au palais présidentiel.", language="fr", published="2025-02-12")
    [dinner] = [e for e in story.events if e.kind == "meeting"]
    assert "Emmanuel Macron" in parties(story, dinner)
    assert str(dinner.date) == "2025-02-10"


def test_gathering_funds_is_no_meeting():
    story = read("Lundi, Emmanuel Macron réunissait des fonds pour la recherche.", language="fr",
                 published="2025-02-12")
    assert not [e for e in story.events if e.kind == "meeting"]


def test_a_dinner_offered_tonight_is_not_the_talks_held_this_morning():
    text = ("Ce qu'il faut savoir\n"
            "Emmanuel Macron est en visite d'Etat au Brésil depuis mardi.\n\n"
            "15h02 Un dîner ce soir\n"
            "Luiz Inácio Lula da Silva offre ce soir un dîner d'Etat en l'honneur d'Emmanuel Macron.\n\n"
            "08h15 Deux heures d'entretien\n"
            "Emmanuel Macron et Luiz Inácio Lula da Silva se sont entretenus près de deux heures.")
    story = read(text, language="fr", published="2025-06-04")
    meetings = [e for e in story.events if e.kind == "meeting"]
    assert {(str(e.date), e.status) for e in meetings} == {("2025-06-04", "planned"), ("2025-06-04", "occurred")}
    assert all({"Emmanuel Macron", "Luiz Inácio Lula da Silva"} <= parties(story, e) for e in meetings)


def test_a_guest_received_for_lunch_after_a_speech_meets_the_host():
    story = read("Mardi, JD Vance a mis en garde les Européens, avant d'être reçu à déjeuner à l'Elysée par "
                 "Emmanuel Macron.", language="fr", published="2025-02-12")
    [lunch] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, lunch) == {"JD Vance", "Emmanuel Macron"}
    assert (str(lunch.date), lunch.location) == ("2025-02-11", "Paris")


def test_a_leader_named_by_his_office_in_a_city_abroad_is_on_a_visit():
    story = read("Narendra Modi a coprésidé le sommet de Paris. Ce mercredi, le Premier ministre indien est à "
                 "Marseille avec Emmanuel Macron.", language="fr", published="2025-02-12")
    [visit] = [e for e in story.events if e.kind == "visit"]
    assert (str(visit.date), visit.location) == ("2025-02-12", "Marseille")
    assert {"Narendra Modi", "Emmanuel Macron"} <= parties(story, visit)


def test_a_host_who_receives_a_guest_named_by_a_clitic_holds_a_meeting():
    story = read("Narendra Modi s'envolera ensuite pour Washington, où Donald Trump le reçoit jeudi.",
                 language="fr", published="2025-02-12")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert "Donald Trump" in parties(story, meeting)
    assert (str(meeting.date), meeting.status) == ("2025-02-13", "planned")


def test_a_king_who_says_goodbye_to_a_president_meets_him_and_an_idea_is_no_one():
    story = read("King Charles III said goodbye to Donald Trump at Windsor Castle this morning. Britain said "
                 "goodbye to the idea of a quick deal on Thursday.", language="en", published="2025-09-18")
    [farewell] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, farewell) == {"King Charles III", "Donald Trump"}
    assert (str(farewell.date), farewell.location) == ("2025-09-18", "Windsor Castle")


def test_reported_words_end_at_a_semicolon_and_the_next_clause_does_not_date_them():
    story = read("Yesterday Narendra Modi stressed that India wanted the war settled through dialogue; in the spring "
                 "he had called off a trip to Moscow for the parade on May 9.", language="en",
                 published="2025-12-06")
    [said] = [s for s in story.statements if not s.direct]
    assert said.text == "India wanted the war settled through dialogue"
    assert str(said.date) == "2025-12-05"


def test_a_person_seen_on_a_day_is_met_and_one_seen_as_a_partner_is_not():
    story = read("Treasury Secretary Scott Bessent, who saw Shigeru Ishiba in Tokyo on Friday, said a good deal "
                 "mattered more than a fast one. On Monday, Trump saw Putin as a partner. On Friday, Trump saw his "
                 "chance.", language="en", published="2025-07-23")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, meeting) == {"Scott Bessent", "Shigeru Ishiba"}
    assert (str(meeting.date), meeting.location) == ("2025-07-18", "Tokyo")


def test_two_words_that_are_a_clause_of_their_own_are_reported_speech():
    story = read("Asked about the plan on Monday, Volodymyr Zelensky said he agreed. Emmanuel Macron said it was.",
                 language="en", published="2025-09-18")
    said = {(s.text, story.actor(s.speaker).name) for s in story.statements if not s.direct}
    assert ("he agreed", "Volodymyr Zelensky") in said
    # "it was" names no one: a bare copula reports nothing to keep
    assert not any(text == "it was" for text, _ in said)


def test_a_number_of_people_met_names_them_and_a_number_of_things_does_not():
    story = read("In the afternoon Shigeru Ishiba met three of his predecessors, Taro Aso, Yoshihide Suga and Fumio "
                 "Kishida. On Thursday he met three of the proposals.", language="en", published="2025-07-23")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert {"Shigeru Ishiba", "Taro Aso", "Fumio Kishida"} <= parties(story, meeting)
    assert str(meeting.date) == "2025-07-23"


def test_what_one_told_reporters_without_that_is_reported_speech():
    # the English parser reads "he disagreed…" as a relative clause of "reporters"
    story = read("Trump told reporters he disagreed with the plan.", language="en", published="2025-09-19")
    said = {(s.text, story.actor(s.speaker).name) for s in story.statements if not s.direct}
    assert said == {("he disagreed with the plan", "Donald Trump")}


def test_what_one_told_the_reporters_one_met_stays_a_relative_clause():
    story = read("Trump told the reporters he met on Monday about the plan.", language="en", published="2025-09-19")
    assert not [s for s in story.statements if not s.direct and s.text.startswith("he met")]


def test_a_king_who_says_farewell_to_a_president_meets_him():
    story = read("On Thursday morning, King Charles III said farewell to Donald Trump at Windsor Castle.",
                 language="en", published="2025-09-18")
    [farewell] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, farewell) == {"King Charles III", "Donald Trump"}
    assert (str(farewell.date), farewell.location) == ("2025-09-18", "Windsor Castle")
