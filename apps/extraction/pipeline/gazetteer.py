"""The gazetteer: known actors and places, their aliases and titles, and a fast matcher over text."""
from __future__ import annotations

import datetime
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from apps.extraction.charmap import CharMap

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_APOSTROPHE_CHARS = "’‘ʼ`´"


def fold_char(ch: str) -> str:
    """One character, lower-cased and without accents (always one character, so offsets survive)."""
    if ch in _APOSTROPHE_CHARS:
        return "'"
    low = ch.lower()
    if len(low) != 1:
        return ch
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isalnum() else low


_FOLD = CharMap(fold_char)


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping the length of the text."""
    return text.translate(_FOLD)


def normalize(text: str) -> str:
    """Comparison form of a name: accents, case, apostrophes and hyphens ignored."""
    return " ".join(_WORD.findall(fold(text)))


def name_tokens(text: str) -> tuple[str, ...]:
    """The folded word tokens of a name."""
    return tuple(_WORD.findall(fold(text)))


@dataclass(frozen=True)
class Title:
    """A title that points at one person during a period ("le président ukrainien")."""

    name: str
    language: str | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None

    def valid_on(self, day: datetime.date) -> bool:
        """Whether the title meant this person on that day."""
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


@dataclass
class Entry:
    """One known actor or place."""

    key: str
    name: str
    kind: str
    country: str | None = None
    role: str = ""
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    gender: str | None = None
    location: str | None = None  # for seats of government: the city they stand for as a place
    metonym_of: str | None = None  # for capitals: the country they stand for as an actor
    media: bool = False
    # for countries: nationality adjectives ("Russian", « russe », « russes »), read where they qualify
    # those who act for the country ("Russian negotiators"); never matched as names on their own
    demonyms: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Alias:
    """One matchable form: which entry, how it was written, and whether it is a title."""

    key: str
    surface: str
    is_title: bool
    acronym: bool  # all capitals in the gazetteer: match only when written in capitals
    title: Title | None = None


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


_NAME_PARTICLES = ("von der ", "van der ", "de la ", "bin ", "al-")
_KEEP_WHOLE = ("Pope", "King", "Queen", "Prince", "Pape", "Roi", "Reine")
# Countries whose people's names put the family name first, as news in English and French write them: "Xi" of Xi
# Jinping, "Lee" of Lee Jae-myung, "Kim" of Kim Jong Un
FAMILY_NAME_FIRST = frozenset({"CN", "TW", "KP", "KR", "VN"})


def surname(name: str, family_first: bool = False) -> str:
    """The name a person goes by alone: "Macron", "von der Leyen", "Xi" (family first), "Pope Leo XIV" whole."""
    words = name.split()
    if family_first and len(words) > 1:
        return words[0]
    if any(p in name for p in _NAME_PARTICLES):
        particle = next(p for p in _NAME_PARTICLES if p in name)
        return name[name.index(particle):]  # "von der Leyen"
    if len(words) > 1 and (words[0] in _KEEP_WHOLE or words[-1].strip("IVXL") == ""):
        return name  # "Pope Leo XIV", not "XIV"
    numeral = next((i for i, w in enumerate(words) if i and w.strip("IVXL") == ""), None)
    if numeral is not None:
        return " ".join(words[:numeral + 1])  # « Abdallah II de Jordanie »: a king goes by his regnal name
    return words[-1]


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters) and bool(letters)


class Gazetteer:
    """Known actors and places; built from plain dicts so the same class serves the shipped file and the database."""

    def __init__(self, entries: list[dict], *, rejected_names: list[str] | tuple[str, ...] = (),
                 speaker_corrections: dict[str, str] | None = None):
        self.entries: dict[str, Entry] = {}
        self.index: dict[tuple[str, ...], list[Alias]] = {}
        self.rejected = {normalize(n) for n in rejected_names if normalize(n)}
        # "speaker_corrections": normalized surface form → actor key, as editors fixed them
        self.speaker_corrections = {normalize(k): v for k, v in (speaker_corrections or {}).items()}
        # first word → the lengths (in words) of the forms it starts, longest first: a text word
        # is tried only at the lengths of its own forms, not at every length up to the longest form
        self.lengths: dict[str, list[int]] = {}
        for raw in entries:
            self._add(raw)
        self._add_possessive_forms()

    def _add_possessive_forms(self) -> None:
        """"Russia's defence ministry", "Ukraine's air force": a national body named after its country's possessive
        is the body the gazetteer names with the demonym ("Russian defence ministry")."""
        countries = {e.country: e for e in self.entries.values() if e.kind == "country" and e.country}
        for entry in list(self.entries.values()):
            country = countries.get(entry.country) if entry.kind != "country" else None
            if country is None:
                continue
            demonyms = {fold(d) for d in country.demonyms}
            for surface in [entry.name, *entry.aliases]:
                first, _, rest = surface.partition(" ")
                if rest and fold(first) in demonyms and first[:1].isupper():
                    self._index(Alias(entry.key, f"{country.name}'s {rest}", False, False))

    @functools.cached_property
    def countries_by_code(self) -> dict[str, Entry]:
        """Country entries by their ISO code, worked out once per gazetteer (the speakers ask it for every
        article)."""
        return {e.country: e for e in self.entries.values() if e.kind == "country" and e.country}

    @functools.cached_property
    def persons_by_country(self) -> dict[str, list[Entry]]:
        """Person entries by their country's ISO code, grouped once per gazetteer (an office's holder is looked for
        among them for every description of an office)."""
        grouped: dict[str, list[Entry]] = {}
        for e in self.entries.values():
            if e.kind == "person" and e.country:
                grouped.setdefault(e.country, []).append(e)
        return grouped

    def _add(self, raw: dict) -> None:
        aliases = [a["name"] if isinstance(a, dict) else a for a in raw.get("aliases", [])]
        titles = [Title(t["name"], t.get("language"), _date(t.get("valid_from")), _date(t.get("valid_to")))
                  for t in raw.get("titles", [])]
        entry = Entry(key=raw["key"], name=raw["name"], kind=raw.get("kind", "organization"),
                      country=raw.get("country"), role=raw.get("role") or "", wikidata=raw.get("wikidata"),
                      aliases=aliases, titles=titles, gender=raw.get("gender"), location=raw.get("location"),
                      metonym_of=raw.get("metonym_of"), media=bool(raw.get("media")),
                      demonyms=list(raw.get("demonyms", [])))
        self.entries[entry.key] = entry
        for surface in [entry.name, *aliases]:
            self._index(Alias(entry.key, surface, False, _is_acronym(surface)))
        for title in titles:
            self._index(Alias(entry.key, title.name, True, False, title))

    def _index(self, alias: Alias) -> None:
        tokens = name_tokens(alias.surface)
        if not tokens or normalize(alias.surface) in self.rejected:
            return
        bucket = self.index.setdefault(tokens, [])
        same = next((i for i, a in enumerate(bucket) if a.key == alias.key and a.is_title == alias.is_title
                     and a.acronym == alias.acronym), None)
        if same is None:
            bucket.append(alias)
        elif _lower_first(alias.surface) and not _lower_first(bucket[same].surface):
            # "coalition of the willing" beside the name "Coalition of the willing": the lower-case
            # form says the name is also written as a common noun, so keep that one
            bucket[same] = alias
        lengths = self.lengths.setdefault(tokens[0], [])
        if len(tokens) not in lengths:
            lengths.append(len(tokens))
            lengths.sort(reverse=True)

    @classmethod
    def from_file(cls, path: Path | str = DATA_FILE) -> "Gazetteer":
        """The gazetteer shipped with Parley (apps/extraction/data/gazetteer.json)."""
        return _load_file(str(path))

    def get(self, key: str | None) -> Entry | None:
        """The entry with this key, or None."""
        return self.entries.get(key) if key else None

    def is_rejected(self, name: str) -> bool:
        """Whether editors rejected this name as an actor."""
        return normalize(name) in self.rejected

    def person_forms(self) -> dict[str, str]:
        """Normalized names and aliases of every person → key, for fuzzy matching of spelling variants."""
        return _person_forms(self)


@functools.cache
def _load_file(path: str) -> Gazetteer:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Gazetteer(data["entries"], rejected_names=data.get("rejected_names", []))


def _person_forms(gaz: Gazetteer) -> dict[str, str]:
    cached = getattr(gaz, "_person_forms_cache", None)
    if cached is None:  # built once per gazetteer: fuzzy matching runs on every article
        cached = {}
        for entry in gaz.entries.values():
            if entry.kind == "person":
                for surface in [entry.name, *entry.aliases]:
                    cached.setdefault(normalize(surface), entry.key)
        gaz._person_forms_cache = cached
    return cached


@dataclass(frozen=True)
class Match:
    """One gazetteer form found in a text."""

    start: int
    end: int
    aliases: tuple[Alias, ...]


def tokenize_folded(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The folded text and its word tokens (start, end, folded word)."""
    folded = fold(text)
    return folded, [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]


