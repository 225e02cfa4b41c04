"""The dashboard's reads: filters from the query string, full-text search, keyset pages.

Views parse `TimelineFilters` from `request.GET` and ask this module for querysets; nothing
here writes. Every list is paginated by keyset (never OFFSET), so a deep page costs what the
first one does, and each page runs a fixed number of queries whatever its length.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from itertools import groupby

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth, TruncWeek, TruncYear
from django.utils.dateparse import parse_date

from apps.ingestion.models import Article
from apps.records.models import (
    EVENT_SEARCH_FIELDS,
    EVIDENCE_SEARCH_FIELDS,
    NO_TOPIC,
    STATEMENT_SEARCH_FIELDS,
    UNDATED_MONTH,
    Actor,
    ActorEventCount,
    ActorStatementMonthCount,
    CoParticipantCount,
    DatePrecision,
    Event,
    EventDayCount,
    EventEvidence,
    EventParticipant,
    EventTopicDayCount,
    ReviewState,
    Statement,
    StatementDayCount,
    Topic,
)
from apps.timeline import charts, search
from apps.timeline.search import SearchTerms

PAGE_SIZE = 30
# Undated events sort after every dated one: COALESCE(date, UNDATED) DESC, id DESC is what
# the expression index `event_timeline_order_idx` (records 0003) serves.
UNDATED = dt.date(1, 1, 1)
# Article languages offered in the filter; the pipeline reads French and English, the rest
# appear in imported files.
ARTICLE_LANGUAGES = ["en", "fr", "uk", "ru", "de", "es", "it", "pl"]
MIN_QUERY_LENGTH = 2


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


# --- Full-text search ----------------------------------------------------------------------
# django.contrib.postgres: each model's document is records.models.search_document over its
# *_SEARCH_FIELDS, the very expression its GIN index is built on (so PostgreSQL uses the index);
# articles read their stored document column (ingestion 0007). SQLite falls back to icontains.
# What the words mean (the topics and actors they name, their names in both languages) is
# apps.timeline.search's: `search.expand` once per request, then the terms go everywhere.

SEARCHED_FIELDS = {
    Event: EVENT_SEARCH_FIELDS,
    EventEvidence: EVIDENCE_SEARCH_FIELDS,
    Statement: STATEMENT_SEARCH_FIELDS,
}


def _terms(words: str | SearchTerms) -> SearchTerms:
    """Terms as given, or words searched exactly as written."""
    return words if isinstance(words, SearchTerms) else SearchTerms(text=words)


def _article_match(words: str | SearchTerms):
    """Articles whose title or text match: on PostgreSQL through the stored document (ingestion 0007)."""
    return search.article_match(_terms(words))


def _text_match(model, words: str | SearchTerms):
    """A condition on the model's searched fields: full-text match on PostgreSQL, icontains on SQLite."""
    return search.text_match(SEARCHED_FIELDS[model], _terms(words))


# --- Parsing the query string ----------------------------------------------------------------
# Every parameter is parsed here, once, for every view that reads the timeline's filters: a
# filter value Parley cannot use is dropped (a shared link keeps working when a topic is
# renamed), and only a broken cursor, which no link of Parley's carries, is refused.


class InvalidQuery(ValueError):
    """A query-string parameter that cannot be honoured; the message says so in plain words."""


# Ids are BigAutoField: a larger number is no row, and SQLite cannot even bind it.
MAX_ID = 2**63 - 1
# Dates a filter may name; outside, the filter is dropped. No news event is dated there, and the
# chart's week arithmetic would step past Python's years 1 and 9999.
EARLIEST_DATE = dt.date(1000, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)
# encode_cursor's longest output is about 80 characters.
MAX_CURSOR_LENGTH = 200
SEARCH_TIERS = (0, 1, 2)  # _search_tiers' relevance values


def _is_id(number) -> bool:
    return type(number) is int and 0 < number <= MAX_ID  # not `isinstance`: JSON true is an int too


def parse_id(value: str) -> int | None:
    """A row id written in the query string, or None when it cannot be one."""
    try:
        number = int(value)
    except (TypeError, ValueError):  # ValueError also for numbers of over 4,300 digits
        return None
    return number if _is_id(number) else None


def _iso_date(value) -> dt.date | None:
    """A real date written YYYY-MM-DD, or None."""
    if not isinstance(value, str):
        return None
    try:
        return parse_date(value.strip())
    except ValueError:  # well-formed but impossible, like 2025-02-30
        return None


def parse_day(value) -> dt.date | None:
    """A filter's date: a real date within the range filters accept, or None."""
    day = _iso_date(value)
    return day if day and EARLIEST_DATE <= day <= LATEST_DATE else None


