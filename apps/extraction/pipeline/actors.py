"""Actor resolution: gazetteer names, titles, capitals as metonyms, spelling variants and new names."""
from __future__ import annotations

import bisect
import datetime
import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from . import syntax
from .gazetteer import FAMILY_NAME_FIRST, Alias, Gazetteer, Match, find_matches, fold, normalize, surname, \
    tokenize_folded
from .layout import Layout
from .lexicons import load
from .records import Actor, Mention

GIVEN_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "given_names.toml"

PERSON_LABELS = {"PER", "PERSON"}
ORG_LABELS = {"ORG"}
# Entities spaCy files under another label that are organizations when an institution heads their name
# ("Coordination Headquarters" read as a product).
OTHER_LABELS = {"PRODUCT", "FAC", "MISC"}
# "un porte-parole de la Maison Blanche" is some spokesperson, not the one who holds the post.
_INDEFINITE = re.compile(r"\b(?:un|une|a|an|one|des|deux|two|several|plusieurs)\s+$")
_FORMER = re.compile(r"(?:\b(?:ancien|ancienne|former|ex|l'ex|feu|late)[\s-]+(?:la\s+|le\s+|l'|the\s+)?)$")
_PARTICLES = {"de", "du", "von", "van", "der", "den", "al", "bin", "ben", "da", "di", "le", "la"}
FUZZY_CUTOFF = 88  # conservative: "Zelenskyi" ≈ "Zelensky" (94), "Macon" ≠ "Macron" for a single word


@dataclass(frozen=True)
class ActorLexicon:
    """One language's words for telling actors from names that only look like one (data/lexicons/<lang>/actors.toml)."""
    not_names: frozenset[str]
    institution_heads: frozenset[str]
    speaker_nouns: frozenset[str]
    post_verbs: frozenset[str]
    platform_prepositions: frozenset[str]
    platform_nouns: frozenset[str]
    time_zones: frozenset[str]
    place_prepositions: frozenset[str]
    determiners: frozenset[str]
    place_not_after: frozenset[str]
    place_not_after_prepositions: frozenset[str]
    site_prepositions: frozenset[str]
    impersonal_subjects: frozenset[str]
    thing_heads: frozenset[str]
    place_verbs: frozenset[str]
    place_nouns: frozenset[str]
    partner_prepositions: frozenset[str]
    demonym_heads: frozenset[str]
    demonym_not_after: frozenset[str]
    role_prepositions: frozenset[str]
    role_heads: frozenset[str]
    successor_before: frozenset[str]
    successor_after: frozenset[str]
    demonym_acts: frozenset[str] = frozenset()  # heads that are what the country does, not who acts for it
    capital_words: frozenset[str] = frozenset()  # "capital", « capitale »: a capital named by what it is
    capital_determiners: frozenset[str] = frozenset()  # "the", « la »: which makes it one the reader knows
    # "member states", « Etats membres » (folded, two words): the members of the body the text named last, among
    # `member_bodies` (gazetteer keys: the Union, the Alliance, the United Nations…)
    member_words: frozenset[str] = frozenset()
    member_bodies: frozenset[str] = frozenset()
    # "Deputy Secretary", "Mr.": words that stand before a name (speech.toml's titles, which the speakers read too)
    name_titles: frozenset[str] = frozenset()


@functools.cache
def actor_lexicon(language: str) -> ActorLexicon:
    """The actor vocabulary of a language, read once per process (English for a language without one)."""
    data = load(language if language in ("fr", "en") else "en", "actors")
    titles = load(language if language in ("fr", "en") else "en", "speech").get("titles", {}).get("words", [])

    def words(section: str, key: str = "words") -> frozenset[str]:
        return frozenset(fold(w) for w in data.get(section, {}).get(key, []))

    return ActorLexicon(
        not_names=words("not_names"), institution_heads=words("institution_heads"),
        speaker_nouns=words("speaker_nouns"), post_verbs=words("post_verbs"),
        platform_prepositions=words("platforms", "prepositions"), platform_nouns=words("platforms", "nouns"),
        time_zones=words("time_zones"), place_prepositions=words("places", "prepositions"),
        determiners=words("places", "determiners"),
        place_not_after=words("places", "not_after"),
        place_not_after_prepositions=words("places", "not_after_prepositions"), place_verbs=words("places", "verbs"),
        site_prepositions=words("places", "site_prepositions"),
        impersonal_subjects=words("places", "impersonal_subjects"), thing_heads=words("thing_heads"),
        place_nouns=words("places", "nouns"), partner_prepositions=words("places", "partners"),
        demonym_heads=words("demonym_heads"),
        demonym_not_after=words("demonym_heads", "not_after"),
        demonym_acts=words("demonym_heads", "acts"),
        capital_words=words("capitals"), capital_determiners=words("capitals", "determiners"),
        member_words=words("members"), member_bodies=frozenset(data.get("members", {}).get("bodies", [])),
        role_prepositions=words("roles", "prepositions"), role_heads=words("roles", "heads"),
        successor_before=words("titles", "successor_before"), successor_after=words("titles", "successor_after"),
        name_titles=frozenset(fold(w) for w in titles))


@functools.cache
def given_names() -> dict[str, str]:
    """Folded given name -> "m" or "f", from the reviewed list in data/given_names.toml (the speakers read a
    pronoun's gender from it; the actor reader tells a person from an organisation by it)."""
    data = tomllib.loads(GIVEN_NAMES_FILE.read_text(encoding="utf-8"))
    return {fold(name): gender for gender, section in (("m", "male"), ("f", "female")) for name in data[section]}


@dataclass
class MentionRef:
    """A mention of an actor (key) at a span, and how it was recognised."""

    start: int
    end: int
    key: str
    via: str  # name | title | metonym | locative | demonym | head | surname | fuzzy | new


@dataclass
class PlaceRef:
    """A place where something happens, as written in the text."""

    start: int
    end: int
    name: str
    country: str | None = None  # the country it lies in, when the gazetteer says: a visit is abroad
    described: bool = False  # named by what it is ("the capital"), not by its name: titles give the name


