"""Rendered event cards kept under a key made of everything the card shows (issue 14).

A write bumps the data version and retires every cached page (apps.timeline.freshness), so after
each extraction the next request of every view renders all its cards again, although nearly all
of them are unchanged: at 100k events the 30 cards were about half of a page's uncached time.
A card's key is a digest of what the card shows - the event's own fields, its participants'
names, its topics' names, its counts, where a search matched it - and of what else its HTML
depends on (language, the reader's Edit link, the day header above it, today's date, the card
templates and translations themselves). Any change to any of these gives another key, so a card
is never served stale whatever was written, and no bump needs to retire it: a page rebuilt after
a bump costs its queries and the cards that changed.

Only with the page cache (freshness.enabled): the same shared cache, the same switch.
"""

from __future__ import annotations

import hashlib
from functools import cache as once
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language

from apps.timeline import freshness

KEY_PREFIX = "parley:card:"


@once
def templates_version() -> str:
    """A digest of the templates and translations a card is rendered from.

    A deployment that changes a card's template or its French must not be served cards
    rendered by the old one from a Redis that outlived the old processes."""
    digest = hashlib.sha256()
    roots = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]] + [Path(p) for p in settings.LOCALE_PATHS]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".html", ".mo") and path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def shown(event) -> tuple:
    """What a card or a compact row shows of its event, related rows included."""
    match = getattr(event, "match", None)
    return (
        event.pk, event.kind, event.date, event.date_precision, event.status, event.review_state,
        event.display_title, event.location, event.is_unconfirmed_plan,  # the title in the reader's language
        getattr(event, "source_count", None), getattr(event, "statement_count", None),
        # Prefetched by queries.with_card_data: no query here.
        tuple((p.actor_id, p.actor.name) for p in event.participants.all()),
        tuple((t.slug, t.name_en, t.name_fr) for t in event.topics.all()),
        (str(match.where), str(match.snippet)) if match is not None else None,
    )


def key(name: str, event, *vary) -> str:
    # The script prefix: the card's links start with it.
    parts = (templates_version(), get_script_prefix(), name, get_language(), timezone.localdate(), shown(event), vary)
    return KEY_PREFIX + hashlib.sha256(repr(parts).encode()).hexdigest()


def rendered(name: str, event, vary: tuple, render) -> str:
    """The card's HTML from the cache, or `render()`'s, then kept."""
    if not freshness.enabled():
        return render()
    card_key = key(name, event, *vary)
    html = cache.get(card_key)
    if html is None:
        html = render()
        cache.set(card_key, html, settings.PARLEY_PAGE_CACHE_SECONDS)
    return html
