"""One story, stored once: canonical URLs and SimHash near-duplicates."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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


def find_near_duplicate(fingerprint: int | None, *, published: datetime | None, exclude_id: int | None = None) -> Article | None:
    """The closest original article within NEAR_DUPLICATE_BITS, among those published around the same time."""
    if fingerprint is None:
        return None
    # Comparing against every article ever stored would grow without bound; copies of one
    # story appear within days of each other, so the window keeps this a few thousand integers.
    candidates = Article.objects.originals().filter(simhash__isnull=False).exclude(status=Article.Status.FAILED)
    if exclude_id is not None:
        candidates = candidates.exclude(pk=exclude_id)
    if published is not None:
        candidates = candidates.filter(published_at__range=(published - WINDOW, published + WINDOW))
    else:
        candidates = candidates.order_by("-id")[:20000]
    best: tuple[int, int] | None = None
    for pk, other in candidates.values_list("pk", "simhash"):
        distance = hamming(fingerprint, other)
        if distance <= NEAR_DUPLICATE_BITS and (best is None or (distance, pk) < best):
            best = (distance, pk)
    return Article.objects.get(pk=best[1]) if best else None
