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
