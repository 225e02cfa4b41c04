"""Server-drawn SVG charts: geometry computed here, markup in templates.

No chart library and no inline style: bars carry a `series-N` class coloured in parley.css, so
the strict Content Security Policy holds and the chart follows the page's filters for free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from django.conf import settings
from django.db.models import Count, F
from django.db.models.functions import TruncMonth
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, to_locale

from apps.records.models import Event, Topic

# The labels' font grows on a phone (parley.css) where the chart shrinks: room for them below and beside.
WIDTH, HEIGHT = 720, 180
LEFT, RIGHT, TOP, BOTTOM = 40, 40, 12, 32
MAX_TOPIC_SERIES = 7


@dataclass
class Segment:
    y: float
    height: float
    css: str
    label: str
    count: int


@dataclass
class Bar:
    week: dt.date  # the first day of the bar's period (a Monday, the 1st of a month, 1 January)
    x: float
    width: float
    total: int
    statements: int
    segments: list[Segment] = field(default_factory=list)
    axis_label: str = ""  # under the bar; most bars have none
    period: str = ""  # what the bar counts, in words, for its tooltip


def local_date(value: dt.date, pattern: str) -> str:
    """A date in the interface language through CLDR ("4 août", "sept."), not Django's "Aoû"."""
    try:
        locale = Locale.parse(to_locale(get_language() or settings.LANGUAGE_CODE))
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    return format_date(value, pattern, locale=locale)


def _axis_labels(buckets: list[dt.date], size: str, start: dt.date, end: dt.date) -> list[str]:
    """Month names under the bars where a month begins (years where a year begins), sparse enough to read."""
    labels = []
    for index, bucket in enumerate(buckets):
        shown = max(bucket, start)  # the first bar may begin before the period: name the period's month
        if size == "week":
            # The week's days from the period's start: a bar that holds the 1st of a month names it.
            month_start = next((day for day in (shown + dt.timedelta(days=d) for d in range(7))
                                if day.day == 1 and day < bucket + dt.timedelta(days=7) and day <= end), None)
            if month_start:
                labels.append(local_date(month_start, "LLL"))
            elif index == 0 and not any((b + dt.timedelta(days=d)).day == 1 for b in buckets[1:3] for d in range(7)):
                labels.append(local_date(shown, "LLL"))  # the month the period starts in, unless named just after
            else:
                labels.append("")
        elif size == "month":
            every = 1 if len(buckets) <= 12 else 3 if len(buckets) <= 36 else 6
            if bucket.month == 1 and len(buckets) > 12:
                labels.append(str(bucket.year))
            elif index == 0 or (bucket.month - 1) % every == 0:
                labels.append(local_date(bucket, "LLL"))
            else:
                labels.append("")
        else:
            every = 1 if len(buckets) <= 15 else 5
            labels.append(str(bucket.year) if index == 0 or bucket.year % every == 0 else "")
    return labels


def _period(bucket: dt.date, size: str) -> str:
    if size == "week":
        return gettext("Week of %(date)s") % {"date": date_format(bucket, "DATE_FORMAT")}
    if size == "month":
        return local_date(bucket, "LLLL y")
    return str(bucket.year)


def topic_name(topic: Topic) -> str:
    return topic.name_fr if (get_language() or "en").startswith("fr") and topic.name_fr else topic.name_en


def _series(data: dict, by: str) -> list[tuple[object, str, str]]:
    """(key, label, css class) of each series shown, in legend order."""
    if by == "kind":
        present = {key for (_, key) in data["counts"]}
        # Kinds keep one colour everywhere (badges, legend, bars): the class names the kind.
        return [(value, label, f"kind-{value}") for value, label in Event.Kind.choices if value in present]
    totals: dict = {}
    for (_, key), n in data["counts"].items():
        totals[key] = totals.get(key, 0) + n
    ranked = sorted((k for k in totals if k), key=lambda k: (-totals[k], k))[:MAX_TOPIC_SERIES]
    names = {t.slug: topic_name(t) for t in Topic.objects.filter(slug__in=ranked)}
    series = [(slug, names.get(slug, slug), f"series-{index}") for index, slug in enumerate(ranked)]
    if any(k not in ranked for k in totals):
        series.append(("__other__", "", "series-other"))
    return series


