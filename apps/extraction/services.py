"""Store what the pipeline read in an article: one extraction run is one transaction.

The rule that matters most: the machine only ever replaces rows that are still UNREVIEWED.
What an editor verified, rejected or locked is never changed, deleted or created again.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone

from apps.extraction.gazetteer_db import load_gazetteer, load_topic_matcher
from apps.extraction.reference_data import load_actors
from apps.extraction.pipeline import EXTRACTOR_VERSION, ArticleInput, extract, extract_many
from apps.ingestion.models import Article
from apps.timeline.models import (
    Actor,
    Alias,
    Event,
    EventEvidence,
    EventParticipant,
    Mention,
    ReviewState,
    Statement,
    Topic,
    normalize_name,
)

log = logging.getLogger(__name__)

UNREVIEWED = ReviewState.UNREVIEWED
# Lost connections and lock timeouts: the task retries them rather than failing the article.
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError)
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


def claim(article_ids: list[int], *, token: str = "") -> list[int]:
    """Mark articles EXTRACTING with a conditional update, so two workers never take the same one.

    A retry of the task that holds the claim (same token) takes it back at once; a claim older
    than the hard time limit belongs to a dead worker and may be taken by anyone.
    """
    now = timezone.now()
    claimable = Q(status=Article.Status.FETCHED) | Q(
        status=Article.Status.EXTRACTING, status_changed_at__lt=now - _claim_window()
    )
    if token:
        claimable |= Q(status=Article.Status.EXTRACTING, claim_token=token)
    claimed = []
    for article_id in article_ids:
        taken = Article.objects.filter(claimable, pk=article_id).update(
            status=Article.Status.EXTRACTING, status_changed_at=now, claim_token=token, attempts=F("attempts") + 1
        )
        if taken:
            claimed.append(article_id)
    return claimed


def release_claim(article_ids: list[int]) -> None:
    """Give articles back (a transient error): the retry or the sweep will claim them again."""
    Article.objects.filter(pk__in=article_ids, status=Article.Status.EXTRACTING).update(
        status=Article.Status.FETCHED, status_changed_at=timezone.now()
    )


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
    """Claim, read (one spaCy pass for the batch) and store each article in its own transaction."""
    summary = RunSummary()
    claimed = claim(article_ids, token=token)
    summary.skipped = [i for i in article_ids if i not in claimed]
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
    gazetteer, topics = load_gazetteer(), load_topic_matcher()
    try:
        results = extract_many(inputs, gazetteer=gazetteer, topics=topics)
    except Exception:
        # Find the article that breaks the batch; the others must not pay for it.
        results = []
        for item in inputs:
            try:
                results.append(extract(item, gazetteer=gazetteer, topics=topics))
            except Exception as exc:
                log.exception("extraction of article %s failed", item.id)
                results.append(exc)
    for article, result in zip(articles, results):
        if isinstance(result, Exception):
            record_failure(article.pk, f"extraction failed: {type(result).__name__}: {result}")
            summary.failed[article.pk] = str(result)
            continue
        try:
            counts = store_extraction(article, result)
        except TRANSIENT_DB_ERRORS:
            raise  # the task retries these
        except Exception as exc:
            log.exception("storing the extraction of article %s failed", article.pk)
            record_failure(article.pk, f"storing the extraction failed: {type(exc).__name__}: {exc}")
            summary.failed[article.pk] = str(exc)
            continue
        summary.extracted.append(article.pk)
        summary.statements += counts["statements"]
        summary.events += counts["events"]
        summary.mentions += counts["mentions"]
    return summary


@transaction.atomic
def store_extraction(article: Article, extraction) -> dict[str, int]:
    """Replace the article's unreviewed machine rows with this run's; leave editors' rows alone."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != Article.Status.EXTRACTING:
        # Someone else finished or an editor changed the article meanwhile: do nothing.
        return {"statements": 0, "events": 0, "mentions": 0}

    touched_events = _forget_previous_run(locked)
    actors = _resolve_actors(locked, extraction)
    topics = _topics_by_slug(extraction)

    mentions = [
        Mention(
            article=locked, actor=actors[a.key], start=m.start, end=m.end, text=m.text[:300],
            extractor_version=EXTRACTOR_VERSION, confidence=a.confidence,
        )
        for a in extraction.actors
        if a.key in actors
        for m in a.mentions
    ]
    Mention.objects.bulk_create(mentions, ignore_conflicts=True)

    events = _store_events(locked, extraction, actors, topics)
    statements = _store_statements(locked, extraction, actors, topics, events)
    _drop_orphan_events(touched_events)

    locked.topics.set([topics[s] for s in extraction.topics if s in topics])
    if extraction.language and not locked.language:
        locked.language = extraction.language
    locked.status = Article.Status.EXTRACTED
    locked.claim_token = ""
    locked.error = ""
    locked.extractor_version = EXTRACTOR_VERSION
    locked.extracted_at = locked.status_changed_at = timezone.now()
    locked.save(update_fields=[
        "language", "status", "claim_token", "error", "extractor_version", "extracted_at", "status_changed_at", "updated_at",
    ])
    return {"statements": statements, "events": len(events), "mentions": len(mentions)}


