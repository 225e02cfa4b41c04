"""Find date expressions in French or English news and resolve them against the publication date.

Pure Python, no Django: regular expressions for the expressions, calendar rules for their values,
and the tense of the surrounding clause for the direction of "mercredi" or "in August".

    >>> import datetime
    >>> [t.value for t in find_timexes("Il a déclaré mercredi.", datetime.date(2025, 9, 4), "fr")]
    ['2025-09-03']

Values follow TimeML: YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY, YYYY-Qn for calendar periods, with
their first day in `Timex.date` (the Monday of a week, the 1st of a month, 1 January of a year).
A weekend is YYYY-Www-WE with the precision and first day of its ISO week. PRESENT_REF,
durations (P3Y, type DURATION), habits (XXXX-WXX-4, type SET), seasons (2024-SU), half years and
decades (199) have `date=None`: keep `t.date is not None` for things a timeline can place.

Tense: a bare weekday or month is resolved by the verbs of its clause (see tense.py); callers
that know better pass `tense=` to `resolve_expression`. Languages: "fr…" is French, anything
else is read as English.

Deictic and anaphoric expressions: "hier", "last week", "mercredi", "in the coming days" count
from the publication date (dct). "Le lendemain", "la veille", "ce jour-là", "trois jours plus
tard", "the same day", "two days later", "a week later", "the following week", "earlier that
month", "the previous Friday", "that evening", "at 17:15 GMT" count from the story's time, the
day the narrative is at; such a Timex has `anaphoric=True`. A caller that follows the story
(the events stage) gives that time:

    find_timexes(text, dct, "fr", references=[(offset, date), ...])
        # from each offset on, the story is at that date
    resolve_expression("le lendemain", dct, "fr", tense="past", reference=date)

Without a reference, an anaphoric expression counts from the last day the text named before it
(a past-tense clause skips days after dct), else from dct; `Timex.reference` says which day
that was, so that re-resolving `t.text` alone can pass `reference=t.reference` and keep it.

    >>> found = find_timexes("Ils sont arrivés le 2 juin. Le lendemain, ils ont signé.",
    ...                      datetime.date(2025, 9, 4), "fr")
    >>> [(t.text, t.value, t.anaphoric) for t in found]
    [('le 2 juin', '2025-06-02', False), ('Le lendemain', '2025-06-03', True)]
"""
from __future__ import annotations

import bisect
import datetime
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from apps.extraction.charmap import CharMap

from .calendar import BLOCK, Resolution
from apps.extraction.literals import may_match, required_literals
from .rules import RULES, Context, Rule

__all__ = ["Timex", "find_timexes", "resolve_expression", "counted_again", "CALENDAR_PRECISIONS"]

CALENDAR_PRECISIONS = ("day", "week", "month", "year", "quarter")
# What an anaphor may count from: calendar days and periods (not durations or seasons).
_ANCHOR_PRECISIONS = frozenset(CALENDAR_PRECISIONS)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Timex:
    """One time expression found in a text, with its TimeML value."""

    start: int          # char offset into the text
    end: int
    text: str           # text[start:end]
    value: str          # TimeML: YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY, YYYY-Qn, PRESENT_REF, P3D…
    precision: str      # "day" | "week" | "month" | "year" | "quarter" | "unknown"
    date: datetime.date | None   # first day of the period, None if not a calendar date
    type: str           # "DATE" | "TIME" | "DURATION" | "SET"
    # Counted from the story's time ("le lendemain", "two days later", "the following week"),
    # not from the publication date: pass `references=` / `reference=` to place it.
    anaphoric: bool = False
    # For an anaphoric expression, the day it was counted from: pass it back as `reference=`
    # when re-resolving the text alone (with a tense, say), or the expression loses its context.
    reference: datetime.date | None = None


def _fold_char(ch: str) -> str:
    lower = ch.lower()
    if len(lower) != 1:  # "İ".lower() is two characters: keep the original
        lower = ch
    base = unicodedata.normalize("NFD", lower)[0]
    if base in "\u2019\u02bc\u2018`´":
        base = "'"
    elif base in "\u2010\u2011":
        base = "-"
    return base


_FOLD = CharMap(_fold_char)


def fold(text: str) -> str:
    """Lower-case text and strip its accents, keeping one character per character so that
    offsets in the folded text are offsets in the original."""
    return text.translate(_FOLD)


