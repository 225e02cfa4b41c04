"""The week at a glance, above the timeline: what is new since a moment, what is coming up.

"New" events are new in Parley: stored since then, read from the events' history table, whose
`history_date` is indexed, so the cost follows the number of recent changes, not the size of
the timeline; so are the events whose status an editor or a later report changed. Quotes
count by the day they were said.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from apps.ingestion.models import Article
from apps.records.models import DatePrecision, Event, Statement

TOP_SPEAKERS = 5
LISTED_EVENTS = 5


@dataclass
class StatusChange:
    event: Event
    was: str  # the status's label before

    @property
    def now(self) -> str:
        return self.event.get_status_display()


@dataclass
class Window:
    """What changed since `since`."""

    since: dt.datetime
    new_events: int = 0
    by_kind: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, label, count)
    statements: int = 0  # said since then
    speakers: list[tuple[int, str, int]] = field(default_factory=list)  # (actor id, name, quotes)
    status_changes: list[StatusChange] = field(default_factory=list)
    status_change_count: int = 0

    @property
    def empty(self) -> bool:
        return not (self.new_events or self.statements or self.status_change_count)


def week_start(now: dt.datetime | None = None) -> dt.datetime:
    """Monday 00:00 of the current week, in the site's time zone."""
    today = timezone.localdate(now)
    monday = today - dt.timedelta(days=today.weekday())
    return timezone.make_aware(dt.datetime.combine(monday, dt.time.min))


def window(since: dt.datetime) -> Window:
    """New events by kind, the most quoted speakers and the status changes since `since`."""
    result = Window(since=since)
    created = Event.history.filter(history_date__gte=since, history_type="+").values("id")
    new = Event.objects.visible().filter(pk__in=created)
    labels = dict(Event.Kind.choices)
    rows = new.order_by().values("kind").annotate(n=Count("pk"))
    counts = {row["kind"]: row["n"] for row in rows}
    # In the kinds table's order, the order of the filter and the chart's legend.
    result.by_kind = [(kind, labels[kind], counts[kind]) for kind in labels if counts.get(kind)]
    result.new_events = sum(counts.values())

    # Quotes by the day they were said (the `statement_date_idx` index), not the day Parley stored
    # them: an import of last year's articles must not make last year's speakers this week's
    # most quoted, nor make every page count half a million quotes.
    quotes = Statement.objects.visible().filter(said_on__gte=timezone.localdate(since), said_on__lte=timezone.localdate())
    result.statements = quotes.count()
    speakers = (
        quotes.filter(speaker__isnull=False).order_by().values("speaker_id", "speaker__name")
        .annotate(n=Count("pk")).order_by("-n", "speaker__name")[:TOP_SPEAKERS]
    )
    result.speakers = [(row["speaker_id"], row["speaker__name"], row["n"]) for row in speakers]

    changes = _status_changes(since)
    result.status_change_count = changes.count()
    statuses = dict(Event.Status.choices)
    result.status_changes = [
        StatusChange(event=event, was=statuses.get(event.status_before, event.status_before))
        for event in changes.order_by("-updated_at")[:LISTED_EVENTS]
    ]
    return result


def _status_changes(since: dt.datetime):
    """Visible events whose status now differs from what it was at `since` (not events new since)."""
    before = (
        Event.history.filter(id=OuterRef("pk"), history_date__lt=since)
        .order_by("-history_date", "-history_id").values("status")[:1]
    )
    touched = Event.history.filter(history_date__gte=since, history_type="~").values("id")
    return (
        Event.objects.visible().filter(pk__in=touched)
        .annotate(status_before=Subquery(before))
        .filter(status_before__isnull=False).exclude(status_before=F("status"))
    )


def coming_up(today: dt.date | None = None) -> list[Event]:
    """Planned events whose period has not ended, soonest first."""
    today = today or timezone.localdate()
    # A month- or year-precise plan is dated on its first day: it is still ahead during its period.
    not_over = (
        Q(date__gte=today)
        | Q(date_precision=DatePrecision.WEEK, date__gt=today - dt.timedelta(days=7))
        | Q(date_precision=DatePrecision.MONTH, date__gte=today.replace(day=1))
        | Q(date_precision=DatePrecision.YEAR, date__gte=today.replace(month=1, day=1))
    )
    return list(
        Event.objects.visible().filter(not_over, status=Event.Status.PLANNED)
        .order_by("date", "pk")[:LISTED_EVENTS]
    )


def last_updated() -> dt.datetime | None:
    """When Parley last read an article or changed an event (both read from an index's end)."""
    article = (
        Article.objects.filter(status=Article.Status.EXTRACTED).order_by("-status_changed_at")
        .values_list("status_changed_at", flat=True).first()
    )
    event = Event.history.order_by("-history_date").values_list("history_date", flat=True).first()
    times = [t for t in (article, event) if t is not None]
    return max(times) if times else None


@dataclass
class Summary:
    week: Window
    last_visit: Window | None
    coming_up: list[Event]
    last_updated: dt.datetime | None


def summary(*, previous_visit: dt.datetime | None, now: dt.datetime | None = None) -> Summary:
    """This week's window, the one since the reader's previous visit (when known), plans and freshness."""
    now = now or timezone.now()
    return Summary(
        week=window(week_start(now)),
        last_visit=window(previous_visit) if previous_visit else None,
        coming_up=coming_up(timezone.localdate(now)),
        last_updated=last_updated(),
    )
