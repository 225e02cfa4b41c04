"""Parley's read API, version 1: events, actors, statements, articles, topics and evidence.

The only module of the API that reads the timeline's models: filters, visibility and keyset
cursors are the timeline's own (apps.timeline.queries), so a URL's filters mean on /api/v1/events
what they mean on the dashboard, and a page costs the same fixed number of queries.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from typing import Annotated, Literal

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import JSONObject
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError, ValidationError
from pydantic import BeforeValidator

from apps.api.auth import ReaderAuth, TokenThrottle
from apps.ingestion.models import Article
from apps.timeline import freshness, queries
from apps.records.models import (
    Actor,
    DatePrecision,
    Event,
    EventEvidence,
    EventParticipant,
    ReviewState,
    Tombstone,
    Topic,
)
from apps.timeline.queries import MAX_ID, InvalidQuery, TimelineFilters, decode_cursor, encode_cursor

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
# Licences under which Parley may hand out an article's full text (compared lowercase, by prefix);
# any other article is served as metadata and provenance only.
OPEN_LICENCES = ("public domain", "cc0", "cc by", "open government licence", "written for the parley tests")

class ParleyAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # "list_events", not "apps_api_v1_list_events": generated clients name their methods after it.
        return operation.view_func.__name__


api = ParleyAPI(
    title="Parley API",
    version="1",
    description=(
        "Read-only access to Parley's verified timeline of diplomatic talks. Authenticate with a "
        "personal token (`Authorization: Bearer parley_…`, made on /api/tokens/). Lists are "
        "newest first and keyset-paginated: follow `next` until it is null. Errors are "
        '`{"error": {"status", "code", "message", "details"}}`.'
    ),
    urls_namespace="api-v1",
    docs_url=None,  # served by apps.api.views.docs with the vendored assets under our CSP
    docs_decorator=require_safe,  # the schema is read, never posted to
    auth=ReaderAuth(),
    throttle=TokenThrottle(),
)


# --- Errors ------------------------------------------------------------------------------------


class ErrorBody(Schema):
    status: int
    code: str
    message: str
    details: list[dict] = []


class Error(Schema):
    error: ErrorBody


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error}
CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 410: "resync_required",
         422: "invalid_parameters", 429: "throttled"}


def _error(request, status: int, message: str, details: list | None = None):
    body = {"status": status, "code": CODES.get(status, "error"), "message": message, "details": details or []}
    return api.create_response(request, {"error": body}, status=status)


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    details = [
        {"loc": [str(part) for part in error.get("loc", ())], "message": str(error.get("msg", "")),
         "type": str(error.get("type", ""))}
        for error in exc.errors
    ]
    return _error(request, 422, "Some parameters are not valid: see details.", details)


@api.exception_handler(InvalidQuery)
def _bad_query(request, exc: InvalidQuery):
    return _error(request, 400, str(exc))


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return _error(request, exc.status_code, exc.message)


@api.exception_handler(Http404)
def _not_found(request, exc: Http404):
    return _error(request, 404, str(exc) or "Not found.")


# --- Shapes ------------------------------------------------------------------------------------


class PreciseDate(Schema):
    """A date at the precision the sources gave: "2025-10" is a month, not the 1st of October."""

    value: str | None = Field(description='"2025-10-04", "2025-W40", "2025-10", "2025", or null when unknown')
    precision: Literal["day", "week", "month", "year", "unknown"]
    start: dt.date | None = Field(description="First day of the period")
    end: dt.date | None = Field(description="Last day of the period")


def precise_date(day: dt.date | None, precision: str) -> dict:
    if day is None:
        return {"value": None, "precision": DatePrecision.UNKNOWN, "start": None, "end": None}
    if precision == DatePrecision.WEEK:
        year, week, _ = day.isocalendar()
        return {"value": f"{year:04d}-W{week:02d}", "precision": precision, "start": day,
                "end": day + dt.timedelta(days=6)}
    if precision == DatePrecision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return {"value": f"{day.year:04d}-{day.month:02d}", "precision": precision, "start": day,
                "end": day.replace(day=last)}
    if precision == DatePrecision.YEAR:
        return {"value": f"{day.year:04d}", "precision": precision, "start": day, "end": day.replace(month=12, day=31)}
    if precision == DatePrecision.DAY:
        return {"value": day.isoformat(), "precision": precision, "start": day, "end": day}
    # A date kept with an unknown precision: only its first day is known.
    return {"value": None, "precision": DatePrecision.UNKNOWN, "start": day, "end": None}


class ActorRef(Schema):
    id: int
    name: str
    kind: str
    country: str


class Participant(Schema):
    actor: ActorRef
    role: str


class ArticleRef(Schema):
    id: int
    title: str
    url: str | None
    source: str | None
    published_at: dt.datetime | None
    language: str


class EventOut(Schema):
    id: int
    title: str
    kind: str
    plover_category: str
    status: str
    date: PreciseDate
    location: str
    participants: list[Participant]
    topics: list[str]
    source_count: int
    statement_count: int
    review_state: str
    confidence: float
    created_at: dt.datetime
    updated_at: dt.datetime
    url: str = Field(description="The event's page on Parley")


class EventDetail(EventOut):
    sources: list[ArticleRef]


class Page(Schema):
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")
    next: str | None = Field(description="The next page's URL, with the same parameters")


class EventPage(Page):
    items: list[EventOut]


class EvidenceOut(Schema):
    id: int
    event_id: int
    article: ArticleRef
    sentence: str
    start: int = Field(description="Offset of the sentence's first character in the article text")
    end: int
    extractor_version: str
    confidence: float
    event_review_state: str = Field(description="Evidence is reviewed with its event")
    created_at: dt.datetime


class EvidencePage(Page):
    items: list[EvidenceOut]


class AliasOut(Schema):
    name: str
    language: str
    origin: str


class ActorOut(Schema):
    id: int
    name: str
    kind: str
    country: str
    role: str
    wikidata_id: str
    description: str
    aliases: list[AliasOut]
    review_state: str
    confidence: float
    merged_into: int | None = Field(description="Set when an editor merged this actor into another")
    created_at: dt.datetime
    updated_at: dt.datetime
    url: str


class ActorPage(Page):
    items: list[ActorOut]


class StatementOut(Schema):
    id: int
    text: str
    direct: bool = Field(description="Quoted words; false for reported speech")
    said_on: PreciseDate
    speaker: ActorRef | None
    speaker_description: str = Field(
        description="Who spoke as the article describes them (\"a spokeswoman for the ministry\") when it names "
                    "nobody; empty otherwise")
    event_id: int | None
    article: ArticleRef
    start: int
    end: int
    topics: list[str]
    review_state: str
    confidence: float
    extractor_version: str
    created_at: dt.datetime
    updated_at: dt.datetime


class StatementPage(Page):
    items: list[StatementOut]


class SourceRef(Schema):
    id: int
    name: str
    licence: str


class ArticleOut(Schema):
    id: int
    url: str | None
    title: str
    byline: str
    source: SourceRef | None
    published_at: dt.datetime | None
    language: str
    via: str
    status: str
    duplicate_of: int | None
    extractor_version: str
    extracted_at: dt.datetime | None
    topics: list[str]
    created_at: dt.datetime
    updated_at: dt.datetime
    text: str | None = Field(description="The article's text, only where its source's licence allows")


class ArticlePage(Page):
    items: list[ArticleOut]


class DeletedOut(Schema):
    type: Literal[tuple(Tombstone.Kind.values)] = Field(  # type: ignore[valid-type]
        description="What was removed: an event, a statement or an actor")
    id: int = Field(description="Its id, as the lists gave it")
    reason: Literal[tuple(Tombstone.Reason.values)] = Field(  # type: ignore[valid-type]
        description="deleted; merged (into `replaced_by`); rejected by an editor; irrelevant: only articles an "
                    "editor marked irrelevant reported it")
    replaced_by: int | None = Field(description="The id of the row it was merged into, of the same type")
    deleted_at: dt.datetime = Field(description="When it left the lists")


class DeletedPage(Page):
    items: list[DeletedOut]


class TopicOut(Schema):
    slug: str
    name_en: str
    name_fr: str
    description: str


# --- Parameters ----------------------------------------------------------------------------------


def _written(pattern: str, what: str):
    """Refuse what pydantic's lax mode would read as a date (a number of seconds, "0.5") unless ISO."""
    form = re.compile(pattern)

    def check(value):
        if isinstance(value, str) and not form.match(value):
            raise ValueError(f"write {what}")
        return value

    return BeforeValidator(check)


