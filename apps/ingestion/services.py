"""Writes of the ingestion side: store an article once, then queue its next step on commit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from apps.ingestion.models import Article, Source, content_hash


class InvalidArticle(ValueError):
    """The input cannot become an article; the message says why, in words an editor can act on."""


@dataclass(frozen=True)
class Stored:
    article: Article
    created: bool


def parse_published(value) -> dt.datetime | None:
    """Accept an ISO date or datetime; a bare date means midnight UTC of that day."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    text = str(value).strip()
    parsed = parse_datetime(text)
    if parsed is None:
        day = parse_date(text)
        if day is None:
            raise InvalidArticle(f"published {text!r} is not an ISO date or datetime")
        parsed = dt.datetime(day.year, day.month, day.day)
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, dt.timezone.utc)


def queue_extraction(article_id: int) -> None:
    """Queue extraction once the surrounding transaction has committed."""
    from apps.extraction.tasks import extract_article

    transaction.on_commit(lambda: extract_article.delay(article_id))


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
    """Store an article whose text is known, or return the one already stored with that text or URL."""
    text = (text or "").replace("\x00", "")
    if not text.strip():
        raise InvalidArticle("the article has no text")
    published_at = parse_published(published)
    digest = content_hash(text)
    existing = Article.objects.filter(content_hash=digest).first() or (
        Article.objects.filter(url=url).first() if url else None
    )
    if existing:
        return Stored(existing, created=False)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                source=source, via=via, url=url or None, title=(title or "")[:500], byline=byline[:500],
                published_at=published_at, language=(language or "")[:8], text=text,
                external_id=external_id[:200], status=Article.Status.FETCHED,
            )
            if extract:
                queue_extraction(article.pk)
    except IntegrityError:
        # Another worker stored the same text or URL between our check and our insert.
        existing = Article.objects.filter(content_hash=digest).first() or Article.objects.filter(url=url).first()
        if existing is None:
            raise
        return Stored(existing, created=False)
    return Stored(article, created=True)
