"""Store what the pipeline read in an article: one extraction run is one transaction.

The rule that matters most: the machine only ever replaces rows that are still UNREVIEWED.
What an editor verified, rejected or locked is never changed, deleted or created again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import time
import uuid
from dataclasses import asdict, dataclass, field

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from apps.extraction.gazetteer_db import load_gazetteer, load_topic_matcher
from apps.extraction.reference_data import load_actors
from apps.extraction.pipeline import EXTRACTOR_VERSION, ArticleInput, extract, extract_many
from apps.extraction.pipeline.extract import article_language
from apps.extraction.pipeline.nlp import get_nlp
from apps.ingestion.models import Article
from apps.records.models import (
    Actor,
    Alias,
    Event,
    EventEvidence,
    EventParticipant,
    ExtractionRun,
    Mention,
    ReviewState,
    Statement,
    Tombstone,
    Topic,
    normalize_name,
)

log = logging.getLogger(__name__)

UNREVIEWED = ReviewState.UNREVIEWED
# Lost connections and lock timeouts: the task retries them rather than failing the article.
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError)
# Not a fault of one article but an order to stop: the task's handler records it and gives up.
# `except Exception` below must let it through, or the run goes on past its soft time limit.
STOP = (SoftTimeLimitExceeded,)
# Runs an article may start without one finishing. A deploy or a database restart can cost a
# run or two that were no fault of the article's; five in a row are (a text that kills its
# worker, a store that always times out), and the article then fails for good.
MAX_EXTRACTION_ATTEMPTS = 5
NEVER_FINISHED = "no run finished (its worker was killed or ran past the hard time limit)"
# The pipeline's roles, in the model's words.
PARTICIPANT_ROLES = {
    "agent": EventParticipant.Role.INITIATOR,
    "participant": EventParticipant.Role.PARTICIPANT,
    "host": EventParticipant.Role.HOST,
    "target": EventParticipant.Role.TARGET,
}


@dataclass
class RunSummary:
    extracted: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    statements: int = 0
    events: int = 0
    mentions: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def _claim_window() -> dt.timedelta:
    # A run older than the hard time limit is dead (its worker was killed): it may be retaken.
    return dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def _claimable(now: dt.datetime, token: str) -> Q:
    """Articles a run may take: waiting, held by a dead run, or held by this same task (a retry)."""
    claimable = Q(status=Article.Status.FETCHED) | Q(
        status=Article.Status.EXTRACTING, status_changed_at__lt=now - _claim_window()
    )
    if token:
        claimable |= Q(status=Article.Status.EXTRACTING, claim_token=token)
    return claimable


def claim(article_ids: list[int], *, token: str = "") -> list[int]:
    """Mark articles EXTRACTING with one conditional update, so two workers never take the same one.

    A retry of the task that holds the claim (same token) takes it back at once; a claim older
    than the hard time limit belongs to a dead worker and may be taken by anyone. Without a task
    token the run stamps its own, which tells its rows from those another run holds. Each claim
    counts a run, a redelivered message included; an article out of runs is not taken (see
    give_up_on_exhausted).
    """
    if not article_ids:
        return []
    now = timezone.now()
    stamp = token or f"run:{uuid.uuid4().hex}"
    Article.objects.filter(
        _claimable(now, token), pk__in=article_ids, extraction_attempts__lt=MAX_EXTRACTION_ATTEMPTS
    ).update(
        status=Article.Status.EXTRACTING, status_changed_at=now, claim_token=stamp, error="",
        attempts=F("attempts") + 1, extraction_attempts=F("extraction_attempts") + 1,
    )
    taken = set(
        Article.objects.filter(pk__in=article_ids, status=Article.Status.EXTRACTING, claim_token=stamp)
        .values_list("pk", flat=True)
    )
    return [pk for pk in article_ids if pk in taken]


def release_claim(article_ids: list[int], *, token: str = "", reason: str = "") -> None:
    """Give articles back (a transient error): the retry or the sweep will claim them again.

    With a token, only the articles that run holds: one another run holds stays with it. The
    reason stays on the row: it is what an editor reads if the article runs out of attempts.
    """
    held = Article.objects.filter(pk__in=article_ids, status=Article.Status.EXTRACTING)
    if token:
        held = held.filter(claim_token=token)
    held.update(status=Article.Status.FETCHED, status_changed_at=timezone.now(), error=reason[:2000])


def give_up_on_exhausted(article_ids: list[int], *, token: str = "") -> dict[int, str]:
    """Fail the articles whose last MAX_EXTRACTION_ATTEMPTS runs never finished, with the last reason.

    Without this an article whose run kills its worker, or whose store always times out, would
    be redelivered and swept back into the queue for ever.
    """
    now = timezone.now()
    exhausted = Article.objects.filter(
        _claimable(now, token), pk__in=article_ids, extraction_attempts__gte=MAX_EXTRACTION_ATTEMPTS
    )
    failed = {}
    for pk, attempts, error in exhausted.values_list("pk", "extraction_attempts", "error"):
        reason = f"extraction failed {attempts} times: {error or NEVER_FINISHED}"[:2000]
        # Conditional again: another run may have given it up, or an editor retried it, meanwhile.
        if Article.objects.filter(
            _claimable(now, token), pk=pk, extraction_attempts__gte=MAX_EXTRACTION_ATTEMPTS
        ).update(status=Article.Status.FAILED, error=reason, claim_token="", status_changed_at=now, updated_at=now):
            log.warning("gave up extracting article %s: %s", pk, reason)
            failed[pk] = reason
    return failed


def record_failure(article_id: int, reason: str) -> None:
    Article.objects.filter(pk=article_id).exclude(status=Article.Status.EXTRACTED).update(
        status=Article.Status.FAILED, error=reason[:2000], status_changed_at=timezone.now()
    )


def _unreadable(article: Article) -> str:
    """Why this article cannot be extracted at all, or an empty string."""
    if not article.text.strip():
        return "the article has no text to extract"
    limit = settings.PARLEY_EXTRACT_MAX_CHARS
    if len(article.text) > limit:
        # No news story is this long; spaCy would need gigabytes for it. Say so and keep the row.
        return f"text too long to extract: {len(article.text):,} characters (limit {limit:,})"
    return ""


def article_input(article: Article) -> ArticleInput:
    published = article.published_at.date() if article.published_at else article.created_at.date()
    return ArticleInput(
        id=str(article.pk),
        url=article.url,
        source=article.source.name if article.source_id else "",
        language=article.language or None,
        published=published,
        title=article.title,
        text=article.text,
    )


def extract_and_store(article_ids: list[int], *, token: str = "") -> RunSummary:
    """Claim, read (one spaCy pass for the batch) and store the batch (one transaction)."""
    summary = RunSummary()
    summary.failed.update(give_up_on_exhausted(article_ids, token=token))
    claimed = claim(article_ids, token=token)
    summary.skipped = [i for i in article_ids if i not in claimed and i not in summary.failed]
    if not claimed:
        return summary
    articles = list(Article.objects.select_related("source").filter(pk__in=claimed).order_by("pk"))
    for article in list(articles):
        reason = _unreadable(article)
        if reason:
            record_failure(article.pk, reason)
            summary.failed[article.pk] = reason
            articles.remove(article)
    inputs = [article_input(a) for a in articles]
    started = time.monotonic()
    models_before = get_nlp.cache_info().currsize
    for language in sorted({article_language(item) for item in inputs}):
        get_nlp(language)  # here rather than inside the reading, to time the loading apart
    gazetteer, topics = load_gazetteer(), load_topic_matcher()
    # A process loads its models once: that run's time says nothing of the next ones.
    load_seconds = time.monotonic() - started if get_nlp.cache_info().currsize > models_before else 0.0
    try:
        results = extract_many(inputs, gazetteer=gazetteer, topics=topics)
    except STOP:
        raise
    except Exception:
        # Find the article that breaks the batch; the others must not pay for it.
        results = []
        for item in inputs:
            try:
                results.append(extract(item, gazetteer=gazetteer, topics=topics))
            except STOP:
                raise
            except Exception as exc:
                log.exception("extraction of article %s failed", item.id)
                results.append(exc)
    runs = []
    for article, result in zip(articles, results):
        if isinstance(result, Exception):
            record_failure(article.pk, f"extraction failed: {type(result).__name__}: {result}")
            summary.failed[article.pk] = str(result)
        else:
            runs.append((article, result))
    counts = store_batch(runs, summary)
    _record_run([article for article, _ in runs if article.pk in counts],
                seconds=time.monotonic() - started - load_seconds, load_seconds=load_seconds)
    for article, _ in runs:
        if article.pk not in counts:
            continue
        summary.extracted.append(article.pk)
        summary.statements += counts[article.pk]["statements"]
        summary.events += counts[article.pk]["events"]
        summary.mentions += counts[article.pk]["mentions"]
    return summary


def _record_run(articles: list[Article], *, seconds: float, load_seconds: float) -> None:
    """Keep how long the run took, which the review tool's estimate of a re-run reads."""
    if articles:
        ExtractionRun.record(articles=len(articles), characters=sum(len(a.text) for a in articles),
                             seconds=seconds, load_seconds=load_seconds, extractor_version=EXTRACTOR_VERSION)


