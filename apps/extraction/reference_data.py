"""Load the shipped gazetteer and topic rules into the database, where editors extend them."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from django.db import transaction

from apps.timeline.models import Actor, Alias, ReviewState, Topic, normalize_name

DATA_DIR = Path(__file__).resolve().parent / "data"


def topic_keywords(raw: dict) -> str:
    """One rule per line, prefixed by its language: the form editors edit in the admin."""
    return "\n".join(f"{lang}: {word}" for lang in ("fr", "en") for word in raw.get(lang, []))


@transaction.atomic
def load_topics(path: Path = DATA_DIR / "topics.json") -> int:
    """Create the topics that are missing; topics editors already have are left as they are."""
    data = json.loads(path.read_text(encoding="utf-8"))
    created = 0
    for raw in data["topics"]:
        _, was_created = Topic.objects.get_or_create(
            slug=raw["slug"],
            defaults={
                "name_en": raw.get("name_en") or raw.get("name") or raw["slug"],
                "name_fr": raw.get("name_fr") or raw.get("name") or raw["slug"],
                "description": raw.get("description", ""),
                "keywords": topic_keywords(raw),
            },
        )
        created += was_created
    return created


@lru_cache(maxsize=1)
def _gazetteer_entries() -> dict[str, dict]:
    data = json.loads((DATA_DIR / "gazetteer.json").read_text(encoding="utf-8"))
    return {raw["key"]: raw for raw in data["entries"]}


@transaction.atomic
def load_actors(keys: set[str] | None = None) -> int:
    """Create the curated actors that are missing (all, or those keys), with their aliases.

    An actor already in the database is never touched: editors may have changed it.
    """
    entries = _gazetteer_entries()
    wanted = set(entries) if keys is None else set(keys) & set(entries)
    known = set(Actor.objects.filter(gazetteer_key__in=wanted).values_list("gazetteer_key", flat=True))
    wanted -= known
    if not wanted:
        return 0
    taken_aliases = set(Alias.objects.values_list("normalized", flat=True))
    taken_wikidata = set(Actor.objects.exclude(wikidata_id="").values_list("wikidata_id", flat=True))
    created = 0
    for key in sorted(wanted):
        raw = entries[key]
        if raw.get("kind") not in Actor.Kind.values:
            continue  # places stay in the gazetteer only: they locate events, they are not actors
        wikidata = raw.get("wikidata") or ""
        actor = Actor.objects.create(
            name=raw["name"], kind=raw["kind"], country=(raw.get("country") or "")[:2],
            role=(raw.get("role") or "")[:200],
            wikidata_id="" if wikidata in taken_wikidata else wikidata,
            gazetteer_key=raw["key"], review_state=ReviewState.VERIFIED, confidence=1.0,
        )
        taken_wikidata.add(wikidata)
        aliases = []
        for alias in [{"name": raw["name"]}, *raw.get("aliases", [])]:
            name = alias["name"] if isinstance(alias, dict) else alias
            normalized = normalize_name(name)
            if not normalized or normalized in taken_aliases:
                continue
            taken_aliases.add(normalized)
            language = (alias.get("language") if isinstance(alias, dict) else None) or ""
            aliases.append(Alias(actor=actor, name=name[:200], normalized=normalized, language=language,
                                 origin=Alias.Origin.GAZETTEER))
        Alias.objects.bulk_create(aliases)
        created += 1
    return created