IsoDate = Annotated[dt.date, _written(r"^\d{4}-\d{2}-\d{2}$", "a date as YYYY-MM-DD")]
IsoDateTime = Annotated[dt.datetime, _written(r"^\d{4}-\d{2}-\d{2}([T ]|$)", "a time in ISO 8601, e.g. 2025-09-04T09:00:00Z")]


class CursorParams(Schema):
    cursor: str | None = Field(
        None, max_length=200, pattern=r"^[-A-Za-z0-9_]*$", description="The `next_cursor` of the previous page"
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class PageParams(CursorParams):
    updated_since: IsoDateTime | None = Field(
        None, description="Only rows created or changed at or after this time (ISO 8601; UTC when no offset)"
    )


class TimelineParams(PageParams):
    """The dashboard's filters; parsed by apps.timeline.queries.TimelineFilters like the pages'."""

    actor: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(
        [], max_length=10, description="Actor ids; several: events where all took part"
    )
    topic: str | None = Field(None, max_length=60, pattern=r"^[-a-zA-Z0-9_]+$")
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2")
    from_: IsoDate | None = Field(None, alias="from")
    to: IsoDate | None = None
    language: str | None = Field(None, max_length=8, description="Article language, e.g. en, fr")
    verified: bool = False
    q: str | None = Field(None, max_length=200, description="Full-text search")


class EventParams(TimelineParams):
    kind: Literal[tuple(Event.Kind.values)] | None = None  # type: ignore[valid-type]
    status: Literal[tuple(Event.Status.values)] | None = None  # type: ignore[valid-type]


class ActorParams(PageParams):
    q: str | None = Field(None, max_length=200, description="Part of a name or an alias")
    kind: Literal[tuple(Actor.Kind.values)] | None = None  # type: ignore[valid-type]
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$")


class DeletedParams(CursorParams):
    since: IsoDateTime | None = Field(
        None, description="Only what left the lists at or after this time: the time you passed as `updated_since`. "
                          "Entries are kept PARLEY_TOMBSTONE_RETENTION_DAYS (90 by default): an older time answers "
                          "410 `resync_required`"
    )
    type: Literal[tuple(Tombstone.Kind.values)] | None = None  # type: ignore[valid-type]


class ArticleParams(PageParams):
    language: str | None = Field(None, max_length=8)


def _filters(request, params: PageParams) -> TimelineFilters:
    """The timeline's filters from the query string, with what only the API has."""
    filters = TimelineFilters.from_query(request.GET)  # InvalidQuery (broken cursor) answers 400
    verified = getattr(params, "verified", False)
    return replace(filters, verified=verified, updated_since=_aware(params.updated_since))


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=dt.timezone.utc)
    try:
        return moment.astimezone(dt.timezone.utc)  # the database compares in UTC
    except OverflowError:  # 0001-01-01T00:00+01:00 is before year 1 in UTC
        raise HttpError(422, "updated_since is outside the years Parley can compare.") from None


