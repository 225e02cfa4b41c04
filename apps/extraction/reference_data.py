"""Load the shipped gazetteer and topic rules into the database, where editors extend them."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from apps.records.models import Actor, Alias, ReviewState, Topic, normalize_name

DATA_DIR = Path(__file__).resolve().parent / "data"


def topic_keywords(raw: dict) -> str:
    """One rule per line, prefixed by its language: the form editors edit in the admin."""
    return "\n".join(f"{lang}: {word}" for lang in ("fr", "en") for word in raw.get(lang, []))


@transaction.atomic
def load_topics(path: Path = DATA_DIR / "topics.json") -> int:
    """Create the topics that are missing; topics editors already have are left as they are.

    Except for one gap: a topic loaded before the file had French names kept the English one as
    its French name. When its French name is still exactly that shipped English name, no editor
    chose it, and the shipped French name takes its place.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    created = 0
    for raw in data["topics"]:
        english = raw.get("name_en") or raw.get("name") or raw["slug"]
        if raw.get("name_fr"):
            Topic.objects.filter(slug=raw["slug"], name_fr=english).exclude(name_fr=raw["name_fr"]).update(
                name_fr=raw["name_fr"]
            )
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

    An actor already in the database is never touched: editors may have changed it. The worker
    calls this for the curated actors a batch names for the first time: a few set-based queries
    whatever their number.
    """
    entries = _gazetteer_entries()
    wanted = set(entries) if keys is None else set(keys) & set(entries)
    wanted = {key for key in wanted if entries[key].get("kind") in Actor.Kind.values}  # places stay in the gazetteer only
    wanted -= set(Actor.objects.filter(gazetteer_key__in=list(wanted)).values_list("gazetteer_key", flat=True))
    if not wanted:
        return 0
    names = {key: _names(entries[key]) for key in sorted(wanted)}
    all_normalized = [normalized for pairs in names.values() for _, normalized, _ in pairs]
    taken_aliases = set(Alias.objects.filter(normalized__in=all_normalized).values_list("normalized", flat=True))
    wikidata_ids = [entries[key].get("wikidata") for key in wanted if entries[key].get("wikidata")]
    taken_wikidata = set(Actor.objects.filter(wikidata_id__in=wikidata_ids).values_list("wikidata_id", flat=True))
    actors = []
    for key in names:
        raw = entries[key]
        wikidata = raw.get("wikidata") or ""
        actors.append(Actor(
            name=raw["name"], kind=raw["kind"], country=(raw.get("country") or "")[:2],
            role=(raw.get("role") or "")[:200],
            wikidata_id="" if wikidata in taken_wikidata else wikidata,
            gazetteer_key=raw["key"], review_state=ReviewState.VERIFIED, confidence=1.0,
        ))
        taken_wikidata.add(wikidata)
    bulk_create_with_history(actors, Actor)
    aliases = []
    for actor, pairs in zip(actors, names.values()):
        for name, normalized, language in pairs:
            if normalized in taken_aliases:
                continue  # one name, one actor: the first to claim it keeps it
            taken_aliases.add(normalized)
            aliases.append(Alias(actor=actor, name=name[:200], normalized=normalized, language=language,
                                 origin=Alias.Origin.GAZETTEER))
    Alias.objects.bulk_create(aliases)
    return len(actors)


def _names(raw: dict) -> list[tuple[str, str, str]]:
    """(name, normalized, language) of an entry's name and aliases, those with a usable form."""
    out = []
    for alias in [{"name": raw["name"]}, *raw.get("aliases", [])]:
        name = alias["name"] if isinstance(alias, dict) else alias
        normalized = normalize_name(name)
        if normalized:
            out.append((name, normalized, (alias.get("language") if isinstance(alias, dict) else None) or ""))
    return out
