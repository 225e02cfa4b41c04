"""What leaders "agreed" in a call readout: a deal or a plan to come is an agreement; a view they share ("agreed that a
trade war does not benefit anyone", "agreed on the importance of…", « sont convenus de la nécessité de… ») and a
courtesy ("agreed to stay in close touch") are not. "The leaders agreed…" as a subject is the two on the call. The
sentences were written for the tests (after blind14's dev half: a GOV.UK call readout)."""
from __future__ import annotations

import pytest

from .pipeline_helpers import read

CALL = {"en": "LONDON, April 10 (Reuters) - Keir Starmer spoke to Shigeru Ishiba this morning.\n\n",
        "fr": "PARIS, 10 avril (Reuters) - Emmanuel Macron s'est entretenu jeudi avec Keir Starmer.\n\n"}


def _agreements(text: str, language: str = "en"):
    story = read(CALL[language] + text, language=language, published="2025-04-10")
    return [e for e in story.events if e.kind == "agreement"]


@pytest.mark.parametrize("language, text", [
    ("en", "On trade, the leaders agreed that a trade war does not benefit anyone, and that now is the time for a calm "
           "approach."),
    ("en", "They agreed on the importance of likeminded partners such as the UK and Japan to work closely together."),
    ("en", "The leaders agreed to stay in close touch in the coming days."),
    ("fr", "Les deux dirigeants sont convenus de la nécessité d'une coopération étroite."),
    ("fr", "Les deux dirigeants sont convenus de rester en contact."),
])
def test_a_view_or_a_courtesy_the_leaders_share_is_no_agreement(language, text):
    assert _agreements(text, language) == []


@pytest.mark.parametrize("text", [
    "The leaders agreed that the movement to peace will begin with an energy ceasefire.",
    "The leaders agreed that talks should resume in Riyadh.",
])
def test_what_the_leaders_agreed_will_be_done_is_an_agreement_of_the_two(text):
    [agreement] = _agreements(text)
    assert {p.key for p in agreement.participants} >= {"gb:starmer", "jp:ishiba"}


def test_a_deal_agreed_on_is_an_agreement():
    [agreement] = _agreements("Britain and Japan agreed on a new trade deal on Thursday.")
    assert {p.key for p in agreement.participants} == {"country:gb", "country:jp"}


def test_the_leaders_as_an_object_are_not_the_parties_of_the_call():
    story = read(CALL["en"] + "Mark Rutte hosted the leaders at a dinner on Tuesday.", language="en",
                 published="2025-04-10")
    [dinner] = [e for e in story.events if e.kind == "meeting"]
    assert "gb:starmer" not in {p.key for p in dinner.participants}
