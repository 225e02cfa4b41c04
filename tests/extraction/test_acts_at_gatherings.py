"""What a verb tells as done at a gathering ("on the sidelines of a NATO summit", « en marge du sommet ») is held
there, on its day, and stays another event than the gathering; the gathering an organization's noun names is that
organization's. The sentences were written for the tests (after blind's dev half: a Reuters-style wire)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read

WIRE = (
    "THE HAGUE, June 25 (Reuters) - U.S. President Donald Trump met Ukrainian President Volodymyr Zelenskiy on the "
    "sidelines of a NATO summit in The Hague on Wednesday and said the talks had gone well."
)


@pytest.fixture(scope="module")
def wire():
    return read(WIRE, language="en", published="2025-06-25")


def test_a_meeting_on_the_sidelines_of_a_summit_is_held_where_and_when_the_summit_is(wire):
    [meeting] = [e for e in wire.events if parties(wire, e) >= {"Donald Trump", "Volodymyr Zelensky"}]
    assert (str(meeting.date), meeting.location) == ("2025-06-25", "The Hague")


def test_the_summit_stays_an_event_of_its_own_titled_by_its_organization(wire):
    [summit] = [e for e in wire.events if "NATO" in parties(wire, e)]
    assert "Volodymyr Zelensky" not in parties(wire, summit)
    assert summit.title.startswith("NATO")
    assert len([e for e in wire.events if e.kind == "meeting"]) == 2


def test_the_meeting_with_one_of_its_parties_told_again_is_the_meeting_told_before():
    story = read("U.S. President Donald Trump met Ukrainian President Volodymyr Zelenskiy in The Hague on Wednesday.\n\n"
                 "\"I think he's misguided,\" Trump told reporters, adding that the meeting with Zelenskiy had been "
                 "\"very nice\".", language="en", published="2025-06-25")
    meetings = [e for e in story.events if e.kind == "meeting"]
    assert len(meetings) == 1
    assert parties(story, meetings[0]) >= {"Donald Trump", "Volodymyr Zelensky"}


def test_a_meeting_with_another_party_stays_another_meeting():
    story = read("U.S. President Donald Trump met Ukrainian President Volodymyr Zelenskiy in The Hague on Wednesday.\n\n"
                 "Trump told reporters that the meeting with Mark Rutte had been \"very nice\".",
                 language="en", published="2025-06-25")
    assert len([e for e in story.events if e.kind == "meeting"]) == 2
