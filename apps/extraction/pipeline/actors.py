"""Actor resolution: gazetteer names, titles, capitals as metonyms, spelling variants and new names."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .gazetteer import Alias, Gazetteer, Match, find_matches, fold, normalize
from .layout import Layout
from .records import Actor, Mention

PERSON_LABELS = {"PER", "PERSON"}
ORG_LABELS = {"ORG"}
_LOCATIVE = re.compile(
    r"(?:(?:\bà|\ben|\bau|\baux|\bdans|\bdepuis|\bvers|\bprès de|\bin|\bat|\bto|\bnear|\boutside|\binside|\binto)"
    r"\s+(?:la\s+|le\s+|l['’]|the\s+)?)$")
# "un porte-parole de la Maison Blanche" is some spokesperson, not the one who holds the post.
_INDEFINITE = re.compile(r"\b(?:un|une|a|an|one|des|deux|two|several|plusieurs)\s+$")
_FORMER = re.compile(r"(?:\b(?:ancien|ancienne|former|ex|l'ex|feu|late)[\s-]+(?:la\s+|le\s+|l'|the\s+)?)$")
_PARTICLES = {"de", "du", "von", "van", "der", "den", "al", "bin", "ben", "da", "di", "le", "la"}
# Words that spaCy sometimes tags as people or organizations but never name an actor on their own.
_NOT_NAMES = {"etat", "etats", "president", "presidente", "premier", "ministre", "secretaire", "general", "chef",
              "monsieur", "madame", "mr", "mrs", "ms", "sir", "lord", "le", "la", "les", "un", "une", "dans", "selon",
              "the", "a", "an", "but", "and", "et", "mais", "oval", "article", "state", "union"}
FUZZY_CUTOFF = 88  # conservative: "Zelenskyi" ≈ "Zelensky" (94), "Macon" ≠ "Macron" for a single word


@dataclass
class MentionRef:
    """A mention of an actor (key) at a span, and how it was recognised."""

    start: int
    end: int
    key: str
    via: str  # name | title | metonym | surname | fuzzy | new


@dataclass
class PlaceRef:
    """A place where something happens, as written in the text."""

    start: int
    end: int
    name: str


@dataclass
class ActorTable:
    """The actors of one article with every mention, and the places it names."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[MentionRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    metonyms: list[PlaceRef] = field(default_factory=list)  # capitals read as their country ("visit Washington")
    genders: dict[str, str | None] = field(default_factory=dict)

    def between(self, start: int, end: int, layout: Layout | None = None) -> list[MentionRef]:
        """Mentions inside [start, end), outside quotations when a layout is given."""
        return [m for m in self.mentions if start <= m.start and m.end <= end
                and not (layout and layout.in_quote[m.start])]

    def kind(self, key: str) -> str:
        """The kind of the actor with this key."""
        actor = self.actors.get(key)
        return actor.kind if actor else ""


def _locative(text: str, start: int) -> bool:
    """'à Paris', 'in London': a place, not the government it stands for."""
    return bool(_LOCATIVE.search(text[max(0, start - 14):start].lower()))


def _pick(aliases: tuple[Alias, ...], published: datetime.date) -> Alias | None:
    names = [a for a in aliases if not a.is_title]
    if names:
        return names[0]
    titles = [a for a in aliases if a.title and a.title.valid_on(published)]
    return titles[0] if len(titles) == 1 else None  # an ambiguous title names nobody


class _Builder:
    def __init__(self, text: str, gaz: Gazetteer, layout: Layout, published: datetime.date):
        self.text, self.gaz, self.layout, self.published = text, gaz, layout, published
        self.table = ActorTable()
        self.folded = fold(text)

    def add_mention(self, start: int, end: int, key: str, via: str, *, name: str | None = None, kind: str = "",
                    confidence: float = 1.0) -> None:
        actor = self.table.actors.get(key)
        if actor is None:
            entry = self.gaz.get(key)
            if entry:
                actor = Actor(key=key, name=entry.name, kind=entry.kind, country=entry.country, role=entry.role,
                              wikidata=entry.wikidata, is_new=False, confidence=1.0, media=entry.media)
                self.table.genders[key] = entry.gender
            else:
                actor = Actor(key=key, name=name or self.text[start:end], kind=kind or "person", is_new=True,
                              confidence=confidence)
                self.table.genders[key] = None
            self.table.actors[key] = actor
        actor.mentions.append(Mention(start, end, self.text[start:end]))
        self.table.mentions.append(MentionRef(start, end, key, via))


