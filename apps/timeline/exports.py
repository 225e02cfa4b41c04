"""Exports of the current filtered view: events (CSV, JSON, TimelineJS, iCalendar) and statements
(CSV, JSON), each with its evidence: the articles' URLs and titles, the quotes' offsets.

Same filters as the timeline (its query string), so "export" always means "what I am looking at".
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
from dataclasses import replace

import icalendar
from django.db.models import F, Prefetch
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.http import require_safe

from apps.timeline import queries
from apps.records.models import DatePrecision, Event, EventEvidence
from apps.timeline.queries import TimelineFilters
from apps.timeline.views import reader_required, with_filters

# Enough for any analyst's view; the whole database belongs in a backup, not an export.
EXPORT_LIMIT = 20_000
CSV_COLUMNS = [
    "id", "date", "date_precision", "status", "kind", "title", "location", "participants",
    "topics", "sources", "review_state", "confidence", "unconfirmed_plan", "url", "source_titles", "source_urls",
]
STATEMENT_COLUMNS = [
    "id", "said_on", "said_on_precision", "speaker", "speaker_id", "speaker_description", "direct", "text", "event_id",
    "article_title", "article_url", "article_published_at", "start", "end", "review_state", "confidence", "url",
]
# TimelineJS draws every event it is given in the browser: past a thousand or so it crawls.
TIMELINEJS_LIMIT = 1000


def period(day: dt.date | None, precision: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a date at its precision stands for (a month is the whole month)."""
    if day is None:
        return None, None
    if precision == DatePrecision.WEEK:
        return day, day + dt.timedelta(days=6)
    if precision == DatePrecision.MONTH:
        return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == DatePrecision.YEAR:
        return day, day.replace(month=12, day=31)
    return day, day


def export_rows(filters: TimelineFilters):
    """Filtered events in timeline order, with participants and topics, fetched in chunks.

    The views parse the filters before their response starts streaming (with_filters): once the
    first row is out, a bad query could no longer answer 400.
    """
    events = queries.filter_events(filters)
    # Each event's articles (title and link, not their text), one more query per chunk.
    evidence = EventEvidence.objects.select_related("article").only(
        "event_id", "article__id", "article__title", "article__url", "article__published_at"
    ).order_by("article__published_at", "article_id")
    events = queries.with_card_data(events).prefetch_related(Prefetch("evidence", queryset=evidence))
    events = events.order_by(F("date").desc(nulls_last=True), "-pk")
    return events[:EXPORT_LIMIT].iterator(chunk_size=500)


def _articles(event) -> list:
    """The event's source articles, once each, in publication order."""
    return list({e.article_id: e.article for e in event.evidence.all()}.values())


def _event_url(request, event) -> str:
    return request.build_absolute_uri(reverse("timeline:event", args=[event.pk]))


def _record(request, event) -> dict:
    return {
        "id": event.pk,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "status": event.status,
        "kind": event.kind,
        "title": event.title,
        "location": event.location,
        "participants": [
            {"id": p.actor_id, "name": p.actor.name, "role": p.role, "country": p.actor.country}
            for p in event.participants.all()
        ],
        "topics": [t.slug for t in event.topics.all()],
        "sources": event.source_count,
        "review_state": event.review_state,
        "confidence": event.confidence,
        # Planned for a date now past, and no source says it took place.
        "unconfirmed_plan": event.is_unconfirmed_plan,
        "url": _event_url(request, event),
        "source_articles": [
            {"id": a.pk, "title": a.title, "url": a.url,
             "published_at": a.published_at.isoformat() if a.published_at else None}
            for a in _articles(event)
        ],
    }


