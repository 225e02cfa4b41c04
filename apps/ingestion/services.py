"""Writes of the ingestion side: store an article once, then queue its next step on commit."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from celery import current_app
from django.db import IntegrityError, connection, transaction
from django.db.utils import Error as DBError  # any error of the database layer, InterfaceError included
from django.db.models import F, Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from kombu.exceptions import OperationalError as KombuOperationalError

from apps.ingestion.dedup import canonical_url, find_near_duplicate, simhash
from apps.ingestion.extract_page import PageContent, detect_language
from apps.ingestion.fetch import FetchError, check_url
from apps.ingestion.models import Article, Source, content_hash
from apps.ingestion.records import Record

log = logging.getLogger(__name__)


class InvalidArticle(ValueError):
    """The input cannot become an article; the message says why, in words an editor can act on."""


@dataclass(frozen=True)
class Stored:
    article: Article
    created: bool

    @property
    def duplicate(self) -> bool:
        """True when the story was already there, as this very text or URL or as a near-copy."""
        return not self.created or self.article.status == Article.Status.DUPLICATE


def parse_published(value) -> dt.datetime | None:
    """Accept an ISO date or datetime; a bare date means midnight UTC of that day."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    text = str(value).strip()
    try:
        parsed = parse_datetime(text)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            day = parse_date(text)
        except ValueError:
            day = None
        if day is None:
            raise InvalidArticle(f"published {text!r} is not an ISO date or datetime")
        parsed = dt.datetime(day.year, day.month, day.day)
    parsed = parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, dt.timezone.utc)
    try:
        parsed.astimezone(dt.timezone.utc)  # what the database stores: 9999-12-31T23:59-14:00 is year 10000
    except OverflowError:
        raise InvalidArticle(f"published {text!r} is out of range") from None
    return parsed


def clean_url(url: str | None) -> str | None:
    """The canonical form of an article URL, or None; raise InvalidArticle for what is not an http(s) URL."""
    if not url or not str(url).strip():
        return None
    url = str(url).strip()
    if not url.lower().startswith(("http://", "https://")):
        raise InvalidArticle(f"{url[:200]!r} is not an http or https URL")
    try:
        canonical = canonical_url(url)
    except ValueError as exc:  # urlsplit: "http://[::1", "http://host:99999/"
        raise InvalidArticle(f"{url[:200]!r} is not a valid URL ({exc})") from None
    if len(canonical) > 1000:
        raise InvalidArticle("the URL is longer than 1000 characters")
    return canonical


def _nudge(task, *args) -> None:
    """Send a task; if the broker is down, say so and leave the row to the stuck-article sweep.

    The row is committed and its status says what is due: the message is only a nudge, and
    failing the request or the poll that stored the row would lose more than it saves.
    """
    try:
        task.delay(*args)
    except KombuOperationalError as exc:
        log.warning("could not queue %s%r (%s); the stuck-article sweep will", getattr(task, "name", task), args, exc)


# Extraction's tasks by name: ingestion imports nothing of the apps downstream of it
# (docs/architecture.md). The names keep the routes of config.settings.CELERY_TASK_ROUTES.
EXTRACT_ARTICLE = "apps.extraction.tasks.extract_article"
EXTRACT_ARTICLES = "apps.extraction.tasks.extract_articles"


def _task_named(name: str):
    """The registered task (so eager mode and its options apply), else a signature sent by name."""
    if name not in current_app.tasks:
        # Outside a worker nothing has imported the apps' tasks modules yet (Celery's autodiscovery
        # waits for a worker to start): a management command such as load_sample_data would send the
        # task by name, which eager mode ignores, and the quickstart's articles would never be read.
        current_app.loader.import_default_modules()
    try:
        return current_app.tasks[name]
    except KeyError:  # a process without apps.extraction installed: the broker routes it by name
        return current_app.signature(name)


def queue_extraction(article_id: int) -> None:
    """Queue extraction once the surrounding transaction has committed.

    With a worker the task is only sent. Inline (the quickstart, no Redis) it runs on commit, in
    the process and the request that asked: the review tool says beforehand how long that takes.
    """
    task = _task_named(EXTRACT_ARTICLE)
    transaction.on_commit(lambda: _nudge(task, article_id))