def resolve_actors(text: str, doc, tokens: list[tuple[int, int, str]], gaz: Gazetteer, layout: Layout,
                   published: datetime.date) -> ActorTable:
    """Every actor of the article with its mentions, one record per real-world actor."""
    b = _Builder(text, gaz, layout, published)
    matches = [m for m in find_matches(gaz, text, tokens) if not layout.is_excluded(m.start, m.end)]
    covered = bytearray(len(text))
    pending_titles: list[tuple[Match, Alias | None]] = []
    for i, match in enumerate(matches):
        covered[match.start:match.end] = b"\x01" * (match.end - match.start)
        if any(a.is_title for a in match.aliases) and not any(not a.is_title for a in match.aliases):
            pending_titles.append((match, _pick(match.aliases, published)))
            continue
        alias = _pick(match.aliases, published)
        if alias is None:
            continue
        _resolve_name(b, match, alias)
    new_people = _spacy_entities(b, doc, covered)
    _link_surnames(b, tokens, covered, new_people)
    _resolve_titles(b, pending_titles, tokens)
    b.table.mentions.sort(key=lambda m: (m.start, m.end))
    for actor in b.table.actors.values():
        actor.mentions.sort(key=lambda m: m.start)
    return b.table


def _resolve_name(b: _Builder, match: Match, alias: Alias) -> None:
    entry = b.gaz.get(alias.key)
    if entry is None:
        return
    locative = _locative(b.text, match.start) or any(s <= match.start < e for s, e in b.layout.datelines)
    if entry.kind == "place":
        if entry.metonym_of and not locative and b.gaz.get(entry.metonym_of):
            b.add_mention(match.start, match.end, entry.metonym_of, "metonym")  # "Moscou a rejeté…" = Russia
            b.table.metonyms.append(PlaceRef(match.start, match.end, entry.name))
        else:
            b.table.places.append(PlaceRef(match.start, match.end, entry.name))
        return
    if entry.location and locative:
        b.table.places.append(PlaceRef(match.start, match.end, entry.location))  # "à la Maison Blanche"
        return
    if entry.kind == "country" and locative:
        # "en Arabie saoudite": where it happens; the country is still named, but takes no part
        b.table.places.append(PlaceRef(match.start, match.end, entry.name))
        b.add_mention(match.start, match.end, entry.key, "locative")
        return
    b.add_mention(match.start, match.end, entry.key, "name")


def _resolve_titles(b: _Builder, pending: list[tuple[Match, Alias | None]], tokens) -> None:
    """Titles point at the person named right after them, else at the holder on the publication date."""
    by_start = {m.start: m for m in b.table.mentions}
    for match, alias in pending:
        if _FORMER.search(b.folded[max(0, match.start - 12):match.start]):
            continue
        indefinite = bool(_INDEFINITE.search(b.folded[max(0, match.start - 12):match.start]))
        follower = None
        gap = re.match(r"[\s,]{0,3}", b.text[match.end:match.end + 3])
        nxt = match.end + (gap.end() if gap else 0)
        follower = by_start.get(nxt)
        if follower and b.table.kind(follower.key) == "person":
            b.add_mention(match.start, match.end, follower.key, "title")
        elif alias is not None and not indefinite and not _followed_by_capitalized_name(b.text, nxt):
            b.add_mention(match.start, match.end, alias.key, "title")
        # the organisation inside a title is mentioned too: "secrétaire général de l'Otan" names NATO
        inner_tokens = [t for t in tokens if match.start <= t[0] and t[1] <= match.end]
        if len(inner_tokens) > 1:
            for inner in find_matches(b.gaz, b.text, inner_tokens, skip_span=(match.start, match.end)):
                inner_alias = _pick(inner.aliases, b.published)
                entry = b.gaz.get(inner_alias.key) if inner_alias else None
                if entry and entry.kind in ("organization", "group", "country"):
                    b.add_mention(inner.start, inner.end, entry.key, "name")