def _language(language: str) -> str:
    return "fr" if language.lower().startswith("fr") else "en"


_LINE = re.compile(r"[^\n]+")


def _lines_holding(word: str, folded: str, ends: list[int]) -> list[int]:
    """The indexes of the lines (by their end offsets) in which word occurs."""
    found, at = [], folded.find(word)
    while at >= 0:
        line = bisect.bisect_left(ends, at)
        if line >= len(ends):
            break
        found.append(line)
        at = folded.find(word, ends[line])  # the next line that has it
    return found


def _candidates(rules: list[Rule], folded: str) -> list[tuple[int, int, int, Rule, object]]:
    """Every match of every rule, as (start, end, rule index, rule, match)."""
    found = []
    # An expression never runs across a line break: "…des réunions d'hier¶Jeudi, l'Elysée…" is a heading's
    # "hier" and the paragraph's "Jeudi", each dating its own part of the page; so each line is scanned alone
    # (positions stay the text's).
    lines = [m.span() for m in _LINE.finditer(folded)]  # a regex, not a Python loop over every character
    ends = [b for _, b in lines]
    lines_with: dict[str, list[int]] = {}
    for index, rule in enumerate(rules):
        # Each line alone, and only the lines holding one of the words the rule cannot match
        # without (a match stays inside its line, so a line without them has none): most rules
        # look for words that only a few paragraphs use, and scanning the others was most of the
        # date rules' time.
        needs = required_literals(rule.pattern)
        if needs is None or len(lines) < 2:
            if not may_match(rule.pattern, folded):
                continue  # the words it needs are not in the text: its scan would find nothing
            scanned = lines
        else:
            held = set()
            for word in needs:
                found_in = lines_with.get(word)
                if found_in is None:  # rules share words (the months): each is looked up once
                    found_in = lines_with[word] = _lines_holding(word, folded, ends)
                held.update(found_in)
            if not held:
                continue  # the words it needs are not in the text: its scan would find nothing
            scanned = [lines[i] for i in sorted(held)]
        for m in (m for a, b in scanned for m in rule.pattern.finditer(folded, a, b)):
            start, end = m.span(rule.span_group)
            # A leading preposition ("en", "on", "depuis") is not part of the expression.
            if "pre" in m.re.groupindex and m.group("pre") and m.start("pre") <= start:
                start = m.end("pre")
            # Leading spaces come from optional prefixes that did not match; trim them.
            while start < end and folded[start].isspace():
                start += 1
            while end > start and folded[end - 1] in " \t\n,":
                end -= 1
            if start < end:
                found.append((start, end, index, rule, m))
    return found


def _apply(rule: Rule, m: re.Match[str], ctx: Context) -> Resolution | None:
    """Run a rule's handler; a date the calendar refuses (year 10000) is no date."""
    try:
        return rule.handler(m, ctx)
    except (ValueError, OverflowError, KeyError):
        return None
    except Exception:  # noqa: BLE001 - one faulty rule must not cost the article its other dates
        log.exception("date rule %s failed on %r", rule.name, m.group())
        return None


