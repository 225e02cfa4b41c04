""""said A, adding that B", « a jugé que A, ajoutant que B »: two statements of one speaker, though the parser hung the
participle inside the first clause; "said on Tuesday he would…": the day is the saying's, not what it reports. The
sentences were written for the tests (after blind13's dev half: a wire on tariff talks)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import read, speaker_of


def _reported(story):
    return {(s.text, s.speaker) for s in story.statements if not s.direct}


@pytest.mark.parametrize("language, text, first, second, who", [
    ("en", "Greer said the gap had closed faster than he expected, adding that a standing mechanism would keep talks "
           "going.", "the gap had closed faster than he expected", "a standing mechanism would keep talks going",
     "Jamieson Greer"),
    ("fr", "Dmitri Peskov a jugé que toute pression sur la Russie était inutile, ajoutant que Moscou avait ses propres "
           "conditions.", "toute pression sur la Russie était inutile", "Moscou avait ses propres conditions",
     "Dmitry Peskov"),
])
def test_a_second_saying_in_a_participle_is_a_statement_of_the_same_speaker(language, text, first, second, who):
    story = read("GENEVA, May 12 (Reuters) - Officials met on Monday.\n\n" + text, language=language,
                 published="2025-05-12")
    assert {t for t, _ in _reported(story)} == {first, second}
    assert speaker_of(story, first, direct=False) == speaker_of(story, second, direct=False) == who


def test_a_participle_that_says_nothing_does_not_cut_the_words():
    story = read("GENEVA, May 12 (Reuters) - Officials met on Monday.\n\n"
                 "Greer said the gap had closed quickly, leaving both sides some room.", language="en",
                 published="2025-05-12")
    assert {t for t, _ in _reported(story)} == {"the gap had closed quickly, leaving both sides some room"}


def test_the_day_set_between_said_and_the_clause_is_the_day_of_the_saying():
    story = read("WASHINGTON (Reuters) - Officials met on Wednesday.\n\n"
                 "Trump said on Tuesday he would meet Putin \"very soon\".", language="en", published="2025-11-19")
    [said] = [s for s in story.statements if not s.direct]
    assert (said.text, str(said.date)) == ("he would meet Putin \"very soon\"", "2025-11-18")
    [meeting] = [e for e in story.events if e.kind == "meeting" and e.participants]
    assert (meeting.status, meeting.date) == ("planned", None)  # "very soon" is no day


def test_a_day_after_the_clause_s_subject_is_the_clause_s_own():
    story = read("WASHINGTON (Reuters) - Officials met on Wednesday.\n\n"
                 "Trump said he would meet Putin on Friday.", language="en", published="2025-11-19")
    [meeting] = [e for e in story.events if e.kind == "meeting" and e.participants]
    assert (meeting.status, str(meeting.date)) == ("planned", "2025-11-21")


@pytest.mark.parametrize("language, text, first, second", [
    # (the French parse hangs « et s'est dit » inside the first clause, with the clause's subject as its own)
    ("fr", "Friedrich Merz a assuré que l'Allemagne augmenterait ses dépenses militaires et s'est dit prêt à parler de "
           "dissuasion nucléaire avec la France.", "l'Allemagne augmenterait ses dépenses militaires",
     "prêt à parler de dissuasion nucléaire avec la France"),
    ("en", "Friedrich Merz said that defence spending would rise and has promised to discuss nuclear deterrence with "
           "France.", "defence spending would rise", "discuss nuclear deterrence with France"),
])
def test_a_second_saying_joined_by_and_is_a_statement_of_the_same_speaker(language, text, first, second):
    # after blind14's dev half: a wire on a chancellor's first visit
    story = read("PARIS, May 7 (Reuters) - Officials met on Wednesday.\n\n" + text, language=language,
                 published="2025-05-07")
    assert {t for t, _ in _reported(story)} == {first, second}
    assert speaker_of(story, first, direct=False) == speaker_of(story, second, direct=False) == "Friedrich Merz"
