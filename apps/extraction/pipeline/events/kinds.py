"""Event kinds, their PLOVER categories, and the confidence each way of reading an event earns."""
from __future__ import annotations

import tomllib
from pathlib import Path

# Kinds, their PLOVER categories and merge groups come from the one kinds table, which the records,
# the CSS, the exports and the synthetic generator read too. Read as data (no import of records),
# so this core stays free of Django and of the other apps.
_TABLE = Path(__file__).resolve().parents[3] / "records" / "data" / "event_kinds.toml"
with _TABLE.open("rb") as _file:
    _ROWS = tomllib.load(_file)["kind"]

KINDS = tuple(row["key"] for row in _ROWS)
# PLOVER (successor of CAMEO), None where PLOVER has no category (see the table for why each).
PLOVER = {row["key"]: row["plover"] or None for row in _ROWS}
# Kinds that can name the same real event in two reports ("the talks" and "the meeting"): mentions
# merge only within a group.
GROUP = {row["key"]: row["group"] for row in _ROWS}

# How sure a reading is, from how it was made (Event.basis is these parts joined by "+"). The first
# part says how the trigger was read, the others what supports it. Calibrated later on the blind set:
# change the numbers here, nowhere else.
TRIGGER_CONFIDENCE = {
    "verb": 0.75,        # "Rubio met Lavrov": a verb of the lexicon with its arguments checked
    "light-verb": 0.75,  # "held talks", « a tenu une réunion »: the noun is the event, the verb its parties
    "noun": 0.6,         # "the Riyadh meeting", "his call with Macron"
    "genre": 0.7,        # a transcript's questions and answers are a press conference
    "surface": 0.45,     # the parse collapsed: parties and date read from the sentence around the word
}
SUPPORT_CONFIDENCE = {
    "args": 0.1,         # parties found in the parse
    "date": 0.05,        # a date the text gives for this event
    "lead": -0.05,       # dated by the story's lead, not by a date of its own
    "story": -0.15,      # dated by the day its paragraph is at
    "default": -0.2,     # dated by the day the story went out, for want of anything else
    "undated": -0.1,     # no date at all
    "hedged": -0.15,     # only possible ("a possible summit", « un éventuel sommet »)
    "merged": 0.05,      # reported more than once in the article
}


def confidence(basis: str) -> float:
    """The confidence an event earns from its basis, kept within (0, 1)."""
    trigger, *support = basis.split("+")
    value = TRIGGER_CONFIDENCE.get(trigger, 0.5) + sum(SUPPORT_CONFIDENCE.get(part, 0.0) for part in support)
    return round(min(0.95, max(0.05, value)), 2)
