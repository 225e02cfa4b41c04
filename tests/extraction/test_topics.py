"""Topics: what the article, each statement and each event is about."""
from __future__ import annotations

from apps.extraction.pipeline import extract
from apps.extraction.pipeline.topics import TopicMatcher

from .pipeline_helpers import fixture_article


def test_french_and_english_keywords_find_the_same_topic_whatever_the_accents():
    topics = TopicMatcher.from_file()
    assert "ceasefire" in topics.topics("Un cessez-le-feu est possible", "fr")
    assert "ceasefire" in topics.topics("A cease-fire is possible", "en")
    assert "security-guarantees" in topics.topics("des GARANTIES SECURITAIRES", "fr")


def test_the_seed_story_is_about_security_guarantees():
    ex = extract(fixture_article("seed-reuters-fr-2025-09-04"))
    assert ex.topics[0] == "security-guarantees"


def test_a_sanctions_event_and_a_statement_carry_their_own_topics():
    ex = extract(fixture_article("en_parley-tests_sanctions-summit-off"))
    sanction = next(e for e in ex.events if e.kind == "sanction")
    assert "sanctions" in sanction.topics
    ceasefire_quote = next(s for s in ex.statements if "ceasefire" in s.text)
    assert "ceasefire" in ceasefire_quote.topics


def test_a_star_ending_a_word_inside_a_phrase_matches_any_ending():
    from apps.extraction.pipeline.topics import TopicMatcher

    matcher = TopicMatcher([{"slug": "force", "en": ["deploy* troops", "sanction*"], "fr": []}])
    assert matcher.topics("Britain could be deploying troops next spring.", "en") == ["force"]
    assert matcher.topics("They deployed troops.", "en") == ["force"]
    assert matcher.topics("New sanctions.", "en") == ["force"]
    assert matcher.topics("Troops were never deployed.", "en") == []