def _next(request, next_cursor: str | None) -> dict:
    if not next_cursor:
        return {"next_cursor": None, "next": None}
    query = request.GET.copy()
    query["cursor"] = next_cursor
    return {"next_cursor": next_cursor, "next": request.build_absolute_uri(f"{request.path}?{query.urlencode()}")}


def _id_cursor(params: CursorParams) -> int | None:
    """The last id of the previous page, for the lists kept in id order."""
    after = decode_cursor(params.cursor or "")
    return after["i"] if after else None


def _id_page(request, rows, params: CursorParams, *, descending: bool, render) -> HttpResponse:
    after = _id_cursor(params)
    if after is not None:
        rows = rows.filter(pk__lt=after) if descending else rows.filter(pk__gt=after)
    rows = list(rows.order_by("-pk" if descending else "pk")[: params.limit + 1])
    items, more = rows[: params.limit], len(rows) > params.limit
    return _json(request, {**_next(request, encode_cursor({"i": items[-1].pk}) if more else None),
                           "items": [render(request, row) for row in items]})


def _json(request, data: dict) -> HttpResponse:
    """The JSON of a page the renderers below built, as its response schema would give it, unvalidated.

    Each renderer builds its dict from typed model fields, in its schema's field order, so running
    it through the schema (pydantic, by way of ninja's DjangoGetter on every field) changed nothing
    and was a fifth of an API page of 100 events: 21 of ~100 ms at 100k (docs/benchmarks.md).
    tests/api/test_contract.py checks every list's bytes against the schema's own rendering.
    """
    return api.create_response(request, data, status=200)