def store_batch(runs, summary: RunSummary) -> dict[int, dict[str, int]]:
    """Store the batch's (article, extraction) pairs in one transaction; if that fails, one by one.

    Counts per stored article; an article whose rows cannot be stored is marked FAILED with the
    reason, and the others are kept. Lost connections and lock timeouts propagate (the task
    retries them), and so does the soft time limit (the task records it).
    """
    try:
        return store_extractions(runs)
    except (*TRANSIENT_DB_ERRORS, *STOP):
        raise
    except Exception:
        # One article's rows broke the batch's transaction (nothing of it was kept): store the
        # articles one by one, so only the one at fault fails.
        log.warning("storing a batch of %d articles failed; storing them one by one", len(runs), exc_info=True)
    counts = {}
    for article, result in runs:
        try:
            counts[article.pk] = store_extraction(article, result)
        except (*TRANSIENT_DB_ERRORS, *STOP):
            raise
        except Exception as exc:
            log.exception("storing the extraction of article %s failed", article.pk)
            record_failure(article.pk, f"storing the extraction failed: {type(exc).__name__}: {exc}")
            summary.failed[article.pk] = str(exc)
    return counts


def store_extraction(article: Article, extraction) -> dict[str, int]:
    """Store one article's run (see store_extractions)."""
    return store_extractions([(article, extraction)])[article.pk]