# Bulk imports and the sweep hand extraction articles in batches: one spaCy pass (nlp.pipe) each.
EXTRACTION_BATCH = 25


def queue_extraction_batches(article_ids: list[int]) -> None:
    """Queue extraction of many articles, in batches, once the surrounding transaction has committed."""
    task = _task_named(EXTRACT_ARTICLES)
    for start in range(0, len(article_ids), EXTRACTION_BATCH):
        batch = list(article_ids[start : start + EXTRACTION_BATCH])
        transaction.on_commit(lambda batch=batch: _nudge(task, batch))


def queue_fetch(article_id: int) -> None:
    """Queue the page fetch once the surrounding transaction has committed."""
    from apps.ingestion.tasks import fetch_article

    transaction.on_commit(lambda: _nudge(fetch_article, article_id))


def _language(language: str, source: Source | None, text: str) -> str:
    return (language or (source.language if source else "") or detect_language(text))[:8]


def store_article(
    *,
    text: str,
    title: str = "",
    via: str,
    source: Source | None = None,
    url: str | None = None,
    language: str = "",
    published=None,
    byline: str = "",
    external_id: str = "",
    extract: bool = True,
) -> Stored:
    """Store an article whose text is known, or return the one already stored with that text or URL.

    A near-copy of a recent article (SimHash) is stored as DUPLICATE, linked to its original,
    and not extracted.
    """
    text = (text or "").replace("\x00", "")
    if not text.strip():
        raise InvalidArticle("the article has no text")
    published_at = parse_published(published)
    url = clean_url(url)
    digest = content_hash(text)
    existing = Article.objects.filter(content_hash=digest).first() or (
        Article.objects.filter(url=url).first() if url else None
    )
    if existing:
        return Stored(existing, created=False)
    fingerprint = simhash(text)
    original = find_near_duplicate(fingerprint, text=text, published=published_at)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                source=source, via=via, url=url, title=(title or "")[:500], byline=(byline or "")[:500],
                published_at=published_at, language=_language(language, source, text), text=text,
                external_id=(external_id or "")[:200], simhash=fingerprint,
                status=Article.Status.DUPLICATE if original else Article.Status.FETCHED, duplicate_of=original,
            )
            if extract and not original:
                queue_extraction(article.pk)
    except IntegrityError:
        # Another worker stored the same text or URL between our check and our insert.
        existing = Article.objects.filter(content_hash=digest).first() or (
            Article.objects.filter(url=url).first() if url else None
        )
        if existing is None:
            raise
        return Stored(existing, created=False)
    return Stored(article, created=True)


def submit_url(
    *, url: str, via: str = Article.Via.URL, source: Source | None = None, title: str = "",
    published=None, external_id: str = "",
) -> Stored:
    """Create a PENDING article for a URL and queue its fetch, or return the article already at that URL."""
    canonical = clean_url(url)
    if canonical is None:
        raise InvalidArticle("no URL given")
    # Refuse at once what the URL itself shows the fetcher would refuse (a scheme, a private IP
    # literal), so the editor sees why right away; names are judged at connect time.
    try:
        check_url(url, resolve=False)
    except FetchError as exc:
        raise InvalidArticle(str(exc)) from None
    existing = Article.objects.filter(url=canonical).first()
    if existing:
        return Stored(existing, created=False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                source=source, via=via, url=canonical, submitted_url=url[:2000], title=(title or "")[:500],
                published_at=parse_published(published), external_id=(external_id or "")[:200],
                status=Article.Status.PENDING,
            )
            queue_fetch(article.pk)
    except IntegrityError:
        existing = Article.objects.filter(url=canonical).first()
        if existing is None:
            raise
        return Stored(existing, created=False)
    return Stored(article, created=True)


def start_fetch(article_id: int) -> Article | None:
    """Count an attempt on a PENDING article and return it; None when there is nothing to fetch."""
    with transaction.atomic():
        updated = Article.objects.filter(pk=article_id, status=Article.Status.PENDING).update(
            attempts=F("attempts") + 1, updated_at=timezone.now()
        )
        if not updated:
            return None
        return Article.objects.select_related("source").get(pk=article_id)


