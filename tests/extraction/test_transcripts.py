"""Transcripts, readouts and speeches: speaker labels and titles name who speaks, with no quotation marks."""
from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path

import pytest

from apps.extraction.pipeline import ArticleInput, extract

from .pipeline_helpers import article

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"


def _sample(name: str) -> ArticleInput:
    data = json.loads((SAMPLE_DATA / f"{name}.article.json").read_text(encoding="utf-8"))
    return ArticleInput(id=data["id"], url=data.get("url"), source=data.get("source", ""),
                        language=data.get("language"), published=datetime.date.fromisoformat(data["published"][:10]),
                        title=data.get("title"), text=data["text"])


def _direct_speakers(ex) -> Counter:
    return Counter(ex.actor(s.speaker).name if s.speaker else None for s in ex.statements if s.direct)


@pytest.mark.parametrize(("name", "speakers"), [
    # White House transcript (American Presidency Project): "President Trump." / "President Zelenskyy." turns
    ("en_2025-08-18_whitehouse_remarks-prior-to-meeting-with-president-zelenskyy",
     {"Donald Trump", "Volodymyr Zelensky"}),
    # State Department: "SECRETARY RUBIO:" turns
    ("en_2025-03-11_state-gov_rubio-waltz-remarks-to-the-press-jeddah", {"Marco Rubio"}),
    # gov.uk speeches with no label: the title says whose words they are
    ("en_2025-03-15_gov-uk_pm-statement-at-press-conference-on-the-coalition-of-the-willing", {"Keir Starmer"}),
    ("en_2025-03-15_gov-uk_pm-remarks-on-call-with-the-coalition-of-the-willing", {"Keir Starmer"}),
])
def test_the_bundled_transcripts_give_statements_of_the_right_speakers(name, speakers):
    ex = extract(_sample(name))
    found = _direct_speakers(ex)
    assert set(found) == speakers
    assert sum(found.values()) >= 3
    assert all(s.basis in ("transcript-label", "speech-title") for s in ex.statements if s.direct)


def test_each_paragraph_of_a_turn_is_one_statement_and_questions_are_none():
    ex = extract(article("Q: Will you meet President Putin next week?\n\n"
                         "SECRETARY RUBIO: We have made an offer to both sides.\n\n"
                         "The ball is now in their court.\n\n"
                         "QUESTION: And the sanctions?\n\n"
                         "SECRETARY RUBIO: Nothing is decided yet.", language="en", published="2025-03-11"))
    direct = [s for s in ex.statements if s.direct]
    assert [s.text for s in direct] == ["We have made an offer to both sides.", "The ball is now in their court.",
                                        "Nothing is decided yet."]
    assert {ex.actor(s.speaker).name for s in direct} == {"Marco Rubio"}


def test_a_narrative_paragraph_after_the_last_turn_is_the_journalist_s_not_the_speaker_s():
    text = ("Q: Will the ministers meet again?\n\n"
            "SECRETARY RUBIO: We will meet next week in Geneva.\n\n"
            "German Chancellor Friedrich Merz said later that Berlin would send its foreign minister.")
    ex = extract(article(text, language="en", published="2025-03-11"))
    direct = [s.text for s in ex.statements if s.direct]
    assert direct == ["We will meet next week in Geneva."]
    reported = [s for s in ex.statements if not s.direct]
    assert [ex.actor(s.speaker).name for s in reported] == ["Friedrich Merz"]


def test_a_speaker_reporting_what_a_named_person_told_them_keeps_the_turn():
    text = ("Q: What did the Russians say?\n\n"
            "SECRETARY RUBIO: We will meet next week in Geneva.\n\n"
            "Foreign Minister Lavrov told me that Moscow wants a written text first.")
    ex = extract(article(text, language="en", published="2025-03-11"))
    direct = [s for s in ex.statements if s.direct]
    assert [s.text for s in direct][-1].startswith("Foreign Minister Lavrov told me")
    assert {ex.actor(s.speaker).name for s in direct} == {"Marco Rubio"}


def test_the_president_as_a_label_is_the_publisher_s_president_on_that_day():
    text = ("Q. Mr. President, is the meeting on?\n\n"
            "The President. It is on, and we are looking forward to it.\n\n"
            "Yes. It will be a good meeting, I think.")
    ex = extract(article(text, language="en", published="2025-08-18", source="The White House"))
    direct = [s for s in ex.statements if s.direct]
    assert [ex.actor(s.speaker).name for s in direct] == ["Donald Trump", "Donald Trump"]
    assert direct[1].text.startswith("Yes. It will be")  # "Yes." is no label: the turn goes on