@dataclass
class _Run:
    """One article being stored, with what its rows resolved to."""

    article: Article
    extraction: object
    actors: dict[str, Actor] = field(default_factory=dict)  # extracted actor key -> row
    events: list[tuple[int, int, Event]] = field(default_factory=list)  # evidence span -> event
    mentions: int = 0
    statements: int = 0


@transaction.atomic
def store_extractions(pairs) -> dict[int, dict[str, int]]:
    """Replace the articles' unreviewed machine rows with this run's; leave editors' rows alone.

    The whole batch is one transaction of set-based reads and writes: the number of queries
    does not grow with the number of articles, which is what keeps the store a small share of
    a worker's time beside spaCy. Articles another run finished meanwhile are left alone.
    """
    counts = {article.pk: {"statements": 0, "events": 0, "mentions": 0} for article, _ in pairs}
    # Locked in one order (by id), so two workers never wait on each other's rows in a cycle.
    locked = {
        a.pk: a for a in Article.objects.select_for_update().filter(pk__in=list(counts)).order_by("pk")
    }
    runs = [
        _Run(locked[article.pk], extraction)
        for article, extraction in pairs
        if article.pk in locked and locked[article.pk].status == Article.Status.EXTRACTING
    ]
    if not runs:
        return counts

    _lock_what_runs_may_create(runs)
    dropped = _forget_previous_runs([run.article.pk for run in runs])
    _resolve_actors(runs)
    topics = _topics_by_slug(runs)
    _store_mentions(runs)
    added, grown = _store_events(runs, topics)
    _store_statements(runs, topics)
    _drop_orphan_events({event_id for event_id, _article, _start in dropped})
    _touch_changed_events(grown | {event_id for event_id, _article, _start in dropped ^ added})
    _finish_articles(runs, topics)
    for run in runs:
        counts[run.article.pk] = {"statements": run.statements, "events": len(run.events), "mentions": run.mentions}
    return counts