@dataclass
class ActorTable:
    """The actors of one article with every mention, and the places it names."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[MentionRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    metonyms: list[PlaceRef] = field(default_factory=list)  # capitals read as their country ("Moscou a rejeté")
    genders: dict[str, str | None] = field(default_factory=dict)

    def between(self, start: int, end: int, layout: Layout | None = None) -> list[MentionRef]:
        """Mentions inside [start, end), outside quotations when a layout is given."""
        return [m for m in self.mentions if start <= m.start and m.end <= end
                and not (layout and layout.in_quote[m.start])]

    def kind(self, key: str) -> str:
        """The kind of the actor with this key."""
        actor = self.actors.get(key)
        return actor.kind if actor else ""

    def side(self, key: str) -> str:
        """The side an actor acts for: its country where it has one (Trump and the US Treasury are one side), else
        itself (the European Union)."""
        actor = self.actors.get(key)
        return actor.country if actor and actor.country else key

    def party_kind(self, key: str) -> str:
        """The kind of an actor that can take part in an event: "" for one the text only describes ("a spokeswoman")."""
        actor = self.actors.get(key)
        return actor.kind if actor and not actor.described else ""


def _pick(aliases: tuple[Alias, ...], published: datetime.date) -> Alias | None:
    names = [a for a in aliases if not a.is_title]
    if names:
        return names[0]
    titles = [a for a in aliases if a.title and a.title.valid_on(published)]
    return titles[0] if len(titles) == 1 else None  # an ambiguous title names nobody


def _successor(aliases: tuple[Alias, ...], published: datetime.date) -> Alias | None:
    """The title of whoever takes the office next: the earliest to start after the publication date."""
    later = [a for a in aliases if a.title and a.title.valid_from and a.title.valid_from > published]
    if not later:
        return None
    first = min(a.title.valid_from for a in later)
    keys = {a.key for a in later if a.title.valid_from == first}
    return next(a for a in later if a.title.valid_from == first) if len(keys) == 1 else None


class _Builder:
    def __init__(self, text: str, gaz: Gazetteer, layout: Layout, published: datetime.date, doc, language: str):
        self.text, self.gaz, self.layout, self.published, self.doc = text, gaz, layout, published, doc
        self.language = language
        self.ents: list = []
        self.lex = actor_lexicon(language)
        self.table = ActorTable()
        self.folded = fold(text)

    def token_at(self, start: int, end: int):
        """The head token of the words at [start, end), or None without a parse."""
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def words_before(self, start: int, limit: int = 40) -> list[str]:
        """The folded words just before an offset, in the same sentence, articles and "of" left out.

        A sentence end stops them: in "…, host of the summit. Ottawa announced…" the noun of the sentence
        before says nothing of the name that opens this one.
        """
        line_start = self.text.rfind("\n", 0, start) + 1
        window = self.folded[max(line_start, start - limit):start]
        window = re.split(r"[.!?;](?:\s|$)", window)[-1]
        words = re.findall(r"[\w'’\-]+", window)
        while words and words[-1] in self.lex.determiners:
            words.pop()
        return words

    def qualifies_next_noun(self, start: int, end: int) -> bool:
        """"at a Baltic Energy Agency meeting": the name qualifies the noun after it, which the preposition governs."""
        token = self.token_at(start, end)
        return token is not None and token.dep_ == "compound" and token.head.i > token.i and \
            token.head.idx >= end and token.head.pos_ == "NOUN"

    def after_place_preposition(self, start: int) -> bool:
        """'à Paris', 'in the Cabinet Room', « à bord d'Air Force One »: the words name where, not who.

        Read on the surface, which is sure for these short phrases and holds when the parse does not;
        "according to the Elysee" names a source ("to" after a word of `not_after`).
        """
        words = self.words_before(start)
        if not words:
            return False
        lex = self.lex
        if len(words) >= 2 and " ".join(words[-2:]) in lex.place_prepositions:
            return True
        if words[-1] not in lex.place_prepositions:
            return False
        # "according to", « grâce à »: only the preposition of those phrases ("due in Paris" is a place)
        if lex.place_not_after_prepositions and words[-1] not in lex.place_not_after_prepositions:
            return True
        return not (len(words) >= 2 and words[-2] in lex.place_not_after)

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
                   published: datetime.date, language: str | None = None) -> ActorTable:
    """Every actor of the article with its mentions, one record per real-world actor."""
    b = _Builder(text, gaz, layout, published, doc, language or (doc.lang_ if doc is not None else "en"))
    # a heading in capitals labels a section ("L'EUROPE CHERCHE SA PLACE"): the body names its actors
    matches = [m for m in find_matches(gaz, text, tokens) if not layout.is_excluded(m.start, m.end)
               and not (layout.is_heading(m.start) and _in_capitals(text, m.start, m.end))]
    covered = bytearray(len(text))
    pending_titles: list[tuple[Match, Alias | None]] = []
    b.ents = list(doc.ents) if doc is not None else []  # built anew at each access: read once
    if doc is not None and (extra := _named_by_who(doc, b.ents)):
        b.ents = sorted(b.ents + extra, key=lambda e: e.start)  # (in text order: the first named keeps a surname)
    surnames = _surnames_of_people(b)
    for i, match in enumerate(matches):
        if _inside_another_name(b, match):
            continue  # "the Washington Post", "George Washington", "the Kyiv School of Economics"
        if _a_namesakes_surname(b, match, surnames):
            continue  # "Jordan said" after "Jim Jordan": the person (_link_surnames), not the country
        if _a_relatives_surname(b, match):
            continue  # "Melania Trump", "Brigitte Macron": another person of the family (_spacy_entities)
        covered[match.start:match.end] = b"\x01" * (match.end - match.start)
        if any(a.is_title for a in match.aliases) and not any(not a.is_title for a in match.aliases):
            pending_titles.append((match, _pick(match.aliases, published)))
            continue
        alias = _pick(match.aliases, published)
        if alias is None:
            continue
        _resolve_name(b, match, alias)
    _title_organizations(b, pending_titles, tokens)
    new_people = _spacy_entities(b, doc, covered)
    _link_surnames(b, tokens, covered, _with_known_surnames(b, new_people))
    _resolve_titles(b, pending_titles, tokens)
    _demonyms(b, tokens, covered)
    _capitals(b, tokens, covered)
    _member_states(b, tokens, covered)
    b.table.mentions.sort(key=lambda m: (m.start, m.end))
    for actor in b.table.actors.values():
        actor.mentions.sort(key=lambda m: m.start)
    return b.table


def _named_by_who(doc, ents) -> list[Span]:
    """Persons spaCy's recognizer missed that a relative "who" describes: two or three capitalized proper nouns
    right before ", who" ("Raila Odinga, who ran for Kenya's presidency…", after a byline the model read as the
    end of the heading). French « qui » is any relative: there a name the model left out stays out."""
    who = doc.vocab.strings["who"] if "who" in doc.vocab.strings else None
    if who is None:
        return []
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    # (the "who"s are found in the lower-case array: a Token is made only around them)
    for i in [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower == who]:
        end = i - 1
        if end < 2 or doc[end].text != ",":
            continue
        start = end
        while start > 0 and end - start < 3 and start - 1 not in taken and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].text[:1].isupper():
            start -= 1
        if end - start >= 2 and "\n" not in doc[start:end].text:
            found.append(Span(doc, start, end, label="PERSON"))
    return found


def _surnames_of_people(b: _Builder) -> dict[str, int]:
    """The last word (folded) of every person's full name spaCy finds → where it is first named."""
    found: dict[str, int] = {}
    for ent in b.ents:
        words = ent.text.split()
        if ent.label_ in PERSON_LABELS and len(words) >= 2 and all(w[:1].isupper() for w in words):
            found.setdefault(fold(words[-1]).strip(".,"), ent.start_char)
    return found