# An id that appears nowhere else in a page's URL: reverse() it once, split the URL there.
URL_SENTINEL = 918273645


def _page_url(request, name: str, pk: int) -> str:
    """The absolute URL of a row's page: reverse() once a request, not once a row (~4 ms a page of 100)."""
    made = request.__dict__.setdefault("_parley_page_urls", {})
    if name not in made:
        head, tail = request.build_absolute_uri(reverse(name, args=[URL_SENTINEL])).split(str(URL_SENTINEL))
        made[name] = (head, tail)
    head, tail = made[name]
    return f"{head}{pk}{tail}"


# --- Rendering ---------------------------------------------------------------------------------


def _actor_ref(actor) -> dict:
    return {"id": actor.pk, "name": actor.name, "kind": actor.kind, "country": actor.country}


def _article_ref(article) -> dict:
    return {"id": article.pk, "title": article.title, "url": article.url,
            "source": article.source.name if article.source_id else None,
            "published_at": article.published_at, "language": article.language}


def _event(request, event) -> dict:
    return {
        "id": event.pk, "title": event.title, "kind": event.kind, "plover_category": event.plover_category,
        "status": event.status, "date": precise_date(event.date, event.date_precision), "location": event.location,
        "participants": [{"actor": _actor_ref(p.actor), "role": p.role} for p in event.participants.all()],
        "topics": [t.slug for t in event.topics.all()],
        "source_count": event.source_count, "statement_count": event.statement_count,
        "review_state": event.review_state, "confidence": event.confidence,
        "created_at": event.created_at, "updated_at": event.updated_at,
        "url": _page_url(request, "timeline:event", event.pk),
    }


# What _event_rows reads of each event: EventOut's own fields, and the card's two counts.
EVENT_COLUMNS = ("id", "title", "kind", "plover_category", "status", "date", "date_precision", "location",
                 "source_count", "statement_count", "review_state", "confidence", "created_at", "updated_at")


def _event_rows(request, filters: TimelineFilters, size: int) -> dict:
    """A page of events as queries.event_page gives it, read as rows rather than model instances.

    An API page of 100 events made ~700 model instances (events, ~230 participants and their
    actors, ~150 topics) and the prefetch machinery around them: 35 of its 65 ms at 100k events
    (docs/benchmarks.md). The rows, the order, the cursor and the counts are the timeline's
    (filter_events, with_card_data's annotations, in_timeline_order, event_cursor); only the
    loading is the API's. test_events.test_a_page_is_the_timelines_page checks the two give the
    same page. A search (relevance tiers) goes through event_page itself.
    """
    if filters.searching:
        page = queries.event_page(filters, size=size)
        return {**_next(request, page.next_cursor), "items": [_event(request, event) for event in page.items]}
    events = queries.with_card_data(queries.filter_events(filters)).prefetch_related(None)
    events = queries.in_timeline_order(events, after=filters.cursor)
    folded = queries.uses_postgres()
    if folded:
        # Participants and topics as arrays in the events' own query: one query instead of three.
        # At load 9 this measured the same as three (docs/benchmarks.md): the round trips it saves
        # cost about what building a JSONB object per participant adds.
        events = events.annotate(participant_rows=ArraySubquery(_participants(event_id=OuterRef("pk")).values(
            row=JSONObject(role="role", id="actor_id", name="actor__name", kind="actor__kind",
                           country="actor__country"))),
            topic_slugs=ArraySubquery(_topics(event_id=OuterRef("pk")).values("topic__slug")))
    rows = list(events.values(*EVENT_COLUMNS, *(("participant_rows", "topic_slugs") if folded else ()))[: size + 1])
    rows, more = rows[:size], len(rows) > size
    if folded:
        participants = {row["id"]: [{"actor": {"id": p["id"], "name": p["name"], "kind": p["kind"],
                                               "country": p["country"]}, "role": p["role"]}
                                    for p in row["participant_rows"]] for row in rows}
        topics = {row["id"]: row["topic_slugs"] for row in rows}
    else:
        participants, topics = _participants_and_topics([row["id"] for row in rows])
    items = [{
        "id": row["id"], "title": row["title"], "kind": row["kind"], "plover_category": row["plover_category"],
        "status": row["status"], "date": precise_date(row["date"], row["date_precision"]), "location": row["location"],
        "participants": participants[row["id"]], "topics": topics[row["id"]],
        "source_count": row["source_count"], "statement_count": row["statement_count"],
        "review_state": row["review_state"], "confidence": row["confidence"],
        "created_at": row["created_at"], "updated_at": row["updated_at"],
        "url": _page_url(request, "timeline:event", row["id"]),
    } for row in rows]
    last = rows[-1] if more else None
    next_cursor = queries.event_cursor(last["date"], last["date_precision"], last["id"]) if last else None
    return {**_next(request, next_cursor), "items": items}


