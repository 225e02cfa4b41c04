"""The data version: one number that every write to what the timeline shows changes.

Rendered fragments, API pages and ETags are keyed by it, so a cached page is never older than the
last write: an extracted article or an editor's save bumps the version and every key with the old
one stops matching (issue 14). The version lives in the shared cache (Redis in production, local
memory in a single development process), never expires, and starts at a fresh clock reading, so a
Redis that lost it cannot hand back a number some old page was stored under.

Writes are noticed where they all pass: an execute wrapper on every database connection sees each
INSERT, UPDATE and DELETE on the records' and ingestion's tables, including bulk_create and
QuerySet.update (which send no signals) in the extraction service and the editors' services. It
bumps the version on commit (other connections see the rows from then on), and also at once when
this process has read the version since its last bump, so a read later in the same transaction
(a test, a request that writes) misses too. A worker, which never reads pages, bumps once per
transaction: an extraction batch of thirty writes empties the cache once, not thirty times.

When a bump has just retired every page, the analysts asking for the same view at that moment
would all render it at once; `claim` lets one of them render while the others wait for its result
(`wait_for`) instead of rendering it too.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.backends.signals import connection_created

from config.cache import UNREACHABLE

logger = logging.getLogger(__name__)

VERSION_KEY = "parley:data-version"
# The apps whose rows the timeline, its exports and the API show (events, statements, actors,
# topics, evidence, articles and sources, their histories and join tables), and users, groups
# and permissions, which decide what a page's header shows (pagecache.audience; a login's
# last_login write bumps too, which logins are rare enough to afford).
WATCHED_APPS = ("records", "ingestion", "auth", "accounts")
# SQLite spells bulk_create(ignore_conflicts=True) and m2m adds "INSERT OR IGNORE INTO".
WRITE = re.compile(r'\s*(INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
# A new article shows nowhere until extraction writes the records that cite it (which bumps);
# ingesting a feed must not empty every cache several times a second.
IGNORED_WRITES = {("INSERT", "ingestion_article")}
# A worker claiming articles (FETCHED → EXTRACTING, extraction.services.claim) changes nothing a
# page shows: visibility turns on IRRELEVANT only, and the claimed article's records are written
# (and bumped) when its run is stored. Skipping it halves the bumps of a steady feed.
CLAIM_COLUMNS = {"status", "status_changed_at", "claim_token", "error", "attempts", "extraction_attempts", "updated_at"}
# A reader's visit stamp (accounts.User.record_timeline_visit) changes only that reader's "since
# your last visit", which the timeline's page key holds: every reader's page must not go for it.
VISIT_COLUMNS = {"timeline_seen_at", "previous_visit_at"}
SET_COLUMNS = re.compile(r'"(\w+)"\s*=')

_watched_tables: frozenset[str] | None = None
# Whether this process read the data version since it last bumped it (see the module's docstring).
_read_since_bump = False


def enabled() -> bool:
    """Whether pages may be served from the cache (PARLEY_PAGE_CACHE, see settings)."""
    return settings.PARLEY_PAGE_CACHE


def current() -> int | None:
    """The data version now, or None when the cache cannot be reached (then nothing is cached)."""
    global _read_since_bump
    _read_since_bump = True
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump() -> None:
    """Retire every page cached so far. Never raises: a write must not fail for the cache's sake."""
    global _read_since_bump
    _read_since_bump = False
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no version yet (or Redis lost it): any fresh one retires the old keys
            cache.add(VERSION_KEY, time.time_ns(), timeout=None)
    except UNREACHABLE as exc:
        # Redis unreachable: its pages are unreachable too. Pages stored earlier expire after
        # PAGE_CACHE_SECONDS at the latest, should Redis come back still holding them.
        logger.warning("Data version not bumped (%s): cache unreachable", type(exc).__name__)


def key(*parts) -> str | None:
    """A cache key for `parts` at the current data version, or None when caching is off."""
    if not enabled():
        return None
    version = current()
    if version is None:
        return None
    digest = hashlib.sha256("\x1f".join(str(p) for p in (version, *parts)).encode()).hexdigest()
    return f"parley:page:{digest}"