def _a_namesakes_surname(b: _Builder, match: Match, surnames: dict[str, int]) -> bool:
    """Whether a place or country the gazetteer knows is, as one word, the surname of a person named before.

    "Jim Jordan" then "Jordan said", "Denzel Washington" then "Washington": the person. The country is still
    the country in a story that names no such person.
    """
    named = surnames.get(fold(b.text[match.start:match.end]))
    if named is None or named >= match.start or " " in b.text[match.start:match.end]:
        return False
    return all((e := b.gaz.get(a.key)) is not None and e.kind in ("place", "country") for a in match.aliases)


def _a_relatives_surname(b: _Builder, match: Match) -> bool:
    """Whether a person's one-word alias (a surname) follows a given name that is none of that person's own:
    "Donald Trump and Melania Trump", « Brigitte Macron ». The given name comes from the reviewed list."""
    text = b.text[match.start:match.end]
    if " " in text or not match.aliases:
        return False
    entries = [b.gaz.get(a.key) for a in match.aliases if not a.is_title]
    if not entries or any(e is None or e.kind != "person" for e in entries):
        return False
    before = re.search(r"([A-ZÀ-Ý][\w\-]+)[^\S\n]+$", b.text[max(0, match.start - 40):match.start])
    if before is None or fold(before.group(1)) not in given_names():
        return False
    own = {fold(w) for e in entries for n in [e.name, *e.aliases] for w in normalize(n).split()}
    return fold(before.group(1)) not in own


# spaCy labels of names that are not places: a city inside one of them is part of that name.
_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
_OTHER_NAME_LABELS = frozenset({"PERSON", "PER", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "MISC"})


def _inside_another_name(b: _Builder, match: Match) -> bool:
    """Whether a place the gazetteer knows is only a word of a longer name spaCy found around it.

    "the Washington Post", "George Washington", "Washington Square Park", « Paris Saint-Germain »:
    the capitalized words that continue the name say so, not a conjunction ("Washington and Moscow"
    read as one organization is still two capitals).
    """
    entry = next((b.gaz.get(a.key) for a in match.aliases if not a.is_title), None)
    if entry is not None and entry.kind in ("organization", "group"):
        # « Thérèse Kayikwamba Wagner »: the last word of a person's name is her surname, not the Wagner group;
        # "in the West Midlands": a place whose name goes on after the group's is that place, not the West
        return any(ent.label_ in PERSON_LABELS and ent.start_char < match.start and match.end <= ent.end_char
                   and all(w[:1].isupper() for w in b.text[ent.start_char:match.start].split())
                   or ent.label_ in _PLACE_LABELS and ent.start_char <= match.start and match.end < ent.end_char
                   and all(w[:1].isupper() for w in b.text[match.end:ent.end_char].split())
                   for ent in b.ents)
    # a country too: « sur France Inter », "Radio Free Europe" name a broadcaster, not the state
    if entry is None or entry.kind not in ("place", "country"):
        return False
    for ent in b.ents:
        if ent.start_char > match.start:
            break
        if ent.end_char <= match.start or ent.label_ not in _OTHER_NAME_LABELS or \
                (ent.start_char, ent.end_char) == (match.start, match.end):
            continue
        if "," in b.text[ent.start_char:ent.end_char]:
            return False  # "Germany, France": a list spaCy ran together
        before = b.text[ent.start_char:match.start].split()
        after = b.text[match.end:ent.end_char].split()
        if entry.kind == "country" and (before or ent.label_ in PERSON_LABELS):
            return False  # a country opens the broadcaster's name; "Will Russia face…" is no person's name
        # a possessive ending ("Kyiv’s response") continues no name
        words = [w for w in before + after if fold(w) not in b.lex.determiners and w not in ("'s", "’s", "'", "’")]
        return bool(words) and all(w[:1].isupper() or w[:1] in "-'’" for w in words)
    return False


def _is_one_of(token, words: frozenset[str]) -> bool:
    """Whether a token's lemma, or the word as written, is in a folded word list (lemmas of plurals vary)."""
    return fold(token.lemma_) in words or fold(token.lower_) in words