def _followed_by_capitalized_name(text: str, pos: int) -> bool:
    m = re.match(r"([A-ZÀ-Ý][\w\-]+)\s+([A-ZÀ-Ý][\w\-]+)", text[pos:pos + 60])
    return bool(m)


def _clean_entity(text: str) -> str:
    text = re.sub(r"^(?:the|l['’]|le|la|les)\s*", "", text.strip(), flags=re.I)
    text = re.sub(r"(?:['’]s|['’])$", "", text)
    return text.strip(" ,.;:-–—\"'“”«»()")


def _spacy_entities(b: _Builder, doc, covered: bytearray) -> dict[str, str]:
    """Names spaCy finds that the gazetteer does not know: spelling variants or new actors."""
    forms = b.gaz.person_forms()
    choices = list(forms)
    authors = {normalize(a) for a in b.layout.authors}
    author_words = {w for a in authors for w in a.split()}
    new_people: dict[str, str] = {}  # surname (folded) → key
    for ent in doc.ents:
        if ent.label_ not in PERSON_LABELS | ORG_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        raw = b.text[start:end]
        if "\n" in raw.strip() or any(covered[start:end]) or b.layout.is_excluded(start, end):
            continue
        if b.layout.is_heading(start) or b.layout.in_quote[start]:
            continue  # headings are not names; names inside quotes are the speaker's words
        name = _clean_entity(raw)
        if len(name) < 3 or b.gaz.is_rejected(name):
            continue
        offset = raw.find(name)
        start, end = start + max(offset, 0), start + max(offset, 0) + len(name)
        norm = normalize(name)
        words = norm.split()
        if not words:
            continue  # only invisible characters (zero-width, bidi marks): nothing to name
        if norm in authors or (len(words) == 1 and words[0] in author_words) or words[0] in _NOT_NAMES:
            continue
        letters = [c for c in name if c.isalpha()]
        if ent.label_ in PERSON_LABELS:
            best = process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best and (len(words) > 1 or len(norm) >= 5) and norm[:1] == best[0][:1]:
                b.add_mention(start, end, forms[best[0]], "fuzzy")
                covered[start:end] = b"\x01" * (end - start)
                continue
            tokens = name.split()
            if len(tokens) < 2 or not all(t[:1].isupper() or t.lower() in _PARTICLES for t in tokens):
                continue  # a lone unknown word is too weak to make an actor of
            if all(c.isupper() for c in letters):
                continue
            key = "new:" + norm
            b.add_mention(start, end, key, "new", name=name, kind="person", confidence=0.6)
            covered[start:end] = b"\x01" * (end - start)
            new_people[words[-1]] = key
        else:
            if all(c.isupper() for c in letters) and not (2 <= len(letters) <= 6):
                continue
            if not name[:1].isupper() or len(name.split()) > 6:
                continue
            key = "new:" + norm
            b.add_mention(start, end, key, "new", name=name, kind="organization", confidence=0.5)
            covered[start:end] = b"\x01" * (end - start)
    return new_people


def _link_surnames(b: _Builder, tokens, covered: bytearray, new_people: dict[str, str]) -> None:
    """'Foreman' after 'John Foreman': the same new actor."""
    if not new_people:
        return
    for start, end, word in tokens:
        key = new_people.get(word)
        if key and not any(covered[start:end]) and b.text[start:start + 1].isupper() \
                and not b.layout.is_excluded(start, end):
            b.add_mention(start, end, key, "surname")
            covered[start:end] = b"\x01" * (end - start)