def encode_cursor(values: dict) -> str:
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> dict | None:
    """The values of a cursor encode_cursor wrote: None when there is none, InvalidQuery when broken.

    Refused rather than ignored: page one served as "the next page" would repeat the list.
    """
    if not token:
        return None
    broken = InvalidQuery("This “load more” link is broken or cut short: start again from the first page.")
    if len(token) > MAX_CURSOR_LENGTH:
        raise broken
    try:
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise broken from None
    if not isinstance(values, dict) or not set(values) <= {"d", "i", "p", "r"} or not _is_id(values.get("i")):
        raise broken
    # Any real date: the cursor holds the date of the page's last event, whatever it is.
    if values.get("d") is not None and _iso_date(values["d"]) is None:
        raise broken
    if "p" in values and values["p"] not in DatePrecision.values:
        raise broken
    if "r" in values and not (type(values["r"]) is int and values["r"] in SEARCH_TIERS):
        raise broken
    return values


def _ints(values) -> list[int]:
    out = []
    for value in values:
        number = parse_id(value)
        if number is not None and number not in out:
            out.append(number)
    return out[:10]


def _choice(value: str, choices) -> str:
    return value if value in {c for c, _ in choices} else ""


def _code(value: str, *, longest: int) -> str:
    """A country or language code: ASCII letters only (anything else matches no row anyway)."""
    value = value.strip()
    return value if value.isascii() and value.isalpha() and len(value) <= longest else ""


SLUG = re.compile(r"[-a-zA-Z0-9_]{1,60}")  # Topic.slug is a SlugField(max_length=60)


@dataclass(frozen=True)
class TimelineFilters:
    """What the analyst asked for, from the query string; unknown values are dropped, not errors."""

    actors: list[int] = field(default_factory=list)
    topic: str = ""
    kind: str = ""
    country: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str = ""
    status: str = ""
    verified: bool = False
    q: str = ""
    cursor: dict | None = None
    # Rows changed since then (the API's incremental sync); the pages never set it.
    updated_since: dt.datetime | None = None

    @classmethod
    def from_query(cls, params) -> TimelineFilters:
        """Parse a QueryDict; raise InvalidQuery for a broken cursor, drop any other unusable value."""
        country = _code(params.get("country", ""), longest=2).upper()
        topic = params.get("topic", "").strip()
        q = " ".join(params.get("q", "").split())[:200]
        return cls(
            actors=_ints(params.getlist("actor")),
            topic=topic if SLUG.fullmatch(topic) else "",
            kind=_choice(params.get("kind", ""), Event.Kind.choices),
            country=country if len(country) == 2 else "",
            date_from=parse_day(params.get("from", "")),
            date_to=parse_day(params.get("to", "")),
            language=_code(params.get("language", ""), longest=8).lower(),
            status=_choice(params.get("status", ""), Event.Status.choices),
            verified=params.get("verified") == "1",
            q=q if len(q) >= MIN_QUERY_LENGTH else "",
            cursor=decode_cursor(params.get("cursor", "")),
        )

    @property
    def searching(self) -> bool:
        return bool(self.q)

    @property
    def active(self) -> bool:
        """True when anything narrows the timeline (the cursor does not count)."""
        return bool(
            self.actors or self.topic or self.kind or self.country or self.date_from or self.date_to
            or self.language or self.status or self.verified or self.q
        )


# --- Events ----------------------------------------------------------------------------------


def _article_language_exists(language: str, through: str):
    return Exists(
        EventEvidence.objects.filter(event=OuterRef(through), article__language=language)
    )


def filter_events(filters: TimelineFilters, events: QuerySet | None = None, *, bulk: bool = False) -> QuerySet:
    """Visible events matching every filter; each actor given must take part (who met whom).

    `bulk` is for queries that read many events rather than a page of them (see Event.objects.visible).
    """
    events = (Event.objects.all() if events is None else events).visible(bulk=bulk or bool(filters.q))
    events = events.filter(merged_into__isnull=True)
    for actor_id in filters.actors:
        events = events.filter(
            Exists(EventParticipant.objects.filter(event=OuterRef("pk"), actor_id=actor_id))
        )
    if filters.topic:
        events = events.filter(
            Exists(Event.topics.through.objects.filter(event=OuterRef("pk"), topic__slug=filters.topic))
        )
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.status:
        events = events.filter(status=filters.status)
    if filters.country:
        events = events.filter(
            Exists(
                EventParticipant.objects.filter(event=OuterRef("pk"), actor__country=filters.country)
            )
        )
    if filters.date_from:
        events = events.filter(date__gte=filters.date_from)
    if filters.date_to:
        events = events.filter(date__lte=filters.date_to)
    if filters.language:
        events = events.filter(_article_language_exists(filters.language, "pk"))
    if filters.verified:
        events = events.filter(review_state__in=[ReviewState.VERIFIED, ReviewState.LOCKED])
    if filters.q:
        events = events.filter(_event_search(search.expand(filters.q)))
    if filters.updated_since:
        events = events.filter(updated_at__gte=filters.updated_since)
    return events


