"""Who an office names and what a clause after "since" tells: a guest named by the office the story gave him
(object or passive subject), and a clause after "since" that the English model read as a noun phrase. The sentences
were written for the tests (after blind13's dev half: a live blog of a state visit, a wire on tariff talks, a
French report of a first trip abroad)."""
from __future__ import annotations

from apps.extraction.pipeline.nlp import get_nlp, parse

from .pipeline_helpers import parties, read


def test_the_crown_prince_greeted_is_the_crown_prince_the_story_named():
    story = read("Mohammed bin Salman said his country wanted to join the accords.\n\n"
                 "Trump greeted the crown prince at the White House on Tuesday.", published="2025-11-18", language="en")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, meeting) == {"Donald Trump", "Mohammed bin Salman"}


def test_a_prime_minister_received_for_lunch_is_the_one_the_story_named():
    story = read("(Londres) Mark Carney a bouclé lundi soir à Londres le volet européen de son premier voyage.\n\n"
                 "Le premier ministre a été reçu à déjeuner à l'Élysée par Emmanuel Macron.",
                 language="fr", published="2025-03-18")
    [lunch] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, lunch) == {"Mark Carney", "Emmanuel Macron"}


def test_an_office_the_story_never_filled_names_no_one():
    story = read("Emmanuel Macron greeted the crown prince at the Élysée on Tuesday.", published="2025-11-18", language="en")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert parties(story, meeting) == {"Emmanuel Macron"}


def test_a_clause_after_since_read_as_a_noun_phrase_is_a_clause_again():
    [doc] = parse(get_nlp("en"), ["It was the first meeting since Trump unveiled sweeping tariffs on April 2."],
                  batch_size=1)
    verb = next(t for t in doc if t.text == "unveiled")
    assert (verb.dep_, verb.head.text) == ("advcl", "meeting")
    assert {(c.text, c.dep_) for c in verb.children} >= {("since", "mark"), ("Trump", "nsubj"), ("tariffs", "dobj"),
                                                         ("on", "prep")}


def test_tariffs_unveiled_on_a_day_are_a_sanction_of_that_day_not_the_meeting_s():
    story = read("GENEVA, May 12 (Reuters) - U.S. and Chinese officials agreed on Monday to cut tariffs.\n\n"
                 "The weekend session was the first face-to-face meeting of senior officials from the two sides "
                 "since Trump unveiled sweeping \"reciprocal\" tariffs on April 2.", published="2025-05-12", language="en")
    [tariffs] = [e for e in story.events if e.kind == "sanction"]
    assert str(tariffs.date) == "2025-04-02"
    assert "Donald Trump" in parties(story, tariffs)
    assert not [e for e in story.events if e.kind == "meeting" and str(e.date) == "2025-04-02"]


def test_a_modifier_in_the_past_before_a_name_stays_a_modifier():
    [doc] = parse(get_nlp("en"), ["Talks resumed after the unveiled plan."], batch_size=1)
    assert next(t for t in doc if t.text == "unveiled").dep_ == "amod"


def test_the_president_of_another_body_is_not_the_president_the_story_named():
    story = read("Donald Trump said the talks would go on.\n\n"
                 "Emmanuel Macron greeted the president of the Commission at the Élysée on Tuesday.",
                 published="2025-11-18", language="en")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert "Donald Trump" not in parties(story, meeting)
