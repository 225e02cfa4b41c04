"""The gazetteer the extractor uses: the shipped file, corrected and extended by editors.

Editors teach the machine through ordinary admin edits: an alias they add is matched in the
next article, an actor they reject is never produced again, an actor they rename keeps its
new name. The file gives the curated starting point; the database always wins.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache

from django.db import DatabaseError
from django.db.models import Count, Max

from apps.extraction.pipeline.gazetteer import DATA_FILE, Gazetteer
from apps.extraction.pipeline.topics import TopicMatcher
from apps.records.models import Actor, Alias, ReviewState, Topic

_lock = threading.Lock()
_cached: tuple[tuple, Gazetteer] | None = None


@lru_cache(maxsize=1)
def _file_data() -> dict:
    with open(DATA_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def db_key(actor_id: int) -> str:
    return f"db:{actor_id}"


def _signature() -> tuple:
    """Changes whenever an actor or alias the gazetteer reads is added, edited or removed.

    Only the rows build_gazetteer() reads count: the new names the machine makes in every batch
    are left out of it, or each batch would rebuild the whole gazetteer for nothing. One query each.
    """
    actors = _read_actors().aggregate(n=Count("id"), changed=Max("updated_at"))
    aliases = _taught_aliases().aggregate(n=Count("id"), last=Max("id"))
    return (actors["n"], actors["changed"], aliases["n"], aliases["last"])


def _read_actors():
    """Actors the gazetteer reads: all but the machine's unreviewed names (merged ones included:
    their merge moves their aliases)."""
    return Actor.objects.exclude(gazetteer_key="", review_state=ReviewState.UNREVIEWED, merged_into=None)


def _taught_aliases():
    """Names the machine saw are not knowledge until an editor agrees: only curated and editors'
    aliases teach the extractor, or one misread name would be matched in every later article."""
    return Alias.objects.exclude(origin=Alias.Origin.MACHINE, actor__review_state=ReviewState.UNREVIEWED)


def build_gazetteer() -> Gazetteer:
    """Merge the shipped entries with the actors and aliases in the database."""
    data = _file_data()
    entries = {raw["key"]: dict(raw, aliases=list(raw.get("aliases", []))) for raw in data["entries"]}
    rejected = list(data.get("rejected_names", []))
    aliases_by_actor: dict[int, list[dict]] = {}
    for actor_id, name, language in _taught_aliases().values_list("actor_id", "name", "language"):
        aliases_by_actor.setdefault(actor_id, []).append({"name": name, "language": language or None})

    for actor in _read_actors().only(
        "id", "name", "kind", "country", "role", "wikidata_id", "gazetteer_key", "review_state", "merged_into"
    ):
        names = [actor.name, *(a["name"] for a in aliases_by_actor.get(actor.pk, []))]
        if actor.review_state == ReviewState.REJECTED:
            entries.pop(actor.gazetteer_key, None)
            rejected.extend(names)
            continue
        if actor.merged_into_id:
            continue  # its aliases moved to the actor it was merged into
        if not actor.gazetteer_key and actor.review_state == ReviewState.UNREVIEWED:
            continue  # a new name the extractor made up stays out until an editor verifies it
        key = actor.gazetteer_key or db_key(actor.pk)
        entry = entries.get(key) or {"key": key, "aliases": []}
        entry.update(
            name=actor.name, kind=actor.kind, country=actor.country or entry.get("country"),
            role=actor.role or entry.get("role", ""), wikidata=actor.wikidata_id or entry.get("wikidata"),
        )
        entry["aliases"] = entry["aliases"] + aliases_by_actor.get(actor.pk, [])
        entries[key] = entry
    return Gazetteer(list(entries.values()), rejected_names=rejected)


def load_gazetteer() -> Gazetteer:
    """The current gazetteer, rebuilt only when editors changed something; the file alone without a database."""
    global _cached
    try:
        signature = _signature()
    except DatabaseError:
        return Gazetteer.from_file()  # `manage.py extract` on a machine with no migrated database
    with _lock:
        if _cached is None or _cached[0] != signature:
            _cached = (signature, build_gazetteer())
        return _cached[1]


# --- Topic rules ------------------------------------------------------------------------------

_topics_cached: tuple[tuple, TopicMatcher] | None = None


def topic_rules(rows) -> list[dict]:
    """Topic rows as the matcher reads them: "fr: …" / "en: …" lines, unprefixed lines in both."""
    rules = []
    for slug, name, keywords, lemmas in rows:
        rule = {"slug": slug, "name": name, "fr": [], "en": [], "lemmas": lemmas.split()}
        for line in keywords.splitlines():
            language, sep, word = line.partition(":")
            if sep and language.strip() in ("fr", "en") and word.strip():
                rule[language.strip()].append(word.strip())
            elif line.strip():
                rule["fr"].append(line.strip())
                rule["en"].append(line.strip())
        rules.append(rule)
    return rules


def load_topic_matcher() -> TopicMatcher:
    """The topic rules editors keep in the admin; the shipped file when there are none (or no database)."""
    global _topics_cached
    try:
        rows = tuple(Topic.objects.order_by("pk").values_list("slug", "name_en", "keywords", "lemmas"))
    except DatabaseError:
        return TopicMatcher.from_file()
    if not rows:
        return TopicMatcher.from_file()
    with _lock:
        if _topics_cached is None or _topics_cached[0] != rows:
            _topics_cached = (rows, TopicMatcher(topic_rules(rows)))
        return _topics_cached[1]