def _search_sets(text: SearchTerms) -> dict[str, QuerySet]:
    """Ids of events matching by their own words, their evidence or quotes, their articles, or
    being of a topic or with an actor the words name.

    Each set is found through its own GIN index (PostgreSQL), then combined by id: an OR of
    per-event tests would make PostgreSQL check every event.
    """
    own = Event.objects.filter(_text_match(Event, text)).order_by().values("pk")
    by_evidence = EventEvidence.objects.filter(_text_match(EventEvidence, text)).order_by().values("event_id")
    by_statement = (
        Statement.objects.visible().filter(_text_match(Statement, text), event__isnull=False)
        .order_by().values("event_id")
    )
    by_article = EventEvidence.objects.filter(
        article__in=Article.objects.filter(_article_match(text)).order_by().values("pk")
    ).order_by().values("event_id")
    named = search.named_event_ids(text)
    return {"own": own, "evidence": by_evidence, "statement": by_statement, "article": by_article, "named": named}


def _event_search(text: SearchTerms):
    """Events whose own words, evidence sentences, statements or source articles match, or that
    are of a topic or with an actor the words name."""
    sets = _search_sets(text)
    # UNION ALL: IN removes duplicates anyway, so PostgreSQL need not sort or hash them first.
    return Q(pk__in=sets["own"].union(sets["evidence"], sets["statement"], sets["article"], *sets["named"], all=True))


def _search_tiers(text: SearchTerms) -> list[tuple[int, Q]]:
    """Where the words were found, best first, as conditions on one event row: its own title or
    place (2), the sentence that reports it or a topic or actor the words name (1), a quote or
    an article about it (0).

    Each tier excludes the ones above, so a page reads the tiers one after another, each in
    timeline order with a LIMIT: PostgreSQL walks the date index and stops after a page of
    matches for a broad word, or reads a rare word's few rows from its GIN index; it never
    ranks every match (54k events for "prisoner exchange" at 100k: 480 ms before, see
    docs/benchmarks.md). Lower tiers are only read when the ones above run out.
    """
    own = Q(_text_match(Event, text))
    by_evidence = Q(Exists(
        EventEvidence.objects.filter(_text_match(EventEvidence, text), event=OuterRef("pk"))
    ))
    named = search.events_named(text)
    if named is not None:
        by_evidence |= named
    by_statement = Q(Exists(
        Statement.objects.visible().filter(_text_match(Statement, text), event=OuterRef("pk"))
    ))
    matching_articles = Article.objects.filter(_article_match(text)).order_by().values("pk")
    by_article = Q(Exists(
        EventEvidence.objects.filter(event=OuterRef("pk"), article__in=matching_articles)
    ))
    return [
        (2, own),
        (1, _found_then_not(by_evidence, own)),
        (0, _found_then_not(by_statement | by_article, own | by_evidence)),
    ]


def _found_then_not(found: Q, above: Q) -> Q:
    """`found AND NOT above`, tested in that order on each row.

    PostgreSQL orders a WHERE clause's tests as it likes and took the title's to_tsvector first
    on every row, so a word found nowhere walked all events through it (4.9 s at 100k events for
    "xyzzy"). CASE is evaluated in order: the tier's own (indexed, hashed) test first, the tiers
    above only for the few rows that pass it.
    """
    return Q(Case(
        When(found, then=Case(When(above, then=Value(False)), default=Value(True))),
        default=Value(False),
        output_field=BooleanField(),
    ))


def _matches_search(text: SearchTerms) -> Q:
    """Any tier, as one per-row condition: for a few rows in hand, not for finding matches."""
    condition = Q()
    for _tier, tier_condition in _search_tiers(text):
        condition |= tier_condition
    return condition