def _participants(**which) -> QuerySet:
    # with_card_data's orders: participants by role then name, topics by their model's (name_en).
    return EventParticipant.objects.filter(**which).order_by("role", "actor__name")


def _topics(**which) -> QuerySet:
    return Event.topics.through.objects.filter(**which).order_by(
        *(f"topic__{f}" for f in Topic._meta.ordering))


def _participants_and_topics(ids: list[int]) -> tuple[dict, dict]:
    """The events' participants and topic slugs in two queries (SQLite: no arrays to fold them in)."""
    participants: dict[int, list] = {pk: [] for pk in ids}
    for event_id, role, actor_id, name, kind, country in _participants(event_id__in=ids).values_list(
        "event_id", "role", "actor_id", "actor__name", "actor__kind", "actor__country"
    ):
        participants[event_id].append({"actor": {"id": actor_id, "name": name, "kind": kind, "country": country},
                                       "role": role})
    topics: dict[int, list] = {pk: [] for pk in ids}
    for event_id, slug in _topics(event_id__in=ids).values_list("event_id", "topic__slug"):
        topics[event_id].append(slug)
    return participants, topics


def _actor(request, actor) -> dict:
    return {
        "id": actor.pk, "name": actor.name, "kind": actor.kind, "country": actor.country, "role": actor.role,
        "wikidata_id": actor.wikidata_id, "description": actor.description,
        "aliases": [{"name": a.name, "language": a.language, "origin": a.origin} for a in actor.aliases.all()],
        "review_state": actor.review_state, "confidence": actor.confidence, "merged_into": actor.merged_into_id,
        "created_at": actor.created_at, "updated_at": actor.updated_at,
        "url": _page_url(request, "timeline:actor", actor.pk),
    }


def _statement(request, statement) -> dict:
    return {
        "id": statement.pk, "text": statement.text, "direct": statement.direct,
        "said_on": precise_date(statement.said_on, statement.said_on_precision),
        "speaker": _actor_ref(statement.speaker) if statement.speaker_id else None,
        "speaker_description": statement.speaker_description,
        "event_id": statement.event_id, "article": _article_ref(statement.article),
        "start": statement.start, "end": statement.end, "topics": [t.slug for t in statement.topics.all()],
        "review_state": statement.review_state, "confidence": statement.confidence,
        "extractor_version": statement.extractor_version,
        "created_at": statement.created_at, "updated_at": statement.updated_at,
    }


def text_allowed(licence: str) -> bool:
    return licence.strip().lower().startswith(OPEN_LICENCES)


def _article(request, article) -> dict:
    source = article.source
    return {
        "id": article.pk, "url": article.url, "title": article.title, "byline": article.byline,
        "source": {"id": source.pk, "name": source.name, "licence": source.licence} if source else None,
        "published_at": article.published_at, "language": article.language, "via": article.via,
        "status": article.status, "duplicate_of": article.duplicate_of_id,
        "extractor_version": article.extractor_version, "extracted_at": article.extracted_at,
        "topics": [t.slug for t in article.topics.all()],
        "created_at": article.created_at, "updated_at": article.updated_at,
        "text": article.text if source and text_allowed(source.licence) else None,
    }


