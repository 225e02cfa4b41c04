"""Rows as the extractor leaves them, for the review tool's tests (plain functions, no fixtures)."""

from __future__ import annotations

import datetime as dt

from apps.ingestion.models import Article, Source
from apps.records.models import Actor, Alias, Event, EventEvidence, EventParticipant, Mention, Statement

MACHINE = "test-extractor-1"

TEXT = (
    "Vladimir Putin met Steve Witkoff in Moscow on Thursday. "
    "“We are ready to talk,” Putin said. "
    "Poutine later added that talks would continue."
)


def article(text: str = TEXT, **extra) -> Article:
    fields = {"via": Article.Via.PASTE, "title": "Putin meets Witkoff", "text": text, "language": "en",
              "status": Article.Status.EXTRACTED, **extra}
    return Article.objects.create(**fields)


def source(name: str = "Wire") -> Source:
    return Source.objects.create(name=name, kind=Source.Kind.WIRE)


def actor(name: str, *, kind: str = Actor.Kind.PERSON, confidence: float = 0.9, **extra) -> Actor:
    return Actor.objects.create(name=name, kind=kind, extractor_version=MACHINE, confidence=confidence, **extra)


def alias(of: Actor, name: str, origin: str = Alias.Origin.MACHINE) -> Alias:
    return Alias.objects.create(actor=of, name=name, origin=origin)


def mention(in_article: Article, of: Actor, surface: str, *, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = in_article.text.index(surface, start + 1)
    return Mention.objects.create(article=in_article, actor=of, start=start, end=start + len(surface), text=surface,
                                  extractor_version=MACHINE, confidence=0.8)


def statement(in_article: Article, speaker: Actor | None, quote: str, *, confidence: float = 0.7, **extra) -> Statement:
    # bulk_create, as the extractor stores them: no history row until an editor touches it.
    start = in_article.text.index(quote)
    fields = {"direct": True, "extractor_version": MACHINE, **extra}
    (row,) = Statement.objects.bulk_create([Statement(
        article=in_article, speaker=speaker, text=quote, start=start, end=start + len(quote), confidence=confidence,
        **fields,
    )])
    return row


def event(title: str, *, date=dt.date(2025, 3, 13), confidence: float = 0.6, **extra) -> Event:
    fields = {"kind": Event.Kind.MEETING, "date": date, "date_precision": "day", "extractor_version": MACHINE, **extra}
    return Event.objects.create(title=title, confidence=confidence, **fields)


def evidence(of: Event, in_article: Article, sentence: str) -> EventEvidence:
    start = in_article.text.index(sentence)
    return EventEvidence.objects.create(event=of, article=in_article, sentence=sentence, start=start,
                                        end=start + len(sentence), extractor_version=MACHINE, confidence=0.6)


def participant(of: Event, who: Actor, role: str = EventParticipant.Role.PARTICIPANT) -> EventParticipant:
    return EventParticipant.objects.create(event=of, actor=who, role=role)


def change_form_data(response) -> dict:
    """The POST body the admin change form would send unchanged, from the rendered form's values."""
    data: dict = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, (list, tuple)):
                data[key] = [str(getattr(v, "pk", v)) for v in value]
            else:
                data[key] = str(getattr(value, "pk", value))

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data
