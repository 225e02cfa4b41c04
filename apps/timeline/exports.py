"""Exports of the current filtered view: CSV, JSON and iCalendar, streamed row by row.

Same filters as the timeline (its query string), so "export" always means "what I am looking at".
"""

from __future__ import annotations

import csv
import datetime as dt
import json

from django.db.models import F
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from apps.timeline import queries
from apps.records.models import Event
from apps.timeline.queries import TimelineFilters
from apps.timeline.views import reader_required, with_filters

# Enough for any analyst's view; the whole database belongs in a backup, not an export.
EXPORT_LIMIT = 20_000
CSV_COLUMNS = [
    "id", "date", "date_precision", "status", "kind", "title", "location", "participants",
    "topics", "sources", "review_state", "confidence", "url",
]


def export_rows(filters: TimelineFilters):
    """Filtered events in timeline order, with participants and topics, fetched in chunks.

    The views parse the filters before their response starts streaming (with_filters): once the
    first row is out, a bad query could no longer answer 400.
    """
    events = queries.filter_events(filters)
    events = queries.with_card_data(events).order_by(F("date").desc(nulls_last=True), "-pk")
    return events[:EXPORT_LIMIT].iterator(chunk_size=500)


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
        "url": _event_url(request, event),
    }


def _spreadsheet_safe(value) -> str:
    """Keep news text from running as a formula when the CSV is opened in a spreadsheet."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value):
        return value


def _filename(extension: str) -> str:
    return f"parley-timeline-{timezone.now():%Y-%m-%d}.{extension}"


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


def _ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    )


def _ics_fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


@require_safe
@reader_required
@with_filters
def export_ics(request, *, filters: TimelineFilters):
    """Planned events of the current view as all-day calendar entries."""
    host = request.get_host().split(":")[0]
    stamp = timezone.now().astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    def lines():
        yield "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Parley//Timeline//EN\r\nCALSCALE:GREGORIAN\r\n"
        yield "X-WR-CALNAME:Parley: planned events\r\n"
        for event in export_rows(filters):
            if event.status != Event.Status.PLANNED or event.date is None:
                continue
            participants = ", ".join(p.actor.name for p in event.participants.all())
            entry = [
                "BEGIN:VEVENT",
                f"UID:event-{event.pk}@{host}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
                f"DTEND;VALUE=DATE:{event.date + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_ics_text(event.title)}",
                f"DESCRIPTION:{_ics_text(participants)} ({event.get_date_precision_display()})",
                f"URL:{_event_url(request, event)}",
                "STATUS:TENTATIVE",
            ]
            if event.location:
                entry.append(f"LOCATION:{_ics_text(event.location)}")
            entry.append("END:VEVENT")
            yield "".join(_ics_fold(line) + "\r\n" for line in entry)
        yield "END:VCALENDAR\r\n"

    response = StreamingHttpResponse(lines(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("ics")}"'
    return response