def _spreadsheet_safe(value) -> str:
    """Keep news text from running as a formula when the CSV is opened in a spreadsheet."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value):
        return value


def _filename(extension: str, what: str = "timeline") -> str:
    return f"parley-{what}-{timezone.now():%Y-%m-%d}.{extension}"


@require_safe
@reader_required
@with_filters
def export_csv(request, *, filters: TimelineFilters):
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(CSV_COLUMNS)
        for event in export_rows(filters):
            record = _record(request, event)
            record["participants"] = "; ".join(p["name"] for p in record["participants"])
            record["topics"] = "; ".join(record["topics"])
            # One line per article in the cell (titles may hold semicolons); both cells in the same order.
            record["source_titles"] = "\n".join(a["title"] for a in record["source_articles"])
            record["source_urls"] = "\n".join(a["url"] or "" for a in record["source_articles"])
            yield writer.writerow([_spreadsheet_safe("" if record[c] is None else record[c]) for c in CSV_COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


@require_safe
@reader_required
@with_filters
def export_json(request, *, filters: TimelineFilters):
    def chunks():
        yield '{"generated_at": %s, "filters": %s, "events": [' % (
            json.dumps(timezone.now().isoformat()),
            json.dumps({k: request.GET.getlist(k) for k in request.GET if k != "cursor"}),
        )
        for index, event in enumerate(export_rows(filters)):
            yield ("," if index else "") + "\n" + json.dumps(_record(request, event), ensure_ascii=False)
        yield "\n]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    return response


def _calendar_event(request, event, *, host: str, today: dt.date) -> icalendar.Event:
    """One planned event as an all-day entry over its whole period (a month-precise plan spans the month)."""
    start, end = period(event.date, event.date_precision)
    past = end < today
    participants = ", ".join(p.actor.name for p in event.participants.all())
    # A plan whose date went by with no report that it happened: say so where a calendar shows it.
    summary = f"Past, not confirmed: {event.title}" if past else event.title
    description = [f"{participants} ({event.get_date_precision_display()})" if participants
                   else str(event.get_date_precision_display())]
    if past:
        description.insert(0, "Planned for a date now past; no source Parley read says it took place.")
    for article in _articles(event):
        description.append(f"Source: {article.title} {article.url or ''}".strip())
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", start)
    entry.add("dtend", end + dt.timedelta(days=1))  # DTEND of an all-day entry is exclusive
    entry.add("summary", summary)
    entry.add("description", "\n".join(description))
    entry.add("url", _event_url(request, event))
    entry.add("status", "TENTATIVE")
    if past:
        entry.add("categories", ["Past plan"])
    if event.location:
        entry.add("location", event.location)
    return entry


@require_safe
@reader_required
@with_filters
def export_ics(request, *, filters: TimelineFilters):
    """Planned events of the current view as all-day calendar entries (icalendar writes and folds them)."""
    host = request.get_host().split(":")[0]
    today = timezone.localdate()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Parley//Timeline//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Parley: planned events")
    planned = replace(filters, status=Event.Status.PLANNED)
    for event in export_rows(planned):
        if event.date is not None:
            cal.add_component(_calendar_event(request, event, host=host, today=today))
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("ics")}"'
    return response


def _timelinejs_date(day: dt.date, precision: str) -> dict:
    """TimelineJS takes a year alone, or a year and month: a month-precise event stays a month."""
    date = {"year": day.year}
    if precision in (DatePrecision.MONTH, DatePrecision.WEEK, DatePrecision.DAY, DatePrecision.UNKNOWN):
        date["month"] = day.month
    if precision in (DatePrecision.WEEK, DatePrecision.DAY, DatePrecision.UNKNOWN):
        date["day"] = day.day
    return date


@require_safe
@reader_required
@with_filters
def export_timelinejs(request, *, filters: TimelineFilters):
    """The current view in TimelineJS's JSON format, to embed in a TimelineJS page.

    TimelineJS renders `text` as HTML: every value from the news is escaped here.
    """
    events = []
    for event in export_rows(filters):
        if event.date is None:  # TimelineJS needs a year at least
            continue
        if len(events) == TIMELINEJS_LIMIT:
            break
        participants = ", ".join(p.actor.name for p in event.participants.all())
        sources = "".join(
            f'<li><a href="{escape(a.url)}">{escape(a.title or a.url)}</a></li>' if a.url else f"<li>{escape(a.title)}</li>"
            for a in _articles(event)
        )
        text = f"<p>{escape(participants)}</p>" + (f"<ul>{sources}</ul>" if sources else "")
        record = {
            "unique_id": f"event-{event.pk}",
            "start_date": _timelinejs_date(event.date, event.date_precision),
            "text": {"headline": escape(event.title), "text": text},
            "group": str(event.get_kind_display()),
        }
        if event.date_precision in (DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR):
            record["end_date"] = _timelinejs_date(period(event.date, event.date_precision)[1], event.date_precision)
        events.append(record)
    data = {"title": {"text": {"headline": "Parley", "text": "Events of the diplomatic talks, from the news."}},
            "events": events}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{_filename("timelinejs.json")}"'
    return response


# --- Statements ------------------------------------------------------------------------------------


def statement_rows(filters: TimelineFilters):
    statements = (
        queries.statements_for(filters).select_related("speaker", "article")
        .defer("article__text")  # the quote, its offsets and the article's title and link, not the article
        .order_by(F("said_on").desc(nulls_last=True), "-pk")
    )
    return statements[:EXPORT_LIMIT].iterator(chunk_size=500)


def _statement_record(request, statement) -> dict:
    article = statement.article
    return {
        "id": statement.pk,
        "said_on": statement.said_on.isoformat() if statement.said_on else None,
        "said_on_precision": statement.said_on_precision,
        "speaker": statement.speaker.name if statement.speaker_id else None,
        "speaker_id": statement.speaker_id,
        "speaker_description": statement.speaker_description,
        "direct": statement.direct,
        "text": statement.text,
        "event_id": statement.event_id,
        "article_title": article.title,
        "article_url": article.url,
        "article_published_at": article.published_at.isoformat() if article.published_at else None,
        "start": statement.start,
        "end": statement.end,
        "review_state": statement.review_state,
        "confidence": statement.confidence,
        "url": request.build_absolute_uri(reverse("timeline:event", args=[statement.event_id]))
        if statement.event_id else None,
    }


@require_safe
@reader_required
@with_filters
def export_statements_csv(request, *, filters: TimelineFilters):
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(STATEMENT_COLUMNS)
        for statement in statement_rows(filters):
            record = _statement_record(request, statement)
            yield writer.writerow([_spreadsheet_safe("" if record[c] is None else record[c]) for c in STATEMENT_COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv", "statements")}"'
    return response


@require_safe
@reader_required
@with_filters
def export_statements_json(request, *, filters: TimelineFilters):
    def chunks():
        yield '{"generated_at": %s, "filters": %s, "statements": [' % (
            json.dumps(timezone.now().isoformat()),
            json.dumps({k: request.GET.getlist(k) for k in request.GET if k != "cursor"}),
        )
        for index, statement in enumerate(statement_rows(filters)):
            yield ("," if index else "") + "\n" + json.dumps(_statement_record(request, statement), ensure_ascii=False)
        yield "\n]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("json", "statements")}"'
    return response
