"""Event titles that say who, what and with whom, in each language Parley reads (templates: titles.toml)."""
from __future__ import annotations

import functools
import re
import string

from babel import Locale

from ..actors import ActorTable
from ..gazetteer import FAMILY_NAME_FIRST, surname
from ..lexicons import load
from ..nlp import SUPPORTED

FIELDS = frozenset({"who", "first", "pair", "where", "what", "place", "to_place", "on", "against"})
TEMPLATE_KEYS = ("one", "many", "none", "planned_one", "planned_many", "cancelled")


@functools.cache
def _titles(language: str) -> dict:
    return load(language, "titles")


def template_fields(template: str) -> set[str]:
    """The fields a title template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def plural_name(name: str) -> bool:
    """Whether a party's name is a plural ("European leaders", « Européens »)."""
    last = name.split()[-1] if name.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) and last[:1].islower() or \
        len(name.split()) == 1 and name.endswith("ens")


def _who(names: list[str], words: dict) -> str:
    if len(names) > 3:
        return f"{', '.join(names[:2])} {words['and']} {words['others']}"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} {words['and']} {names[-1]}"
    return names[0] if names else ""


def make_title(kind: str, status: str, names: list[str], location: str | None, *, language: str = "en",
               what: str | None = None, preposition: str | None = None, targets: list[str] = ()) -> str:
    """A short title such as 'Macron and Zelensky meet in Paris' or « Trump et Poutine doivent se rencontrer »."""
    table = _titles(language)
    words, section = table["words"], table[kind]
    # "European leaders" is one party but many people: it takes the plural
    many = len(names) > 1 or len(names) == 1 and plural_name(names[0])
    count = "none" if not names else "many" if many else "one"
    place_phrase = f"{preposition or words['in']} {location}" if location else ""
    # what was announced is cut from its clause and may keep the clause's comma ("100 new designations,")
    fields = {
        "who": _who(names, words), "first": names[0] if names else "", "pair": words["dash"].join(names[:3]),
        "where": f" {place_phrase}" if place_phrase else "", "what": (what or "").rstrip(" ,;:—–-"),
        "place": location or words["abroad"], "to_place": place_phrase or words["abroad"],
        "on": f" {words['on']} {_who(list(targets), words)}" if targets else "",
        "against": f" {words['against']} {_who(list(targets), words)}" if targets else "",
    }
    suffix = ""
    if status == "cancelled" and names:
        key = "cancelled_what" if what and "cancelled_what" in section else "cancelled"
    elif status == "planned" and names:
        key = f"planned_{count}_what" if what and f"planned_{count}_what" in section else f"planned_{count}"
    else:
        # (« none_what »: "Protests in Kyiv", where a kind names what was done with no party to say it)
        key = f"{count}_what" if what and (names or count == "none") and f"{count}_what" in section else count
        suffix = words["cancelled"] if status == "cancelled" else words["planned"] if status == "planned" else ""
    if names and plural_name(names[0]) and f"{key}_group" in section \
            and "first" in template_fields(section[key]) and "who" not in template_fields(section[key]):
        key = f"{key}_group"  # "European leaders visit Kyiv": the one who goes is many
    title = _grammar(section[key].format(**fields) + suffix, table.get("grammar", {}))
    return title[:1].upper() + title[1:]


def _grammar(title: str, rules: dict) -> str:
    """A language's own spelling rules on a finished title: French elides « de » before a vowel and
    contracts « de le » into « du » (titles.toml [grammar])."""
    for pair, joined in rules.get("contractions", {}).items():
        title = re.sub(rf"\b{re.escape(pair)}\b", joined, title)
    for word in rules.get("elide", ()):
        title = re.sub(rf"\b{word} (?=[aeiouyàâéèêëîïôûAEIOUYÀÂÉÈÊËÎÏÔÛ])", f"{word[:-1]}'", title)
    return title


def display_name(table: ActorTable, key: str, language: str, article_language: str) -> str:
    """How a title names an actor in a language: a person by surname, as the article writes it when the
    title is in the article's language; a country by its name in that language."""
    actor = table.actors.get(key)
    if actor is None:
        return key
    if actor.kind == "person":
        if language == article_language:
            written = _surname_as_written(table, key)
            if written:
                return written
        return surname(actor.name, actor.country in FAMILY_NAME_FIRST)
    if actor.kind == "country" and actor.country:
        name = _country_name(actor.country, language)
        if name:
            return name
    if language == article_language:
        written = _name_as_written(table, key, _titles(language).get("grammar", {}).get("keep_article", False))
        if written:
            return written
    return actor.name