def _deleted(request, stone) -> dict:
    return {"type": stone.kind, "id": stone.object_id, "reason": stone.reason, "replaced_by": stone.replaced_by,
            "deleted_at": stone.at}


def _evidence(request, evidence) -> dict:
    return {
        "id": evidence.pk, "event_id": evidence.event_id, "article": _article_ref(evidence.article),
        "sentence": evidence.sentence, "start": evidence.start, "end": evidence.end,
        "extractor_version": evidence.extractor_version, "confidence": evidence.confidence,
        "event_review_state": evidence.event.review_state, "created_at": evidence.created_at,
    }


# --- Cached pages ----------------------------------------------------------------------------------


def _cached(request, name: str, build):
    """The endpoint's JSON, kept until the next write like the timeline's pages (apps.timeline.freshness).

    Every reader may see the same rows, so the key is the URL (the `next` links hold the host) at
    the current data version. A miss renders what `build` returns (see _json); a hit is the stored
    bytes: a page of 100 events is ~1 ms instead of its tens of ms of queries and model instances
    (docs/benchmarks.md).
    """
    fresh = None

    def fill():
        nonlocal fresh
        fresh = _json(request, build())
        return (fresh["Content-Type"], fresh.content)

    stored = freshness.kept(freshness.key("api", name, request.build_absolute_uri()), fill)
    if fresh is not None:
        return fresh
    content_type, content = stored
    return HttpResponse(content, content_type=content_type)


# --- Endpoints ---------------------------------------------------------------------------------

ID = Path(..., ge=1, le=MAX_ID)


@api.get("/events", response={200: EventPage, **ERRORS}, tags=["events"])
def list_events(request, params: Query[EventParams]):
    """Visible events, newest first (most relevant first with `q`), with the timeline's filters."""
    filters = _filters(request, params)  # before the cache: a broken cursor still answers 400

    return _cached(request, "events", lambda: _event_rows(request, filters, params.limit))


def _visible_event(pk: int):
    events = queries.with_card_data(Event.objects.visible().filter(pk=pk))
    event = events.first()
    if event is None:
        raise Http404("No such event (or it was merged into another, rejected, or hidden).")
    return event


@api.get("/events/{event_id}", response={200: EventDetail, **ERRORS}, tags=["events"])
def get_event(request, event_id: int = ID):
    """One event, with the articles that report it."""

    def build():
        event = _visible_event(event_id)
        articles = (
            Article.objects.filter(event_evidence__event=event).select_related("source").defer("text")
            .distinct().order_by("published_at", "pk")
        )
        return {**_event(request, event), "sources": [_article_ref(article) for article in articles]}

    return _cached(request, "event", build)


@api.get("/events/{event_id}/evidence", response={200: EvidencePage, **ERRORS}, tags=["events"])
def list_evidence(request, params: Query[PageParams], event_id: int = ID):
    """The sentences that report one event: article, offsets, extractor version, confidence."""
    _visible_event(event_id)
    evidence = (
        EventEvidence.objects.filter(event_id=event_id).select_related("article", "article__source", "event")
        .defer("article__text")
    )
    if params.updated_since:
        evidence = evidence.filter(created_at__gte=_aware(params.updated_since))
    return _id_page(request, evidence, params, descending=False, render=_evidence)


@api.get("/actors", response={200: ActorPage, **ERRORS}, tags=["actors"])
def list_actors(request, params: Query[ActorParams]):
    """Actors with their aliases, in id order (merged and rejected actors left out)."""
    actors = (
        Actor.objects.filter(merged_into__isnull=True).exclude(review_state=ReviewState.REJECTED)
        .prefetch_related("aliases")
    )
    text = (params.q or "").strip()
    if text:
        # A subquery, not a join to aliases: an actor with two matching aliases is still one row.
        matching = Actor.objects.filter(Q(name__icontains=text) | Q(aliases__name__icontains=text)).values("pk")
        actors = actors.filter(pk__in=matching)
    if params.kind:
        actors = actors.filter(kind=params.kind)
    if params.country:
        actors = actors.filter(country=params.country.upper())
    if params.updated_since:
        actors = actors.filter(updated_at__gte=_aware(params.updated_since))
    return _id_page(request, actors, params, descending=False, render=_actor)


