"""Transcripts of leaders speaking together, a live blog's quoted entry titles, and the words around them.

After blind15's dev half (a White House transcript of remarks before a bilateral meeting, and a live blog of the
US–UK trade deal). Every text here was written for the tests.
"""
from __future__ import annotations

import datetime

from apps.extraction.dates import find_timexes
from apps.extraction.pipeline.layout import analyse

from .pipeline_helpers import names, parties, read, speaker_of

REMARKS = """September 03, 2025

President Trump. Well, thank you very much. It's a great honor to have the President of Poland with us today.

President Nawrocki. Thank you, Mr. President. Poland is grateful for this invitation.

President Trump. We'll be discussing trade and security, and then we'll have lunch.
"""


def _events(story, kind):
    return [e for e in story.events if e.kind == kind]


def test_leaders_of_two_countries_speaking_in_one_transcript_met_that_day():
    story = read(REMARKS, language="en", published="2025-09-03")
    meetings = [e for e in _events(story, "meeting") if parties(story, e) >= {"Donald Trump", "Karol Nawrocki"}]
    assert len(meetings) == 1
    assert meetings[0].date.isoformat() == "2025-09-03" and meetings[0].status == "occurred"


def test_one_country_s_officials_briefing_together_met_no_one():
    text = """May 12, 2025

Secretary Rubio. Good afternoon. We had productive talks this week.

Secretary Bessent. Thank you, Marco. The tariffs will come down for ninety days.
"""
    story = read(text, language="en", published="2025-05-12")
    assert not [e for e in story.events if e.kind in ("meeting", "call")
                and parties(story, e) >= {"Marco Rubio", "Scott Bessent"}]


def test_a_transcript_that_opens_as_a_telephone_conversation_is_a_call():
    text = """Telephone conversation with the President of Poland, September 03, 2025

President Trump. Karol, thank you for calling. Congratulations again on your victory.

President Nawrocki. Thank you, Mr. President. Poland values our alliance very much.
"""
    story = read(text, language="en", published="2025-09-03")
    calls = [e for e in _events(story, "call") if parties(story, e) >= {"Donald Trump", "Karol Nawrocki"}]
    assert len(calls) == 1 and not [e for e in _events(story, "meeting")
                                    if parties(story, e) >= {"Donald Trump", "Karol Nawrocki"}]


LIVE = """Key events
Trade deal announced

4.35pm BST
Starmer: 'the first rung, not the top of the ladder'
At a news conference at a car plant in the West Midlands, Starmer said: "Nobody should pretend this is the finished \
article." He revealed that his final call with Trump had come the night before, during a football match.

3.20pm BST
Reynolds: 'an opening, not the final word'
Business secretary Jonathan Reynolds told MPs the deal was a start.
"""


def test_a_live_blog_entry_titled_with_a_quotation_is_a_heading_not_a_turn():
    layout = analyse(LIVE)
    title = LIVE.index("Starmer: 'the first")
    assert layout.is_heading(title)
    assert not layout.labels


def test_the_call_a_speaker_reveals_is_his_own_and_dated_the_night_before():
    story = read(LIVE, language="en", published="2025-05-08")
    assert speaker_of(story, "his final call with Trump", direct=False) == "Keir Starmer"
    calls = _events(story, "call")
    assert [(e.date.isoformat(), parties(story, e)) for e in calls] == [
        ("2025-05-07", {"Donald Trump", "Keir Starmer"})]


def test_the_possessive_in_a_reported_clause_with_a_subject_of_its_own_is_that_subject_s():
    text = ("BRUSSELS, Sept 22 (Reuters) - EU foreign policy chief Kaja Kallas said on Monday that the bloc would "
            "unveil its 19th package of sanctions against Russia in two weeks.")
    story = read(text, language="en", published="2025-09-22")
    assert all("Kaja Kallas" not in parties(story, e) for e in _events(story, "sanction"))


def test_a_region_named_after_a_group_is_that_region():
    story = read("Starmer spoke at a car plant in the West Midlands on Thursday.", language="en",
                 published="2025-05-08")
    assert "Western countries" not in names(story)
    story = read("Zelensky urged the West to send more air defence.", language="en", published="2025-05-08")
    assert "Western countries" in names(story)


def test_the_night_before_is_the_day_before_the_story_s_day_at_the_end_of_its_clause():
    text = "His final call had come the night before, he said. The night before the vote, they spoke again."
    found = [(t.text, t.value) for t in find_timexes(text, datetime.date(2025, 5, 8), "en")]
    assert ("the night before", "2025-05-07") in found
    assert not any(text.startswith("The night before") for text, _ in found)


def test_the_pope_is_the_pope_of_the_story_s_day():
    story = read("And then he goes to Rome and meets with the Pope on Friday.", language="en", published="2025-09-03")
    assert "Pope Leo XIV" in names(story)
    story = read("Le pape a reçu vendredi le président ukrainien.", language="fr", published="2025-02-14")
    assert "Pope Francis" in names(story) and "Pope Leo XIV" not in names(story)


def test_words_told_to_a_parliament_are_a_statement_there_but_a_news_conference_stays_one():
    text = ("LONDON, May 8 (Reuters) - Business secretary Jonathan Reynolds told MPs on Thursday the deal was a start. "
            "Starmer told a news conference on Thursday that the deal was good.")
    story = read(text, language="en", published="2025-05-08")
    assert sorted((e.kind, tuple(sorted(parties(story, e)))) for e in story.events) == [
        ("press_conference", ("Keir Starmer",)), ("statement", ("Jonathan Reynolds",))]


def test_what_a_minister_declared_before_the_deputies_is_a_statement():
    text = "PARIS, 8 mai (AFP) - François Bayrou a déclaré jeudi devant les députés que l'accord était un début."
    story = read(text, language="fr", published="2025-05-08")
    assert [(e.kind, e.date.isoformat()) for e in story.events] == [("statement", "2025-05-08")]


def test_what_a_minister_said_to_the_members_of_parliament_is_a_statement():
    text = "PARIS, 8 mai (AFP) - François Bayrou a dit jeudi aux parlementaires que l'accord était un début."
    story = read(text, language="fr", published="2025-05-08")
    assert [(e.kind, e.date.isoformat()) for e in story.events] == [("statement", "2025-05-08")]