def _written(table: ActorTable, key: str, ways: tuple[str, ...]) -> list[str]:
    """The forms the article writes an actor's name in, read one of these ways (name, surname…)."""
    texts = {m.start: m.text for m in table.actors[key].mentions}
    return [texts[m.start] for m in table.mentions if m.key == key and m.via in ways and m.start in texts]


def _surname_as_written(table: ActorTable, key: str) -> str | None:
    """The surname the article uses ("Poutine" in French), from the mentions that write the name."""
    # not a transcript's label or a headline in capitals ("SECRETARY RUBIO:")
    family_first = table.actors[key].country in FAMILY_NAME_FIRST
    forms = [surname(w, family_first) for w in _written(table, key, ("name", "surname", "fuzzy", "new"))
             if w[:1].isupper() and not w.isupper() and len(w.split()) <= 4]
    if not forms:
        return None
    canonical = surname(table.actors[key].name, family_first)
    return canonical if canonical in forms else max(sorted(set(forms)), key=forms.count)


def _name_as_written(table: ActorTable, key: str, keep_article: bool = False) -> str | None:
    """An organization's name as the article writes it, its most frequent form: « Otan » for an English
    headline's style, « l'Otan » where the language keeps the article (titles.toml [grammar])."""
    written = [(w, _strip_article(w)) for w in _written(table, key, ("name", "new", "fuzzy"))]
    written = [(w, bare) for w, bare in written
               if bare[:1].isupper() or table.kind(key) == "group"]  # « coalition des volontaires »
    if not written:
        return None
    bares = [bare for _, bare in written]
    bare = max(sorted(set(bares)), key=bares.count)
    if not keep_article:
        return bare
    fulls = [_lower_article(w) for w, b in written if b == bare]
    return max(sorted(set(fulls)), key=fulls.count)


def _lower_article(text: str) -> str:
    """« L'Otan » at the start of a sentence is « l'Otan » inside a title."""
    bare = _strip_article(text)
    return text[:len(text) - len(bare)].lower() + bare if bare != text else text


def _strip_article(text: str) -> str:
    for article in ("the ", "The ", "l'", "L'", "l’", "L’", "la ", "La ", "le ", "Le ", "les ", "Les "):
        if text.startswith(article):
            return text[len(article):]
    return text


@functools.cache
def _country_name(code: str, language: str) -> str | None:
    """A country's name in a language, from the CLDR data Babel ships ("RU" → « Russie »)."""
    try:
        return Locale(language).territories.get(code.upper())
    except (ValueError, TypeError):
        return None


def titles(kind: str, status: str, keys: list[str], table: ActorTable, location: str | None, *,
           article_language: str, what: str | dict | None = None, written_place: str | None = None,
           preposition: str | None = None, targets: list[str] = (), names: dict | None = None) -> dict[str, str]:
    """The event's title in every language Parley reads, each naming the parties as that language does.

    `names` keeps the names worked out for the article's earlier events (each reads all its mentions).
    """
    names = {} if names is None else names

    def display(key: str, language: str) -> str:
        if (key, language) not in names:
            names[key, language] = display_name(table, key, language, article_language)
        return names[key, language]

    out = {}
    for language in SUPPORTED:
        parties = [display(k, language) for k in keys]
        if len(set(parties)) < len(parties):
            # "Donald Trump and Melania Trump": two of a family are named in full
            parties = [table.actors[k].name if parties.count(p) > 1 and k in table.actors else p
                       for k, p in zip(keys, parties)]
        aimed = [display(k, language) for k in targets]
        own = language == article_language
        place = (written_place or location) if own else location
        # what the article wrote is in its language; what a lexicon entry names is given in each
        said = what.get(language) if isinstance(what, dict) else what if own else None
        out[language] = make_title(kind, status, parties, place, language=language, what=said,
                                   preposition=preposition if own else None, targets=aimed)
    return out
