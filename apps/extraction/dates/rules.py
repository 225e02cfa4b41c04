"""The patterns that recognise time expressions, and how each kind is resolved.

Patterns run on the folded text (lower-case, accents stripped, same length as the original), so
"Août", "aout" and "AOÛT" are one case. Each rule is a regex plus a handler that turns a match
into a Resolution, or returns None to reject it (a number that is not a year, "le mercredi" as a
habit). Where the original capitalisation matters (English "May" the month vs "may" the verb) the
handler looks at the original text.

Deictic rules count from the publication date ("hier", "last week", "mercredi"). Anaphoric rules
(`anaphoric=True`) count from the story's time ("le lendemain", "two days later", "la semaine
suivante"): `Context.reference_at` says what that is at their position.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import calendar as cal
from .lexicon import (ANAPHORIC_DAYS, ANAPHORIC_RELATIONS, CLAUSE_FINAL_ONLY, COUNTED_NOUNS,
                      LATER_EARLIER, MONTHS, NEXT, NUMBERS, ORDINALS, PREVIOUS, UNITS,
                      VAGUE_FUTURE, VAGUE_PAST, WEEKDAYS)
from .tense import TenseReader


@dataclass
class Context:
    """What a handler needs besides its match: the texts, the DCT and the language."""

    text: str
    folded: str
    dct: datetime.date
    language: str
    forced_tense: str | None = None
    # The story's time as the caller knows it: (offset, date) pairs in text order, each valid from
    # its offset on (see find_timexes). Empty: anaphora fall back on `anchors`.
    references: list[tuple[int, datetime.date]] = field(default_factory=list)
    # What the text itself names, in text order: (offset, first day, precision) of each calendar
    # expression resolved so far.
    anchors: list[tuple[int, datetime.date, str]] = field(default_factory=list)
    # The day the last anaphor resolved counted from (set by reference_at and anchor_after).
    used_reference: datetime.date | None = None
    # Set when the last anaphor turned out to name a day the text named itself (« ce même mardi »): it then counts
    # from nothing, and a caller that re-resolves anaphora against the story's time must keep its value.
    named_day: bool = False
    # The caller's reading of the clause that owns text[start:end] ("past", "future" or None), from
    # a parse it has and we do not: the verb a weekday hangs on, not merely the nearest one.
    clause_tense: Callable[[int, int], str | None] | None = None
    _reader: TenseReader | None = None

    def tense(self, start: int, end: int) -> str | None:
        """The tense of the clause around text[start:end] (or the caller's, if given)."""
        if self.forced_tense is not None:
            return self.forced_tense
        if self._reader is None:
            self._reader = TenseReader(self.text, self.language)
        return self._reader.tense(start, end)

    def reference_at(self, start: int, end: int, unit: str = "day") -> datetime.date:
        """The story's time at text[start:end]: what "le lendemain" or "two days later" count from.

        The caller's reference for that position when it gave one. Otherwise the last day named
        before the expression (for a week, month or year unit, the last period at least that
        fine), leaving out days after the publication date when the clause is in the past tense
        ("arrivé dans la matinée" after "le sommet de vendredi" is not Friday morning); otherwise
        the publication date.
        """
        given = [d for offset, d in self.references if offset <= start]
        if given:
            self.used_reference = given[-1]
            return given[-1]
        allowed = _PRECISIONS[:_PRECISIONS.index(unit) + 1]
        named = [(offset, d) for offset, d, precision in self.anchors
                 if offset < start and precision in allowed and not self._attributive(offset)]
        if named and self.tense(start, end) == "past":
            named = [(offset, d) for offset, d in named if d <= self.dct]
        self.used_reference = named[-1][1] if named else self.dct
        return self.used_reference

    def _attributive(self, offset: int) -> bool:
        """Whether the date at offset only qualifies a noun ("l'appel du 12 février", "le sommet
        de vendredi", "Friday's summit"): it dates that thing, the story does not move there."""
        if _OF_BEFORE.search(self.folded, max(0, offset - 5), offset):
            return not _RANGE_AFTER.match(self.folded, offset)
        return bool(_POSSESSIVE.match(self.folded, offset))

    def anchor_after(self, position: int, limit: int = 12) -> datetime.date | None:
        """A day named right after position ("la veille du 15 août"): what the expression counts
        from instead of the story's time."""
        for offset, d, precision in self.anchors:
            if position <= offset <= position + limit and precision == "day":
                between = self.folded[position:offset]
                if re.fullmatch(r"\s*(?:du|de|d'|de la|de l'|au|of|the|of the|,)?\s*(?:le\s+)?",
                                between):
                    self.used_reference = d
                    return d
        return None

    def year_before(self, position: int) -> int | None:
        """A year written earlier in the same sentence: "en 97 (en janvier, en octobre)"."""
        left = max(self.folded.rfind(". ", 0, position), self.folded.rfind("\n", 0, position))
        window = self.folded[max(left, position - 120, 0):position]
        years = re.findall(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?![\d.,])|\ben (\d\d)(?=\s*[(),.;:])",
                           window)
        if not years:
            return None
        last = years[-1]
        return int(last[0]) if last[0] else _two_digit_year(int(last[1]), self.dct)


# "du 12 février", "de vendredi": a date that qualifies the noun before it; "du 8 au 12", a range.
_OF_BEFORE = re.compile(r"(?<![\w'])(?:du|de|d')\s*$")
_RANGE_AFTER = re.compile(r"[^.,;]{0,25}?\s(?:au|a)\s")
_POSSESSIVE = re.compile(r"[\w.]+'s\s")

# From finest to coarsest: a week can count from a day or a week, not from a month.
_PRECISIONS = ("day", "week", "month", "quarter", "year")

Handler = Callable[[re.Match[str], Context], "cal.Resolution | None"]


@dataclass(frozen=True)
class Rule:
    """A pattern, its handler, and which group delimits the span (0: the whole match)."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    span_group: int | str = 0
    anaphoric: bool = False


def _alt(words: dict[str, object] | set[str]) -> str:
    """A regex alternation of words, longest first so that "janvier" beats "janv."."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _two_digit_year(number: int, dct: datetime.date) -> int:
    """Expand "98" to 1998 and "03" to 2003: the century that puts it at most ~20 years ahead."""
    century = dct.year // 100 * 100
    candidate = century + number
    return candidate - 100 if candidate > dct.year + 20 else candidate


def _direction(rel: str | None) -> str | None:
    """"last" or "next" for words such as dernier, prochain, last, next; else None."""
    if not rel:
        return None
    rel = " ".join(rel.split())
    if rel in PREVIOUS:
        return "last"
    if rel in NEXT:
        return "next"
    return None


def _day_number(word: str) -> int:
    return 1 if word in ("1er", "premier", "1st", "first") else int(re.sub(r"\D", "", word))


def _month_number(word: str, language: str) -> int:
    word = word.rstrip(".") if word.rstrip(".") in MONTHS[language] else word
    return MONTHS[language].get(word) or MONTHS[language][word + "."]


def _number(word: str, language: str) -> int | None:
    word = " ".join(word.split())
    if word.isdigit():
        return int(word)
    return NUMBERS[language].get(word)


def _tense_direction(m: re.Match[str], ctx: Context) -> str | None:
    """"past" or "future" from the verbs around the match, or None when they do not say."""
    tense = ctx.tense(m.start(), m.end())
    return tense if tense in ("past", "future") else None


