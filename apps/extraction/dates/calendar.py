"""Calendar arithmetic and TimeML value formatting for the date resolver."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

# A year outside this range is almost always a number that is not a year (a count, an amount).
MIN_YEAR, MAX_YEAR = 1000, 2999


@dataclass(frozen=True)
class Resolution:
    """What an expression means: its TimeML value, precision, first day and TIMEX3 type."""

    value: str
    precision: str
    date: datetime.date | None
    type: str = "DATE"


# Returned by a handler for text that looks like a date but names none ("le 31 février"): the span
# is consumed so that no shorter reading ("février") is emitted in its place.
BLOCK = Resolution("", "unknown", None, "BLOCK")


def day(d: datetime.date, kind: str = "DATE") -> Resolution:
    """A single calendar day."""
    return Resolution(d.isoformat(), "day", d, kind)


def week(d: datetime.date) -> Resolution:
    """The ISO week containing d."""
    year, number, _ = d.isocalendar()
    return Resolution(f"{year}-W{number:02d}", "week", d - datetime.timedelta(days=d.weekday()))


def weekend(d: datetime.date) -> Resolution:
    """The weekend of the ISO week containing d: TimeML YYYY-Www-WE, placed as that week."""
    year, number, _ = d.isocalendar()
    return Resolution(f"{year}-W{number:02d}-WE", "week", d - datetime.timedelta(days=d.weekday()))


def month(year: int, number: int) -> Resolution:
    """A calendar month."""
    return Resolution(f"{year:04d}-{number:02d}", "month", datetime.date(year, number, 1))


def year(number: int) -> Resolution:
    """A calendar year."""
    return Resolution(f"{number:04d}", "year", datetime.date(number, 1, 1))


def quarter(year_number: int, number: int) -> Resolution:
    """A quarter of a year (1..4)."""
    return Resolution(f"{year_number:04d}-Q{number}", "quarter",
                      datetime.date(year_number, 3 * number - 2, 1))


def half(year_number: int, number: int) -> Resolution:
    """A half year (TimeML YYYY-H1/H2); not a calendar value for the scorer, but a real period."""
    return Resolution(f"{year_number:04d}-H{number}", "unknown",
                      datetime.date(year_number, 6 * number - 5, 1))


def season(year_number: int, code: str) -> Resolution:
    """A season (TimeML YYYY-SP/SU/FA/WI): no first day we can vouch for."""
    return Resolution(f"{year_number:04d}-{code}", "unknown", None)


def reference(value: str) -> Resolution:
    """PRESENT_REF, PAST_REF or FUTURE_REF: times that are not calendar dates."""
    return Resolution(value, "unknown", None)


def duration(amount: int | None, unit: str) -> Resolution:
    """A TimeML duration such as P3D or PXY (unknown amount)."""
    prefix = "PT" if unit in ("H", "MIN") else "P"
    code = "M" if unit == "MIN" else unit
    return Resolution(f"{prefix}{'X' if amount is None else amount}{code}", "unknown", None,
                      "DURATION")


def add_months(d: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after d's month."""
    index = d.year * 12 + d.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def safe_date(y: int, m: int, d: int) -> datetime.date | None:
    """A date, or None when the day does not exist (31 February) or the year is implausible."""
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def shift(dct: datetime.date, amount: int, unit: str) -> Resolution | None:
    """The period `amount` units (D, W, M, Y) away from the DCT, at that unit's precision."""
    try:
        if unit == "D":
            return day(dct + datetime.timedelta(days=amount))
        if unit == "W":
            return week(dct + datetime.timedelta(weeks=amount))
        if unit == "M":
            first = add_months(dct, amount)
            return month(first.year, first.month)
        if unit == "Y":
            return year(dct.year + amount)
        if unit == "Q":
            index = (dct.month - 1) // 3 + amount
            return quarter(dct.year + index // 4, index % 4 + 1)
    except (OverflowError, ValueError):
        return None
    return None


def weekday_near(dct: datetime.date, weekday: int, direction: str | None) -> datetime.date:
    """The given weekday relative to the DCT.

    "past" is the latest such day on or before the DCT, "future" the first on or after it,
    "last"/"next" exclude the DCT itself, and None picks whichever is nearer (past on a tie).
    """
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if direction == "last":
        back = back or 7
    elif direction == "next":
        return dct + datetime.timedelta(days=ahead or 7)
    elif direction == "future" or (direction is None and ahead < back):
        return dct + datetime.timedelta(days=ahead)
    return dct - datetime.timedelta(days=back)


def month_year(dct: datetime.date, number: int, direction: str | None) -> int:
    """The year of a month named without one: the same month as the DCT is this year, otherwise
    the tense decides (past: the latest one before, future: the next one), or the nearest."""
    if number == dct.month:
        return dct.year
    if direction in ("past", "last"):
        return dct.year if number < dct.month else dct.year - 1
    if direction in ("future", "next"):
        return dct.year if number > dct.month else dct.year + 1
    # Nearest: within six months either way of the DCT.
    diff = number - dct.month
    if diff > 6:
        return dct.year - 1
    if diff < -6:
        return dct.year + 1
    return dct.year


def day_month_year(dct: datetime.date, number: int, day_number: int,
                   direction: str | None) -> datetime.date | None:
    """The date of a day and month named without a year, chosen like month_year but to the day."""
    candidates = [safe_date(dct.year + k, number, day_number) for k in (-1, 0, 1)]
    candidates = [c for c in candidates if c is not None]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda c: (abs((c - dct).days), c > dct))
    chosen = None
    if direction in ("past", "last"):
        before = [c for c in candidates if c <= dct] if direction == "past" else \
            [c for c in candidates if c < dct]
        chosen = max(before) if before else None
    elif direction in ("future", "next"):
        after = [c for c in candidates if c >= dct] if direction == "future" else \
            [c for c in candidates if c > dct]
        chosen = min(after) if after else None
    if chosen is None:
        return nearest
    # A guessed tense can be wrong ("gave Moscow until August 8"); "dernier"/"prochain" cannot.
    # Eight months away in the tense's direction versus weeks away the other way: trust distance.
    if direction in ("past", "future") and abs((chosen - dct).days) > 240 \
            and abs((nearest - dct).days) < 45:
        return nearest
    return chosen


def day_month_weekday(dct: datetime.date, number: int, day_number: int, weekday: int,
                      direction: str | None) -> datetime.date | None:
    """The date of "samedi 9 mars", a day and month named with their weekday but no year.

    The weekday is the writer's way of pinning the year: take the nearest date to the DCT with
    that day, month and weekday, provided it lies within a year of the DCT and on the side the
    tense or "dernier"/"prochain" points to. When there is none (9 March 2025 is a Sunday, and
    the Saturday 9 March before it is more than a year back), the weekday contradicts the date:
    such a slip of the pen is far likelier than a story about a day more than a year away, so
    the weekday must not move the year. Take the plain date nearest the DCT instead (in the
    direction "dernier"/"prochain" say, if they say one; a guessed tense is not trusted here).
    """
    candidates = [c for c in (safe_date(dct.year + k, number, day_number) for k in (-1, 0, 1))
                  if c is not None]
    if not candidates:
        return None
    before = direction in ("past", "last")
    after = direction in ("future", "next")
    fits = [c for c in candidates if c.weekday() == weekday and abs((c - dct).days) <= 366
            and not (before and c > dct) and not (after and c < dct)]
    if fits:
        return min(fits, key=lambda c: (abs((c - dct).days), c > dct))
    return day_month_year(dct, number, day_number, direction if direction in ("last", "next")
                          else None)