@api.get("/actors/{actor_id}", response={200: ActorOut, **ERRORS}, tags=["actors"])
def get_actor(request, actor_id: int = ID):
    """One actor with its aliases; a merged actor says which one it was merged into."""
    actor = Actor.objects.prefetch_related("aliases").exclude(review_state=ReviewState.REJECTED).filter(pk=actor_id)
    actor = actor.first()
    if actor is None:
        raise Http404("No such actor.")
    return _actor(request, actor)


@api.get("/statements", response={200: StatementPage, **ERRORS}, tags=["statements"])
def list_statements(request, params: Query[TimelineParams]):
    """Quotes and reported speech, newest first, with speaker, article and offsets."""
    filters = _filters(request, params)

    def build():
        page = queries.statement_page(filters, size=params.limit)
        # statement_page selects speaker and article; topics are one more query for the whole page.
        prefetch_related_objects(page.items, Prefetch("topics", queryset=Topic.objects.order_by("slug")))
        return {**_next(request, page.next_cursor), "items": [_statement(request, s) for s in page.items]}

    return _cached(request, "statements", build)


@api.get("/articles", response={200: ArticlePage, **ERRORS}, tags=["articles"])
def list_articles(request, params: Query[ArticleParams]):
    """Extracted articles, newest stored first: metadata and provenance, text where the licence allows."""
    articles = Article.objects.filter(status=Article.Status.EXTRACTED).select_related("source").prefetch_related(
        "topics"
    )
    if params.language:
        articles = articles.filter(language=params.language.lower())
    if params.updated_since:
        articles = articles.filter(updated_at__gte=_aware(params.updated_since))
    return _id_page(request, articles, params, descending=True, render=_article)


@api.get("/articles/{article_id}", response={200: ArticleOut, **ERRORS}, tags=["articles"])
def get_article(request, article_id: int = ID):
    """One article's metadata and provenance (its text where the licence allows)."""
    article = (
        Article.objects.filter(status=Article.Status.EXTRACTED, pk=article_id).select_related("source")
        .prefetch_related("topics").first()
    )
    if article is None:
        raise Http404("No such article.")
    return _article(request, article)


@api.get("/deleted", response={200: DeletedPage, **ERRORS, 410: Error}, tags=["sync"])
def list_deleted(request, params: Query[DeletedParams]):
    """Events, statements and actors that left the lists: deleted, merged into another, rejected, or
    reported only by articles marked irrelevant.

    The other half of `updated_since`: a client that syncs incrementally asks for what is gone
    since the same time and removes those ids. An entry lasts while the row is gone; a row that
    comes back (an editor undid the merge or took back the rejection) leaves this list and is in
    its own list again, with a later `updated_at`. Oldest first.

    Entries are kept for a retention (90 days by default) and then forgotten: a `since` older than
    that answers 410 with the code `resync_required`, and the client must fetch every list again
    from scratch (without `updated_since`) and replace what it kept.
    """
    stones = Tombstone.objects.all()
    if params.since:
        since, horizon = _aware(params.since), Tombstone.horizon()
        if since < horizon:
            # Entries before the horizon may be pruned already: an answer would look complete and miss them.
            return _error(request, 410, "Entries this old are no longer kept: fetch every list again without "
                                        "`updated_since` and replace what you kept.",
                          [{"loc": ["query", "since"], "message": f"the oldest time answered is {horizon.isoformat()}",
                            "type": "resync_required"}])
        stones = stones.filter(at__gte=since)
    if params.type:
        stones = stones.filter(kind=params.type)
    return _id_page(request, stones, params, descending=False, render=_deleted)


@api.get("/topics", response={200: list[TopicOut], **ERRORS}, tags=["topics"])
def list_topics(request):
    """Every topic (a few dozen at most: no pagination)."""
    return [{"slug": t.slug, "name_en": t.name_en, "name_fr": t.name_fr, "description": t.description}
            for t in queries.topics()]