def _forget_previous_run(article: Article) -> list[int]:
    """Drop this article's unreviewed mentions and evidence from an earlier run; reviewed rows stay.

    Returns the events that lost evidence: the ones this run does not find again are removed
    once it is stored. Statements are not dropped here but updated in place (see
    _store_statements), so a quote keeps its id while an editor has it open.
    """
    Mention.objects.filter(article=article, review_state=UNREVIEWED).delete()
    evidence = EventEvidence.objects.filter(article=article, event__review_state=UNREVIEWED)
    touched = list(evidence.values_list("event_id", flat=True))
    evidence.delete()
    return touched


def _drop_orphan_events(event_ids: list[int]) -> None:
    """Remove unreviewed events no article reports any more; an editor's events always stay."""
    orphans = Event.objects.select_for_update(of=("self",)).filter(
        pk__in=event_ids, review_state=UNREVIEWED, evidence__isnull=True
    )
    Event.objects.filter(pk__in=list(orphans.values_list("pk", flat=True)), review_state=UNREVIEWED).delete()


def _resolve_actors(article: Article, extraction) -> dict[str, Actor]:
    """Map each extracted actor key to an Actor row, creating unknown people as unreviewed actors."""
    by_key: dict[str, Actor] = {}
    extracted_actors = [a for a in extraction.actors if a.kind in Actor.Kind.values]  # places are not actors
    gazetteer_keys = [a.key for a in extracted_actors if not a.is_new and not a.key.startswith("db:")]
    existing = {a.gazetteer_key: a for a in Actor.objects.filter(gazetteer_key__in=gazetteer_keys)}
    missing = set(gazetteer_keys) - set(existing)
    if missing and load_actors(missing):  # curated actors named for the first time, with all their aliases
        existing.update({a.gazetteer_key: a for a in Actor.objects.filter(gazetteer_key__in=missing)})
    db_ids = [int(a.key[3:]) for a in extracted_actors if a.key.startswith("db:")]
    existing.update({f"db:{a.pk}": a for a in Actor.objects.filter(pk__in=db_ids)})
    new_names = {normalize_name(a.name): a for a in extracted_actors if a.is_new}
    aliases = {
        al.normalized: al.actor
        for al in Alias.objects.select_related("actor").filter(normalized__in=list(new_names))
    }
    for extracted in extracted_actors:
        actor = existing.get(extracted.key) if not extracted.is_new else aliases.get(normalize_name(extracted.name))
        if actor is not None:
            while actor.merged_into_id:  # follow an editor's merge to the actor that was kept
                actor = actor.merged_into
            if actor.review_state == ReviewState.REJECTED:
                continue  # an editor said this is not an actor: never bring it back
            by_key[extracted.key] = actor
            continue
        actor = Actor.objects.create(
            name=extracted.name[:200],
            kind=extracted.kind,
            country=(extracted.country or "")[:2],
            role=(extracted.role or "")[:200],
            wikidata_id=_free_wikidata(extracted.wikidata),
            review_state=UNREVIEWED,  # a name the gazetteer does not know waits for an editor
            extractor_version=EXTRACTOR_VERSION,
            confidence=extracted.confidence,
            first_seen_in=article,
        )
        Alias.objects.bulk_create(
            [Alias(actor=actor, name=extracted.name[:200], normalized=normalize_name(extracted.name),
                   origin=Alias.Origin.MACHINE)],
            ignore_conflicts=True,
        )
        by_key[extracted.key] = actor
    return by_key


def _free_wikidata(wikidata: str | None) -> str:
    if not wikidata or Actor.objects.filter(wikidata_id=wikidata).exists():
        return ""
    return wikidata


def _topics_by_slug(extraction) -> dict[str, Topic]:
    slugs = set(extraction.topics)
    for e in extraction.events:
        slugs.update(e.topics)
    for s in extraction.statements:
        slugs.update(s.topics)
    return {t.slug: t for t in Topic.objects.filter(slug__in=slugs)}


