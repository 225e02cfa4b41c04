"""Poll RSS/Atom feeds: conditional GET, feedparser, one PENDING article per new item."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass

import feedparser
from django.db.models import Q
from django.utils import timezone

from apps.ingestion.fetch import FetchError, fetch
from apps.ingestion.models import Article, Source
from apps.ingestion.services import InvalidArticle, submit_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollResult:
    status: str  # "new-items", "not-modified", "failed" or "skipped"
    new: int = 0
    seen: int = 0
    error: str = ""


def due_sources(now: dt.datetime | None = None):
    """Active sources with a feed whose next poll time has come (or that were never polled)."""
    now = now or timezone.now()
    return Source.objects.filter(active=True).exclude(feed_url="").filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))


def claim_source(source_id: int, now: dt.datetime | None = None) -> Source | None:
    """Move the source's next poll time forward if it is due; the caller that does so polls it."""
    now = now or timezone.now()
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return None
    # A conditional update: two beat ticks or two workers cannot both poll the same feed.
    claimed = due_sources(now).filter(pk=source_id).update(next_poll_at=now + source.poll_interval)
    return Source.objects.get(pk=source_id) if claimed else None


def _published(entry) -> dt.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc)


_DECLARES_ENTITIES = re.compile(rb"<!ENTITY", re.IGNORECASE)


def poll_source(source: Source) -> PollResult:
    """Fetch the source's feed if it changed and queue a fetch for each item not seen before."""
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    now = timezone.now()
    try:
        page = fetch(source.feed_url, headers=headers)
    except FetchError as exc:
        Source.objects.filter(pk=source.pk).update(last_polled_at=now, last_error=f"feed fetch failed: {exc}"[:2000])
        return PollResult("failed", error=str(exc))
    if page.status == 304:
        Source.objects.filter(pk=source.pk).update(last_polled_at=now, last_error="")
        return PollResult("not-modified")

    if _DECLARES_ENTITIES.search(page.content[:65536]):
        # No real feed declares entities; billion-laughs and external-entity attacks do. The
        # parser would survive them, but refusing is simpler to trust than surviving.
        error = "the feed declares XML entities (<!ENTITY>); refused as an entity-expansion or external-entity attack"
        Source.objects.filter(pk=source.pk).update(last_polled_at=now, last_error=error)
        return PollResult("failed", error=error)
    feed = feedparser.parse(page.content, response_headers={"content-type": page.headers.get("content-type", "")})
    entries = feed.entries
    warning = ""
    if feed.bozo:
        problem = f"{type(feed.bozo_exception).__name__}: {feed.bozo_exception}"
        if not entries:
            error = f"the feed could not be read ({problem})"
            Source.objects.filter(pk=source.pk).update(last_polled_at=now, last_error=error[:2000])
            return PollResult("failed", error=error)
        warning = f"the feed is not well-formed ({problem}); {len(entries)} items read anyway"
    elif not entries and not feed.get("version"):
        error = "the URL does not serve an RSS or Atom feed"
        Source.objects.filter(pk=source.pk).update(last_polled_at=now, last_error=error)
        return PollResult("failed", error=error)

    new = seen = 0
    for entry in entries:
        link = entry.get("link") or ""
        guid = (entry.get("id") or link)[:200]
        if guid and Article.objects.filter(source=source, external_id=guid).exists():
            seen += 1
            continue
        try:
            stored = submit_url(
                url=link, via=Article.Via.FEED, source=source, title=entry.get("title", ""),
                published=_published(entry), external_id=guid,
            )
        except InvalidArticle as exc:
            log.info("feed %s: item %r skipped: %s", source.pk, guid, exc)
            continue
        new += stored.created
        seen += not stored.created

    # The validators are kept only once the items are stored: a crash before this line means
    # the next poll downloads the feed again instead of skipping items it never stored.
    Source.objects.filter(pk=source.pk).update(
        etag=page.headers.get("etag", "")[:500], last_modified=page.headers.get("last-modified", "")[:100],
        last_polled_at=now, last_error=warning[:2000],
    )
    return PollResult("new-items", new=new, seen=seen, error=warning)
