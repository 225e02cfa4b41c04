"""What a story tells as called off before its time (the pluperfect) was set for a day gone by, and a verb with a
particle of its own ("called off") is not the speech verb of another pair ("call for"). The sentences were written
for the tests (after blind9's dev half: an English newsletter, a French wire)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import parties, read, speaker_of

NEWSLETTER = (
    "Prime Minister Narendra Modi hosted the Russian president in New Delhi on Friday. In the spring he had called off "
    "a trip to Moscow for the Victory Day parade on May 9 as the border crisis deepened."
)

WIRE = (
    "DOUCHANBÉ, 9 octobre (Reuters) - Fin juin, une descente de police à Iekaterinbourg avait ravivé la crise entre "
    "les deux pays : Bakou avait annulé toutes les manifestations russes prévues sur son sol."
)


@pytest.fixture(scope="module")
def newsletter():
    return read(NEWSLETTER, language="en", published="2025-12-06")


@pytest.fixture(scope="module")
def wire():
    return read(WIRE, language="fr", published="2025-10-09")


def test_a_trip_called_off_in_the_pluperfect_was_set_for_the_day_gone_by(newsletter):
    # May 9 nearest to a December story is the one to come; "had called off" puts the trip in the story's past
    [trip] = [e for e in newsletter.events if e.status == "cancelled"]
    assert str(trip.date) == "2025-05-09"
    assert trip.location == "Moscow"
    assert parties(newsletter, trip) == {"Narendra Modi"}


def test_what_was_cancelled_in_the_pluperfect_was_planned_for_the_month_gone_by(wire):
    # « prévues » sets the events for later than the cancelling, which « avait annulé » puts before the story's day
    [concerts] = [e for e in wire.events if e.status == "cancelled"]
    assert (str(concerts.date), concerts.precision) == ("2025-06-01", "month")


def test_called_off_is_no_speech_verb_though_a_for_phrase_follows_it(newsletter):
    # "called off a trip … for the parade" is not "called for": no statement reports "a trip to Moscow"
    assert not [s for s in newsletter.statements if "trip to Moscow" in s.text]


def test_a_pair_the_lexicon_names_still_reports():
    story = read("Zelensky pointed out that the talks had stalled.", language="en", published="2025-12-06")
    assert speaker_of(story, "the talks had stalled", direct=False) == "Volodymyr Zelensky"
