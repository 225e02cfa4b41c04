"""The event kinds table (data/event_kinds.toml) as Python: plain data, no Django, so anything may read it.

`python -m apps.records.kinds` prints the stylesheet of the kinds' colours (static/css/kinds.css).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).with_name("data") / "event_kinds.toml"


@dataclass(frozen=True)
class EventKind:
    key: str
    label: str  # English; translated where shown
    plover: str  # "" where PLOVER has no category
    colour: str
    group: str

    @property
    def css_class(self) -> str:
        return f"kind-{self.key}"


def _load() -> tuple[EventKind, ...]:
    with TABLE.open("rb") as file:
        rows = tomllib.load(file)["kind"]
    return tuple(EventKind(**row) for row in rows)


KINDS: tuple[EventKind, ...] = _load()
BY_KEY: dict[str, EventKind] = {kind.key: kind for kind in KINDS}
PLOVER: dict[str, str] = {kind.key: kind.plover for kind in KINDS}


def stylesheet() -> str:
    """One colour per kind, as a custom property and a class: badges, chart bars and legend agree."""
    lines = [
        "/* Generated from apps/records/data/event_kinds.toml by `python -m apps.records.kinds`: edit the table. */",
        ":root {",
        *(f"  --k-{kind.key}: {kind.colour};" for kind in KINDS),
        "}",
        *(f".{kind.css_class} {{ fill: var(--k-{kind.key}); --kind: var(--k-{kind.key}); }}" for kind in KINDS),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(stylesheet(), end="")