def keep_waiting(article_id: int) -> None:
    """Stamp a PENDING article whose fetch waits for its host's slot, so the stuck-article sweep leaves it be."""
    Article.objects.filter(pk=article_id, status=Article.Status.PENDING).update(status_changed_at=timezone.now())


def record_page(*, article_id: int, page: PageContent) -> Article | None:
    """Store a fetched page on its PENDING article, decide whether it is a copy, and queue extraction.

    Runs under a row lock and only from PENDING, so a second run of the same fetch (a redelivered
    task, the sweep) changes nothing: the first one to get here wins.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id, status=Article.Status.PENDING).first()
        if article is None:
            return None
        article.title = article.title or page.title[:500]
        article.byline = article.byline or page.byline[:500]
        if article.published_at is None and page.published:
            try:
                article.published_at = parse_published(page.published)
            except InvalidArticle:
                pass  # a date trafilatura misread is no reason to lose the article
        if not article.language:
            article.language = ((article.source.language if article.source else "") or page.language)[:8]
        article.error = ""
        article.status_changed_at = timezone.now()
        exact = Article.objects.filter(content_hash=content_hash(page.text)).exclude(pk=article.pk).first()
        if exact:
            # The same text under another URL: keep the row (its URL stays known) but not the text,
            # which the unique content constraint reserves for the original.
            article.duplicate_of = exact.duplicate_of or exact
            article.status = Article.Status.DUPLICATE
            article.save()
            return article
        article.text = page.text
        article.simhash = simhash(page.text)
        original = find_near_duplicate(article.simhash, text=page.text, published=article.published_at, exclude_id=article.pk)
        article.duplicate_of = original
        article.status = Article.Status.DUPLICATE if original else Article.Status.FETCHED
        try:
            with transaction.atomic():
                article.save()
        except IntegrityError:
            # Another worker stored this exact text a moment ago.
            exact = Article.objects.get(content_hash=content_hash(page.text))
            article.text, article.content_hash, article.simhash = "", "", None
            article.duplicate_of, article.status = exact.duplicate_of or exact, Article.Status.DUPLICATE
            article.save()
            return article
        if not original:
            queue_extraction(article.pk)
        return article


def note_fetch_retry(*, article_id: int, reason: str) -> None:
    """Keep why a try of a still-PENDING article's fetch failed; the status stays, a retry is queued."""
    Article.objects.filter(pk=article_id, status=Article.Status.PENDING).update(
        error=reason[:2000], updated_at=timezone.now()
    )


def record_fetch_failure(*, article_id: int, reason: str) -> None:
    """Mark a still-PENDING article FAILED with the reason an editor will read in the admin."""
    Article.objects.filter(pk=article_id, status=Article.Status.PENDING).update(
        status=Article.Status.FAILED, error=reason[:2000], status_changed_at=timezone.now(), updated_at=timezone.now()
    )


def retry_articles(*, articles) -> int:
    """Give failed articles another go: re-fetch those without text, re-extract those with it."""
    count = 0
    for article in articles.filter(status=Article.Status.FAILED):
        with transaction.atomic():
            if article.text.strip():
                # A fresh set of extraction runs: the editor may have fixed what made them fail.
                Article.objects.filter(pk=article.pk).update(extraction_attempts=0)
                article.set_status(Article.Status.FETCHED)
                queue_extraction(article.pk)
            elif article.url or article.submitted_url:
                Article.objects.filter(pk=article.pk).update(attempts=0)
                article.set_status(Article.Status.PENDING)
                queue_fetch(article.pk)
            else:
                continue
        count += 1
    return count


def refetch_articles(*, articles) -> int:
    """Fetch articles again from their URL; their current text stays until the new page arrives."""
    count = 0
    for article in articles.exclude(Q(url__isnull=True) & Q(submitted_url="")).exclude(status=Article.Status.EXTRACTING):
        with transaction.atomic():
            Article.objects.filter(pk=article.pk).update(
                status=Article.Status.PENDING, error="", attempts=0, status_changed_at=timezone.now(),
                duplicate_of=None, text="", content_hash="", simhash=None,
            )
            queue_fetch(article.pk)
        count += 1
    return count


# --- Bulk import --------------------------------------------------------------------------------

IMPORT_FIELDS = ("id", "url", "source", "language", "published", "title", "text")