def with_card_data(events: QuerySet) -> QuerySet:
    """What each card shows, in a fixed number of queries: one for events, two prefetches."""
    sources = (
        EventEvidence.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(n=Count("article", distinct=True))
        .values("n")
    )
    statements = (
        Statement.objects.visible().filter(event=OuterRef("pk")).order_by().values("event")
        .annotate(n=Count("pk")).values("n")
    )
    # Only what cards, exports, the feed and the API show: actors' descriptions and topics'
    # keyword lists are long, and a page of 100 events reads ~250 participants.
    participants = (
        EventParticipant.objects.select_related("actor").order_by("role", "actor__name")
        .only("event_id", "role", "actor__name", "actor__kind", "actor__country")
    )
    topics = Topic.objects.only("slug", "name_en", "name_fr")
    return events.annotate(
        source_count=Coalesce(Subquery(sources, output_field=IntegerField()), 0),
        statement_count=Coalesce(Subquery(statements, output_field=IntegerField()), 0),
    ).prefetch_related(Prefetch("participants", queryset=participants), Prefetch("topics", queryset=topics))


@dataclass
class Page:
    items: list
    next_cursor: str | None
    after: dict | None  # the cursor this page started from
    terms: SearchTerms | None = None  # what a search looked for, to say so above its results

    @property
    def previous_date(self) -> dt.date | None:
        """The date the previous page ended on, so day headers are not repeated across pages."""
        if self.after and self.after.get("d"):
            return parse_date(self.after["d"])
        return None


def event_page(filters: TimelineFilters, *, size: int | None = None) -> Page:
    """One page of the timeline: newest first, or most relevant first when searching."""
    size = size or PAGE_SIZE
    if filters.searching:
        return _search_page(filters, size)
    after = filters.cursor
    rows = list(in_timeline_order(with_card_data(filter_events(filters)), after=after)[: size + 1])
    items, more = rows[:size], len(rows) > size
    next_cursor = None
    if more:
        last_event = items[-1]
        next_cursor = event_cursor(last_event.date, last_event.date_precision, last_event.pk)
    return Page(items=items, next_cursor=next_cursor, after=after)


def in_timeline_order(events: QuerySet, *, after: dict | None = None) -> QuerySet:
    """Events newest first, undated last, from just after the cursor `after` (decoded) when given.

    The timeline's one order and cursor: event_page and the API's event lists read pages through it.
    """
    events = events.alias(sort_date=Coalesce("date", Value(UNDATED))).order_by("-sort_date", "-pk")
    if after and "d" in after:
        events = events.filter(_after(after))
    return events


def event_cursor(date: dt.date | None, precision: str, pk: int) -> str:
    """The cursor of the page that follows the event with this date, precision and id."""
    return encode_cursor({"d": date.isoformat() if date else None, "p": precision, "i": pk})


def _after(cursor: dict) -> Q:
    """Rows after the cursor in (sort_date, id) descending order."""
    last = parse_date(cursor.get("d") or "") or UNDATED
    # The redundant `<=` lets PostgreSQL start the index scan at the cursor.
    return Q(sort_date__lte=last) & (Q(sort_date__lt=last) | Q(pk__lt=cursor["i"]))


def _search_page(filters: TimelineFilters, size: int) -> Page:
    """Search results by relevance tier, newest first within a tier, keyset-paginated.

    What the words name costs two queries (search.expand); ids come from one bounded query per
    tier read (at most three; a lower tier first asks whether its matches are few; the own-words
    tier of a phrase search reads up to OWN_WORDS_ROUNDS chunks), then the cards from one query and
    two prefetches: at most twelve queries whatever the page's length.
    """
    after = filters.cursor if filters.cursor and isinstance(filters.cursor.get("r"), int) else None
    # Event.visible(), not the bulk form: each tier query reads about a page of rows.
    matching = filter_events(replace(filters, q="", cursor=None))
    found: list[tuple[int, int, dt.date | None]] = []  # (tier, event id, date), in page order
    terms = search.expand(filters.q)
    for tier, condition in _search_tiers(terms):
        if after and tier > after["r"]:
            continue
        rows = matching.alias(sort_date=Coalesce("date", Value(UNDATED)))
        if after and tier == after["r"]:
            rows = rows.filter(_after(after))
        wanted = size + 1 - len(found)
        tier_rows = _own_words_in_order(rows, condition, terms, wanted) if tier == 2 else None
        if tier_rows is None:
            candidates = _few_candidates(terms, tier)
            if candidates is not None:
                rows = rows.filter(pk__in=candidates)
            tier_rows = rows.filter(condition).order_by("-sort_date", "-pk").values_list("pk", "date")[:wanted]
        found += [(tier, pk, date) for pk, date in tier_rows]
        if len(found) > size:
            break
    page_rows, more = found[:size], len(found) > size
    cards = with_card_data(Event.objects.filter(pk__in=[pk for _tier, pk, _date in page_rows])).in_bulk()
    items = []
    for tier, pk, _date in page_rows:
        if pk in cards:  # an event deleted between the two queries is left out, not an error
            cards[pk].relevance = tier
            items.append(cards[pk])
    next_cursor = None
    if more:
        tier, pk, date = page_rows[-1]
        next_cursor = encode_cursor({"r": tier, "d": date.isoformat() if date else None, "i": pk})
    return Page(items=items, next_cursor=next_cursor, after=filters.cursor, terms=terms)