def _in_capitals(text: str, start: int, end: int) -> bool:
    letters = [c for c in text[start:end] if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _resolve_name(b: _Builder, match: Match, alias: Alias) -> None:
    entry = b.gaz.get(alias.key)
    if entry is None:
        return
    # "sat across from the Americans", « face aux Russes »: a nation's people act for it, and are never a place
    locative = not _names_its_people(b, match) and (
        b.after_place_preposition(match.start) and not b.qualifies_next_noun(match.start, match.end) or
        any(s <= match.start < e for s, e in b.layout.datelines))
    if entry.kind == "place":
        if entry.metonym_of and not locative and b.gaz.get(entry.metonym_of) and _stands_for_government(b, match):
            b.add_mention(match.start, match.end, entry.metonym_of, "metonym")  # "Moscou a rejeté…" = Russia
            b.table.metonyms.append(PlaceRef(match.start, match.end, entry.name, entry.country))
        else:
            b.table.places.append(PlaceRef(match.start, match.end, entry.name, entry.country))
        return
    if entry.location and locative and not _speaks_there(b, match):
        # "à la Maison Blanche", « en Europe »
        b.table.places.append(PlaceRef(match.start, match.end, entry.location, entry.country))
        if entry.kind == "organization":
            # "met Wong at the Department of State": the seat is where it happens, and the body is still named
            # (as a country named as the place is), though it takes no part
            b.add_mention(match.start, match.end, entry.key, "locative")
        return
    if entry.location and entry.kind == "organization":
        # "the White House summit", « la réunion de l'Elysée »: a seat of government that qualifies an event noun
        # says where it took place; the events reader tells that use from the parse, as it does for a capital
        b.table.metonyms.append(PlaceRef(match.start, match.end, entry.location, entry.country))
    if entry.kind == "country" and locative:
        # "en Arabie saoudite": where it happens; the country is still named, but takes no part
        b.table.places.append(PlaceRef(match.start, match.end, entry.name, entry.country))
        b.add_mention(match.start, match.end, entry.key, "locative")
        return
    b.add_mention(match.start, match.end, entry.key, "name")


def _names_its_people(b: _Builder, match: Match) -> bool:
    """Whether a country's name as matched is the plural of its nationality ("the Americans", « les Ukrainiens »,
    "Russians"): its people, not its territory."""
    words = tuple(normalize(b.text[match.start:match.end]).split())
    return bool(words) and len(words[-1]) > 3 and words[-1].endswith("s") and \
        words[:-1] + (words[-1][:-1],) in demonym_forms(b.gaz)


def _speaks_there(b: _Builder, match: Match) -> bool:
    """« Au Quai d'Orsay, on assure que… »: an institution that opens its sentence as a place, then speaks
    through an impersonal subject, is the one speaking (read on the surface: the parse often breaks there)."""
    if not b.lex.impersonal_subjects or len(b.words_before(match.start)) != 1:
        return False
    following = re.match(r"\s*,\s*([\w'’]+)\s", b.folded[match.end:match.end + 20])
    return bool(following) and following.group(1) in b.lex.impersonal_subjects


def _stands_for_government(b: _Builder, match: Match) -> bool:
    """Whether a capital names its government ("Moscow rejected", "talks with Kyiv") or the city.

    A capital that qualifies a meeting or an office is where it is ("the Riyadh talks", « la
    conférence de Rome », « heure de Paris »), and so is the object of a verb of going or leaving
    ("visited Washington", « quitter Paris »). Anything else that acts, is acted on or is talked with
    is the government: a subject, an object, "with", "between", "against", a possessor.
    """
    lex = b.lex
    words = b.words_before(match.start)
    if words and words[-1] in lex.place_nouns:
        return False  # « la conférence de Rome », « heure de Paris »
    following = re.match(r"\s*([\w\-]+)", b.folded[match.end:match.end + 30])
    if following and following.group(1) in lex.place_nouns and b.text[match.end:match.end + 1] == " ":
        return False  # "the Riyadh talks", "the Moscow newsroom"
    token = b.token_at(match.start, match.end)
    if token is None:
        return True
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Washington and Moscow renewed…": the role of the first of them
    if token.dep_ in syntax.OBJECT_DEPS and _is_one_of(token.head, lex.place_verbs):
        return False
    if fold(syntax.case_word(token)) in lex.partner_prepositions:
        return True  # "the talks between Washington and Moscow": the other side, whatever noun it hangs on
    noun = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if token.dep_ in ("nmod", "compound", "pobj") and noun.pos_ == "NOUN" and _is_one_of(noun, lex.place_nouns):
        return False  # « les pourparlers techniques de Riyad »
    if token.dep_ == "compound" and noun.pos_ == "NOUN":
        # "Washington lobbyists", "a Washington outsider" are of the city; "Kyiv officials" act for the state
        return _is_one_of(noun, lex.demonym_heads)
    return True


def _resolve_titles(b: _Builder, pending: list[tuple[Match, Alias | None]], tokens) -> None:
    """Titles point at the person named right after them, else at the holder on the publication date."""
    by_start = {m.start: m for m in b.table.mentions}
    for match, alias in pending:
        if _FORMER.search(b.folded[max(0, match.start - 12):match.start]):
            continue
        indefinite = bool(_INDEFINITE.search(b.folded[max(0, match.start - 12):match.start]))
        if _names_the_successor(b, match):
            alias = _successor(match.aliases, b.published)  # « le futur chancelier », "the chancellor-designate"
        if alias is not None and _of_another_nation(b, match, alias.key):
            continue  # « le chef de l'Etat allemand » in a French story: not France's (the speakers read it)
        follower = None
        gap = re.match(r"[\s,]{0,3}", b.text[match.end:match.end + 3])
        nxt = match.end + (gap.end() if gap else 0)
        follower = by_start.get(nxt)
        # « le porte-parole du président ukrainien, Serguiï Nykyforov »: the name is the spokesman's
        owned = _title_of_a_noun_before(b, match.start)
        if follower and not owned and b.table.kind(follower.key) == "person":
            b.add_mention(match.start, match.end, follower.key, "title")
        elif alias is not None and not indefinite and (owned or not _followed_by_capitalized_name(b.text, nxt)):
            b.add_mention(match.start, match.end, alias.key, "title")


def _of_another_nation(b: _Builder, match: Match, key: str) -> bool:
    """Whether a nationality adjective right after a title, or one of the two words before it, names another country
    than its holder's (« le chef de l'Etat allemand », where the gazetteer's « chef de l'Etat » is France's; "Danish
    Permanent Secretary of State", where "Secretary of State" is the American one's)."""
    holder = b.gaz.get(key)
    if holder is None:
        return False
    after = re.match(r"[\s\-]*([\w\-]+)", b.folded[match.end:match.end + 30])
    words = [after.group(1)] if after else []
    if b.language == "en":
        words += b.words_before(match.start, 40)[-2:]  # English puts the adjective first: "Danish Permanent Secretary"
    for word in words:
        nation = demonym_forms(b.gaz).get((word,))
        country = b.gaz.get(nation) if nation else None
        if country is not None and country.country and country.country != holder.country:
            return True
    return False


def _title_of_a_noun_before(b: _Builder, start: int) -> bool:
    """Whether a title completes a noun of someone who works for its holder: "the spokesman for the
    Ukrainian president", « le porte-parole du président ukrainien »; the name after it is that someone."""
    words = b.words_before(start, 30)
    if words and words[-1] in b.lex.role_prepositions:
        words = words[:-1]
    return bool(words) and words[-1] in b.lex.speaker_nouns | b.lex.role_heads


def _names_the_successor(b: _Builder, match: Match) -> bool:
    """« le futur chancelier allemand », "the incoming chancellor", "the chancellor-designate"."""
    before = b.words_before(match.start, 20)
    after = re.match(r"[\s\-]*([\w\-]+)", b.folded[match.end:match.end + 20])
    return bool(before and before[-1] in b.lex.successor_before or
                after and after.group(1) in b.lex.successor_after)


def _title_organizations(b: _Builder, pending: list[tuple[Match, Alias | None]], tokens) -> None:
    """The organisation inside a title is mentioned too: "secrétaire général de l'Otan" names NATO."""
    starts = [t[0] for t in tokens] if pending else []
    for match, _ in pending:
        if _FORMER.search(b.folded[max(0, match.start - 12):match.start]):
            continue
        first = bisect.bisect_left(starts, match.start)
        inner_tokens = [t for t in tokens[first:bisect.bisect_right(starts, match.end)] if t[1] <= match.end]
        if len(inner_tokens) > 1:
            for inner in find_matches(b.gaz, b.text, inner_tokens, skip_span=(match.start, match.end)):
                inner_alias = _pick(inner.aliases, b.published)
                entry = b.gaz.get(inner_alias.key) if inner_alias else None
                # « ministre de l'Europe et des Affaires étrangères »: a region is the office's field, not its employer;
                # « chef de la diplomatie ukrainienne »: words in lower case describe the office, they name no body
                if entry and entry.kind in ("organization", "group", "country") and \
                        not (entry.kind == "group" and entry.location) and \
                        any(c.isupper() for c in b.text[inner.start:inner.end]):
                    b.add_mention(inner.start, inner.end, entry.key, "name")


def _followed_by_capitalized_name(text: str, pos: int) -> bool:
    m = re.match(r"([A-ZÀ-Ý][\w\-]+)\s+([A-ZÀ-Ý][\w\-]+)", text[pos:pos + 60])
    return bool(m)


def _clean_entity(text: str) -> str:
    # (an article is a word of its own: "Landau", "Theresa", « Lecornu » keep their first letters)
    text = re.sub(r"^(?:(?:the|le|la|les)\s+|l['’]\s*)", "", text.strip(), flags=re.I)
    text = re.sub(r"(?:['’]s|['’])$", "", text)
    text = re.sub(r"\s+(?:and|or|et|ou)$", "", text)  # "the Dockers Federation and" cut before its conjunct
    return text.strip(" ,.;:-–—\"'“”«»()")


def _spacy_entities(b: _Builder, doc, covered: bytearray) -> dict[str, str]:
    """Names spaCy finds that the gazetteer does not know: spelling variants or new actors."""
    forms = b.gaz.person_forms()
    choices = list(forms)
    authors = {normalize(a) for a in b.layout.authors}
    author_words = {w for a in authors for w in a.split()}
    agencies = {normalize(a) for a in b.layout.agencies}
    new_people: dict[str, str] = {}  # surname (folded) → key
    known_surnames = _with_known_surnames(b, {})  # "Wang" after "Wang Yi": the known person's (_link_surnames)
    ents = b.ents
    person_starts = {e.start_char for e in ents if e.label_ in PERSON_LABELS} | \
        {m.start for m in b.table.mentions if b.table.kind(m.key) == "person"}
    for ent in ents:
        if ent.label_ not in PERSON_LABELS | ORG_LABELS | OTHER_LABELS:
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
        if re.match(r"[/\-]\w", b.text[end:end + 2]) or re.search(r"\w[/\-]$", b.text[max(0, start - 2):start]):
            continue  # "SAMP/T", "F-16": a piece of a designation (a weapon system, a model), no actor
        norm = normalize(name)
        words = norm.split()
        if not words:
            continue  # only invisible characters (zero-width, bidi marks): nothing to name
        if norm in authors or (len(words) == 1 and words[0] in author_words) or words[0] in b.lex.not_names:
            continue
        letters = [c for c in name if c.isalpha()]
        # "Oleksandr Merezhko" read as an organization: two or three capitalized words after a given name,
        # with no institution's word among them, are a person's name
        as_person = ent.label_ in ORG_LABELS and 2 <= len(words) <= 3 and words[0] in given_names() and \
            all(w[:1].isupper() for w in name.split()) and not any(w in b.lex.institution_heads for w in words)
        if ent.label_ in PERSON_LABELS or as_person:
            best = process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best and (len(words) > 1 or len(norm) >= 5) and norm[:1] == best[0][:1]:
                b.add_mention(start, end, forms[best[0]], "fuzzy")
                covered[start:end] = b"\x01" * (end - start)
                continue
            tokens = name.split()
            title = _title_before(b, start) if len(tokens) == 1 else ""
            if title and not all(c.isupper() for c in letters) and words[-1] not in new_people and \
                    fold(words[-1]) not in known_surnames:
                # "Deputy Secretary Landau meets…": a lone surname after a title is a person, named in full where a
                # heading in capitals gives the name ("DEPUTY SECRETARY OF STATE CHRISTOPHER LANDAU")
                full = _full_name_in_headings(b, name)
                # one the gazetteer knows by that full name, or by that surname and a role the title is part of
                key = forms.get(normalize(full)) if full else _titled_holder(b, title, words[-1])
                if key:
                    b.add_mention(start, end, key, "surname")
                else:
                    key = "new:" + normalize(full or name)
                    b.add_mention(start, end, key, "new", name=full or name, kind="person", confidence=0.6)
                covered[start:end] = b"\x01" * (end - start)
                new_people.setdefault(words[-1], key)
                continue
            if len(tokens) < 2 or not all(t[:1].isupper() or t.lower() in _PARTICLES for t in tokens):
                continue  # a lone unknown word is too weak to make an actor of
            if all(c.isupper() for c in letters):
                continue
            key = "new:" + norm
            b.add_mention(start, end, key, "new", name=name, kind="person", confidence=0.6)
            covered[start:end] = b"\x01" * (end - start)
            # the first person of a surname keeps it: news names its main figure first ("Hillary Clinton"),
            # and a later namesake in full ("Bill Clinton") whenever it means him
            new_people.setdefault(words[-1], key)
        else:
            if all(c.isupper() for c in letters) and not (2 <= len(letters) <= 6):
                continue
            lead = re.match(r"(?:[a-zà-ÿ][\w\-]*\s+){1,2}(?=[A-ZÀ-Ý])", name)
            if lead and ent.label_ in ORG_LABELS:
                # « la compagnie Vietjet », "the airline Vietjet": the noun of its kind before the name
                name, start = name[lead.end():], start + lead.end()
                norm = normalize(name)
                words = norm.split()
            if not name[:1].isupper() or len(name.split()) > 6 or norm in agencies:
                continue  # the agency that tags the story ("ISTANBUL (Parley) —") writes it, takes no part
            institution = any(w in b.lex.institution_heads for w in words)
            if ent.label_ in OTHER_LABELS and not institution:
                continue
            if len(words) == 1 and (words[0] in new_people or fold(words[0]) in known_surnames):
                # "Pence said" after "Mike Pence", "Wang and Doval" after "Wang Yi", tagged ORG by spaCy: the
                # person's surname (_link_surnames)
                continue
            if words[0] in b.lex.thing_heads or words[-1] in b.lex.thing_heads:
                continue  # "Operation Spiderweb", "the Black Sea Grain Initiative": a thing done or agreed, no actor
            if len(words) == 1 and _same_as_known(b, start, end, words[0]):
                covered[start:end] = b"\x01" * (end - start)
                continue  # "the Commission said" after "the European Commission"
            if not _organization_acts(b, start, end, norm, institution, person_starts):
                continue
            key = "new:" + norm
            b.add_mention(start, end, key, "new", name=name, kind="organization", confidence=0.5)
            covered[start:end] = b"\x01" * (end - start)
    return new_people


def _title_before(b: _Builder, start: int) -> str:
    """The capitalized title right before an offset on its line, folded, from its first title word ("deputy secretary"
    in "Deputy Secretary Landau", "mr" in "Mr. Lee"; "foreign minister" in "Danish Foreign Minister Rasmussen"), or ""
    when the word before is no title."""
    line_start = b.text.rfind("\n", 0, start) + 1
    run = re.search(r"((?:[A-ZÀ-Ý][\w\-]*\.?\s+)+)$", b.text[line_start:start])
    words = [fold(w.rstrip(".")) for w in run.group(1).split()] if run else []
    if not words or words[-1] not in b.lex.name_titles:
        return ""
    while words[0] not in b.lex.name_titles:
        words = words[1:]
    return " ".join(words)


def _titled_holder(b: _Builder, title: str, surname: str) -> str | None:
    """The one person the gazetteer knows by this surname whose role the title is part of ("Deputy Secretary Landau":
    Christopher Landau, "United States Deputy Secretary of State"), else None."""
    found = {e.key for e in b.gaz.entries.values() if e.kind == "person" and normalize(e.name).split()[-1:] == [surname]
             and f" {title} " in f" {fold(e.role)} "}
    return found.pop() if len(found) == 1 else None


def _full_name_in_headings(b: _Builder, surname: str) -> str | None:
    """A person's full name as a heading in capitals gives it before the surname: a known given name, a middle
    initial perhaps ("UNDER SECRETARY FOR POLITICAL AFFAIRS ALLISON M. HOOKER" → "Allison M. Hooker")."""
    pattern = re.compile(r"\b([A-ZÀ-Ý][A-ZÀ-Ý'\-]+)(?:\s+[A-Z]\.)?\s+" + re.escape(surname.upper()) + r"\b")
    for para in b.layout.paragraphs:
        if para.heading and (m := pattern.search(b.text, para.start, para.end)) and fold(m.group(1)) in given_names():
            return b.text[m.start():m.end()].title()
    return None


def _same_as_known(b: _Builder, start: int, end: int, word: str) -> bool:
    """A one-word organization that heads the name of one the text named before is that one.

    "the Commission" after "the European Commission", « l'Alliance » after « l'Alliance atlantique »
    (or NATO, whose alias it heads): the last one named when several fit.
    """
    found, last = None, -1
    for key, actor in b.table.actors.items():
        if actor.kind not in ("organization", "group") or word not in _name_words(b.gaz, actor):
            continue
        before = [m.start for m in actor.mentions if m.start < start]
        if before and max(before) > last:
            found, last = key, max(before)
    if found:
        b.add_mention(start, end, found, "head")
    return found is not None


def _name_words(gaz: Gazetteer, actor: Actor) -> frozenset[str]:
    """The head words of an organization's names of several words: the last in English ("European
    Commission"), the first in French (« Commission européenne », « Alliance atlantique »)."""
    entry = gaz.get(actor.key)
    names = [normalize(n).split() for n in [actor.name, *(entry.aliases if entry else [])]]
    return frozenset(w for words in names if len(words) > 1 for w in (words[0], words[-1]))


def _organization_acts(b: _Builder, start: int, end: int, norm: str, institution: bool,
                       person_starts: set[int]) -> bool:
    """Whether a name spaCy reads as an organization the gazetteer does not know names an actor here.

    Not when it is a time zone ("11:02 GMT"), a place ("in the Cabinet Room", « à bord d'Air Force
    One »), the platform where words were posted ("wrote on Truth Social"), the word that qualifies
    another noun ("Defense Secretary Pete Hegseth", "a MAGA event", "the LNG ban") or a person's
    designation (« le secrétaire à l'Armée de terre Dan Driscoll »). Otherwise an institution
    ("… Ministry", « Agence … ») is one wherever it is named, and any other name when it plays a part
    in the sentence: it acts or is acted on, speaks, or is with, between, against or for others.
    """
    lex = b.lex
    if norm in lex.time_zones or _on_platform(b, start, end):
        return False
    nxt = re.match(r"[\s,]*", b.text[end:end + 4])
    if end + nxt.end() in person_starts and "," not in nxt.group():
        return False  # part of the designation of the person named right after
    words = b.words_before(start)
    if institution:
        # "reporters asked him at the Kennedy Center": a building where something is done; "a letter to the
        # Ministry", "a fellow at the Institute", "officials at the Ministry" still name the body
        return not (words and words[-1] in lex.site_prepositions and not b.qualifies_next_noun(start, end) and
                    _done_at(b.token_at(start, end)))
    if b.after_place_preposition(start) and not b.qualifies_next_noun(start, end) and \
            words[-1] not in lex.role_prepositions:  # "pressure from the Teamsters" is no place
        # "in the Cabinet Room"; but "officials at Homeland Security Investigations" speak for it
        return len(words) >= 2 and words[-2] in lex.speaker_nouns
    token = b.token_at(start, end)
    if token is None:
        return True
    head = token.head
    if token.dep_ in syntax.OBJECT_DEPS and _is_one_of(head, lex.place_verbs):
        return False  # "she will visit Capitol Hill"
    if token.dep_ in ("compound", "amod") and head.i != token.i and not (start <= head.idx < end) and \
            head.pos_ in ("NOUN", "PROPN"):
        # "a Gazprom spokesman", "the Wagner group": the organization speaks or is named by that noun
        return _is_one_of(head, lex.speaker_nouns) or _is_one_of(head, lex.institution_heads)
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is not token and any(m.start <= first.idx < m.end for m in b.table.mentions):
        return True  # "the American Federation of Teachers and the AFL-CIO": beside an actor
    return _plays_a_part(token, lex)


def _done_at(token) -> bool:
    """Whether the place phrase of a name hangs on a verb ("asked him at X"), not on a noun ("a fellow at X")."""
    if token is None:
        return False
    governor = token.head.head if token.dep_ == "pobj" else token.head
    return governor.i != token.i and governor.pos_ in ("VERB", "AUX")


# Dependencies of a name that acts or is acted on.
_PART_DEPS = syntax.SUBJECT_DEPS | syntax.OBJECT_DEPS | {"agent", "obl:agent", "poss", "nmod:poss", "appos"}


def _plays_a_part(token, lex: ActorLexicon) -> bool:
    """Whether a name acts, is acted on, speaks through someone, or stands beside others as a party."""
    for _ in range(4):
        if token.dep_ in _PART_DEPS:
            return True
        if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
            prep = token.head
            if fold(prep.lower_) in ("of", "de"):
                # "the chief executive of X", "Martha Raddatz of ABC News"
                return _is_one_of(prep.head, lex.speaker_nouns | lex.role_heads) or prep.head.ent_type_ in PERSON_LABELS
            return fold(prep.lower_) in lex.role_prepositions or fold(prep.head.lower_) in lex.role_prepositions
        case = [fold(c.lower_) for c in token.children if c.dep_ == "case"]
        if case and token.dep_ in ("obl", "obl:arg", "obl:mod", "nmod"):
            if any(c in ("de", "d'", "du", "des") for c in case):
                # « le porte-parole de Gazprom », « Jean Dupont, de l'Agence X »
                return _is_one_of(token.head, lex.speaker_nouns | lex.role_heads) or \
                    token.head.ent_type_ in PERSON_LABELS
            return any(c in lex.role_prepositions for c in case)
        if token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "Rosneft and Lukoil": as the first of them
            continue
        return False
    return False


def _on_platform(b: _Builder, start: int, end: int) -> bool:
    """'posted on Telegram', « a écrit sur son réseau Truth Social »: where the words were published.

    The preposition must hang on a verb of publishing ("the top Democrat on the Oversight Committee"
    names a committee); without a parse the words before the name decide.
    """
    lex = b.lex
    words = b.words_before(start)
    while words and words[-1] in lex.platform_nouns:
        words.pop()
    while words and words[-1] in lex.determiners:
        words.pop()
    if not words or words[-1] not in lex.platform_prepositions:
        return False
    token = b.token_at(start, end)
    if token is None:
        return True
    for _ in range(3):  # "on his Truth Social platform": from the name to the noun the preposition governs
        if token.dep_ in ("compound", "appos", "nmod", "flat", "flat:name") and token.head.i != token.i and \
                _is_one_of(token.head, lex.platform_nouns):
            token = token.head
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return verb.pos_ in ("VERB", "AUX") and _is_one_of(verb, lex.post_verbs)


def _with_known_surnames(b: _Builder, new_people: dict[str, str]) -> dict[str, str]:
    """The surnames of the known people the article names in full, beside the new people's: "Lee" after "Lee
    Jae-myung", whose surname alone the gazetteer does not give (too many Lees). A surname two people named in full
    share stays no one's."""
    found: dict[str, str | None] = dict(new_people)
    for m in b.table.mentions:
        actor = b.table.actors.get(m.key)
        if m.via != "name" or actor is None or actor.kind != "person" or actor.is_new or \
                len(b.text[m.start:m.end].split()) < 2:
            continue
        word = surname(actor.name, actor.country in FAMILY_NAME_FIRST)
        if " " in word or not word[:1].isupper():
            continue
        word = fold(word)
        found[word] = m.key if found.get(word, m.key) == m.key else None
    return {w: k for w, k in found.items() if k is not None}


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


# Beyond this many characters back, "the capital" no longer points to the capital last named.
_CAPITAL_REACH = 1500


# How far back the body whose members a text names may have been named, and how far after them in their sentence
# (characters).
_MEMBERS_REACH = 2500
_MEMBERS_AFTER = 120


def _member_states(b: _Builder, tokens, covered: bytearray) -> None:
    """"In Brussels, member states voted…", « les Etats membres de l'UE »: the members of the body the text named
    last (the Union, the Alliance, the United Nations), which act as that body; none where the text named no such
    body before (the words stay no actor)."""
    if not b.lex.member_words:
        return
    bodies = [m for m in b.table.mentions if m.key in b.lex.member_bodies]
    for (start, _, first), (_, end, second) in zip(tokens, tokens[1:]):
        if f"{first} {second}" not in b.lex.member_words or any(covered[start:end]) or \
                b.layout.is_excluded(start, end):
            continue
        # (« les Etats membres de l'UE », "member states voted to approve the EU's first countermeasures": the body
        # named after them in their sentence; else the last named before)
        after = next((m for m in bodies if end <= m.start <= end + _MEMBERS_AFTER
                      and not re.search(r"[.!?]\s", b.text[end:m.start])), None)
        before = [m for m in bodies if start - _MEMBERS_REACH <= m.end <= start]
        named = after or (before[-1] if before else None)
        if named is not None:
            b.add_mention(start, end, named.key, "description")
            covered[start:end] = b"\x01" * (end - start)


def _capitals(b: _Builder, tokens, covered: bytearray) -> None:
    """"the capital", "the French capital", « la capitale saoudienne », "Ukraine's capital": a capital named by what
    it is, as a place. Its country is the nationality adjective or the possessive or "of" phrase that qualifies it;
    bare, it is the capital its sentence named before it ("Kyiv … a strike on the capital"), else the dateline's,
    else the capital the text named last (within `_CAPITAL_REACH` characters). "Political capital", "a capital
    city" and a capital the text has not named stay no place."""
    if b.doc is None or not b.lex.capital_words:
        return
    # the words first, from the folded tokens: a Token object for every word of the article costs more
    found = [b.token_at(start, end) for start, end, word in tokens if word in b.lex.capital_words]
    if not any(found):
        return
    capitals = _capital_entries(b.gaz)
    forms = demonym_forms(b.gaz)
    named = sorted((p.start, p.name) for p in b.table.places + b.table.metonyms if p.name in capitals["by_name"])
    dateline = _dateline_capital(b, capitals)
    for token in found:
        if token is None or token.pos_ != "NOUN" or covered[token.idx] or \
                b.layout.is_excluded(token.idx, token.idx + len(token.text)):
            continue
        determiners = [c for c in token.children if c.dep_ in ("det", "poss") and c.i < token.i]
        country = None
        for child in token.children:
            if child.dep_ == "amod":
                country = forms.get(tuple(normalize(child.text).split())) or country
            elif child.dep_ == "poss" or child.dep_ in ("prep", "nmod") and child.i > token.i:
                inner = child if child.dep_ != "prep" else next((g for g in child.children if g.dep_ == "pobj"), None)
                key = next((m.key for m in b.table.mentions if inner is not None and m.start <= inner.idx < m.end),
                           None)
                country = key if key and (entry := b.gaz.get(key)) and entry.kind == "country" else country
        if country is not None:
            entry = capitals["by_country"].get(country)
        elif any(fold(d.lower_) in b.lex.capital_determiners for d in determiners) and len(determiners) == 1 \
                and not any(c.dep_ in ("amod", "compound", "nmod") for c in token.children):
            # the capital its sentence named; else the dateline's (« KIEV (AFP) … arrivé dans la capitale », not the
            # Washington of « à la demande de Washington »); else the one named last
            sentence = [name for start, name in named if token.sent.start_char <= start < token.idx]
            before = [name for start, name in named if token.idx - _CAPITAL_REACH <= start < token.idx]
            name = sentence[-1] if sentence else dateline or (before[-1] if before else None)
            entry = capitals["by_name"].get(name) if name else None
        else:
            entry = None
        if entry is not None:
            b.table.places.append(PlaceRef(token.idx, token.idx + len(token.text), entry.name, entry.country,
                                           described=True))
            covered[token.idx:token.idx + len(token.text)] = b"\x01" * len(token.text)


def _dateline_capital(b: _Builder, capitals: dict[str, dict]) -> str | None:
    """The capital a dateline names ("KIEV, 21 février (AFP) -"): the layout keeps datelines out of the actors'
    text, so they are read here on their own."""
    for start, end in b.layout.datelines:
        words = b.text[start:end]
        for match in find_matches(b.gaz, words, tokenize_folded(words)[1]):
            entry = next((b.gaz.get(a.key) for a in match.aliases if not a.is_title), None)
            if entry is not None and entry.name in capitals["by_name"]:
                return entry.name
    return None


def _capital_entries(gaz: Gazetteer) -> dict[str, dict]:
    """The gazetteer's capitals by country key and by name, built once per gazetteer."""
    cached = getattr(gaz, "_capital_entries_cache", None)
    if cached is None:
        capitals = [e for e in gaz.entries.values() if e.kind == "place" and e.metonym_of]
        cached = {"by_country": {e.metonym_of: e for e in capitals}, "by_name": {e.name: e for e in capitals}}
        gaz._capital_entries_cache = cached
    return cached


def demonym_forms(gaz: Gazetteer) -> dict[tuple[str, ...], str]:
    """Folded nationality adjectives of every country (as word tuples) → its key, built once per gazetteer."""
    cached = getattr(gaz, "_demonym_forms_cache", None)
    if cached is None:
        cached = {}
        for entry in gaz.entries.values():
            for form in entry.demonyms:
                words = tuple(normalize(form).split())
                if words:
                    cached.setdefault(words, entry.key)
        gaz._demonym_forms_cache = cached
    return cached


def _demonyms(b: _Builder, tokens, covered: bytearray) -> None:
    """'Russian negotiators', « la délégation russe », "our Turkish counterparts": the country acts.

    A nationality adjective is a mention of its country when it qualifies those who act for it (a
    noun of `demonym_heads`), alone or coordinated ("Russian and Ukrainian delegations"), and they
    take part in the clause; "the Russian city of Magadan", "Russian oil" or « l'envoi de soldats
    polonais » name no actor. The adjective inside a title ("the Russian president") is the title's,
    already read.
    """
    forms = demonym_forms(b.gaz)
    if not forms or b.doc is None:
        return
    last_words = {words[-1] for words in forms}
    if last_words.isdisjoint(t[2] for t in tokens):
        return
    qualified: dict[int, Token] = {}  # a nationality adjective read as its country → the noun it qualifies
    for i, (start, end, word) in enumerate(tokens):
        if word not in last_words or covered[start] or b.layout.is_excluded(start, end) or b.layout.is_heading(start):
            continue
        key = None
        for n in (2, 1):  # "North Korean" before "Korean"
            if i - n + 1 >= 0:
                key = forms.get(tuple(t[2] for t in tokens[i - n + 1:i + 1]))
                if key:
                    start = tokens[i - n + 1][0]
                    break
        if key is None or not b.gaz.get(key):
            continue
        token = b.token_at(start, end)
        if token is None or token.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        head = first.head
        before = b.doc[token.i - 2] if token.i >= 2 and b.doc[token.i - 1].dep_ == "cc" else None
        if before is not None and before.i in qualified and not (first.dep_ in ("amod", "compound", "nmod")
                                                                  and _is_one_of(head, b.lex.demonym_heads)):
            # « les délégations russe et ukrainienne »: the parser hung the second adjective on the verb; it
            # qualifies the noun the first one does
            first, head = before, qualified[before.i]
        if first.dep_ not in ("amod", "compound", "nmod") or head.i == first.i or \
                not _is_one_of(head, b.lex.demonym_heads):
            continue
        if head.dep_ == "nmod" or head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN"):
            continue  # « l'envoi de soldats polonais », « chef d'état-major des armées françaises »: they do not act
        if not _is_one_of(head, b.lex.demonym_acts) and \
                any(c.dep_ == "det" and fold(c.lower_) in b.lex.demonym_not_after for c in head.children):
            continue  # « un représentant français », "an American official": someone, not the state
        b.add_mention(start, end, key, "demonym")
        covered[start:end] = b"\x01" * (end - start)
        qualified[token.i] = head