def test_a_label_that_names_nobody_known_gives_no_statement():
    ex = extract(article("MODERATOR: Thank you all for coming today.\n\nPARTICIPANT: We need a ceasefire now.",
                         language="en"))
    assert not [s for s in ex.statements if s.direct]


def test_i_in_a_turn_is_the_speaker_of_the_turn():
    ex = extract(article("Vladimir Putin: When we met, I said, “Good afternoon, dear neighbour, it is good to see you.”",
                         language="en", published="2025-08-15"))
    quoted = next(s for s in ex.statements if s.text.startswith("Good afternoon"))
    assert ex.actor(quoted.speaker).name == "Vladimir Putin"


def test_a_transcript_speaker_named_only_by_labels_becomes_an_actor():
    ex = extract(article("HARTLEY: What did the ministers agree on today?\n\n"
                         "Keir Starmer: We agreed to keep the pressure on Russia until it accepts a ceasefire.\n\n"
                         "HARTLEY: And the sanctions on oil?\n\n"
                         "STARMER: They stay in place, and we will tighten them further.", language="en"))
    speakers = [ex.actor(s.speaker).name for s in ex.statements if s.direct]
    assert speakers == ["Hartley", "Keir Starmer", "Hartley", "Keir Starmer"]


def test_a_stage_direction_on_its_own_line_does_not_end_the_turn_around_it():
    text = ("The President. We had a very good meeting with President Zelenskyy this morning in New York.\n\n"
            "[Laughter]\n\n"
            "Europe has to stop buying oil from Russia, and I have told them so.\n\n"
            "(Applause.)\n\n"
            "We will see what happens with the sanctions next week.")
    ex = extract(article(text, language="en", published="2025-09-23", source="The White House"))
    direct = [s for s in ex.statements if s.direct]
    assert [s.text[:20] for s in direct] == ["We had a very good m", "Europe has to stop b", "We will see what hap"]
    assert {ex.actor(s.speaker).name for s in direct} == {"Donald Trump"}


def test_a_turn_cut_off_mid_sentence_is_a_turn_of_its_speaker_not_a_section_title():
    text = ("President Zelenskyy. We need security guarantees that work before the winter comes.\n\n"
            "The President. Go ahead.\n\n"
            "President Zelenskyy. ——and our partners in Europe, who stand with us\n\n"
            "The President. They do, they really do, and they pay for it now.")
    ex = extract(article(text, language="en", published="2025-09-23", source="The White House"))
    by_text = {s.text: ex.actor(s.speaker).name for s in ex.statements if s.direct}
    assert by_text["——and our partners in Europe, who stand with us"] == "Volodymyr Zelensky"
    assert by_text["They do, they really do, and they pay for it now."] == "Donald Trump"


def test_courtesies_and_interjections_are_no_statements_and_directions_at_the_edges_are_cut():
    text = ("MS BRUCE: Good afternoon, everyone.\n\n"
            "QUESTION: Will the Secretary travel to London on Wednesday?\n\n"
            "MS BRUCE: Thank you.\n\n"
            "MS BRUCE: (Laughter.) The Secretary will not travel to London this week. [Crosstalk]\n\n"
            "QUESTION: Thank you, Tammy.\n\n"
            "MS BRUCE: Thank you very much for being here.")
    ex = extract(article(text, language="en", published="2025-04-22"))
    assert [s.text for s in ex.statements if s.direct] == ["The Secretary will not travel to London this week."]


def test_a_french_transcript_reads_turns_across_laughter_and_leaves_questions_and_thanks_out():
    text = ("LE PRÉSIDENT DE LA RÉPUBLIQUE : Merci beaucoup.\n\n"
            "Nous sommes prêts à déployer une force de réassurance dès la signature d'un cessez-le-feu.\n\n"
            "(Rires)\n\n"
            "Elle ne sera pas sur la ligne de front.\n\n"
            "QUESTION : Quand cette force pourrait-elle être déployée ?\n\n"
            "KEIR STARMER : Merci, Emmanuel.\n\n"
            "Nous ne laisserons pas l'Ukraine seule face à la Russie.")
    ex = extract(article(text, language="fr", published="2025-07-10", source="Élysée"))
    said = [(ex.actor(s.speaker).name, s.text) for s in ex.statements if s.direct]
    assert said == [
        ("Emmanuel Macron", "Nous sommes prêts à déployer une force de réassurance dès la signature d'un cessez-le-feu."),
        ("Emmanuel Macron", "Elle ne sera pas sur la ligne de front."),
        ("Keir Starmer", "Nous ne laisserons pas l'Ukraine seule face à la Russie."),
    ]