def _resolve_all(text: str, dct: datetime.date, language: str, tense: str | None = None,
                 references: Iterable[tuple[int, datetime.date]] | None = None,
                 clause_tense: Callable[[int, int], str | None] | None = None,
                 ) -> list[tuple[int, int, Resolution, datetime.date | None]]:
    """Matched spans with their resolutions and, for anaphoric ones, the day they counted from;
    non-overlapping, in text order."""
    lang = _language(language)
    folded = fold(text)
    ctx = Context(text=text, folded=folded, dct=dct, language=lang, forced_tense=tense,
                  references=sorted(references or (), key=lambda r: r[0]), clause_tense=clause_tense)
    candidates = _candidates(RULES[lang], folded)
    # Longest match first, then earliest, then the rule listed first: "le 15 août 2025" beats
    # "août 2025" and "2025", "the following Monday" beats "Monday"; a rule that rejects its match
    # leaves room for a shorter one.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken = bytearray(len(text))
    chosen: list[tuple[int, int, Resolution, datetime.date | None]] = []  # + reference used
    # Anaphora ("le lendemain") count from the days named before them, so they are resolved
    # after every other expression, in text order; meanwhile they hold their span. One that
    # resolves to nothing gives its span back to the shorter candidates inside it.
    failed: set[int] = set()  # id() of the anaphoric matches that did
    pending = candidates
    while pending:
        held = []
        for candidate in pending:
            start, end, _, rule, m = candidate
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            if rule.anaphoric:
                held.append(candidate)
                continue
            resolution = _apply(rule, m, ctx)
            if resolution is None:
                taken[start:end] = bytes(end - start)
            elif resolution is not BLOCK:
                chosen.append((start, end, resolution, None))
        ctx.anchors = sorted((c[0], c[2].date, c[2].precision) for c in chosen
                             if c[2].date and c[2].precision in _ANCHOR_PRECISIONS)
        freed = []
        for start, end, _, rule, m in sorted(held, key=lambda c: c[0]):
            ctx.used_reference, ctx.named_day = None, False
            resolution = _apply(rule, m, ctx)
            if resolution is None or resolution is BLOCK:
                taken[start:end] = bytes(end - start)
                freed.append((start, end))
                failed.add(id(m))
                continue
            chosen.append((start, end, resolution, None if ctx.named_day else ctx.used_reference or dct))
            if resolution.date and resolution.precision in _ANCHOR_PRECISIONS:
                bisect.insort(ctx.anchors, (start, resolution.date, resolution.precision))
        pending = [c for c in candidates if id(c[4]) not in failed
                   and any(fs <= c[0] and c[1] <= fe for fs, fe in freed)]
    chosen.sort(key=lambda c: c[0])
    return chosen


def find_timexes(text: str, dct: datetime.date, language: str, *,
                 references: Iterable[tuple[int, datetime.date]] | None = None,
                 clause_tense: Callable[[int, int], str | None] | None = None) -> list[Timex]:
    """Every date/time expression in text, resolved against the publication date dct.

    Anaphoric expressions ("le lendemain", "two days later", "la semaine suivante", marked
    `anaphoric=True`) count from the story's time instead. `references` gives it, as
    (offset, date) pairs: from each offset on, the story is at that date (the caller's running
    reference time, e.g. the date of the last event told). An anaphoric expression takes the
    last pair at or before its start; with none, the last day named before it in the text
    (a past-tense clause skips days after dct), else dct. Deictic expressions ("hier",
    "last week", "mercredi") ignore references.

    `clause_tense(start, end)` is the caller's reading of the clause that owns text[start:end]
    ("past", "future" or None), from a parse: it decides the direction of a bare weekday before
    the verbs around it do (see tense.py); None leaves it to them.
    """
    return [Timex(s, e, text[s:e], r.value, r.precision, r.date, r.type, ref is not None, ref)
            for s, e, r, ref in _resolve_all(text, dct, language, references=references,
                                             clause_tense=clause_tense)]


def counted_again(timex: Timex, reference: datetime.date) -> Timex | None:
    """A day counted from the story's day, counted again from another day: the same distance from `reference`.

    For an expression whose text alone does not resolve: « [en] fin de journée », "[later in] the evening" match
    with words the expression's text leaves out, so re-reading the text from another day finds nothing, and the
    day the finder counted from (its own running day) would stand. None for what is not a day counted so."""
    if not timex.anaphoric or timex.date is None or timex.reference is None or timex.precision != "day":
        return None
    day = reference + (timex.date - timex.reference)
    value = day.isoformat() + timex.value[10:] if timex.value[:10] == timex.date.isoformat() else day.isoformat()
    return replace(timex, date=day, value=value, reference=reference)


def resolve_expression(expr: str, dct: datetime.date, language: str, *,
                       tense: str | None = None,
                       reference: datetime.date | None = None) -> Timex | None:
    """Resolve one isolated expression.

    tense in {"past", "future", None} decides the direction of bare weekday names and months;
    reference is the story's time, which anaphoric expressions ("le lendemain", "two days
    later") count from (default: dct); deictic ones ignore it.
    """
    if tense not in ("past", "future", None):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    references = [(0, reference)] if reference is not None else None
    found = _resolve_all(expr, dct, language, tense, references)
    if not found:
        return None
    # The longest expression is the one the caller meant; prefer calendar dates on a tie.
    s, e, r, ref = max(found, key=lambda c: (c[1] - c[0], c[2].date is not None))
    return Timex(s, e, expr[s:e], r.value, r.precision, r.date, r.type, ref is not None, ref)
