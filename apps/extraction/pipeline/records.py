"""The data classes the pipeline takes in and gives out."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class ArticleInput:
    """One news article to read: the text and what is known about it."""

    id: str
    url: str | None
    source: str
    language: str | None
    published: datetime.date
    title: str | None
    text: str


@dataclass
class Mention:
    """One surface form of an actor in the article text (character offsets into article.text)."""

    start: int
    end: int
    text: str


@dataclass
class Actor:
    """One real-world person, organization, country, group or place named by the article."""

    key: str  # gazetteer key, or "new:<normalized name>" for actors the gazetteer does not know
    name: str
    kind: str  # person | organization | country | group | place
    country: str | None = None
    role: str = ""
    wikidata: str | None = None
    is_new: bool = False
    confidence: float = 1.0
    media: bool = False
    mentions: list[Mention] = field(default_factory=list)
    # named only as the text describes it ("a spokeswoman", « un diplomate européen »): a speaker, but no
    # one the reader can identify, so the contract's list of actors leaves it out
    described: bool = False


@dataclass
class Statement:
    """Words an actor said: quoted (direct) or reported (indirect)."""

    speaker: str | None  # actor key
    text: str
    start: int
    end: int
    direct: bool
    date: datetime.date | None
    date_precision: str  # day | week | month | year | unknown
    date_inferred: bool  # True when no cue in the text dated it (publication date or the speaker's earlier date)
    confidence: float
    sentence_start: int
    sentence_end: int
    topics: list[str] = field(default_factory=list)
    # how the speaker was found: transcript-label, speech-title, subject-of-verb, source-phrase,
    # inside-quote, pronoun, description, carry-over, subject-of-clause, nearest-mention ("" for none)
    basis: str = ""


@dataclass
class Participant:
    """An actor taking part in an event, with its role there."""

    key: str
    role: str  # agent | participant | host | target


@dataclass
class Event:
    """Something that happened or is scheduled: a meeting, a call, a visit…"""

    kind: str
    plover: str | None
    title: str
    date: datetime.date | None
    precision: str
    status: str  # occurred | planned | cancelled
    location: str | None
    participants: list[Participant]
    evidence_start: int
    evidence_end: int
    evidence_text: str
    confidence: float
    dedup_key: str
    date_inferred: bool = False
    topics: list[str] = field(default_factory=list)
    trigger_offsets: list[int] = field(default_factory=list)  # where the text names this event (merged reports too)
    titles: dict[str, str] = field(default_factory=dict)  # language → title; `title` is the article's language's
    basis: str = ""  # how it was read ("verb+args+date", "noun+undated"): what `confidence` is derived from


@dataclass
class Extraction:
    """Everything read from one article."""

    article_id: str
    language: str
    extractor_version: str
    authors: list[str]
    actors: list[Actor]
    statements: list[Statement]
    events: list[Event]
    topics: list[str]

    def actor(self, key: str | None) -> Actor | None:
        """The actor with this key, or None."""
        if key is None:
            return None
        return next((a for a in self.actors if a.key == key), None)
