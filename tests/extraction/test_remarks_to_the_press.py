"""Remarks to the press with a verb of addressing ("Speaking to reporters aboard Air Force One", « s'est exprimé
devant la presse »), and a meeting only said to be likely ("a good chance of meeting Putin soon"). The sentences were
written for the tests (after the probes' and blind3's dev halves)."""
from __future__ import annotations

from .pipeline_helpers import parties, read


def test_speaking_to_reporters_is_remarks_to_the_press_on_the_day_told():
    story = read("Speaking to reporters aboard Air Force One later that evening, President Donald Trump said he was not "
                 "considering sending Tomahawk missiles to Ukraine.", language="en", published="2025-11-02")
    [remarks] = [e for e in story.events if e.kind == "press_conference"]
    assert parties(story, remarks) == {"Donald Trump"}
    assert str(remarks.date) == "2025-11-02"


def test_s_exprimer_devant_la_presse_is_remarks_to_the_press():
    story = read("Emmanuel Macron s'est exprimé dimanche devant la presse à l'Élysée.", language="fr",
                 published="2025-11-03")
    [remarks] = [e for e in story.events if e.kind == "press_conference"]
    assert parties(story, remarks) == {"Emmanuel Macron"}
    assert (str(remarks.date), remarks.location) == ("2025-11-02", "Paris")


def test_speaking_with_a_leader_is_still_a_call():
    story = read("Donald Trump spoke to Vladimir Putin by phone on Sunday.", language="en", published="2025-11-03")
    assert [e.kind for e in story.events] == ["call"]


def test_a_good_chance_of_meeting_is_no_meeting_held():
    story = read("Speaking to reporters in the Oval Office on Wednesday afternoon, Donald Trump said there was a good "
                 "chance of meeting Vladimir Putin soon.", language="en", published="2025-08-07")
    assert not [e for e in story.events if e.kind == "meeting" and e.status == "occurred"]