def _store_events(article: Article, extraction, actors: dict[str, Actor], topics: dict[str, Topic]) -> list[tuple]:
    """One Event per dedup key across all articles; this article adds its evidence sentence."""
    stored = []
    # Sentences of this article an editor already placed on a reviewed event (kept there, or
    # moved off to a new one): the editor decided what they report.
    placed = {
        start: event_id
        for start, event_id in EventEvidence.objects.filter(article=article)
        .exclude(event__review_state=UNREVIEWED)
        .values_list("start", "event_id")
    }
    for extracted in extraction.events:
        event = (
            # Locked, so an editor's concurrent save of this event waits for us or we for it.
            Event.objects.select_for_update().filter(dedup_key=extracted.dedup_key).order_by("pk").first()
            if extracted.dedup_key else None
        )
        while event is not None and event.merged_into_id:  # an editor merged it: report on the kept one
            event = event.merged_into
        if event is not None and event.review_state == ReviewState.REJECTED:
            continue  # an editor rejected this event: more sources do not bring it back
        if extracted.evidence_start in placed and (event is None or placed[extracted.evidence_start] != event.pk):
            continue
        if event is None:
            event = Event.objects.create(
                title=extracted.title[:300], kind=extracted.kind, plover_category=extracted.plover or "",
                date=extracted.date, date_precision=extracted.precision if extracted.date else "unknown",
                status=extracted.status, location=(extracted.location or "")[:200],
                dedup_key=extracted.dedup_key[:200], extractor_version=EXTRACTOR_VERSION,
                confidence=extracted.confidence,
            )
        if not event.is_protected:
            EventParticipant.objects.bulk_create(
                [
                    EventParticipant(
                        event=event, actor=actors[p.key],
                        role=PARTICIPANT_ROLES.get(p.role, EventParticipant.Role.PARTICIPANT),
                    )
                    for p in extracted.participants
                    if p.key in actors
                ],
                ignore_conflicts=True,
            )
            event.topics.add(*[topics[s] for s in extracted.topics if s in topics])
        EventEvidence.objects.bulk_create(
            [EventEvidence(event=event, article=article, sentence=extracted.evidence_text,
                           start=extracted.evidence_start, end=extracted.evidence_end,
                           extractor_version=EXTRACTOR_VERSION, confidence=extracted.confidence)],
            ignore_conflicts=True,
        )
        stored.append((extracted.evidence_start, extracted.evidence_end, event))
    return stored


def _store_statements(article, extraction, actors, topics, events) -> int:
    """Upsert the article's quotes by their characters: same span, same row (and id).

    Rows are locked before they are read, so an editor's save either lands before (the row is
    then protected and skipped) or after this run (and overwrites it): never in between.
    """
    existing = {
        (st.start, st.end): st
        for st in Statement.objects.select_for_update().filter(article=article)
    }
    fields = ["speaker", "text", "direct", "said_on", "said_on_precision", "event", "extractor_version", "confidence"]
    to_create, to_update, row_topics = [], [], []
    for s in extraction.statements:
        row = existing.pop((s.start, s.end), None)
        if row is not None and row.is_protected:
            continue  # an editor verified, fixed or rejected this quote
        row = row or Statement(article=article, start=s.start, end=s.end)
        row.speaker = actors.get(s.speaker) if s.speaker else None
        row.text = article.text[s.start:s.end]
        row.direct = s.direct
        row.said_on = s.date
        row.said_on_precision = s.date_precision if s.date else "unknown"
        row.event = next((ev for start, end, ev in events if start <= s.start < end), None)
        row.extractor_version = EXTRACTOR_VERSION
        row.confidence = s.confidence
        (to_update if row.pk else to_create).append(row)
        row_topics.append((row, [topics[t] for t in s.topics if t in topics]))
    stale = [st.pk for st in existing.values() if not st.is_protected]
    Statement.objects.filter(pk__in=stale, review_state=UNREVIEWED).delete()
    Statement.objects.bulk_update(to_update, fields)
    Statement.objects.bulk_create(to_create)
    through = Statement.topics.through
    through.objects.filter(statement_id__in=[st.pk for st in to_update]).delete()
    through.objects.bulk_create(
        [through(statement_id=st.pk, topic_id=t.pk) for st, ts in row_topics for t in ts], ignore_conflicts=True
    )
    return len(to_create) + len(to_update)
