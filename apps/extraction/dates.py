"""Find date expressions in French or English news text and resolve them against the publication date."""
from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Timex", "find_timexes", "resolve_expression"]


@dataclass(frozen=True)
class Timex:
    """One time expression found in a text, with its TimeML value."""

    start: int
    end: int
    text: str
    value: str
    precision: str
    date: datetime.date | None
    type: str


MONTHS = {
    "fr": {"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
           "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12},
    "en": {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
           "august": 8, "september": 9, "october": 10, "november": 11, "december": 12},
}
WEEKDAYS = {
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
           "sunday": 6},
}


def _fold(s: str) -> str:
    """Lower-case and strip accents, keeping the length so offsets stay valid."""
    out = []
    for ch in s.lower():
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def _day(d: datetime.date) -> tuple[str, str, datetime.date]:
    return d.isoformat(), "day", d


def _week(d: datetime.date) -> tuple[str, str, datetime.date]:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}", "week", d - datetime.timedelta(days=d.weekday())


def _weekday(dct: datetime.date, wd: int, tense: str | None) -> datetime.date:
    """The weekday nearest the DCT in the direction the tense points to."""
    delta = wd - dct.weekday()
    if tense == "future":
        return dct + datetime.timedelta(days=delta % 7)
    return dct - datetime.timedelta(days=(-delta) % 7)


_PAST = re.compile(r"\b(a|ont|avait|avaient|est|sont)\s+\w+(e|es|is|it|u|us|t)\b|\b(said|was|were|met|had|told)\b")
_FUTURE = re.compile(r"\b\w+(ra|ront)\b|\b(doit|doivent|va|vont|prevu|prevue|attendu|attendue|will|is expected|is due|plans?)\b")


def _tense_near(folded: str, start: int, end: int) -> str | None:
    """Guess the tense of the sentence around an expression from its verbs."""
    left = max(folded.rfind(".", 0, start), folded.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (folded.find(".", end), folded.find("\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(folded)
    sentence = folded[left:right]
    if _FUTURE.search(sentence):
        return "future"
    if _PAST.search(sentence):
        return "past"
    return None


def find_timexes(text: str, dct: datetime.date, language: str) -> list[Timex]:
    """Every date expression in text, resolved against the publication date dct."""
    lang = "fr" if language.startswith("fr") else "en"
    folded = _fold(text)
    months = MONTHS[lang]
    weekdays = WEEKDAYS[lang]
    month_re = "|".join(months)
    wd_re = "|".join(weekdays)
    found: list[tuple[int, int, tuple[str, str, datetime.date]]] = []
    if lang == "fr":
        patterns = [
            (rf"\b(?:le\s+)?(\d{{1,2}})(?:er)?\s+({month_re})(?:\s+(\d{{4}}))?\b", "daymonth"),
            (r"\bavant-hier\b", "d-2"), (r"\bhier\b", "d-1"), (r"\baujourd'hui\b", "d0"),
            (r"\bdemain\b", "d+1"), (r"\bla\s+semaine\s+derniere\b", "w-1"),
            (r"\bla\s+semaine\s+prochaine\b", "w+1"), (rf"\b({wd_re})\b", "weekday"),
        ]
    else:
        patterns = [
            (rf"\b({month_re})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", "monthday"),
            (rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({month_re})(?:,?\s+(\d{{4}}))?\b", "daymonth"),
            (r"\byesterday\b", "d-1"), (r"\btoday\b", "d0"), (r"\btomorrow\b", "d+1"),
            (r"\blast\s+week\b", "w-1"), (r"\bnext\s+week\b", "w+1"), (rf"\b({wd_re})\b", "weekday"),
        ]
    taken = [False] * len(text)
    for pattern, kind in patterns:
        for m in re.finditer(pattern, folded):
            if any(taken[m.start():m.end()]):
                continue
            resolved = None
            try:
                if kind in ("daymonth", "monthday"):
                    day_s, month_s = (m.group(1), m.group(2)) if kind == "daymonth" else (m.group(2), m.group(1))
                    day, month = int(day_s), months[month_s]
                    if m.group(3):
                        resolved = _day(datetime.date(int(m.group(3)), month, day))
                    else:
                        candidates = [datetime.date(dct.year + k, month, day) for k in (-1, 0, 1)]
                        resolved = _day(min(candidates, key=lambda d: abs((d - dct).days)))
                elif kind.startswith("d"):
                    resolved = _day(dct + datetime.timedelta(days=int(kind[1:])))
                elif kind == "weekday":
                    tense = _tense_near(folded, m.start(), m.end())
                    resolved = _day(_weekday(dct, weekdays[m.group(1)], tense))
                elif kind.startswith("w"):
                    resolved = _week(dct + datetime.timedelta(weeks=int(kind[1:])))
            except ValueError:
                resolved = None  # impossible calendar dates such as 31 February
            if resolved:
                for i in range(m.start(), m.end()):
                    taken[i] = True
                found.append((m.start(), m.end(), resolved))
    found.sort()
    return [Timex(s, e, text[s:e], v, p, d, "DATE") for s, e, (v, p, d) in found]


def resolve_expression(expr: str, dct: datetime.date, language: str, *,
                       tense: str | None = None) -> Timex | None:
    """Resolve one isolated expression; tense in {"past","future",None} decides the direction of bare weekday names etc."""
    hits = find_timexes(expr, dct, language)
    if not hits:
        return None
    best = max(hits, key=lambda t: t.end - t.start)
    if tense and best.precision == "day":
        folded = _fold(expr)
        for name, wd in WEEKDAYS["fr" if language.startswith("fr") else "en"].items():
            if re.fullmatch(rf"\s*(?:on\s+|ce\s+)?{name}\s*", folded):
                d = _weekday(dct, wd, tense)
                return Timex(best.start, best.end, best.text, d.isoformat(), "day", d, "DATE")
    return best