# Own-word matches read from the loosened query, a chunk at a time, before the exact query is
# left to check them all (see _own_words_in_order).
OWN_WORDS_CHUNK = 64
OWN_WORDS_ROUNDS = 3


def _own_words_in_order(rows: QuerySet, condition: Q, terms: SearchTerms, wanted: int) -> list | None:
    """The first `wanted` (id, date) of `rows` matching `condition` (the own-words tier), in timeline order.

    On PostgreSQL, through search.loosely_matches: one query per chunk reads the next rows of the
    loosened query from the GIN index without re-parsing a title, in timeline order, and tests the
    exact query on those rows only (the tier of "prisoner exchange" at 100k events: 600 → 80 ms,
    docs/benchmarks.md). None (read the tier the plain way) elsewhere, when there is no phrase, or
    when the loosened query keeps matching rows the exact one does not, chunk after chunk.
    """
    loose = search.loosely_matches(EVENT_SEARCH_FIELDS, terms)
    if loose is None:
        return None
    candidates = rows.filter(loose).order_by("-sort_date", "-pk")
    found: list[tuple[int, dt.date | None]] = []
    for _round in range(OWN_WORDS_ROUNDS):
        chunk = list(
            rows.filter(pk__in=candidates.values("pk")[:OWN_WORDS_CHUNK])
            .annotate(exact=ExpressionWrapper(condition, output_field=BooleanField()))
            .order_by("-sort_date", "-pk").values_list("pk", "date", "exact")
        )
        found += [(pk, date) for pk, date, exact in chunk if exact]
        if len(found) >= wanted or len(chunk) < OWN_WORDS_CHUNK:
            return found[:wanted]
        pk, date, _exact = chunk[-1]
        candidates = candidates.filter(_after({"d": date.isoformat() if date else None, "i": pk}))
    return None


# A lower tier whose matches number fewer than this is read from their ids, not the date index.
FEW_CANDIDATES = 1000


def _few_candidates(terms: SearchTerms, tier: int) -> list[int] | None:
    """The ids that may be in a lower tier when they are few, else None.

    Walking the date index stops after a page when matches are many, but walks every event when
    they are few (a word found only in a quote or nowhere: 560 ms at 100k events). One query
    through the GIN indexes, stopped after FEW_CANDIDATES, tells which case it is; when few,
    the tier reads just those rows by primary key.
    """
    if tier == 2:  # own words: PostgreSQL already picks the GIN index when they are rare
        return None
    sets = _search_sets(terms)
    parts = [sets["evidence"], *sets["named"]] if tier == 1 else [sets["statement"], sets["article"]]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    ids = [next(iter(row.values())) for row in rows[: FEW_CANDIDATES + 1]]  # `values()` rows: one column each
    return None if len(ids) > FEW_CANDIDATES else ids


FEW_NEW_EVENTS = 50


def new_event_count(filters: TimelineFilters, *, since: int) -> int:
    """Events added after the one with id `since` that the current filters would show."""
    if not filters.q:
        return filter_events(filters).filter(pk__gt=since).count()
    # Polled every 30 s. Testing each new event for the words costs ~1 ms (article texts are
    # parsed row by row); the sets of every match cost ~250 ms at 100k events whatever the
    # number of new events. A tab open for an hour sees a few new events, one left for days
    # thousands: the cheap count without the words says which way is cheaper.
    new = filter_events(replace(filters, q="")).filter(pk__gt=since)
    if new.count() > FEW_NEW_EVENTS:
        return filter_events(filters).filter(pk__gt=since).count()
    return new.filter(_matches_search(search.expand(filters.q))).count()


def latest_event_id() -> int:
    return Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@dataclass
class DayGroup:
    date: dt.date | None
    precision: str
    events: list
    continued: bool = False


@dataclass
class WeekGroup:
    start: dt.date | None  # Monday, or None for undated and month/year-precision sections
    label_date: dt.date | None
    precision: str
    days: list = field(default_factory=list)
    continued: bool = False  # the header was already shown on the previous page


def _section_key(event) -> tuple:
    if event.date is None:
        return ("unknown", None)
    if event.date_precision in (DatePrecision.MONTH, DatePrecision.YEAR):
        return (event.date_precision, event.date)
    return ("week", event.date - dt.timedelta(days=event.date.weekday()))