def _group(m: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that exists in the pattern and matched."""
    groups = m.groupdict()
    return next((groups[name] for name in names if groups.get(name)), None)


def _capitalised(text: str, position: int) -> bool:
    return text[position:position + 1].isupper()


# --- handlers -------------------------------------------------------------------------------

def full_date(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A day of a month, with or without a year: "le 15 août 2025", "August 15", "15/08/2025"."""
    day_number = _day_number(m.group("d"))
    groups = m.groupdict()
    month_number = (_month_number(groups["mon"], ctx.language) if groups.get("mon")
                    else int(groups["m"]))
    if not 1 <= month_number <= 12:
        return None
    if m.group("y"):
        digits = m.group("y").lstrip("'")
        year_number = int(digits) if len(digits) == 4 else _two_digit_year(int(digits), ctx.dct)
        date = cal.safe_date(year_number, month_number, day_number)
        if date is None:
            return cal.BLOCK
    else:
        if cal.safe_date(2000, month_number, day_number) is None:
            return cal.BLOCK  # "le 31 février" names no day: emit nothing, not "février"
        direction = _direction(m.groupdict().get("rel")) or _tense_direction(m, ctx)
        if m.string[max(0, m.start() - 6):m.start()].endswith(("d'ici ", "d'ici")):
            direction = "future"
        wd = groups.get("wd")
        if wd:
            date = cal.day_month_weekday(ctx.dct, month_number, day_number,
                                         WEEKDAYS[ctx.language][wd], direction)
            return cal.day(date) if date else None
        date = cal.day_month_year(ctx.dct, month_number, day_number, direction)
        if date is None and direction:
            date = cal.day_month_year(ctx.dct, month_number, day_number, None)
    return cal.day(date) if date else None


def us_numeric(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """An English numeric date, month first: 3/22/2013."""
    digits = m.group("y")
    year_number = int(digits) if len(digits) == 4 else _two_digit_year(int(digits), ctx.dct)
    date = cal.safe_date(year_number, int(m.group("m")), int(m.group("d")))
    return cal.day(date) if date else None


def month_with_year(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A month and a year: "mai 1988", "fin septembre 2000", "May 2010"."""
    if ctx.language == "en" and not _capitalised(ctx.text, m.start("mon")):
        return None
    digits = m.group("y").lstrip("'")
    year_number = int(digits) if len(digits) == 4 else _two_digit_year(int(digits), ctx.dct)
    if not cal.MIN_YEAR <= year_number <= cal.MAX_YEAR:
        return None
    return cal.month(year_number, _month_number(m.group("mon"), ctx.language))


def bare_month(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A month without a year: "en février", "in August", "juin prochain", "last May"."""
    number = _month_number(m.group("mon"), ctx.language)
    rel = m.group("rel")
    introduced = m.group("pre") or m.groupdict().get("det") or m.group("mod") or rel
    if m.group("mon").endswith(".") or len(m.group("mon")) <= 4 and m.group("mon") not in (
            "mars", "mai", "juin", "aout", "may", "june", "july"):
        return None  # "les Vingt-Sept.", "for Jan": an abbreviation without a day is too weak
    if ctx.language == "en" and m.group("mon") == "may" and not (
            m.group("mod") or rel or m.group("pre") in (
                "in", "since", "by", "until", "till", "through", "throughout", "during",
                "from", "before", "after")):
        return None  # "Johnson and May", "the government of May": the politician
    if ctx.language == "en":
        if not _capitalised(ctx.text, m.start("mon")):
            return None
        if not (m.group("pre") or m.group("mod") or rel):
            return None  # "June Carter", "May I": a month name needs a preposition
    elif m.group("mon") == "mars" and ctx.text[m.start("mon")] == "M" and not (
            m.group("pre") or m.group("det") or m.group("mod") or rel):
        return None  # "Mars" the planet or the brand
    direction = _direction(rel)
    if direction is None:
        hinted = ctx.year_before(m.start())
        if hinted:
            return cal.month(hinted, number)
        direction = _tense_direction(m, ctx)
    return cal.month(cal.month_year(ctx.dct, number, direction), number)


def year_expression(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A year: "1999", "en 2024", "l'année 2001", "in 2010", "fiscal 2013"."""
    number = int(m.group("y"))
    if not (m.group("pre") or m.group("det")) and not 1900 <= number <= 2099:
        return None
    if _NUMBERED.search(ctx.folded, max(0, m.start() - 14), m.start()):
        return None  # "résolution 2025", "n° 2025-1234", "flight 1999": a number, not a year
    if not cal.MIN_YEAR <= number <= cal.MAX_YEAR:
        return None
    return cal.year(number)


_NUMBERED = re.compile(r"(?:\bn°|\bnº|\bno\.|#|\bnumero|\bnumber|\bresolution|\bflight|\bvol|"
                       r"\barticle|\broute|\bligne|\bline|\bbus|\bcode|\broom|\bchambre|"
                       r"\bdecret|\bdecree|\bloi)\s*$")


def year_second_half(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """The abbreviated end of a span of years: the "58" of "1957-58"."""
    first = int(m.group("y1"))
    second = first // 100 * 100 + int(m.group("y2"))
    if second <= first:
        second += 100
    return cal.year(second) if second - first <= 10 else None


def short_year(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A two-digit year after "en": "en 97"."""
    return cal.year(_two_digit_year(int(m.group("y")), ctx.dct))


def decade(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A decade, "les années 60", "the 1990s": TimeML writes it with three digits (199)."""
    digits = m.group("y")
    if len(digits) == 2:
        digits = str(_two_digit_year(int(digits), ctx.dct) if int(digits) != 0 else 2000)
    return cal.Resolution(digits[:3], "unknown", None)


def relative_day(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """hier, aujourd'hui, demain, ce matin, yesterday, tonight: a day counted from the DCT."""
    word = " ".join(m.group("w").split())
    offsets = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "apres-demain": 2,
               "ce": 0, "cet": 0, "cette": 0, "this": 0, "today": 0, "tonight": 0,
               "yesterday": -1, "last": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    if word == "aujourd'hui":
        after = ctx.folded[m.end():m.end() + 2]
        if after.startswith(","):
            # "Aujourd'hui, la ville compte…" means nowadays, not the day of publication.
            return cal.reference("PRESENT_REF")
    if word in ("overnight", "la nuit derniere"):
        # the night that ended as the story was written (it began the day before, as TimeML
        # dates a night), unless the clause looks ahead: "will work overnight" is tonight
        offsets[word] = 0 if ctx.tense(m.start(), m.end()) == "future" else -1
    part = m.groupdict().get("part")
    date = ctx.dct + datetime.timedelta(days=offsets[word])
    is_time = part or word in ("ce", "cet", "cette", "this", "tonight", "last", "overnight",
                               "la nuit derniere")
    return cal.day(date, "TIME" if is_time else "DATE")


def weekday(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A weekday name: "mercredi", "jeudi dernier", "ce jeudi", "on Friday", "next Monday"."""
    if ctx.language == "en" and not _capitalised(ctx.text, m.start("wd")):
        return None
    det = " ".join((m.groupdict().get("det") or "").split())
    rel = _group(m, "rel", "rel_co")
    if ctx.language == "fr" and det in ("le", "les", "du") and not rel:
        return None  # "le mercredi" without a date is a habit: "ouvert le mercredi"
    direction = _direction(rel) or _direction(det if det in ("last", "next", "this past",
                                                             "this coming") else None)
    if direction is None:
        # "if Putin did not agree … after their meeting on Friday, there would be…": the nearest verb
        # ("did") is not the tense of the clause the weekday belongs to; the caller's parse knows which is
        owned = ctx.clause_tense(m.start("wd"), m.end("wd")) if ctx.clause_tense and ctx.forced_tense is None else None
        direction = owned if owned in ("past", "future") else _tense_direction(m, ctx)
        if det in ("this", "ce", "cet") and direction is None:
            direction = "future"
    number = WEEKDAYS[ctx.language][m.group("wd")]
    # right before the weekday's name: "146 prisoners each on Sunday" is a date, "each Sunday" a habit
    before = ctx.folded[max(0, m.start("wd") - 12):m.start("wd")]
    after = ctx.folded[m.end():m.end() + 24]
    if re.search(r"\b(?:each|every|chaque|tous les|toutes les)\s+$", before) or re.match(
            r"\s+(?:and|or|et|ou)\s+\w+\s+(?:nights|mornings|evenings|afternoons)\b", after):
        return _set_of_weekdays(m, ctx)  # a habit, not a date
    date = cal.weekday_near(ctx.dct, number, direction)
    return cal.day(date, "TIME" if m.groupdict().get("part") else "DATE")


def weekday_of_week(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"Wednesday of last week", « mardi de la semaine prochaine »: that weekday in that week."""
    if ctx.language == "en" and not _capitalised(ctx.text, m.start("wd")):
        return None
    offset = {"last": -1, "next": 1}.get(_direction(m.group("rel")) or "", 0)
    monday = ctx.dct - datetime.timedelta(days=ctx.dct.weekday()) + datetime.timedelta(weeks=offset)
    return cal.day(monday + datetime.timedelta(days=WEEKDAYS[ctx.language][m.group("wd")]),
                   _part_kind(m))


def _set_of_weekdays(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"every Thursday", "Tuesday nights": a recurring day (TimeML SET), not a date."""
    return cal.Resolution(f"XXXX-WXX-{WEEKDAYS[ctx.language][m.group('wd')] + 1}", "unknown",
                          None, "SET")


def nth_weekday(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"le premier lundi de mai", "the last Friday of June": a weekday counted within a month."""
    n = ORDINALS[ctx.language].get(m.group("n"))
    if n is None:
        return None
    last = m.group("n") in ("dernier", "last", "final")
    month_number = _month_number(m.group("mon"), ctx.language)
    if m.group("y"):
        year_number = int(m.group("y"))
    else:
        year_number = cal.month_year(ctx.dct, month_number, _tense_direction(m, ctx))
    target = WEEKDAYS[ctx.language][m.group("wd")]
    if last:
        end = cal.add_months(datetime.date(year_number, month_number, 1), 1)
        day_ = end - datetime.timedelta(days=1)
        day_ -= datetime.timedelta(days=(day_.weekday() - target) % 7)
    else:
        first = datetime.date(year_number, month_number, 1)
        day_ = first + datetime.timedelta(days=(target - first.weekday()) % 7 + 7 * (n - 1))
        if day_.month != month_number:
            return None
    return cal.day(day_)


def _period(ctx: Context, unit: str, offset: int, start: int, end: int,
            end_of_year: bool = False) -> cal.Resolution | None:
    """The week, weekend, month, quarter or year `offset` units from the DCT's."""
    if unit == "Y" and offset == 0 and end_of_year:
        # "peaked by the end of the year", said early in a year, is last year's end.
        if ctx.tense(start, end) == "past" and ctx.dct.month <= 6:
            offset = -1
    if unit == "WE":
        base = ctx.dct + datetime.timedelta(weeks=offset)
        # "ce week-end" in a past-tense clause written on a weekday is the one just gone.
        if offset == 0 and ctx.tense(start, end) == "past" and ctx.dct.weekday() < 5:
            base -= datetime.timedelta(weeks=1)
        return cal.weekend(base)
    return cal.shift(ctx.dct, offset, unit)


def french_period(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """cette semaine, la semaine dernière, ce mois-ci, fin du mois, ce week-end."""
    det = m.group("rel") or ""
    rel2 = m.groupdict().get("rel2")
    unit = {"semaine": "W", "mois": "M", "trimestre": "Q", "week-end": "WE", "weekend": "WE",
            "week end": "WE"}[" ".join(m.group("u").split())]
    if rel2 and rel2 != "en cours":
        offset = -1 if _direction(rel2) == "last" else 1
    elif det in ("cette", "ce") or rel2 == "en cours" or m.groupdict().get("mod"):
        offset = 0
    else:
        return None  # "la semaine" alone: which one is up to the reader
    return _period(ctx, unit, offset, m.start(), m.end())


def french_year(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """cette année, l'an dernier, l'année prochaine, la fin de l'année, la nouvelle année."""
    rel2 = m.group("rel2")
    if m.group("u2") and not rel2 and not m.group("mod"):
        return None  # "l'année" alone is not a date
    offset = 0
    if rel2 and rel2 != "en cours":
        offset = -1 if _direction(rel2) == "last" else 1
    return cal.year(ctx.dct.year + offset)


def english_period(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """this week, last month, next year, the past week, the end of the year, this fiscal year."""
    rel = " ".join((m.group("rel") or "the").split())
    mod = m.group("mod")
    if rel == "the" and not mod and m.group("u") != "weekend":
        return None  # "the year" alone is not a date; "over the weekend" is the nearest one
    offsets = {"this": 0, "the current": 0, "the": 0, "last": -1, "the past": -1,
               "the last": -1, "next": 1, "the coming": 1, "the next": 1}
    unit = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "quarter": "Q"}[m.group("u")]
    end_of_year = bool(mod and "end" in mod and rel == "the")
    return _period(ctx, unit, offsets[rel], m.start(), m.end(), end_of_year)


def quarter_expression(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A quarter: "le premier trimestre 2025", "the third quarter", "Q2 2024"."""
    number = ORDINALS[ctx.language].get(m.group("n")) or int(m.group("n").lstrip("qQ"))
    year_word = _group(m, "y", "yrel")
    if year_word == "this":
        year_word = None
    if year_word and year_word.isdigit():
        year_number = int(year_word)
    elif year_word:
        direction = _direction(year_word)
        year_number = ctx.dct.year + {"last": -1, "next": 1}.get(direction or "", 0)
    else:
        current = (ctx.dct.month - 1) // 3 + 1
        tense = ctx.tense(m.start(), m.end())
        year_number = ctx.dct.year
        if tense == "past" and number > current:
            year_number -= 1
        elif tense == "future" and number < current:
            year_number += 1
    if m.groupdict().get("kind") in ("semestre", "half"):
        return cal.half(year_number, min(number, 2))
    return cal.quarter(year_number, min(number, 4))


# "their first such meeting in three years", "the largest attack in two years": a span back from now
_FIRST_IN = re.compile(r"\b(?:the|its|their|his|her|our)\s+(?:first|biggest|largest|highest|lowest|longest|"
                       r"greatest|worst|strongest|deadliest|heaviest)\s+(?:such\s+)?[a-z-]+\s+$")


def ago(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"il y a trois semaines", "two years ago", "dans trois jours", "in three days"."""
    amount = _number(m.group("n"), ctx.language)
    unit = UNITS[ctx.language][m.group("u")]
    if amount is None or unit not in ("D", "W", "M", "Y"):
        return None
    # "within 50 days" looks ahead like "in 50 days" (it is a span, handled below), never back
    sign = 1 if m.group("dir") in ("dans", "in", "within", "d'ici") else -1
    if sign > 0 and ctx.language == "en" and m.group("dir") != "ago":
        before = ctx.folded[max(0, m.start() - 30):m.start()]
        # "the highest in three years", "their first such meeting in three years": a superlative or "first" a few
        # words before measures a span back from now
        measures = re.search(r"(?:\w+est|first|time|once|twice|high|low|worst|best|record)\s+$",
                             before) or re.search(_FIRST_IN, before)
        # "in two weeks' time" is a day ahead whatever the tense of its clause ("agreed on a summit in two
        # weeks' time"); only a bare "in two weeks" may measure how long something took
        ahead = m.groupdict().get("time") is not None
        if m.group("dir") == "within" or not ahead and (ctx.tense(m.start(), m.end()) == "past" or measures):
            return cal.duration(amount, unit)  # "the highest in three years" is a span, not a date
    if unit == "W":
        # TimeML annotators give "il y a une semaine" the day a week away, not a week value.
        return cal.day(ctx.dct + datetime.timedelta(weeks=sign * amount))
    return cal.shift(ctx.dct, sign * amount, unit)


def duration_expression(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A length of time: "trois ans", "two weeks" (TimeML DURATION, no calendar date)."""
    amount = _number(m.group("n"), ctx.language) if m.group("n") else 1
    unit = UNITS[ctx.language][m.group("u")]
    before = ctx.folded[max(0, m.start() - 12):m.start()]
    clock = r"\b(?:a|vers|des|jusqu'a|avant|apres|entre|at|by|until|before|after|around)\s+$"
    if unit in ("H", "MIN") and re.search(clock, before):
        return None  # "à 21 heures" is a time of day, not a length of time
    if unit == "DE":
        return cal.duration(None if amount is None else amount * 10, "Y")
    if unit == "CE":
        return cal.duration(None if amount is None else amount * 100, "Y")
    return cal.duration(amount, unit)


def present_reference(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """actuellement, maintenant, currently, now: TimeML PRESENT_REF."""
    return cal.reference("PRESENT_REF")


def _part_kind(m: re.Match[str]) -> str:
    """TIME for "le lendemain matin", "that evening"; DATE for a whole day."""
    return "TIME" if m.groupdict().get("part") else "DATE"


def anaphoric_day(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"le lendemain", "la veille", "ce jour-là", "the next day", "that same day": a day counted
    from the story's day, or from the date right after it ("la veille du 15 août")."""
    offset = ANAPHORIC_DAYS[ctx.language][" ".join(_group(m, "w", "w2").split())]
    anchor = ctx.anchor_after(m.end()) or ctx.reference_at(m.start(), m.end())
    return cal.day(anchor + datetime.timedelta(days=offset), _part_kind(m))


def anaphoric_part(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"the following morning", "that evening", "ce soir-là": part of the story's day, or of the
    day before or after it."""
    relation = " ".join((m.group("rel") or "").split())
    offset = ANAPHORIC_RELATIONS[ctx.language][relation]
    anchor = ctx.reference_at(m.start(), m.end())
    return cal.day(anchor + datetime.timedelta(days=offset), "TIME")


def anaphoric_part_of_day(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"la nuit", "la soirée", "vers midi", "à ce moment-là": a time of the story's day."""
    return cal.day(ctx.reference_at(m.start(), m.end()), "TIME")


def anaphoric_offset(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"two days later", "trois jours plus tard", "une semaine auparavant", "hours later": a day,
    month or year counted from the story's time."""
    unit = UNITS[ctx.language][m.group("u")]
    sign = LATER_EARLIER[ctx.language][" ".join(m.group("dir").split())]
    if unit in ("H", "MIN"):
        # "quelques heures plus tard" is still the story's day (past midnight is rare in news),
        # at a time nobody gave: a TIME value, placed on that day
        anchor = ctx.reference_at(m.start(), m.end())
        return cal.Resolution(f"{anchor.isoformat()}TXX:XX", "day", anchor, "TIME")
    amount = _number(m.group("n"), ctx.language) if m.group("n") else None
    if amount is None or unit not in ("D", "W", "M", "Y"):
        return None  # "a few days later": after the story's time, but no date
    scale = {"D": "day", "W": "day", "M": "month", "Y": "year"}[unit]
    anchor = ctx.reference_at(m.start(), m.end(), scale)
    if unit in ("D", "W"):
        # "une semaine plus tard" is a day, like "il y a une semaine" (TimeML annotators agree)
        days = amount * (7 if unit == "W" else 1)
        return cal.day(anchor + datetime.timedelta(days=sign * days))
    return cal.shift(anchor, sign * amount, unit)


def anaphoric_period(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"la semaine suivante", "the previous month", "cette année-là", "earlier that month": the
    week, month, quarter or year of the story's time, or the one before or after it."""
    word = " ".join(m.group("u").split())
    relation = " ".join((m.groupdict().get("rel") or "").split())
    if word.endswith("-la"):  # "cette semaine-là"
        word, relation = word[:-3], "-la"
    elif " " in word:  # "that same week"
        relation, word = word.rsplit(" ", 1)
    unit = UNITS[ctx.language].get(word) or {"an": "Y", "weekend": "WE"}[word]
    offset = ANAPHORIC_RELATIONS[ctx.language][relation]
    if unit == "WE":
        anchor = ctx.reference_at(m.start(), m.end(), "week")
        return cal.weekend(anchor + datetime.timedelta(weeks=offset))
    scale = {"W": "week", "M": "month", "Q": "quarter", "Y": "year"}.get(unit)
    if scale is None:
        return None
    return cal.shift(ctx.reference_at(m.start(), m.end(), scale), offset, unit)


def anaphoric_weekday(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"the following Monday", "le vendredi précédent", "ce même samedi": a weekday counted from
    the story's day (the first after it, the last before it, or the nearest)."""
    if ctx.language == "en" and not _capitalised(ctx.text, m.start("wd")):
        return None
    relation = " ".join((m.group("rel") or "").split())
    offset = ANAPHORIC_RELATIONS[ctx.language][relation]
    weekday = WEEKDAYS[ctx.language][m.group("wd")]
    if offset == 0:
        # « Ce même mardi », "that same Tuesday": the Tuesday the text named last, not the one nearest the day
        # told just before (« Le 28 août, … Ce même mardi, … » is the story's Tuesday, not 26 August)
        named = [d for offset_, d, precision in ctx.anchors if offset_ < m.start() and precision == "day"
                 and d.weekday() == weekday]
        if named:
            ctx.named_day = True
            return cal.day(named[-1], _part_kind(m))
    anchor = ctx.reference_at(m.start(), m.end())
    direction = {1: "next", -1: "last"}.get(offset)
    return cal.day(cal.weekday_near(anchor, weekday, direction), _part_kind(m))


def day_of_month(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"on the 15th": that day of the story's month, or of the month after (before) it when the
    clause looks ahead (back) past it."""
    anchor = ctx.reference_at(m.start(), m.end(), "month")
    date = cal.safe_date(anchor.year, anchor.month, int(m.group("d")))
    tense = ctx.tense(m.start(), m.end())
    if date is not None and tense == "future" and date < anchor:
        date = cal.safe_date(*_month_after(anchor, 1), int(m.group("d")))
    elif date is not None and tense == "past" and date > max(anchor, ctx.dct):
        date = cal.safe_date(*_month_after(anchor, -1), int(m.group("d")))
    return cal.day(date) if date else None


def _month_after(d: datetime.date, months: int) -> tuple[int, int]:
    first = cal.add_months(d, months)
    return first.year, first.month


def vague_reference(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"in the coming days", « récemment »: TimeML FUTURE_REF or PAST_REF, no calendar date."""
    phrase = " ".join(m.group().split())
    return cal.reference("FUTURE_REF" if phrase in VAGUE_FUTURE[ctx.language] else "PAST_REF")


def clock_time(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"14:32 GMT", "à 14 h 30", "3 p.m.": a time of the story's day (TimeML YYYY-MM-DDThh:mm).

    Its value carries the time, so it is no calendar value for a scorer of dates; its `date` is
    the day. A stamp opening a line ("11:02 GMT — …", a live blog) is a time of the day of
    publication; a clock time inside a sentence is one of the story's day."""
    hour = int(m.group("h"))
    minute = int(m.group("mi") or 0)
    ampm = (m.groupdict().get("ampm") or "").replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    if m.groupdict().get("stamp") is not None:
        day_ = ctx.dct
    else:
        day_ = ctx.reference_at(m.start(), m.end())
    return cal.Resolution(f"{day_.isoformat()}T{hour:02d}:{minute:02d}", "day", day_, "TIME")


def _clock_with_cue(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"at 17:15", "17:15 GMT", "10:30 a.m.": a clock time; a bare "3:16" (a verse, a score, a
    ratio) is none."""
    if not (m.group("pre") or m.group("zone") or m.group("ampm")):
        return None
    return clock_time(m, ctx)


_HOLIDAYS_FIXED = {"noel": (12, 25), "toussaint": (11, 1), "saint-sylvestre": (12, 31),
                   "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                   "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
                   "jour de l'an": (1, 1)}
_HOLIDAYS_EASTER = {"paques": 0, "lundi de paques": 1, "ascension": 39, "pentecote": 49,
                    "lundi de pentecote": 50, "easter": 0, "easter sunday": 0,
                    "easter monday": 1, "good friday": -2, "vendredi saint": -2}


def _easter(year_number: int) -> datetime.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year_number % 19, year_number // 100, year_number % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month_number = (h + l - 7 * m + 114) // 31
    return datetime.date(year_number, month_number, (h + l - 7 * m + 114) % 31 + 1)


_SEASONS = {"printemps": "SP", "ete": "SU", "automne": "FA", "hiver": "WI", "spring": "SP",
            "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def season_expression(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A season, "l'été dernier", "in the spring of 2025": TimeML YYYY-SU, not a calendar value."""
    name = _group(m, "s", "s2")
    if name == "fall" and m.group("rel") in (None, "the") and not m.group("y"):
        return None  # "the fall of Kabul", "prices fall"
    if m.group("y"):
        return cal.season(int(m.group("y")), _SEASONS[name])
    direction = _direction(m.group("rel"))
    offset = {"last": -1, "next": 1}.get(direction or "", 0)
    return cal.season(ctx.dct.year + offset, _SEASONS[name])


def holiday(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """A holiday: "à Noël", "la Pentecôte", "Easter", with its year from the text or the DCT."""
    name = " ".join(m.group("h").split())
    if m.group("y"):
        years = [int(m.group("y"))]
    else:
        years = [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]
    dates = []
    for y in years:
        if name in _HOLIDAYS_FIXED:
            dates.append(datetime.date(y, *_HOLIDAYS_FIXED[name]))
        else:
            dates.append(_easter(y) + datetime.timedelta(days=_HOLIDAYS_EASTER[name]))
    if len(dates) == 1:
        return cal.day(dates[0])
    direction = _direction(m.group("rel")) or _tense_direction(m, ctx)
    if direction in ("past", "last"):
        dates = [d for d in dates if d <= ctx.dct] or dates
        return cal.day(max(dates))
    if direction in ("future", "next"):
        dates = [d for d in dates if d >= ctx.dct] or dates
        return cal.day(min(dates))
    return cal.day(min(dates, key=lambda d: abs((d - ctx.dct).days)))


# --- patterns -------------------------------------------------------------------------------
# Shared fragments. Patterns see folded text: lower case, no accents ("août" is "aout").

_YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})"
# After a four-digit number: not a decimal, a percentage, an amount or a count of things.
_NOT_A_COUNT = rf"(?![.,]\d)(?!\s*(?:%|€|\$|£|(?:{COUNTED_NOUNS})\b))"


# A cheap look ahead for "<word> <unit>" or "<unit>", checked before the long alternations of
# numbers and units that follow it: "trois jours plus tard" is scanned for at every word start.
_FR_UNIT_AHEAD = r"(?=(?:[\w'-]+\s+)?(?:jour|semaine|mois|an|heure|minute))"
_EN_UNIT_AHEAD = r"(?=(?:[\w'-]+[\s-]+)?(?:day|week|month|year|hour|minute))"


def _later_or_earlier(language: str) -> str:
    """"later", "plus tard", and "before" or "avant" where they end a clause."""
    words = LATER_EARLIER[language]
    anywhere = _alt({w for w in words if w not in CLAUSE_FINAL_ONLY})
    final = _alt({w for w in words if w in CLAUSE_FINAL_ONLY})
    return rf"{anywhere}|(?:{final})(?=\s*[,.;:!?)]|\s*$)"


class _RuleList(list):
    """Rules in priority order (on equal span length the one added first wins)."""

    def add(self, name: str, pattern: str, handler: Handler, span_group: int | str = 0,
            anaphoric: bool = False) -> None:
        self.append(Rule(name, re.compile(pattern), handler, span_group, anaphoric))


def _french_rules() -> list[Rule]:
    """The French rules, compiled once."""
    mon = _alt(MONTHS["fr"])
    wd = _alt(WEEKDAYS["fr"])
    nums = _alt(NUMBERS["fr"])
    units = _alt(UNITS["fr"])
    year4 = _YEAR4
    day_number = r"(?:1er|premier|[12][0-9]|3[01]|0?[1-9])(?![\d,])"
    # ", en fin de matinée", " soir": a time of day after a day.
    part = (r"(?:,?\s+(?:(?:en|dans la|dans l'|au|a la|vers la|de|des|en fin de|en debut de|"
            r"dans la|tard dans la|tot dans la)\s+)?(?:(?:debut|fin|milieu)\s+(?:de\s+|d'))?"
            r"(?P<part>matinee|matin|apres-midi|soiree|soir|nuit|journee|midi))")
    rel = r"(?:\s+(?P<rel>dernier|derniere|prochain|prochaine|passe|passee)s?)"
    mod = (r"(?:(?P<mod>(?:au |a la |en |des le |des la |jusqu'a la |la |le )?"
           r"(?:debut|fin|mi|milieu|courant))[\s-]+"
           r"(?:de\s+|d'|du\s+mois\s+de\s+|du\s+mois\s+d')?)")
    rules = _RuleList()
    # Days: "le mardi 2 septembre 2025", "les 6 et 13 avril", "24/02/2022", "2025-09-04".
    rules.add("full_date",
              rf"\b(?:(?:le|ce)\s+)?(?:(?P<wd>{wd})\s+)?(?P<d>{day_number})\s+(?P<mon>{mon})"
              rf"(?:\s+(?P<y>{year4}|'?\d\d)(?!\d|[.,]\d)|{rel})?(?:{part})?", full_date)
    rules.add("day_range",
              rf"\b(?:les?\s+|du\s+|entre\s+le\s+)?"
              rf"(?P<span>(?:(?P<wd>{wd})\s+)?(?P<d>{day_number}))(?:er)?\s*"
              rf"(?:et|au|-|a|&|ou)\s*(?:le\s+)?"
              rf"(?=(?:(?:{wd})\s+)?{day_number}\s+(?P<mon>{mon})(?:\s+(?P<y>{year4}))?{rel}?)",
              full_date, "span")
    rules.add("numeric", rf"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>{year4}|\d\d)"
                         rf"(?![\d/]|\.\d)", full_date)
    rules.add("iso", rf"\b(?P<y>{year4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", full_date)
    # Months and years: "fin septembre 2000", "en février", "juin prochain", "en 1999", "1957-58".
    rules.add("month_year",
              rf"\b{mod}?(?:(?:le\s+)?mois\s+d[e']\s*)?(?P<mon>{mon})\s+(?P<y>{year4}|'?\d\d)"
              rf"(?!\d|[.,]\d)(?!\s*(?:%|ans\b|euros|personnes))", month_with_year)
    rules.add("month",
              rf"\b(?:(?P<pre>en|depuis|des|jusqu'en|avant|apres|pour|entre|de|d')\s*)?"
              rf"(?:(?P<det>au\s+mois\s+de|le\s+mois\s+de|mois\s+de)\s*)?{mod}?"
              rf"(?P<mon>{mon})(?!\w){rel}?", bare_month)
    rules.add("year",
              rf"(?<![\d.,])(?<!\d )\b(?:(?P<pre>en|depuis|des|avant|apres|jusqu'en|vers)\s+)?"
              rf"(?:(?P<det>l'an|l'annee|fin|debut|courant|mi)[\s-]+)?(?P<y>{year4})\b"
              rf"{_NOT_A_COUNT}",
              year_expression)
    rules.add("year_pair", rf"\b(?P<y1>{year4})\s*[-/]\s*(?P<y2>\d\d)\b(?![-/]?\d)",
              year_second_half, "y2")
    rules.add("short_year", r"\ben\s+(?P<y>[5-9]\d)(?=\s*[(),.;:]|\s+et\s|\s*$)", short_year, "y")
    rules.add("decade", r"\b(?:les\s+)?annees\s+(?P<y>(?:19|20)?\d0)\b", decade)
    # Days counted from the publication date: "hier soir", "aujourd'hui vendredi", "ce matin".
    rules.add("relative_day",
              rf"\b(?P<w>avant-hier|apres-demain|aujourd'hui|hier|demain)(?:\s+(?:{wd}))?"
              rf"(?:{part})?",
              relative_day)
    rules.add("this_part", r"\b(?P<w>ce|cet|cette)\s+(?P<part>matin|soir|apres-midi|nuit|midi)\b",
              relative_day)
    # Weekdays: "mercredi", "vers 0 h 40, jeudi", "jeudi dernier", "dès lundi soir".
    rules.add("weekday",
              rf"\b(?:(?:(?:vers|a|des|entre)\s+)?\d{{1,2}}\s*h(?:\s*\d\d)?,?\s+)?"
              rf"(?:(?P<pre>depuis|des|jusqu'a)\s+)?(?:(?P<det>ce|cet|le|les|du)\s+)?"
              rf"(?P<wd>{wd})(?![\w-])(?:\s+(?P<rel>dernier|prochain|passe)s?(?!\w)"
              # "jeudi et vendredi derniers": the plural modifier is jeudi's too
              rf"|(?=\s+(?:et|ou)\s+(?:{wd})\s+(?P<rel_co>dernier|prochain|passe)s\b))?"
              rf"(?:{part})?(?!\s+(?:saint|gras)\b)", weekday)
    rules.add("nth_weekday",
              rf"\b(?:le\s+)?(?P<n>premier|1er|deuxieme|2e|troisieme|3e|quatrieme|4e|dernier)\s+"
              rf"(?P<wd>{wd})\s+(?:de|du mois de|d')\s*(?P<mon>{mon})(?:\s+(?P<y>{year4}))?",
              nth_weekday)
    rules.add("night_of", rf"\bla\s+nuit\s+(?:de|du)\s+(?P<wd>{wd})\s+(?:a|au)\s+(?:{wd})", weekday)
    rules.add("weekday_of_week",
              rf"\b(?P<wd>{wd})(?:{part})?\s+de\s+"
              rf"(?:la\s+semaine\s+(?P<rel>derniere|prochaine|passee)|cette\s+semaine)\b",
              weekday_of_week)
    # Weeks, months, quarters, years and seasons around the publication date.
    rules.add("week",
              rf"\b{mod}?(?P<rel>cette|la|ce|le)\s+(?P<u>semaine|mois|trimestre)(?:-ci)?(?![\w-])"
              rf"(?:\s+(?P<rel2>derniere|dernier|passee|passe|prochaine|prochain|en cours))?",
              french_period)
    rules.add("week_modifier",
              r"\b(?:en|au|des le|a la)\s+(?P<mod>debut|fin|milieu)\s+de\s+(?P<rel>)(?P<u>semaine)"
              r"(?:\s+(?P<rel2>derniere|prochaine|passee))?", french_period)
    rules.add("unit_modifier",
              r"\b(?:(?:a la|au|en|des la|des le|la|le|jusqu'a la)\s+)?"
              r"(?P<mod>debut|fin|milieu|mi|courant)[\s-]+(?:du|de la|de ce|de cette|de|d')\s*"
              r"(?P<rel>)(?P<u>mois|semaine|trimestre)(?:-ci)?"
              r"(?:\s+(?P<rel2>dernier|derniere|prochain|prochaine|passe|passee|en cours))?",
              french_period)
    rules.add("season",
              r"\b(?:(?P<det>l'|cet\s+|ce\s+|au\s+|en\s+|le\s+|de\s+l'|d')"
              r"(?P<s>printemps|ete|automne|hiver)|(?:au\s+|le\s+|du\s+)?(?P<s2>printemps))"
              rf"(?:\s+(?P<y>{year4})|\s+(?P<rel>dernier|prochain))?(?!\w)", season_expression)
    rules.add("weekend",
              r"\b(?P<rel>ce|le)\s+(?P<u>week-end|weekend|week end)"
              r"(?:\s+(?P<rel2>dernier|prochain|passe))?", french_period)
    rules.add("year_relative",
              rf"\b{mod}?(?:(?P<rel>cette)\s+(?P<u>annee)(?:-ci)?(?![\w-])|l'(?P<u2>annee|an)(?![\w'])"
              rf"(?:\s+(?P<rel2>derniere?|passee?|prochaine?|en cours))?|"
              rf"la\s+nouvelle\s+(?P<u3>annee))", french_year)
    rules.add("quarter",
              rf"\b(?:(?P<pre>au|du)\s+|(?:le|ce|un)\s+)?(?P<n>premier|1er|deuxieme|second|2e|2eme|troisieme|3e|"
              rf"3eme|quatrieme|4e|4eme|dernier)\s+(?P<kind>trimestre|semestre)"
              rf"(?:\s+(?:de\s+|d')?(?:l'annee\s+|l'an\s+)?"
              rf"(?P<y>{year4}|derniere?|prochaine?|passee?))?", quarter_expression)
    # Counted from the publication date ("il y a trois semaines"), or lengths ("trois ans").
    rules.add("ago",
              rf"\b(?:(?P<dir>il\s+y\s+a|dans|d'ici)\s+)(?:(?:plus de|pres de|environ|moins de|"
              rf"a peine|un peu plus de|seulement)\s+)?(?P<n>\d+|{nums})\s+"
              rf"(?P<u>jours|jour|semaines|semaine|mois|ans|annees|an|annee)\b"
              rf"(?!\s+(?:de|d'|du|des|ou)\b)", ago)
    rules.add("duration",
              rf"\b(?P<n>\d+|{nums})\s+(?P<u>{units})\b"
              rf"(?!\s+(?:plus tard|plus tot|apres|avant|auparavant))", duration_expression)
    rules.add("present",
              r"\b(?:actuellement|maintenant|a l'heure actuelle|a present|de nos jours|"
              r"pour l'instant|pour le moment|desormais)\b", present_reference)
    rules.add("holiday",
              # "Jean-Noël" is a name: a holiday is never glued to a word by a hyphen
              r"\b(?:(?P<pre>a|de)\s+)?(?:la\s+|le\s+)?(?<!-)"
              r"(?P<h>lundi de paques|lundi de pentecote|paques|pentecote|toussaint|noel|"
              r"saint-sylvestre|jour de l'an)(?!\w)"
              rf"(?:\s+(?P<y>{year4})|\s+(?P<rel>dernier|derniere|prochain|prochaine))?", holiday)
    # Vague times ahead or behind: "dans les prochains jours", "récemment".
    rules.add("vague", rf"\b(?:{_alt(VAGUE_FUTURE['fr'] + VAGUE_PAST['fr'])})\b", vague_reference)
    rules.add("last_night", r"\b(?P<w>la\s+nuit\s+derniere)\b", relative_day)
    # Clock times: "09h05 — …" opening a live-blog entry, "à 14 h 30", "vers 0 h 40".
    rules.add("clock_stamp",
              r"(?m)^(?P<stamp>)[ \t]*(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<mi>[0-5]\d)"
              r"(?=[ \t]*(?:[-\u2013\u2014:]|$))", clock_time)
    # Anaphora, counted from the story's time: `reference_at`.
    rules.add("clock",
              r"\b(?=[a-z']+\s+\d)(?:(?P<pre>a|vers|des|jusqu'a|avant|apres|depuis|entre|de)\s+)"
              r"(?P<h>[01]?\d|2[0-3])\s?h(?:\s?(?P<mi>[0-5]\d))?(?![\w-])",
              clock_time, anaphoric=True)
    rules.add("clock_glued", r"\b(?P<h>[01]?\d|2[0-3])h(?P<mi>[0-5]\d)\b", clock_time,
              anaphoric=True)
    rules.add("part_of_day",
              r"\b(?:(?<=\bvers )|(?<=\ba ))midi\b|\b(?:la\s+(?:nuit|soiree|matinee)|(?<=dans )la\s+journee|"
              r"le\s+(?:matin|soir)\s+meme|(?:a\s+)?ce\s+moment[\s-]+la|au\s+meme\s+moment)\b"
              r"(?!\s+(?:de|du|d'|ou|où|qui|que|suivante|precedente|derniere)\b)",
              anaphoric_part_of_day, anaphoric=True)
    rules.add("part_of_day_in",
              r"\b(?P<pre>(?:plus\s+tard\s+|plus\s+tot\s+|tard\s+|tot\s+)?"
              r"(?:en|dans l'|dans la|au cours de l'|au cours de la|dans le courant de l'|"
              r"dans le courant de la))\s*(?:(?:(?:debut|fin|milieu)\s+(?:de\s+|d'))?"
              r"(?:apres-midi|matinee|soiree)|(?:debut|fin|milieu)\s+de\s+journee)\b",
              anaphoric_part_of_day, anaphoric=True)
    parts = r"(?:matinee|matin|soiree|soir|apres-midi|nuit)"
    rules.add("part_that", rf"\b(?:ce|cet|cette)\s+{parts}(?P<rel>-la)(?!\w)", anaphoric_part,
              anaphoric=True)
    rules.add("part_same", rf"\b(?:ce|cet|cette|le|la)\s+(?P<rel>meme)\s+{parts}\b", anaphoric_part,
              anaphoric=True)
    days = _alt(ANAPHORIC_DAYS["fr"])
    relations = _alt({w for w, offset in ANAPHORIC_RELATIONS["fr"].items() if offset})
    # "le lendemain", "la veille au soir", "le jour même", "la veille du 15 août" (counted from
    # that date); "la veille de l'élection" counts from an event the package cannot date.
    rules.add("anaphoric",
              rf"\b(?:le\s+|la\s+|au\s+|ce\s+|a\s+la\s+)?(?P<w>{days})(?![\w-])"
              r"(?!\s+(?:de\b|du\b|d')\s*(?!\s|[0-3]?\d\b|1er\b|le\s+[0-3]?\d\b))"
              r"(?:\s+(?:au\s+)?(?P<part>matin|soir))?",
              anaphoric_day, anaphoric=True)
    rules.add("anaphoric_offset",
              rf"(?<!\bque )(?<!\bqu')"  # "1,8 % de plus qu'un an avant" compares, it dates nothing
              rf"\b{_FR_UNIT_AHEAD}(?:(?P<n>\d+|{nums})\s+)?"
              r"(?P<u>jours|jour|semaines|semaine|mois|ans|annees|an|annee|heures|heure|minutes)\s+"
              rf"(?P<dir>{_later_or_earlier('fr')})",
              anaphoric_offset, anaphoric=True)
    rules.add("anaphoric_period",
              r"\b(?:la|le|l')\s*(?P<u>semaine|mois|annee|an|trimestre)\s+"
              rf"(?P<rel>{relations})(?!\w)",
              anaphoric_period, anaphoric=True)
    # "-la" is spelt with each unit so that the pre-filter looks for more than "mois"
    rules.add("anaphoric_period_that",
              r"\b(?:cette|ce|cet)\s+(?P<u>semaine-la|mois-la|annee-la|trimestre-la)(?!\w)",
              anaphoric_period, anaphoric=True)
    rules.add("anaphoric_period_same",
              r"\b(?:la|le|l')\s*(?P<rel>meme)\s+(?P<u>semaine|annee|mois)\b"
              r"(?!\s+(?:que|qu'|ou|de|d')\b)",
              anaphoric_period, anaphoric=True)
    rules.add("anaphoric_weekday",
              rf"\ble\s+(?P<wd>{wd})\s+(?P<rel>{relations})(?!\w)",
              anaphoric_weekday, anaphoric=True)
    rules.add("anaphoric_weekday_same", rf"\bce (?P<rel>meme)\s+(?P<wd>{wd})\b(?:{part})?",
              anaphoric_weekday, anaphoric=True)
    return rules


def _english_rules() -> list[Rule]:
    """The English rules, compiled once."""
    mon = _alt(MONTHS["en"])
    wd = _alt(WEEKDAYS["en"])
    nums = _alt(NUMBERS["en"])
    units = _alt(UNITS["en"])
    year4 = _YEAR4
    day_number = r"(?:[12][0-9]|3[01]|0?[1-9])"
    part = r"(?:\s+(?P<part>morning|afternoon|evening|night))"
    rel = r"(?P<rel>last|next|this past|this coming|this)"
    mod = (r"(?:(?P<mod>early|late|mid|the end of|the beginning of|the start of|the middle of|"
           r"end of|earlier|later)[\s-]+)")
    # "15:00 GMT Saturday", "3 p.m. Friday": a clock time needs minutes, am/pm or a zone.
    zone = r"(?:gmt|utc|et|est|edt|bst|cet|local time)"
    clock = (rf"(?:(?:at\s+)?\d{{1,2}}(?:(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|:\d\d|"
             rf"\s*{zone})(?:\s*{zone})?,?\s+(?:on\s+)?)")
    rules = _RuleList()
    # Days: "Friday, March 22, 2013", "the 4th of September", "3/22/2013", "2013-03-22".
    rules.add("full_date",
              rf"\b(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\s+(?P<d>{day_number})(?:st|nd|rd|th)?"
              rf"(?![\d:])(?:,?\s+(?P<y>{year4})\b)?", _capital(full_date))
    rules.add("full_date_dmy",
              rf"\b(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<d>{day_number})(?:st|nd|rd|th)?\s+"
              rf"(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<y>{year4})\b)?", _capital(full_date))
    rules.add("numeric", rf"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>{year4}|\d\d)(?![\d/]|\.\d)",
              us_numeric)
    rules.add("iso", rf"\b(?P<y>{year4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", full_date)
    # Months and years: "May 2010", "in early December", "last June", "fiscal 2013", "1957-58".
    rules.add("month_year", rf"\b{mod}?(?P<mon>{mon})\.?,?\s+(?:of\s+)?(?P<y>{year4})\b",
              month_with_year)
    rules.add("month",
              rf"\b(?:(?P<pre>in|since|by|until|till|through|throughout|of|from|during|before|"
              rf"after|to|between|and|or|for|every)\s+)?{mod}?(?:{rel}\s+)?(?P<mon>{mon})\b"
              rf"(?![.-]\w)", bare_month)
    rules.add("year",
              rf"(?<![\d.,$£€])(?<!\d )"
              rf"\b(?:(?P<pre>in|since|by|until|from|during|before|after)\s+)?"
              rf"(?:(?P<det>year|fiscal|fy|the year|mid-|early|late|the end of|the start of|"
              rf"the beginning of|the middle of)\s*)?(?P<y>{year4})\b{_NOT_A_COUNT}(?!-\d\d-)",
              year_expression)
    rules.add("year_pair", rf"\b(?P<y1>{year4})\s*[-/]\s*(?P<y2>\d\d)\b(?![-/]?\d)",
              year_second_half, "y2")
    rules.add("decade", r"\b(?:the\s+)?(?:'|mid-|early |late )?(?P<y>(?:19|20)?\d0)'?s\b", decade)
    # Days counted from the publication date: "yesterday", "this morning", "last night".
    rules.add("relative_day",
              rf"\b(?P<w>the day before yesterday|the day after tomorrow|yesterday|today|"
              rf"tomorrow|tonight){part}?", relative_day)
    rules.add("this_part", r"\b(?P<w>this|last)\s+(?P<part>morning|afternoon|evening|night)\b",
              _last_night)
    # Weekdays: "on Friday", "15:00 GMT Saturday", "last Monday", "Wednesday's".
    rules.add("weekday",
              rf"\b{clock}?(?:(?P<pre>on|until|by|since|from|before|after)\s+)?"
              rf"(?:(?P<det>this past|this coming|this|last|next|early|late)\s+)?"
              rf"(?P<wd>{wd})(?![\w-])(?:'s)?{part}?(?:\s+(?P<rel>next|last))?", weekday)
    rules.add("weekday_set", rf"\b(?P<wd>{wd})\s+(?:nights|mornings|evenings|afternoons)\b",
              _set_of_weekdays)
    rules.add("weekday_of_week",
              rf"\b(?P<wd>{wd}){part}?\s+of (?P<rel>last|next|this) week\b", weekday_of_week)
    rules.add("nth_weekday",
              rf"\b(?:the\s+)?(?P<n>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+"
              rf"(?P<wd>{wd})\s+(?:of|in)\s+(?P<mon>{mon})(?:,?\s+(?P<y>{year4}))?",
              _capital(nth_weekday, "wd"))
    # Weeks, months, quarters and years around the publication date.
    rules.add("period",
              rf"\b{mod}?(?:(?P<rel>this|last|next|the past|the last|the coming|"
              rf"the next|the current|the)\s+)?(?:(?:fiscal|calendar)\s+)?"
              rf"(?P<u>week|weekend|month|year|quarter)\b", english_period)
    rules.add("quarter",
              rf"\b(?:the\s+)?(?P<n>first|1st|second|2nd|third|3rd|fourth|4th|final|last)[\s-]+"
              rf"(?P<kind>quarter|half)(?:\s+(?:of\s+)?(?:the\s+)?(?:(?:fiscal|financial)\s+)?"
              rf"(?:(?P<y>{year4})|(?P<yrel>this|last|next)\s+year))?", quarter_expression)
    rules.add("quarter_code", rf"\b(?P<n>[qQ][1-4])(?:\s+(?P<y>{year4}))?\b", quarter_expression)
    # Counted from the publication date ("two weeks ago", "in three days"), or lengths.
    rules.add("ago",
              rf"\b(?P<n>\d+|{nums})\s+(?P<u>days|day|weeks|week|months|month|years|year)\s+"
              rf"(?P<dir>ago)\b", ago)
    rules.add("in_time",
              rf"\b(?P<dir>in|within)\s+(?P<n>\d+|{nums})\s+"
              rf"(?P<u>days|day|weeks|week|months|month|years|year)\b"
              rf"(?P<time>'s?\s+time\b|s'\s+time\b)?", ago)
    rules.add("duration",
              rf"\b(?:(?:the\s+)?(?:past|last|next|previous|coming|first|final)\s+)?"
              rf"(?P<n>\d+|{nums})[\s-]+(?P<u>{units})\b"
              rf"(?!\s+(?:ago|later|earlier|before|after))", duration_expression)
    rules.add("present", r"\b(?:currently|now|at present|nowadays|these days|right now)\b",
              present_reference)
    rules.add("season",
              r"\b(?:(?P<rel>this|last|next|this past|this coming|early|late|the)\s+)?"
              rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>{year4}))?",
              season_expression)
    rules.add("holiday",
              r"(?<!-)\b(?P<h>christmas day|christmas eve|christmas|new year's day|new year's eve|"
              r"easter sunday|easter monday|easter|good friday|halloween)\b"
              rf"(?:\s+(?P<y>{year4})|(?P<rel>))", holiday)
    # Vague times ahead or behind: "in the coming days", "recently".
    rules.add("vague", rf"\b(?:{_alt(VAGUE_FUTURE['en'] + VAGUE_PAST['en'])})\b", vague_reference)
    rules.add("overnight", r"\b(?P<w>overnight)\b(?!\s+(?:stay|stays|train|flight|bag|rate))",
              relative_day)
    # Clock times: "11:02 GMT — …" opening a live-blog entry, "at 17:15 GMT", "3 p.m.".
    clock_zone = (r"(?:\s*(?P<zone>gmt|utc|bst|cet|cest|edt|est|et|pdt|pst|pt|local time|"
                  r"kyiv time|moscow time|paris time)\b)?")
    rules.add("clock_stamp",
              rf"(?m)^(?P<stamp>)[ \t]*(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)"
              rf"(?:\s*(?P<ampm>a\.m\.|p\.m\.|am|pm))?{clock_zone}(?=[ \t]*(?:[-\u2013\u2014:]|$))",
              clock_time)
    # Anaphora, counted from the story's time: `reference_at`.
    rules.add("clock",
              rf"\b(?:(?P<pre>at|by|until|till|from|before|after|around|about|since|to)\s+)?"
              rf"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![:\d])"
              rf"(?:\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?!\w))?{clock_zone}",
              _clock_with_cue, anaphoric=True)
    rules.add("clock_ampm",
              rf"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)"
              rf"(?!\w){clock_zone}",
              clock_time, anaphoric=True)
    around = {d for d in ANAPHORIC_DAYS["en"] if d.split()[-1] in CLAUSE_FINAL_ONLY}
    rules.add("anaphoric",
              rf"\b(?P<w>{_alt(set(ANAPHORIC_DAYS['en']) - around)})\b"
              r"(?!\s+(?:of|as|that|when|which|in which|on which)\b)",
              anaphoric_day, anaphoric=True)
    # "the day before" counts from what follows it when that is a date ("the day before
    # Friday's vote"); before an event ("the day before the vote") it is no expression for us.
    # Before an infinitive or "and" it ends its clause ("met them the day before to finalise it").
    clause_end = (rf"(?=\s*[.,;:!?)]|\s*$|\s+(?:on\s+)?(?:{mon}|{wd}|"
                  r"\d|the\s+\d|christmas|easter|new year)\b|\s+(?:to\s+(?!the\b|a\b|an\b)[a-z]+|and)\b)")
    rules.add("anaphoric_around", rf"\b(?P<w>{_alt(around)}){clause_end}", anaphoric_day, anaphoric=True)
    rules.add("anaphoric_part",
              r"\b(?:the\s+)?(?P<rel>following|next|previous|preceding|that|that same|that very|(?<=the )same)"
              r"\s+(?P<part>morning|afternoon|evening|night)\b",
              anaphoric_part, anaphoric=True)
    # "his last call with Trump had come the night before,": as "the day before", at the end of its clause only
    # ("the night before the vote" counts from the vote)
    rules.add("anaphoric_part_around",
              rf"\bthe\s+(?P<part>morning|afternoon|evening|night)\s+(?P<rel>before|after){clause_end}",
              anaphoric_part, anaphoric=True)
    # "In the afternoon he met…", "later in the evening": a time of the story's day (not "in the afternoon of 12 May",
    # nor "in the mornings")
    rules.add("part_of_day_in",
              r"\b(?:(?:later|earlier)\s+)?(?:in|during)\s+the\s+(?:morning|afternoon|evening)\b"
              r"(?!\s+(?:of|hours|session|sessions|news|papers?|before|after)\b)",
              anaphoric_part_of_day, anaphoric=True)
    rules.add("anaphoric_offset",
              rf"\b{_EN_UNIT_AHEAD}(?:(?P<n>\d+|{nums})[\s-]+)?"
              r"(?P<u>days|day|weeks|week|months|month|years|year|hours|hour|minutes)\s+"
              rf"(?P<dir>{_later_or_earlier('en')})"
              r"(?!\s+than\b)",  # "a month earlier than usual" compares, it dates nothing
              anaphoric_offset, anaphoric=True)
    rules.add("anaphoric_period",
              r"\b(?:the\s+)?(?P<rel>following|previous|preceding)\s+"
              r"(?P<u>week|weekend|month|year|quarter)\b",
              anaphoric_period, anaphoric=True)
    # spelt out in full ("that same week") so that the pre-filter looks for more than "that"
    that_periods = {f"{r} {u}" for r in ("that", "that same")
                    for u in ("week", "weekend", "month", "year", "quarter")}
    rules.add("anaphoric_period_that",
              rf"\b(?:(?:later|earlier)\s+)?(?P<u>{_alt(that_periods)})\b",
              anaphoric_period, anaphoric=True)
    rules.add("anaphoric_period_same",
              r"\bthe\s+(?P<rel>same)\s+(?P<u>week|month|year)\b(?!\s+as\b)",
              anaphoric_period, anaphoric=True)
    rules.add("anaphoric_period_around",
              r"\bthe\s+(?P<u>week|weekend|month|year)\s+(?P<rel>before|after)"
              r"(?=\s*[.,;:!?)]|\s*$)",
              anaphoric_period, anaphoric=True)
    # "on the 15th": a day of the story's month; the ordinal must end its phrase ("the 19th
    # package" is no date).
    rules.add("day_of_month",
              r"\b(?=[a-z]+\s+the\s+\d)(?P<pre>on|by|until|till|from|since|before|after)\s+the\s+"
              r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
              r"(?=\s*[,.;:!?)]|\s*$|\s+(?:and|or|to|at|in|when|as|of this month)\b)",
              day_of_month, anaphoric=True)
    rules.add("anaphoric_weekday",
              rf"\b(?:the\s+)?(?P<rel>following|previous|preceding)\s+(?P<wd>{wd})\b{part}?",
              anaphoric_weekday, anaphoric=True)
    rules.add("anaphoric_weekday_that",
              rf"\b(?P<rel>that|that same|that very)\s+(?P<wd>{wd})\b{part}?",
              anaphoric_weekday, anaphoric=True)
    return rules


def _capital(handler: Handler, group: str = "mon") -> Handler:
    """Wrap a handler so that it only accepts names (months, weekdays) written with a capital."""
    def wrapped(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
        if not _capitalised(ctx.text, m.start(group)):
            return None
        return handler(m, ctx)
    return wrapped


def _last_night(m: re.Match[str], ctx: Context) -> cal.Resolution | None:
    """"this morning" is the DCT; "last night" the evening before."""
    offset = -1 if m.group("w") == "last" else 0
    return cal.day(ctx.dct + datetime.timedelta(days=offset), "TIME")


RULES: dict[str, list[Rule]] = {"fr": _french_rules(), "en": _english_rules()}
