"""What a clause opened by "after" tells came before the day of the clause it hangs on; a deal its country struck and
its leader announced is one deal. The sentences were written for the tests (after blind12's dev half: an English
wire on a tariff deal). A day in the content of a noun ("reports that…") is that content's."""
from __future__ import annotations

from .pipeline_helpers import parties, read, speaker_of


def test_a_deal_told_inside_an_after_clause_takes_the_day_of_its_announcement_not_of_the_rally():
    story = read("Markets in Seoul rose on Wednesday after President Donald Trump said the US had struck a trade deal "
                 "with South Korea. Trump announced the agreement late Tuesday on his Truth Social platform.",
                 language="en", published="2025-07-23")
    [deal] = [e for e in story.events if e.kind == "agreement"]
    assert {"Donald Trump", "South Korea"} <= parties(story, deal)
    assert str(deal.date) == "2025-07-22"


def test_the_verb_of_an_after_clause_still_takes_the_day_of_its_clause():
    story = read("Après avoir reçu Volodymyr Zelensky à l'Elysée, Emmanuel Macron a annoncé jeudi de nouvelles "
                 "livraisons d'armes.", language="fr", published="2025-06-06")
    [meeting] = [e for e in story.events if e.kind == "meeting"]
    assert str(meeting.date) == "2025-06-05"


def test_an_agreement_signed_on_a_day_and_concluded_earlier_is_dated_by_its_signing():
    story = read("Keir Starmer hosted Narendra Modi at Chequers on Thursday, where ministers signed the trade "
                 "agreement concluded in May.", language="en", published="2025-07-25")
    [agreement] = [e for e in story.events if e.kind == "agreement"]
    assert (str(agreement.date), agreement.location) == ("2025-07-24", "Chequers")


def test_a_day_in_the_content_of_a_noun_does_not_date_the_quotation_beside_it():
    # "by the end of August" is when the reports say he would step down, not when he spoke
    story = read("On Wednesday, Shigeru Ishiba met three of his predecessors. \"Nothing about my future was "
                 "discussed,\" the premier said afterwards, rejecting reports that he would step down by the end of "
                 "August.", language="en", published="2025-07-23")
    [quote] = [s for s in story.statements if s.direct]
    assert speaker_of(story, "Nothing about my future") == "Shigeru Ishiba"
    assert str(quote.date) == "2025-07-23"


def test_a_meeting_in_the_afternoon_of_the_story_day_is_not_the_meeting_of_another_day():
    story = read("On Wednesday morning, Prime Minister Shigeru Ishiba said the rate was the lowest so far. In the "
                 "afternoon he met three of his predecessors — Taro Aso, Yoshihide Suga and Fumio Kishida — at party "
                 "headquarters. Treasury "
                 "Secretary Scott Bessent, who saw Ishiba in Tokyo on Friday, said a good deal mattered more.",
                 language="en", published="2025-07-23")
    meetings = {str(e.date): parties(story, e) for e in story.events if e.kind == "meeting"}
    assert {"Taro Aso", "Yoshihide Suga", "Fumio Kishida"} <= meetings["2025-07-23"]
    assert meetings["2025-07-18"] == {"Scott Bessent", "Shigeru Ishiba"}
