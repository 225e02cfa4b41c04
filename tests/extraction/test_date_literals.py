"""The date rules skip texts that lack every word a rule needs; the words come from the pattern."""

import re

import pytest

from apps.extraction.dates import RULES, find_timexes, fold
from apps.extraction.literals import may_match, required_literals


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"\bhier\b", {"hier"}),
    (r"(?:le\s+)?(?:lundi|mardi)\s+soir", {"lundi", "mardi"}),  # an optional part needs nothing
    (r"(?:au|en)\s+(?:debut|fin)\s+de\s+semaine", {"semaine"}),  # the longest requirement wins
    (r"\d+\s+jours?", {"jour"}),
    (r"(?:il y a|ago)|\d{4}", None),  # one alternative with no word: no requirement at all
    (r"[0-3]?\d/[01]?\d", {"/"}),
    (r"(?i)aout", None),  # case-insensitive patterns are never filtered
])
def test_the_required_words_are_read_from_the_pattern(pattern, needs):
    assert required_literals(re.compile(pattern)) == (frozenset(needs) if needs is not None else None)


def test_a_rule_is_skipped_only_when_it_could_not_have_matched():
    text = fold("Le sommet se tiendra jeudi 15 août à Alaska, a-t-il dit hier.")
    for rule in RULES["fr"]:
        if not may_match(rule.pattern, text):
            assert rule.pattern.search(text) is None, rule.name


@pytest.mark.parametrize(("text", "language"), [
    ("Le lendemain, trois jours plus tard, la semaine suivante, ce soir-là, le vendredi "
     "précédent, ce même samedi, dans les prochains jours, 09h05 — à 14 h 30.", "fr"),
    ("The next day, two days later, the following week, that evening, the previous Friday, "
     "Wednesday of last week, in the coming days, overnight.\n11:02 GMT — at 17:15 GMT", "en"),
])
def test_the_anaphora_rules_keep_to_the_filter(text, language):
    folded = fold(text)
    for rule in RULES[language]:
        if not may_match(rule.pattern, folded):
            assert rule.pattern.search(folded) is None, rule.name


def test_the_anaphora_rules_have_words_to_filter_on():
    for language in ("fr", "en"):
        for rule in RULES[language]:
            if rule.anaphoric and not rule.name.startswith("clock"):
                assert required_literals(rule.pattern), rule.name


def test_most_rules_are_skipped_on_a_text_without_their_words():
    text = fold("Les dirigeants se sont entretenus longuement sans rien annoncer.")
    skipped = [rule.name for rule in RULES["fr"] if not may_match(rule.pattern, text)]
    assert {"weekday", "month", "holiday", "quarter", "relative_day", "decade"} <= set(skipped)


def test_dates_are_still_found_with_the_filter():
    import datetime as dt

    found = find_timexes("Ils se sont parlé mercredi et se verront le 15 août.", dt.date(2025, 9, 4), "fr")
    assert [t.value for t in found] == ["2025-09-03", "2025-08-15"]


def _every_line_scanned(rules, folded):
    """The matches of each rule over every line of the text, as the rules read before the line filter."""
    import re as _re

    found = []
    for index, rule in enumerate(rules):
        for line in _re.finditer(r"[^\n]+", folded):
            found += [(index, m.span()) for m in rule.pattern.finditer(folded, *line.span())]
    return found


@pytest.mark.parametrize(("text", "language"), [
    ("Sommet à Paris\nLe président recevra jeudi son homologue, a-t-il annoncé le 3 mars 2025.\n\n"
     "Deux jours plus tard, à 14 h 30, les ministres se sont réunis.\nAucune date ici.\n"
     "En août, puis au début de l'automne, ils se reverront le lendemain de Noël.", "fr"),
    ("Talks in Geneva\nThe ministers met on Tuesday, March 4, and again two days later.\n\n"
     "No date in this line.\nAt 17:15 GMT the talks resumed; a deal is expected next week or in 2026.", "en"),
])
def test_scanning_only_the_lines_with_a_rules_words_finds_every_match(text, language):
    from apps.extraction.dates import _candidates

    folded = fold(text)
    rules = RULES[language]
    assert sorted((c[2], c[4].span()) for c in _candidates(rules, folded)) == \
        sorted(_every_line_scanned(rules, folded))


def test_the_line_filter_finds_every_match_of_the_test_articles():
    import json
    from pathlib import Path

    from apps.extraction.dates import _candidates

    folder = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    for path in sorted(folder.glob("*.article.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        language = "fr" if raw["language"].startswith("fr") else "en"
        folded = fold(raw["text"])
        assert sorted((c[2], c[4].span()) for c in _candidates(RULES[language], folded)) == \
            sorted(_every_line_scanned(RULES[language], folded)), path.name