def _lock_what_runs_may_create(runs: list[_Run]) -> None:
    """Take a transaction lock on every event key and new name this batch may create a row for.

    Two workers storing two reports of the same meeting would otherwise both find no event with
    its key and both create it (a SELECT … FOR UPDATE locks no row that does not exist yet), and
    the same for a new person's actor. Unique constraints with ON CONFLICT would change what the
    rows mean: a dedup key is not unique (an editor's split or merge leaves several events with
    one key, and a rejected event must keep blocking its key), and a new actor's name lives in
    Alias, not in Actor. A PostgreSQL advisory lock per key keeps the read-then-create below as
    it is and makes it one step: the second run waits until the first has committed, then reads
    its rows (READ COMMITTED: each statement sees what was committed before it began). Runs that
    share no key never wait for each other.

    All locks are taken at once, in sorted order, before any row but the batch's own articles is
    locked, so two runs never wait for each other in a cycle. A hash collision only makes two
    unrelated keys wait for each other. SQLite has a single writer: a second run that read
    before the first one wrote cannot write ("database is locked") and is retried as a transient
    error, when it reads the first one's rows.
    """
    if connection.vendor != "postgresql":
        return
    keys = {("event", e.dedup_key) for run in runs for e in run.extraction.events if e.dedup_key}
    actors = [a for run in runs for a in run.extraction.actors if a.kind in Actor.Kind.values]
    keys.update(("name", normalize_name(a.name)) for a in actors if a.is_new)
    # Curated actors are created the first time an article names them (see _resolve_actors): lock
    # only those still missing, not every run that names Zelensky.
    curated = {a.key for a in actors if not a.is_new and not a.key.startswith("db:")}
    if curated:
        curated -= set(Actor.objects.filter(gazetteer_key__in=list(curated)).values_list("gazetteer_key", flat=True))
        keys.update(("curated", key) for key in curated)
    if not keys:
        return
    ids = sorted({_lock_id(kind, key) for kind, key in keys})
    with connection.cursor() as cursor:
        # unnest() yields the array in its order, so the locks are taken in that (sorted) order.
        cursor.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [ids])