# Longer than the slowest page renders under load; a waiter that runs out renders the page itself.
FILL_WAIT_SECONDS = 5.0


def claim(key: str) -> bool:
    """Take the job of rendering `key`'s page; False when another request has it (then `wait_for`)."""
    return bool(cache.add(f"{key}:filling", 1, timeout=int(FILL_WAIT_SECONDS * 2)))


def release(key: str) -> None:
    cache.delete(f"{key}:filling")


def wait_for(key: str):
    """The page another request is rendering for `key`, or None if it gave up or took too long."""
    deadline = time.monotonic() + FILL_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.01)
        stored = cache.get(key)
        if stored is not None:
            return stored
        if not cache.has_key(f"{key}:filling"):  # it failed, or answered something not kept
            return cache.get(key)
    return None


def kept(key: str | None, fill):
    """What is stored under `key`, or else `fill()`'s result, stored until the next write.

    `fill()` returns what to store, or None for an answer not to keep (an error page). When many
    requests miss the same key at once, one fills it and the others wait for its result (`claim`).
    With no key (caching off, cache unreachable) `fill()` just runs.
    """
    if key is None:
        return fill()
    stored = cache.get(key)
    if stored is not None:
        return stored
    claimed = claim(key)
    if not claimed:
        stored = wait_for(key)
        if stored is not None:
            return stored
    try:
        stored = fill()
        if stored is not None:
            cache.set(key, stored, settings.PARLEY_PAGE_CACHE_SECONDS)
        return stored
    finally:
        if claimed:
            release(key)


def _tables() -> frozenset[str]:
    global _watched_tables
    if _watched_tables is None:
        _watched_tables = frozenset(
            model._meta.db_table
            for label in WATCHED_APPS
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
        )
    return _watched_tables


def _bump_on_commit() -> None:
    bump()


def _writes_watched_table(sql: str, params=None) -> bool:
    if not isinstance(sql, str) or sql[:1] in ("S", "s"):  # most queries are SELECTs: skip the regex
        return False
    match = WRITE.match(sql)
    if match is None:
        return False
    verb, table = match.group(1).split()[0].upper(), match.group(2)
    if table not in _tables() or (verb, table) in IGNORED_WRITES:
        return False
    if verb == "UPDATE" and table == "ingestion_article":
        return not _is_a_claim(sql, params)
    return not (verb == "UPDATE" and table == "accounts_user" and _set_columns(sql) <= VISIT_COLUMNS)


def _set_columns(sql: str) -> set[str]:
    head, _, _ = sql.partition(" WHERE ")
    return set(SET_COLUMNS.findall(head.partition(" SET ")[2]))


def _is_a_claim(sql: str, params) -> bool:
    columns = _set_columns(sql)
    values = {v for v in (params.values() if isinstance(params, dict) else params or ()) if isinstance(v, str)}
    return bool(columns) and columns <= CLAIM_COLUMNS and "extracting" in values and "irrelevant" not in values


class WriteWatcher:
    """Execute wrapper that bumps the data version after each write to a watched table."""

    def __init__(self, connection):
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if _writes_watched_table(sql, None if many else params):
            conn = self.connection
            if not conn.in_atomic_block:
                bump()  # autocommit: the row is committed already
            else:
                if _read_since_bump:
                    bump()
                if not any(func is _bump_on_commit for _sids, func, _robust in conn.run_on_commit):
                    transaction.on_commit(_bump_on_commit, using=conn.alias)
        return result


def _watch(sender, connection, **kwargs) -> None:
    # connection_created fires on every reconnect of the same wrapper object: add ours once.
    if not any(isinstance(w, WriteWatcher) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(WriteWatcher(connection))


def install() -> None:
    connection_created.connect(_watch, dispatch_uid="parley-data-version")
    for connection in connections.all(initialized_only=True):  # opened before the apps were ready
        _watch(None, connection)