def activity_chart(data: dict, *, by: str) -> dict:
    """Stacked bars of events by series over the period, with the statement count as a line."""
    weeks = data["weeks"]
    if not weeks:
        return {"empty": True, "by": by}
    size = data["bucket"]
    series = _series(data, by)
    keys = {key for key, _, _ in series}
    counts: dict[tuple, int] = {}
    for (week, key), n in data["counts"].items():
        if by == "topic" and key not in keys:
            key = "__other__"
        counts[(week, key)] = counts.get((week, key), 0) + n
    totals = {w: sum(counts.get((w, key), 0) for key in keys) for w in weeks}
    statements = data["statements"]
    # Events and statements each get their own scale (left and right axis): there are often
    # ten quotes for one meeting, and one scale would flatten the bars.
    peak = max([1, *totals.values()])
    statement_peak = max([1, *statements.values()])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(weeks)
    labels = _axis_labels(weeks, size, data["start"], data["end"])
    bars, points = [], []
    for index, week in enumerate(weeks):
        x = LEFT + index * slot
        bar = Bar(
            week=week, x=round(x + slot * 0.15, 1), width=round(slot * 0.7, 1), total=totals[week],
            statements=statements.get(week, 0), axis_label=labels[index], period=_period(week, size),
        )
        base = TOP + plot_h
        for key, label, css in series:
            n = counts.get((week, key), 0)
            if not n:
                continue
            height = plot_h * n / peak
            base -= height
            bar.segments.append(Segment(y=round(base, 1), height=round(height, 1), css=css, label=label, count=n))
        bars.append(bar)
        points.append(f"{round(x + slot / 2, 1)},{round(TOP + plot_h - plot_h * bar.statements / statement_peak, 1)}")
    return {
        "empty": False,
        "by": by,
        "bucket": size,
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "series": series,
        "statement_points": " ".join(points),
        "peak": peak,
        "statement_peak": statement_peak,
        "left": LEFT,
        "top": TOP,
        "right_edge": WIDTH - RIGHT,
        "baseline": TOP + plot_h,
        "plot_height": plot_h,
        "middle": round(TOP + plot_h / 2, 1),
        "label_y": HEIGHT - 6,
        "event_total": sum(totals.values()),
        "statement_total": sum(statements.values()),
        "first_day": data["start"],
        "last_day": data["end"],
    }


def statements_per_month(statements) -> list[tuple[dt.date | None, int]]:
    """(month, statements) in month order, undated statements last under None: one scan gives the
    actor page both its chart and its count (two scans of 27k statements before, ~30 ms each)."""
    rows = (
        statements.order_by().annotate(month=TruncMonth("said_on"))
        .values("month").annotate(n=Count("pk")).order_by(F("month").asc(nulls_last=True))  # SQLite puts NULL first
    )
    return [(r["month"].date() if isinstance(r["month"], dt.datetime) else r["month"], r["n"]) for r in rows]


def monthly_chart(per_month: list[tuple[dt.date | None, int]], *, months: int = 24) -> dict:
    """Statements per month, for an actor page: the last `months` months that have any."""
    data = [(month, n) for month, n in per_month if month is not None][-months:]
    if not data:
        return {"empty": True}
    peak = max(n for _, n in data)
    width, height, bottom = 360, 90, 18
    slot = width / max(len(data), 6)
    bars = [
        {
            "month": month, "n": n, "x": round(i * slot + slot * 0.15, 1), "width": round(slot * 0.7, 1),
            "y": round(height - bottom - (height - bottom - 6) * n / peak, 1),
            "height": round((height - bottom - 6) * n / peak, 1),
        }
        for i, (month, n) in enumerate(data)
    ]
    return {"empty": False, "bars": bars, "width": width, "height": height, "label_y": height - 4, "peak": peak}