def group_by_week_and_day(events: list, *, previous=None) -> list[WeekGroup]:
    """Sections of a chronological page: a week (or month, year) header, then day headers."""
    weeks: list[WeekGroup] = []
    previous_key = _section_key(previous) if previous is not None else None
    for key, in_section in groupby(events, key=_section_key):
        in_section = list(in_section)
        kind, start = key
        week = WeekGroup(
            start=start if kind == "week" else None,
            label_date=start,
            precision=kind,
            continued=key == previous_key,
        )
        for (day, precision), on_day in groupby(in_section, key=lambda e: (e.date, e.date_precision)):
            continued = (
                week.continued and not week.days
                and (day, precision) == (previous.date, previous.date_precision)
            )
            week.days.append(DayGroup(date=day, precision=precision, events=list(on_day), continued=continued))
        weeks.append(week)
    return weeks


# --- Activity chart ----------------------------------------------------------------------------

# Bar size by the span charted, so the chart covers the whole filtered period in about 8 to 60
# bars: weeks up to 40 weeks, then months up to five years, then years.
WEEKLY_UP_TO = dt.timedelta(weeks=40)
MONTHLY_UP_TO = dt.timedelta(days=5 * 366)
MAX_BARS = 60
MIN_CHART_WEEKS = 8
TRUNC = {"week": TruncWeek, "month": TruncMonth, "year": TruncYear}


def bucket_size(start: dt.date, end: dt.date) -> str:
    span = end - start
    return "week" if span <= WEEKLY_UP_TO else "month" if span <= MONTHLY_UP_TO else "year"


def bucket_of(day: dt.date, size: str) -> dt.date:
    """The first day of the bar `day` falls in: its Monday, the 1st of its month, or 1 January."""
    if size == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1) if size == "month" else day.replace(month=1, day=1)


def next_bucket(start: dt.date, size: str) -> dt.date:
    if size == "week":
        return start + dt.timedelta(weeks=1)
    if size == "month":
        return (start + dt.timedelta(days=32)).replace(day=1)
    return start.replace(year=start.year + 1)


def activity(filters: TimelineFilters, *, by: str = "kind") -> dict:
    """Events (by kind or topic) and statements per bar over the whole filtered period.

    The period is the date filter when there is one (its axis shows exactly those months), else
    the first to the last dated event; bars are weeks, months or years by its length.
    """
    rollup = _chart_rollup(filters, by)
    if rollup is not None:
        first, last = rollup.aggregate(first=Min("day"), last=Max("day")).values()
    else:
        # First and last dates read one row each in index order: the per-row visibility check is cheapest.
        dated = filter_events(filters).filter(date__isnull=False)
        first = dated.order_by("date").values_list("date", flat=True).first()
        last = dated.order_by("-date").values_list("date", flat=True).first()
    start, end = filters.date_from or first, filters.date_to or last
    empty = {"weeks": [], "counts": {}, "statements": {}, "by": by, "bucket": "week"}
    if start is None or end is None or start > end:
        return empty
    size = bucket_size(start, end)
    if size == "year" and end.year - start.year >= MAX_BARS and first and last:
        # A date filter of centuries ("from=1000-01-01") would draw hundreds of empty years.
        start, end = max(start, first), min(end, last)
        if start > end:
            return empty
        size = bucket_size(start, end)
    if not filters.date_to:  # the last bar counts its whole period, statements included
        end = next_bucket(bucket_of(end, size), size) - dt.timedelta(days=1)
    if not filters.date_from:
        start = bucket_of(start, size)
        if size == "week":  # a young timeline: a few weeks' bars, not two bars across the chart
            start = min(start, bucket_of(end, size) - dt.timedelta(weeks=MIN_CHART_WEEKS - 1))
    if rollup is not None:
        counts = _rollup_per_bucket(rollup.filter(day__gte=start, day__lte=end), size, by)
        said = StatementDayCount.objects.filter(n__gt=0, day__gte=start, day__lte=end)
        statements = {bucket: n for (bucket,), n in _rollup_per_bucket(said, size).items()}
    else:
        window = filter_events(filters, bulk=True).filter(date__isnull=False, date__gte=start, date__lte=end)
        series_field = "kind" if by == "kind" else "topics__slug"
        # No DISTINCT by topic: the through table holds each (event, topic) pair once and an event
        # without topics joins once, so each row is one event in one series (topic chart at 100k
        # events: 260 -> 165 ms).
        counts = _per_bucket(window, "date", size, series_field)
        said = statements_for(filters).filter(said_on__gte=start, said_on__lte=end)
        statements = {bucket: n for (bucket,), n in _per_bucket(said, "said_on", size).items()}
    buckets = [bucket_of(start, size)]
    while next_bucket(buckets[-1], size) <= end:
        buckets.append(next_bucket(buckets[-1], size))
    return {
        "weeks": buckets, "counts": counts, "statements": statements, "by": by, "bucket": size,
        "start": start, "end": end,
    }


