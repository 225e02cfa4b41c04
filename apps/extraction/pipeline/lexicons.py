"""Word lists the rules read, per language: data files a reviewer can read, not code.

Each file is `apps/extraction/data/lexicons/<language>/<name>.toml` (TOML, so every entry can
carry a comment saying why it is there). This module only finds, parses and caches them; the
stage that reads a list (quotes, events) turns it into its own typed view, so a list has one
owner and one meaning.
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from .gazetteer import fold

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed: say which file and what is wrong."""


@functools.cache
def load(language: str, name: str) -> dict:
    """The parsed contents of one lexicon file, cached for the process."""
    path = LEXICON_DIR / language / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(f"no lexicon {name!r} for language {language!r} ({path})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: {exc}") from exc


def words(language: str, name: str, section: str) -> frozenset[str]:
    """A list of words from one section of a lexicon file, folded (lower case, no accents)."""
    table = load(language, name)
    try:
        values = table[section]
    except KeyError as exc:
        raise LexiconError(f"lexicon {language}/{name}.toml has no section {section!r}") from exc
    if isinstance(values, dict):
        values = values.get("words", [])
    return frozenset(fold(w) for w in values)
