"""The confidence tables keep the order the annotated sets measured (scripts/calibration.py --fit).

The values are refitted whenever the rules change; whatever they become, a reading that the sets found
clearly more often right must stay more confident, or the editors' "least confident first" queue would
show the good rows before the likely errors. Each pair below differs by 0.1 or more in measured share,
over at least 7 rows each (counts of 2026-12-05 in the comments); the pairs marked "was inverted" were in
the wrong order, or tied, with the hand-set values before the fit.
"""
from __future__ import annotations

import pytest

from apps.extraction.pipeline.events.kinds import confidence
from apps.extraction.pipeline.quotes import BASIS_CONFIDENCE, INDIRECT_PENALTY


@pytest.mark.parametrize("surer, less_sure", [
    ("verb+args+date", "verb+args+default"),          # 0.88 (83) / 0.73 (15)
    ("light-verb+args+date", "verb+args+default"),    # 1.00 (22) / 0.73 (15)
    ("verb+args+date+merged", "verb+args+story"),     # 0.96 (23) / 0.83 (30)
    ("noun+args+date", "noun+date"),                  # 0.96 (27) / 0.43 (7): parties found, or not
    ("noun+args+story", "noun+date"),                 # 0.89 (9) / 0.43 (7): was inverted (0.55 / 0.65)
    ("noun+args+story", "verb+args+default"),         # 0.89 (9) / 0.73 (15): was inverted (0.55 / 0.65)
    ("light-verb+args+date", "verb+args+date"),       # 1.00 (22) / 0.88 (83): was tied (0.9)
])
def test_an_event_read_more_surely_is_more_confident(surer, less_sure):
    assert confidence(surer) > confidence(less_sure)


@pytest.mark.parametrize("trigger", ["verb", "light-verb", "noun"])
def test_a_date_of_its_own_beats_the_day_the_story_went_out_which_beats_no_date(trigger):
    # measured over every trigger: date 0.90 (186), default 0.69 (29), undated 0.59 (22)
    dated, default, undated = (confidence(f"{trigger}+args+{d}") for d in ("date", "default", "undated"))
    assert dated > default > undated


def test_parties_found_in_the_parse_make_an_event_surer():
    # with parties 0.86 (279), without 0.47 (15)
    assert all(confidence(f"{t}+args+date") > confidence(f"{t}+date") for t in ("verb", "light-verb", "noun"))


def test_a_speaker_found_as_the_subject_of_the_verb_beats_a_description_which_beats_nobody():
    # subject of the speech verb 0.96 (390), pronoun 0.89 (159), a description 0.57 (28), nobody 0.07 (29)
    order = [BASIS_CONFIDENCE[b] for b in ("subject-of-verb", "pronoun", "description", "")]
    assert order == sorted(order, reverse=True) and len(set(order)) == len(order)


@pytest.mark.parametrize("less_sure", ["source-phrase", "described"])
def test_a_pronoun_subject_beats_a_source_phrase_or_a_speaker_known_only_by_description(less_sure):
    # pronoun 0.89 (159); "according to X" 0.78 (18); "a spokeswoman said" 0.76 (17): were tied (0.85)
    assert BASIS_CONFIDENCE["pronoun"] > BASIS_CONFIDENCE[less_sure]


def test_reported_speech_is_less_sure_than_a_quotation_found_the_same_way():
    # article sets: reported 0.89 (172), quotations 0.99 (189)
    assert INDIRECT_PENALTY > 0


def test_an_event_on_a_new_article_is_not_marked_as_sure_as_on_the_texts_the_rules_were_tuned_on():
    # the commonest reading: right 0.93 (86) on the fit sets, 0.80 (56) in the blind sets' first runs
    # (the code before each round's fixes); the values are carried over to the first runs
    assert 0.7 <= confidence("verb+args+date") <= 0.85
    # a noun with no parties of its own: 0.27 (11) in the first runs
    assert confidence("noun+date") < 0.5
