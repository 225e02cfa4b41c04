"""A readout's "The Prime Minister thanked President X for…", "wished him success for…", « a remercié X pour… »:
what the speaker said on the call, as reported speech (whom the thanks are for, and what for). A name alone counts
("thanked Washington, Riyadh and Ankara"); a phrase of time is no reason ("praised the bloc's backing on Monday" says
nothing reported). The sentences were written for the tests (after blind14's dev half: a GOV.UK call readout)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import read, speaker_of

LEAD = {"en": "LONDON, April 10 (Reuters) - Officials met on Thursday.\n\n",
        "fr": "PARIS, 10 avril (Reuters) - Des responsables se sont réunis jeudi.\n\n"}


def _reported(text: str, language: str = "en"):
    story = read(LEAD[language] + text, language=language, published="2025-04-10")
    return {(s.text, speaker_of(story, s.text, direct=False)) for s in story.statements if not s.direct}


@pytest.mark.parametrize("language, text, words, speaker", [
    ("en", "Keir Starmer thanked Shigeru Ishiba for Japan's support for the Coalition of the Willing.",
     "Shigeru Ishiba for Japan's support for the Coalition of the Willing", "Keir Starmer"),
    # the parser hangs "for the launch" on "success", not on the verb
    ("en", "Keir Starmer wished Shigeru Ishiba success for the launch of the Osaka Expo next week.",
     "Shigeru Ishiba success for the launch of the Osaka Expo next week", "Keir Starmer"),
    ("en", "Friedrich Merz congratulated Donald Trump on his election.", "Donald Trump on his election",
     "Friedrich Merz"),
    ("en", "Volodymyr Zelensky thanked Washington, Riyadh and Ankara.", "Washington, Riyadh and Ankara",
     "Volodymyr Zelensky"),
    ("fr", "Emmanuel Macron a remercié Friedrich Merz pour son soutien à l'Ukraine.",
     "Friedrich Merz pour son soutien à l'Ukraine", "Emmanuel Macron"),
    ("fr", "Volodymyr Zelensky a félicité Friedrich Merz pour son élection.", "Friedrich Merz pour son élection",
     "Volodymyr Zelensky"),
])
def test_thanks_and_good_wishes_are_what_the_speaker_said(language, text, words, speaker):
    assert _reported(text, language) == {(words, speaker)}


@pytest.mark.parametrize("text", [
    "Volodymyr Zelensky praised the bloc's steadfast backing on Monday.",  # no reason: "on Monday" is when
    "Volodymyr Zelensky thanked Donald Trump.",  # a name and nothing said
    "Keir Starmer wished him well.",
])
def test_thanks_with_nothing_said_are_no_statement(text):
    assert _reported(text) == set()
