"""The literal strings one of which every match of a regular expression must contain.

The date rules are some thirty expressions and the topic rules a dozen, each run over the whole
article; most look for words a given article never uses ("trimestre", "Pâques", "réassurance").
A substring search (C, memchr-fast) for the words a pattern cannot match without tells at once
that its scan would find nothing. The words are read from the pattern itself, so a rule an
editor changes tomorrow stays right.
"""
from __future__ import annotations

import functools
import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - an older or newer layout: no filtering, same results
    _c = _p = None


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings such that every match of pattern contains at least one; None if none are known."""
    # Cached by source and flags, not by the pattern object: hashing a compiled pattern hashes its
    # whole compiled code on every call (5 µs for the longest date rule), and the checks run some
    # 300 times an article (date rules, topics of every statement and event).
    return _required_literals(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=None)
def _required_literals(source: str, flags: int) -> frozenset[str] | None:
    if _p is None or flags & re.IGNORECASE:
        return None
    try:
        return _sequence(_p.parse(source, flags))
    except Exception:  # noqa: BLE001 - an unexpected parse tree: skip the filter, never a wrong answer
        return None


def _sequence(items) -> frozenset[str] | None:
    """Every match of a sequence contains every requirement of its items: keep the most selective."""
    options, run = [], []
    for op, av in items:
        if op == _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        needs = _item(op, av)
        if needs is not None:
            options.append(needs)
    if run:
        options.append(frozenset(["".join(run)]))
    # Longest shortest string first (rarer in text), then fewer alternatives.
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _item(op, av) -> frozenset[str] | None:
    if op == _c.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        return None if add_flags & re.IGNORECASE else _sequence(body)
    if op == _c.BRANCH:
        alternatives = [_sequence(branch) for branch in av[1]]
        if any(a is None for a in alternatives):
            return None  # one alternative that needs nothing: the whole branch needs nothing
        return frozenset().union(*alternatives)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op == getattr(_c, "POSSESSIVE_REPEAT", None):
        low, _high, body = av
        return _sequence(body) if low >= 1 else None
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    return None  # character classes, any character, assertions, back-references: no literal


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when pattern cannot match anywhere in text."""
    needs = required_literals(pattern)
    return needs is None or any(word in text for word in needs)
