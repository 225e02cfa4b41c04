"""Helpers shared by the pipeline tests: build an article, read it once, find things in the result."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from apps.extraction.pipeline import ArticleInput, Extraction, Gazetteer, extract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


def article(text: str, *, published: str = "2025-09-04", language: str | None = "fr", title: str | None = None,
            source: str = "Parley tests") -> ArticleInput:
    """An article made of a text written in the test."""
    return ArticleInput(id="test", url=None, source=source, language=language,
                        published=datetime.date.fromisoformat(published), title=title, text=text)


def fixture_article(name: str) -> ArticleInput:
    """One of the annotated articles in tests/fixtures/articles."""
    data = json.loads((FIXTURES / f"{name}.article.json").read_text(encoding="utf-8"))
    return ArticleInput(id=data["id"], url=data.get("url"), source=data.get("source", ""),
                        language=data.get("language"), published=datetime.date.fromisoformat(data["published"][:10]),
                        title=data.get("title"), text=data["text"])


def read(text: str, gazetteer: Gazetteer | None = None, **kwargs) -> Extraction:
    """Extract from a text written in the test."""
    return extract(article(text, **kwargs), gazetteer=gazetteer)


def names(extraction: Extraction) -> set[str]:
    """Canonical names of the actors found (places left out)."""
    return {a.name for a in extraction.actors if a.kind != "place"}


def parties(extraction: Extraction, event) -> set[str]:
    """The canonical names of an event's participants."""
    return {extraction.actor(p.key).name for p in event.participants}


def dated_events(extraction: Extraction, kind: str) -> list[tuple[str | None, tuple[str, ...], str | None]]:
    """The events of a kind as (ISO day or None, sorted party names, place), in date order."""
    return sorted(((e.date.isoformat() if e.date else None, tuple(sorted(parties(extraction, e))), e.location)
                   for e in extraction.events if e.kind == kind), key=lambda e: (e[0] or "", e[1]))


def speaker_of(extraction: Extraction, fragment: str, *, direct: bool = True) -> str | None:
    """The canonical name of who said the statement containing a fragment."""
    st = next(s for s in extraction.statements if fragment in s.text and s.direct == direct)
    actor = extraction.actor(st.speaker)
    return actor.name if actor else None
