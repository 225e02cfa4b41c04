"""Rendered pages kept until the next write, and `304 Not Modified` for a view seen before.

Analysts open the same few views again and again while the data changes only when an article is
extracted or an editor saves (issue 14): a view's HTML is stored under a key made of the data
version (apps.timeline.freshness), everything in the request that changes the HTML, and what the
user's permissions show in the page's header. Any write changes the version, so no key survives
it: the next request renders afresh.

The CSRF token is the one per-visitor value in a page: it is rendered as a placeholder, stored so,
and replaced by the visitor's own token on the way out. The ETag adds the visitor and their CSRF
cookie, so a browser revalidating a page it holds gets a 304 only while that page, token included,
is still what it would be served.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.cache import parse_etags, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from apps.timeline import cardcache, freshness

# The same in every process (a page stored by one is served by another), and no text Parley
# renders would contain it.
CSRF_PLACEHOLDER = "csrf-" + hashlib.sha256(f"parley csrf placeholder {settings.SECRET_KEY}".encode()).hexdigest()[:32]
KEPT_HEADERS = ("Content-Type", "Vary", "Content-Language")
SHOWN_PREFIX = "parley:shown:"


def audience(request) -> tuple:
    """What of the user the page shows: base.html's links for staff and for those who may add
    articles, and the cards' and event page's Edit links for those who may change events."""
    user = request.user
    if not user.is_authenticated:
        return (False, False, False, False)
    # The permission check reads two tables: kept per user until the next write to users, groups
    # or permissions (the data version), so a page from the cache costs two queries, not four.
    key = freshness.key("audience", user.pk)
    seen = cache.get(key) if key else None
    if seen is None:
        seen = (True, user.is_staff, user.has_perm("ingestion.add_article"), user.has_perm("records.change_event"))
        if key:
            cache.set(key, seen, settings.PARLEY_PAGE_CACHE_SECONDS)
    return tuple(seen)


def request_parts(request, name: str, vary=None) -> tuple:
    """Everything in the request that changes the view's HTML, besides the data it reads.

    `vary(request)` gives what else of the request the view's HTML depends on."""
    htmx = request.htmx
    return (
        name, request.get_full_path(), bool(htmx), bool(htmx and htmx.boosted),
        bool(htmx and htmx.history_restore_request), get_language(),
        # Planned events whose date has passed read differently tomorrow, without any write.
        timezone.localdate(), audience(request), settings.PARLEY_PUBLIC_TIMELINE,
        *(vary(request) if vary else ()),
    )


def request_key(request, name: str, vary=None) -> str | None:
    """The cache key of this request's page at the current data version; None when not cached."""
    if not freshness.enabled():
        return None  # and no permission queries for a key nobody reads
    return freshness.key(*request_parts(request, name, vary))


def shown_key(parts: tuple, shows: tuple) -> str:
    """The key of a page's HTML by what it shows: its request's parts and the data it read.

    No data version in it: a write that leaves what the page shows as it was (an event outside its
    filters, outside its page) finds the HTML rendered before; any change to what it shows gives
    another key. The templates' digest keeps a deployment from serving an old rendering."""
    digest = hashlib.sha256(repr((cardcache.templates_version(), get_script_prefix(), parts, shows)).encode())
    return SHOWN_PREFIX + digest.hexdigest()


def _etag(key: str, request) -> str:
    # The CSRF secret the page's token is masked from: the cookie's, or the one this response sets.
    visitor = f"{request.user.pk}|{request.META.get('CSRF_COOKIE', '')}"
    return '"' + hashlib.sha256(f"{key}|{visitor}".encode()).hexdigest()[:40] + '"'


def _with_validators(response, etag: str):
    response["ETag"] = etag
    # Stored by the browser, but asked about again every time: never shown stale.
    patch_cache_control(response, private=True, no_cache=True)
    return response


def cached_page(name: str, vary=None):
    """Serve the view's 200 responses from the page cache while the data version holds."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not freshness.enabled():
                return view(request, *args, **kwargs)
            parts = request_parts(request, name, vary)
            key = freshness.key(*parts)
            if key is None:
                return view(request, *args, **kwargs)
            etag = _etag(key, request)
            if etag in parse_etags(request.headers.get("If-None-Match", "")):
                response = _with_validators(HttpResponseNotModified(), etag)
                patch_vary_headers(response, ["HX-Request"])
                return response
            fresh = None

            def fill():
                nonlocal fresh
                fresh = view(request, *args, **kwargs)
                if fresh.status_code != 200 or getattr(fresh, "streaming", False):
                    return None
                if hasattr(fresh, "render") and not fresh.is_rendered:
                    # A view that says what its page shows (`shows`, see views.render) is rendered
                    # only when that changed: after a write elsewhere it costs its queries alone.
                    shows = getattr(fresh, "shows", None)
                    by_shown = shown_key(parts, shows) if shows is not None else None
                    html = cache.get(by_shown) if by_shown else None
                    if html is None:
                        fresh.context_data = {**(fresh.context_data or {}), "csrf_token": CSRF_PLACEHOLDER}
                        fresh.render()
                        if by_shown:
                            cache.set(by_shown, fresh.content.decode(fresh.charset), settings.PARLEY_PAGE_CACHE_SECONDS)
                    else:
                        fresh.content = html
                return {"content": fresh.content.decode(fresh.charset),
                        "headers": {h: fresh[h] for h in KEPT_HEADERS if h in fresh}}

            stored = freshness.kept(key, fill)
            if stored is None:
                return fresh  # not a page to keep: answered as the view made it
            if fresh is not None:
                response = fresh
            else:
                response = HttpResponse()
                for header, value in stored["headers"].items():
                    response[header] = value
            content = stored["content"]
            if CSRF_PLACEHOLDER in content:
                content = content.replace(CSRF_PLACEHOLDER, get_token(request))
            response.content = content
            return _with_validators(response, _etag(key, request))

        return wrapper

    return decorate