def _lock_id(kind: str, key: str) -> int:
    """A stable signed 64-bit number for a key: what pg_advisory_xact_lock takes."""
    digest = hashlib.blake2b(f"parley:{kind}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _forget_previous_runs(article_ids: list[int]) -> set[tuple[int, int, int]]:
    """Drop these articles' unreviewed mentions and evidence from an earlier run; reviewed rows stay.

    Returns the evidence dropped, as (event, article, start): the events this run does not find
    again are removed once it is stored, and those it finds again at the same sentence have not
    changed. Statements are not dropped here but updated in place (see _store_statements), so a
    quote keeps its id while an editor has it open.
    """
    Mention.objects.filter(article_id__in=article_ids, review_state=UNREVIEWED).delete()
    evidence = EventEvidence.objects.filter(article_id__in=article_ids, event__review_state=UNREVIEWED)
    dropped = set(evidence.values_list("event_id", "article_id", "start"))
    evidence.delete()
    return dropped


def _touch_changed_events(event_ids: set[int]) -> None:
    """Move updated_at of the events that gained or lost a source, participants or topics.

    Their own columns did not change, but what the API and the cards show of them did (the
    number of sources, who took part): a client syncing with `updated_since` must get them
    again. An article extracted again to the same sentences changes nothing, and touches nothing.
    """
    if event_ids:
        Event.objects.filter(pk__in=list(event_ids)).update(updated_at=timezone.now())
        # A source gained (or lost) may show an event only irrelevant articles reported (or hide it).
        Tombstone.note_visibility(Event, event_ids)


def _drop_orphan_events(event_ids: set[int]) -> None:
    """Remove unreviewed events no article reports any more; an editor's events always stay."""
    if not event_ids:
        return
    orphans = Event.objects.select_for_update(of=("self",)).filter(
        pk__in=event_ids, review_state=UNREVIEWED, evidence__isnull=True
    )
    Event.objects.filter(pk__in=list(orphans.values_list("pk", flat=True)), review_state=UNREVIEWED).delete()


def _resolve_actors(runs: list[_Run]) -> None:
    """Map each extracted actor key to an Actor row, creating unknown people as unreviewed actors.

    One lookup for the batch's known actors and one for its new names; a new name two articles
    of the batch share becomes one actor.
    """
    # places are not actors; nor is a speaker named only by a description ("a spokeswoman"): one row for
    # every spokeswoman of every article would merge people who have nothing in common
    extracted = [(run, a) for run in runs for a in run.extraction.actors
                 if a.kind in Actor.Kind.values and not a.described]
    gazetteer_keys = {a.key for _, a in extracted if not a.is_new and not a.key.startswith("db:")}
    db_ids = {int(a.key[3:]) for _, a in extracted if not a.is_new and a.key.startswith("db:")}
    known = _known_actors(gazetteer_keys, db_ids)
    missing = gazetteer_keys - set(known)
    if missing and load_actors(missing):  # curated actors named for the first time, with all their aliases
        known.update(_known_actors(missing, set()))
    new_names = {normalize_name(a.name) for _, a in extracted if a.is_new}
    by_alias = {
        al.normalized: al.actor
        for al in Alias.objects.select_related("actor").filter(normalized__in=list(new_names))
    }
    created: dict[str, Actor] = {}
    for run, extracted_actor in extracted:
        name = normalize_name(extracted_actor.name) if extracted_actor.is_new else ""
        actor = by_alias.get(name) if extracted_actor.is_new else known.get(extracted_actor.key)
        if actor is None and extracted_actor.is_new:
            if name not in created:  # the first article of the batch to use the name makes the actor
                created[name] = Actor(
                    name=extracted_actor.name[:200],
                    kind=extracted_actor.kind,
                    country=(extracted_actor.country or "")[:2],
                    role=(extracted_actor.role or "")[:200],
                    wikidata_id=extracted_actor.wikidata or "",
                    review_state=UNREVIEWED,  # a name the gazetteer does not know waits for an editor
                    extractor_version=EXTRACTOR_VERSION,
                    confidence=extracted_actor.confidence,
                    first_seen_in=run.article,
                )
            actor = created[name]
        if actor is None:
            continue
        while actor.merged_into_id:  # follow an editor's merge to the actor that was kept
            actor = actor.merged_into
        if actor.review_state == ReviewState.REJECTED:
            continue  # an editor said this is not an actor: never bring it back
        run.actors[extracted_actor.key] = actor
    if created:
        _create_new_actors(list(created.values()))


def _known_actors(gazetteer_keys: set[str], db_ids: set[int]) -> dict[str, Actor]:
    """Actors by their extractor key: the gazetteer key of curated ones, "db:<id>" for editors' ones."""
    if not gazetteer_keys and not db_ids:
        return {}
    found = {}
    for actor in Actor.objects.filter(Q(gazetteer_key__in=list(gazetteer_keys)) | Q(pk__in=list(db_ids))):
        if actor.gazetteer_key in gazetteer_keys:
            found[actor.gazetteer_key] = actor
        if actor.pk in db_ids:
            found[f"db:{actor.pk}"] = actor
    return found


def _create_new_actors(actors: list[Actor]) -> None:
    """Insert the batch's new actors (with their history) and their names as machine aliases."""
    wanted = {a.wikidata_id for a in actors if a.wikidata_id}
    taken = set(Actor.objects.filter(wikidata_id__in=list(wanted)).values_list("wikidata_id", flat=True))
    for actor in actors:
        if actor.wikidata_id in taken:
            actor.wikidata_id = ""  # another actor holds that item: an editor will merge them
        elif actor.wikidata_id:
            taken.add(actor.wikidata_id)
    bulk_create_with_history(actors, Actor)
    Alias.objects.bulk_create(
        [Alias(actor=a, name=a.name, normalized=normalize_name(a.name), origin=Alias.Origin.MACHINE) for a in actors],
        ignore_conflicts=True,
    )


def _topics_by_slug(runs: list[_Run]) -> dict[str, Topic]:
    slugs = set()
    for run in runs:
        slugs.update(run.extraction.topics)
        for e in run.extraction.events:
            slugs.update(e.topics)
        for s in run.extraction.statements:
            slugs.update(s.topics)
    return {t.slug: t for t in Topic.objects.filter(slug__in=list(slugs))} if slugs else {}


def _store_mentions(runs: list[_Run]) -> None:
    """Insert the batch's mentions, skipping any already stored at the same span.

    Mentions are most of a run's rows (some thirty an article): they go in as plain tuples.
    bulk_create built and prepared a Model instance for each, a quarter of the store's time.
    """
    rows = []
    for run in runs:
        for a in run.extraction.actors:
            actor = run.actors.get(a.key)
            if actor is None:
                continue
            run.mentions += len(a.mentions)
            rows.extend(
                (run.article.pk, actor.pk, m.start, m.end, m.text[:300], EXTRACTOR_VERSION, a.confidence, UNREVIEWED.value)
                for m in a.mentions
            )
    columns = ["article_id", "actor_id", "start", "end", "text", "extractor_version", "confidence", "review_state"]
    _insert_ignoring_conflicts(Mention, columns, rows)


def _insert_ignoring_conflicts(model, columns: list[str], rows: list[tuple]) -> None:
    """INSERT … ON CONFLICT DO NOTHING of plain rows: on PostgreSQL one statement, elsewhere in
    batches of VALUES the database accepts.

    Unlike bulk_create(ignore_conflicts=True), which SQLite turns into INSERT OR IGNORE, only a
    uniqueness conflict is skipped: a row that breaks a CHECK fails on SQLite as on PostgreSQL.
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        # One array a column, unnested by the server: a VALUES list of some five hundred rows
        # is eight parameters a row to quote in the client and to parse and plan in the server.
        # Arrays of the columns' types without their lengths, so that a value too long fails as it
        # would in VALUES (an explicit cast to varchar(n) would cut it short).
        types = [re.sub(r"\(.*\)", "", model._meta.get_field(column).db_type(connection)) for column in columns]
        arrays = ", ".join(f"%s::{db_type}[]" for db_type in types)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
                f"SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING",
                [list(values) for values in zip(*rows)],
            )
        return
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) VALUES "
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    size = connection.ops.bulk_batch_size(columns, rows)
    with connection.cursor() as cursor:
        for i in range(0, len(rows), size):
            chunk = rows[i:i + size]
            cursor.execute(head + ", ".join([one] * len(chunk)) + " ON CONFLICT DO NOTHING",
                           [value for row in chunk for value in row])


def _store_events(runs: list[_Run], topics: dict[str, Topic]) -> tuple[set[tuple[int, int, int]], set[int]]:
    """One Event per dedup key across all articles; each article adds its evidence sentence.

    Returns, for the events that existed before this run, the evidence it stored on them as
    (event, article, start), and those of them that gained participants or topics.
    """
    keys = {x.dedup_key for run in runs for x in run.extraction.events if x.dedup_key}
    by_key: dict[str, Event] = {}
    # Locked, so an editor's concurrent save of these events waits for us or we for it.
    for event in Event.objects.select_for_update().filter(dedup_key__in=list(keys)).order_by("pk") if keys else ():
        by_key.setdefault(event.dedup_key, event)
    # Sentences an editor already placed on a reviewed event (kept there, or moved off to a new
    # one): the editor decided what they report.
    placed = {
        (article_id, start): event_id
        for article_id, start, event_id in EventEvidence.objects.filter(article_id__in=[r.article.pk for r in runs])
        .exclude(event__review_state=UNREVIEWED)
        .values_list("article_id", "start", "event_id")
    }
    new_events, reports = [], []
    for run in runs:
        for extracted in run.extraction.events:
            event = by_key.get(extracted.dedup_key) if extracted.dedup_key else None
            while event is not None and event.merged_into_id:  # an editor merged it: report on the kept one
                event = event.merged_into
            if event is not None and event.review_state == ReviewState.REJECTED:
                continue  # an editor rejected this event: more sources do not bring it back
            placed_on = placed.get((run.article.pk, extracted.evidence_start))
            if placed_on is not None and (event is None or placed_on != event.pk):
                continue
            if event is None:
                event = Event(
                    title=extracted.title[:300], titles={lang: t[:300] for lang, t in extracted.titles.items()},
                    kind=extracted.kind, plover_category=extracted.plover or "",
                    date=extracted.date, date_precision=extracted.precision if extracted.date else "unknown",
                    status=extracted.status, location=(extracted.location or "")[:200],
                    dedup_key=extracted.dedup_key[:200], extractor_version=EXTRACTOR_VERSION,
                    confidence=extracted.confidence,
                )
                new_events.append(event)
                if extracted.dedup_key:
                    by_key[extracted.dedup_key] = event  # a second report in the batch joins it
            reports.append((run, extracted, event))
    if new_events:
        bulk_create_with_history(new_events, Event)

    participants, event_topics, evidence = {}, set(), []
    for run, extracted, event in reports:
        if not event.is_protected:
            for p in extracted.participants:
                if p.key in run.actors:
                    role = PARTICIPANT_ROLES.get(p.role, EventParticipant.Role.PARTICIPANT)
                    participants.setdefault((event.pk, run.actors[p.key].pk), role)
            event_topics.update((event.pk, topics[slug].pk) for slug in extracted.topics if slug in topics)
        evidence.append(EventEvidence(
            event=event, article=run.article, sentence=extracted.evidence_text, start=extracted.evidence_start,
            end=extracted.evidence_end, extractor_version=EXTRACTOR_VERSION, confidence=extracted.confidence,
        ))
        run.events.append((extracted.evidence_start, extracted.evidence_end, event))
    through = Event.topics.through
    # What the events made before this run already have: only what is new to them changes them.
    earlier = {event.pk for _run, _extracted, event in reports} - {event.pk for event in new_events}
    grown = set()
    if earlier:
        had = set(EventParticipant.objects.filter(event_id__in=list(earlier)).values_list("event_id", "actor_id"))
        grown |= {e for e, a in participants if e in earlier and (e, a) not in had}
        had = set(through.objects.filter(event_id__in=list(earlier)).values_list("event_id", "topic_id"))
        grown |= {e for e, t in event_topics if e in earlier and (e, t) not in had}
    EventParticipant.objects.bulk_create(
        [EventParticipant(event_id=e, actor_id=a, role=role) for (e, a), role in participants.items()],
        ignore_conflicts=True,
    )
    through.objects.bulk_create([through(event_id=e, topic_id=t) for e, t in event_topics], ignore_conflicts=True)
    # As plain rows (see _insert_ignoring_conflicts): a sentence already stored is skipped, a row that breaks a
    # check fails, on either database
    now = EventEvidence._meta.get_field("created_at").get_db_prep_value(timezone.now(), connection)
    _insert_ignoring_conflicts(
        EventEvidence,
        ["event_id", "article_id", "sentence", "start", "end", "extractor_version", "confidence", "created_at"],
        [(row.event.pk, row.article.pk, row.sentence, row.start, row.end, row.extractor_version, row.confidence, now)
         for row in evidence],
    )
    # Sentences already on an event an editor reviewed stayed (see placed) and were not inserted again.
    kept = {(event_id, article_id, start) for (article_id, start), event_id in placed.items()}
    added = {(row.event.pk, row.article.pk, row.start) for row in evidence if row.event.pk in earlier}
    return added - kept, grown


def _store_statements(runs: list[_Run], topics: dict[str, Topic]) -> None:
    """Upsert the articles' quotes by their characters: same span, same row (and id).

    Rows are locked before they are read, so an editor's save either lands before (the row is
    then protected and skipped) or after this run (and overwrites it): never in between.
    """
    existing = {
        (st.article_id, st.start, st.end): st
        for st in Statement.objects.select_for_update().filter(article_id__in=[r.article.pk for r in runs])
    }
    fields = ["speaker", "speaker_description", "text", "direct", "said_on", "said_on_precision", "event",
              "extractor_version", "confidence"]
    to_create, to_update, row_topics = [], [], []
    for run in runs:
        article = run.article
        # a speaker the article only describes has no Actor row (see _resolve_actors): keep its words
        described = {a.key: a.name for a in run.extraction.actors if a.described}
        for s in run.extraction.statements:
            row = existing.pop((article.pk, s.start, s.end), None)
            if row is not None and row.is_protected:
                continue  # an editor verified, fixed or rejected this quote
            row = row or Statement(article=article, start=s.start, end=s.end)
            row.speaker = run.actors.get(s.speaker) if s.speaker else None
            row.speaker_description = described.get(s.speaker, "")[:200] if row.speaker is None else ""
            row.text = article.text[s.start:s.end]
            row.direct = s.direct
            row.said_on = s.date
            row.said_on_precision = s.date_precision if s.date else "unknown"
            row.event = next((ev for start, end, ev in run.events if start <= s.start < end), None)
            row.extractor_version = EXTRACTOR_VERSION
            row.confidence = s.confidence
            (to_update if row.pk else to_create).append(row)
            row_topics.append((row, [topics[t] for t in s.topics if t in topics]))
            run.statements += 1
    stale = [st.pk for st in existing.values() if not st.is_protected]
    if stale:
        Statement.objects.filter(pk__in=stale, review_state=UNREVIEWED).delete()
    Statement.objects.bulk_update(to_update, fields)
    Statement.objects.bulk_create(to_create)
    through = Statement.topics.through
    if to_update:
        through.objects.filter(statement_id__in=[st.pk for st in to_update]).delete()
    through.objects.bulk_create(
        [through(statement_id=st.pk, topic_id=t.pk) for st, ts in row_topics for t in ts], ignore_conflicts=True
    )


def _finish_articles(runs: list[_Run], topics: dict[str, Topic]) -> None:
    """Tag the articles with their topics and mark them extracted, with this extractor's version."""
    ids = [run.article.pk for run in runs]
    through = Article.topics.through
    through.objects.filter(article_id__in=ids).delete()
    through.objects.bulk_create([
        through(article_id=run.article.pk, topic_id=topics[slug].pk)
        for run in runs for slug in dict.fromkeys(run.extraction.topics) if slug in topics
    ])
    now = timezone.now()
    # One UPDATE for the batch (a bulk_update would build a CASE per field and row).
    Article.objects.filter(pk__in=ids).update(
        status=Article.Status.EXTRACTED, claim_token="", error="", extractor_version=EXTRACTOR_VERSION,
        extracted_at=now, status_changed_at=now, updated_at=now, extraction_attempts=0,  # failures in a row count
    )
    detected: dict[str, list[int]] = {}
    for run in runs:
        if run.extraction.language and not run.article.language:
            detected.setdefault(run.extraction.language, []).append(run.article.pk)
    for language, pks in detected.items():  # articles that came with no language keep the one read
        Article.objects.filter(pk__in=pks).update(language=language)
