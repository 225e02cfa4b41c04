"""One story, stored once: canonical URLs and SimHash near-duplicates."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db import connection
from django.db.models import Subquery
from django.db.models.expressions import RawSQL

from apps.ingestion.models import Article, normalize_text

# Query parameters that say who sent the reader, never which article it is.
TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "_ga", "_gl", "ref", "ref_src", "ref_url", "referrer", "cmpid", "ito", "xtor", "at_medium",
    "at_campaign", "at_source", "ncid", "ocid", "sr_share", "smid", "share", "ns_mchannel",
    "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "taid", "fromref", "origin", "output",
}
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "oly_", "vero_", "__twitter")


def canonical_url(url: str) -> str:
    """The URL that names the article: lower-case host, no fragment, no tracking parameters, sorted query."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal keeps its brackets
    if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMS and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


# --- SimHash ------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 3
# Syndicated wire copy with a new dateline, a dropped closing sentence or a few changed words
# stays within this many of 64 bits (2-11 measured on 300-word stories); unrelated stories on
# the same talks land 25-36 bits apart (the dev articles; see tests/ingestion/test_dedup.py).
NEAR_DUPLICATE_BITS = 12
# Below this many words a SimHash says more about the topic than about the text.
MIN_WORDS = 40
WINDOW = timedelta(days=14)


def _signed(value: int) -> int:
    """Fit an unsigned 64-bit value into PostgreSQL's signed bigint."""
    return value - (1 << 64) if value >= (1 << 63) else value


def simhash(text: str) -> int | None:
    """64-bit SimHash of the text's word 3-shingles (signed, for a bigint column); None when too short."""
    words = _WORD.findall(normalize_text(text).lower())
    if len(words) < MIN_WORDS:
        return None
    weights = [0] * 64
    for i in range(len(words) - SHINGLE + 1):
        shingle = " ".join(words[i : i + SHINGLE]).encode("utf-8")
        value = int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    fingerprint = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return _signed(fingerprint)


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(normalize_text(text).lower())
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def overlap(a: str, b: str) -> float:
    """Share of the shorter text's 3-word shingles found in the other: wire copy trimmed at the end stays near 1."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


# A SimHash match is a candidate; the texts themselves must share this much to be called copies,
# so two different stories whose fingerprints collide by chance are both kept.
MIN_OVERLAP = 0.5
MAX_CANDIDATES = 5


def _candidates(fingerprint: int, queryset) -> list[int]:
    """Ids of articles within NEAR_DUPLICATE_BITS of fingerprint, closest first."""
    if connection.vendor == "postgresql":
        # XOR and popcount in the database (bit_count, PostgreSQL 14+): only the matches travel.
        distance = RawSQL('bit_count(("ingestion_article"."simhash" # %s)::bit(64))', (fingerprint,))
        return list(
            queryset.annotate(distance=distance).filter(distance__lte=NEAR_DUPLICATE_BITS)
            .order_by("distance", "pk").values_list("pk", flat=True)[:MAX_CANDIDATES]
        )
    scored = sorted(
        (hamming(fingerprint, other), pk) for pk, other in queryset.values_list("pk", "simhash")
        if hamming(fingerprint, other) <= NEAR_DUPLICATE_BITS
    )
    return [pk for _distance, pk in scored[:MAX_CANDIDATES]]


def find_near_duplicate(
    fingerprint: int | None, *, text: str, published: datetime | None, exclude_id: int | None = None
) -> Article | None:
    """The closest original published around the same time whose SimHash and text both say it is the same story."""
    if fingerprint is None:
        return None
    # Comparing against every article ever stored would grow without bound; copies of one
    # story appear within days of each other, so the window bounds the scan.
    candidates = Article.objects.originals().filter(simhash__isnull=False).exclude(status=Article.Status.FAILED)
    if exclude_id is not None:
        candidates = candidates.exclude(pk=exclude_id)
    if published is not None:
        candidates = candidates.filter(published_at__range=(published - WINDOW, published + WINDOW))
    else:
        candidates = candidates.filter(pk__in=Subquery(candidates.order_by("-pk").values("pk")[:20000]))
    ids = _candidates(fingerprint, candidates)
    for article in sorted(Article.objects.filter(pk__in=ids), key=lambda a: ids.index(a.pk)):
        if overlap(text, article.text) >= MIN_OVERLAP:
            return article
    return None