def _chart_rollup(filters: TimelineFilters, by: str) -> QuerySet | None:
    """The rollup rows the chart can be counted from, or None when it must count live.

    The rollups (records 0007) hold events per day and kind, per day and topic, and statements
    per day, kept by PostgreSQL triggers: they serve the chart under a date filter, and the chart
    by kind under a kind filter too (a kind narrows events, not statements). Every other filter
    (actors, topic, country, language, status, verified, a search), a kind on the chart by
    topic, and SQLite (no triggers) count the visible rows live.
    """
    if not uses_postgres():
        return None
    rest = replace(filters, date_from=None, date_to=None, cursor=None, kind="" if by == "kind" else filters.kind)
    if rest.active or rest.updated_since:
        return None
    if by == "kind":
        rows = EventDayCount.objects.filter(n__gt=0)
        return rows.filter(kind=filters.kind) if filters.kind else rows
    return EventTopicDayCount.objects.filter(n__gt=0)


def _rollup_per_bucket(rows: QuerySet, size: str, by: str = "") -> dict[tuple, int]:
    """Rollup rows summed per (bar, series), keyed as _per_bucket keys the live count."""
    series = {"kind": ["kind"], "topic": ["topic_id"]}.get(by, [])
    grouped = rows.order_by().annotate(bucket=TRUNC[size]("day")).values("bucket", *series).annotate(total=Sum("n"))
    slugs = dict(Topic.objects.values_list("pk", "slug")) if by == "topic" else {}
    counts: dict[tuple, int] = {}
    for row in grouped:
        key = (_as_date(row["bucket"]), *(row[name] for name in series))
        if by == "topic":  # the live count's topics__slug: None for an event without topics
            key = (key[0], None if key[1] == NO_TOPIC else slugs[key[1]])
        counts[key] = counts.get(key, 0) + row["total"]
    return counts


def _per_bucket(rows: QuerySet, date_field: str, size: str, *series: str) -> dict[tuple, int]:
    """Rows counted per (bar, *series), each row counted once."""
    if size == "year":
        # Centuries of days would come back one row each: years are truncated by the database.
        grouped = rows.order_by().annotate(day=TRUNC[size](date_field)).values("day", *series)
    else:
        # Grouped on the date itself and put in bars here: casting and truncating every row cost
        # more than the grouping (statements at 100k events: 240 -> 160 ms), and a period of weeks
        # or months spans at most MONTHLY_UP_TO days, so a few thousand rows come back.
        grouped = rows.order_by().annotate(day=F(date_field)).values("day", *series)
    counts: dict[tuple, int] = {}
    for row in grouped.annotate(n=Count("pk")):
        key = (bucket_of(_as_date(row["day"]), size), *(row[name] for name in series))
        counts[key] = counts.get(key, 0) + row["n"]
    return counts


def _as_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# --- Statements --------------------------------------------------------------------------------


def statements_for(filters: TimelineFilters) -> QuerySet:
    """Visible statements matching the filters that apply to words (speaker, topic, dates…)."""
    statements = Statement.objects.visible()
    if filters.actors:
        statements = statements.filter(speaker_id__in=filters.actors)
    if filters.topic:
        statements = statements.filter(
            Exists(Statement.topics.through.objects.filter(statement=OuterRef("pk"), topic__slug=filters.topic))
        )
    if filters.country:
        statements = statements.filter(speaker__country=filters.country)
    if filters.date_from:
        statements = statements.filter(said_on__gte=filters.date_from)
    if filters.date_to:
        statements = statements.filter(said_on__lte=filters.date_to)
    if filters.language:
        statements = statements.filter(article__language=filters.language)
    if filters.verified:
        statements = statements.filter(review_state__in=[ReviewState.VERIFIED, ReviewState.LOCKED])
    if filters.q:
        terms = search.expand(filters.q)
        condition = Q(_text_match(Statement, terms))
        named = search.statements_named(terms)
        statements = statements.filter(condition if named is None else condition | named)
    if filters.updated_since:
        statements = statements.filter(updated_at__gte=filters.updated_since)
    return statements


