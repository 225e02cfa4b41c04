"""Small factories for tests that need rows without running the pipeline. Shared: add, don't change."""

from __future__ import annotations

import datetime as dt
import itertools

from apps.ingestion.models import Article, Source
from apps.records.models import (
    Actor,
    Alias,
    DatePrecision,
    Event,
    EventEvidence,
    EventParticipant,
    Statement,
    Topic,
)

_counter = itertools.count(1)


def make_source(name: str = "", **extra) -> Source:
    return Source.objects.create(name=name or f"Source {next(_counter)}", **extra)


def make_article(*, title: str = "", text: str = "", language: str = "en", published=None, **extra) -> Article:
    n = next(_counter)
    published = published or dt.datetime(2025, 9, 4, 9, 0, tzinfo=dt.timezone.utc)
    if isinstance(published, dt.date) and not isinstance(published, dt.datetime):
        published = dt.datetime(published.year, published.month, published.day, 9, tzinfo=dt.timezone.utc)
    fields = {
        "via": Article.Via.PASTE,
        "title": title or f"Article {n}",
        "text": text or f"Text of article {n} about the talks.",
        "language": language,
        "url": f"https://news.example/{n}",
        "published_at": published,
        "status": Article.Status.EXTRACTED,
        **extra,
    }
    return Article.objects.create(**fields)


def make_actor(name: str, *, kind: str = Actor.Kind.PERSON, country: str = "", aliases=(), **extra) -> Actor:
    actor = Actor.objects.create(name=name, kind=kind, country=country, **extra)
    for alias in aliases:
        Alias.objects.create(actor=actor, name=alias)
    return actor


def make_topic(slug: str, name_en: str = "", name_fr: str = "") -> Topic:
    return Topic.objects.create(slug=slug, name_en=name_en or slug.title(), name_fr=name_fr or name_en or slug.title())


def make_event(
    title: str = "",
    *,
    date: dt.date | None = dt.date(2025, 9, 4),
    precision: str | None = None,
    kind: str = Event.Kind.MEETING,
    actors=(),
    topics=(),
    evidence=(),
    **extra,
) -> Event:
    """An event; `evidence` is a list of (article, sentence) pairs."""
    precision = precision or (DatePrecision.DAY if date else DatePrecision.UNKNOWN)
    event = Event.objects.create(
        title=title or f"Event {next(_counter)}", kind=kind, date=date, date_precision=precision, **extra
    )
    for actor in actors:
        EventParticipant.objects.create(event=event, actor=actor)
    if topics:
        event.topics.add(*topics)
    for article, sentence in evidence:
        start = max(article.text.find(sentence), 0)
        EventEvidence.objects.create(
            event=event, article=article, sentence=sentence, start=start, end=start + max(len(sentence), 1)
        )
    return event


def make_statement(text: str, *, speaker: Actor | None = None, article: Article | None = None,
                   said_on: dt.date | None = dt.date(2025, 9, 4), event: Event | None = None, **extra) -> Statement:
    article = article or make_article(text=f"Preamble. {text} End.")
    # Spans are unique per article: shift by the statements it already has.
    start = max(article.text.find(text), 0) + Statement.objects.filter(article=article).count()
    return Statement.objects.create(
        text=text, speaker=speaker, article=article, start=start, end=start + len(text),
        said_on=said_on, said_on_precision=DatePrecision.DAY if said_on else DatePrecision.UNKNOWN,
        event=event, **extra,
    )
