"""The reasons written in the records' history, stored in English and translated when shown.

The history is read by editors of every language, so a reason must not be stored in the language
of whoever made the change ("Marked rejeté" when a French editor rejected an event). Each reason
is a msgid: `written()` fills it with names in English for the database, `shown()` reads a stored
reason back against the same msgids and gives it in the reader's language. A reason that matches
none (an old row, one cut at the column's 100 characters) is shown as stored.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext, gettext_noop

from apps.records.models import ReviewState

AS_EXTRACTED = gettext_noop("As extracted")
CREATED = gettext_noop("Created by an editor")
CORRECTED = gettext_noop("Corrected by an editor")
CORRECTED_RELATED = gettext_noop("Corrected by an editor (related rows)")
CORRECTED_FIELDS = gettext_noop("Corrected: %(changes)s")
MERGED = gettext_noop("Merged “%(merged)s” into “%(kept)s”")
UNDID_MERGE = gettext_noop("Undid merge #%(number)s (%(merge)s)")
SPLIT = gettext_noop("Split “%(alias)s” off “%(actor)s”")
EVIDENCE_MOVED = gettext_noop("Evidence moved off “%(event)s”")

# One per state rather than "Marked %(state)s": French agrees the state with its noun.
MARKED = {
    ReviewState.UNREVIEWED: gettext_noop("Marked unreviewed"),
    ReviewState.VERIFIED: gettext_noop("Marked verified"),
    ReviewState.REJECTED: gettext_noop("Marked rejected"),
    ReviewState.LOCKED: gettext_noop("Marked locked by an editor"),
}

ALL = [AS_EXTRACTED, CREATED, CORRECTED, CORRECTED_RELATED, CORRECTED_FIELDS, MERGED, UNDID_MERGE, SPLIT,
       EVIDENCE_MOVED, *MARKED.values()]

# simple-history keeps change reasons in a 100-character column.
LIMIT = 100


def _pattern(msgid: str) -> re.Pattern:
    parts = re.split(r"%\((\w+)\)s", msgid)
    # Odd parts are the placeholders' names; the rest is literal text.
    return re.compile("".join(f"(?P<{p}>.+)" if i % 2 else re.escape(p) for i, p in enumerate(parts)) + r"\Z", re.S)


_PATTERNS = [(msgid, _pattern(msgid)) for msgid in ALL]


def written(msgid: str, **names) -> str:
    """The reason to store: the English msgid filled with the names, cut to the column's length."""
    reason = msgid % names if names else msgid
    return reason if len(reason) <= LIMIT else reason[: LIMIT - 1] + "…"


def marked(state: str) -> str:
    """The reason stored when an editor sets a row's review state."""
    return written(MARKED[ReviewState(state)])


def shown(stored: str | None) -> str:
    """A stored reason in the active language."""
    if not stored:
        return ""
    for msgid, pattern in _PATTERNS:
        match = pattern.match(stored)
        if match:
            return gettext(msgid) % match.groupdict() if match.groupdict() else gettext(msgid)
    return stored