def statement_page(filters: TimelineFilters, *, size: int | None = None) -> Page:
    """Quotes newest first, with speaker and source article, keyset-paginated."""
    size = size or PAGE_SIZE
    statements = (
        statements_for(filters)
        .select_related("speaker", "article", "article__source", "event")
        .defer("article__text")  # a page of quotes needs each article's title and link, not its text
        .alias(sort_date=Coalesce("said_on", Value(UNDATED)))
        .order_by("-sort_date", "-pk")
    )
    after = filters.cursor
    if after and "d" in after:
        last = parse_date(after["d"] or "") or UNDATED
        statements = statements.filter(Q(sort_date__lte=last) & (Q(sort_date__lt=last) | Q(pk__lt=after["i"])))
    rows = list(statements[: size + 1])
    items, more = rows[:size], len(rows) > size
    next_cursor = None
    if more:
        last_row = items[-1]
        next_cursor = encode_cursor({"d": last_row.said_on.isoformat() if last_row.said_on else None, "i": last_row.pk})
    return Page(items=items, next_cursor=next_cursor, after=after)


# --- Actors ------------------------------------------------------------------------------------


def search_actors(text: str, *, limit: int = 8) -> list[Actor]:
    """Actors whose name or an alias holds the text, best first.

    Best: the exact name or alias; then people one of whose names starts with the text, since a
    surname means the person ("trump": Donald Trump before the Trump administration); then any
    actor with a word starting with it; then the rest. Within each, the most present first.
    """
    from apps.records.models import Alias, normalize_name

    text = " ".join(text.split())[:200]  # no name or alias is longer (max_length=200)
    if len(text) < MIN_QUERY_LENGTH:
        return []
    folded = normalize_name(text)
    aliases = Alias.objects.filter(actor=OuterRef("pk"))
    word_start = (Q(name__istartswith=text) | Q(name__icontains=f" {text}")
                  | Exists(aliases.filter(Q(normalized__startswith=folded) | Q(normalized__contains=f" {folded}"))))
    actors = Actor.objects.filter(merged_into__isnull=True).exclude(review_state=ReviewState.REJECTED)
    matching = actors.filter(
        Q(name__icontains=text) | Exists(aliases.filter(normalized__contains=folded))
    ).annotate(
        best=Case(
            When(Q(name__iexact=text) | Exists(aliases.filter(normalized=folded)), then=Value(0)),
            When(word_start & Q(kind=Actor.Kind.PERSON), then=Value(1)),
            When(word_start, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        ),
        events=Count("participations", distinct=True),
    )
    return list(matching.order_by("best", "-events", "name")[:limit])


def co_participants(actor: Actor, *, limit: int = 10) -> list[Actor]:
    """The actors most often at the same events as this one, each with `shared`: how often."""
    if uses_postgres():
        # From the rollup (records 0007): the busiest actor's 28k events joined to everyone else's
        # participations cost ~170 ms at 100k events.
        rows = (CoParticipantCount.objects.filter(actor_id=actor.pk, n__gt=0).select_related("other")
                .order_by("-n", "other__name")[:limit])
        found = []
        for row in rows:
            row.other.shared = row.n
            found.append(row.other)
        return found
    return list(live_co_participants(actor, limit=limit))


def live_co_participants(actor: Actor, *, limit: int = 10) -> QuerySet:
    """co_participants() counted from the participations (SQLite; and what the rollup must equal)."""
    events = EventParticipant.objects.filter(actor=actor, event__merged_into__isnull=True).exclude(
        event__review_state=ReviewState.REJECTED
    ).values("event_id")
    return (
        Actor.objects.filter(participations__event_id__in=events)
        .exclude(pk=actor.pk)
        .annotate(shared=Count("participations", distinct=True))
        .order_by("-shared", "name")[:limit]
    )


def actor_event_count(actor: Actor) -> int:
    """Visible events the actor takes part in."""
    if uses_postgres():
        return ActorEventCount.objects.filter(actor_id=actor.pk).values_list("n", flat=True).first() or 0
    return filter_events(TimelineFilters(actors=[actor.pk]), bulk=True).count()


def actor_statements_per_month(actor: Actor) -> list[tuple[dt.date | None, int]]:
    """(month, visible statements the actor made) in month order, undated last under None."""
    if not uses_postgres():
        return charts.statements_per_month(actor.statements.visible())
    rows = ActorStatementMonthCount.objects.filter(speaker_id=actor.pk, n__gt=0).order_by("month")
    months = [(row.month, row.n) for row in rows if row.month != UNDATED_MONTH]
    undated = [(None, row.n) for row in rows if row.month == UNDATED_MONTH]
    return months + undated


def topics() -> list[Topic]:
    return list(Topic.objects.order_by("name_en"))


def actors_by_id(ids: list[int]) -> list[Actor]:
    if not ids:
        return []
    found = {a.pk: a for a in Actor.objects.filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]