def find_matches(gaz: Gazetteer, text: str, tokens: list[tuple[int, int, str]],
                 skip_span: tuple[int, int] | None = None) -> list[Match]:
    """Longest gazetteer matches, left to right, over the word tokens of a text (linear in its length).

    A name gives way to a name as long that starts inside it and ends further right: in "the EU
    Commission" the name is "EU Commission", not "the EU" followed by a stray word.
    """
    matches: list[Match] = []
    i, n = 0, len(tokens)
    words = [t[2] for t in tokens]

    def longest_at(i: int) -> tuple[int, Match] | None:
        for length in gaz.lengths.get(words[i], ()):
            if length > n - i:
                continue
            key = tuple(words[i:i + length])
            aliases = gaz.index.get(key)
            if not aliases:
                continue
            start, end = tokens[i][0], tokens[i + length - 1][1]
            if skip_span and (start, end) == skip_span:
                continue  # looking for names inside a title, not the title itself
            # a word run across a line break is not a name
            if "\n" in text[start:end] or any(q in text[start:end] for q in '"“”«»'):
                continue
            surface = text[start:end]
            usable = tuple(a for a in aliases if _case_ok(a, surface))
            if usable:
                # "U.S." : keep the trailing dot of an abbreviation
                if end < len(text) and text[end] == "." and "." in surface and length > 1:
                    end += 1
                return length, Match(start, end, usable)
        return None

    while i < n:
        found = longest_at(i)
        if found:
            length = found[0]
            # names only: a title gives way to no name ("U.S. President Donald Trump" keeps its title)
            overlapping = (longest_at(i + k) for k in range(1, length)) \
                if not any(a.is_title for a in found[1].aliases) else ()
            if any(o and o[0] >= length and i + k + o[0] > i + length and not any(a.is_title for a in o[1].aliases)
                   for k, o in enumerate(overlapping, 1)):
                i += 1
                continue
            matches.append(found[1])
            i += length
        else:
            i += 1
    return matches


def _lower_first(surface: str) -> bool:
    return next((c for c in surface if c.isalpha()), "").islower()


_ARTICLES = frozenset({"le", "la", "les", "the"})


def _case_ok(alias: Alias, surface: str) -> bool:
    if alias.is_title:
        return True
    letters = [c for c in surface if c.isalpha()]
    if alias.acronym:
        return all(c.isupper() for c in letters)  # "US", never the pronoun "us"
    if _lower_first(alias.surface):
        return True  # common-noun forms such as "coalition des volontaires"
    written = alias.surface.split()
    if len(written) >= 2 and written[0].lower() in _ARTICLES and written[1][:1].isupper():
        # "Le Monde" the newspaper, « Le monde a pris l'habitude » the world: a name that opens with an article
        # is told from the common noun by the capital after the article
        seen = surface.split()
        if len(seen) >= 2 and not seen[1][:1].isupper():
            return False
    # a proper name is written with a capital, possibly after "l'" or a particle (von der Leyen)
    body = re.sub(r"^(?:l['’]|the\s+|von\s+der\s+|van\s+|de\s+)", "", surface, flags=re.I)
    first = body[:1]
    return first.isupper() or first.isdigit() or first == "@"