@dataclass(frozen=True)
class ImportOutcome:
    outcome: str  # "new", "duplicate" or "failed"
    reason: str = ""
    article_id: int | None = None
    extractable: bool = False  # new, with its text, and not a near-copy: extraction is due


def _field(record: Mapping, name: str) -> str:
    """One field of an import record as text, NUL characters dropped (no database keeps them)."""
    value = record.get(name)
    if value is None:
        return ""
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # numeric ids are common in exports
    if not isinstance(value, str):
        kind = {dict: "an object", list: "a list", bool: "true or false"}.get(type(value), "a number")
        raise InvalidArticle(f"the field {name!r} must be text, not {kind}")
    return value.replace("\x00", "")


def import_record(record: Mapping, *, via: str = Article.Via.IMPORT, extract: bool = True) -> ImportOutcome:
    """Store one record with the fields of the eval articles (id, url, source, language, published, title, text).

    With extract=False the caller queues extraction itself (in batches, see ImportOutcome.extractable).
    """
    if not isinstance(record, Mapping):
        return ImportOutcome("failed", "not an object with the article fields")
    try:
        fields = {name: _field(record, name) for name in IMPORT_FIELDS}
        source = None
        source_name = fields["source"].strip()
        if source_name:
            source, _ = Source.objects.get_or_create(
                name=source_name[:200], defaults={"kind": Source.Kind.MANUAL, "language": ""}
            )
        if not fields["text"].strip():
            if fields["url"]:
                stored = submit_url(url=fields["url"], via=via, source=source, title=fields["title"],
                                    published=fields["published"], external_id=fields["id"])
                return ImportOutcome("new" if stored.created else "duplicate", "" if stored.created else "URL already stored", stored.article.pk)
            raise InvalidArticle("the record has neither text nor URL")
        stored = store_article(
            text=fields["text"], title=fields["title"], via=via, source=source, url=fields["url"],
            language=fields["language"], published=fields["published"], external_id=fields["id"], extract=extract,
        )
    except InvalidArticle as exc:
        return ImportOutcome("failed", str(exc))
    if not stored.created:
        return ImportOutcome("duplicate", f"same text or URL as article {stored.article.pk}", stored.article.pk)
    if stored.article.status == Article.Status.DUPLICATE:
        return ImportOutcome("duplicate", f"near-copy of article {stored.article.duplicate_of_id}", stored.article.pk)
    return ImportOutcome("new", "", stored.article.pk, extractable=stored.article.status == Article.Status.FETCHED)


@dataclass
class ImportSummary:
    counts: Counter[str] = field(default_factory=Counter)  # "new", "duplicate", "failed": one per record read
    failures: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)

    @property
    def read(self) -> int:
        return sum(self.counts.values())


def _import_alone(record: Record, *, via: str) -> ImportOutcome:
    if record.error:
        return ImportOutcome("failed", record.error)
    try:
        # A savepoint of its own, so a row the database refuses leaves the others' work intact.
        with transaction.atomic():
            return import_record(record.data, via=via, extract=False)
    except Exception as exc:
        # Whatever one row does (a text too long for the search index, a value no check foresaw)
        # must not cost the rows after it; the traceback goes to the log.
        if isinstance(exc, DBError) and not connection.is_usable():
            raise  # the database is gone, not this row: stop here; a second run skips what is stored
        log.exception("import: line %d refused by an unexpected error", record.line)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return ImportOutcome("failed", f"could not be stored: {reason[:300]}")


def import_records(records: Iterable[Record], *, via: str) -> ImportSummary:
    """Store each record alone and say what became of it; one record that fails never costs the others.

    Raise UnreadableFile (from the reader) when the file as a whole cannot be read.
    """
    summary = ImportSummary()
    # Queued in batches at the end; if the import dies first, the rows wait as FETCHED and the
    # stuck-article sweep queues them.
    to_extract: list[int] = []
    try:
        for record in records:
            outcome = _import_alone(record, via=via)
            summary.counts[outcome.outcome] += 1
            if outcome.outcome == "failed":
                summary.failures.append((record.line, outcome.reason))
            if outcome.extractable:
                to_extract.append(outcome.article_id)
    finally:
        queue_extraction_batches(to_extract)
    return summary
