"""Actors' roles in the interface's language, from the lexicon data/roles.toml (data, not code)."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

LEXICON = Path(__file__).resolve().parent / "data" / "roles.toml"


@functools.cache
def lexicon() -> dict[str, dict[str, str]]:
    """{language: {role as stored: role in that language}}."""
    with LEXICON.open("rb") as file:
        return tomllib.load(file)


def role_in(role: str, language: str | None) -> str:
    """The role in a language where the lexicon gives it, else as stored (an editor's own wording)."""
    return lexicon().get((language or "").split("-")[0], {}).get(role, role)
