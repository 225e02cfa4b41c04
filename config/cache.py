"""Django's Redis cache, failing open: Redis down makes the cache a miss, never a page error.

The cache only spares work (the activity chart); Redis being restarted or unreachable must not
turn every page that reads it into a 500. While Redis cannot be reached, reads answer "not
cached", writes and deletes are skipped, and the page is computed as if the cache were cold. The
outage is logged once when it starts and once when Redis answers again, not on every request.
"""

from __future__ import annotations

import functools
import logging
import threading

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

# One flag per process: Django gives each thread its own cache object, and an outage is one event.
_outage = threading.Event()


def _note_success() -> None:
    if _outage.is_set():
        _outage.clear()
        logger.warning("Cache: Redis answers again; caching resumes")


def _note_failure(exc: Exception) -> None:
    if not _outage.is_set():
        _outage.set()
        logger.warning("Cache: Redis unreachable (%s); pages are computed uncached until it is back",
                       type(exc).__name__)


def _fail_open(fallback):
    """Run the cache operation; when Redis cannot be reached, answer `fallback(*args, **kwargs)`."""
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                result = method(self, *args, **kwargs)
            except UNREACHABLE as exc:
                _note_failure(exc)
                return fallback(*args, **kwargs)
            _note_success()
            return result
        return wrapper
    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


class FailOpenRedisCache(RedisCache):
    get = _fail_open(_default)(RedisCache.get)
    get_many = _fail_open(lambda keys, *a, **k: {})(RedisCache.get_many)
    has_key = _fail_open(lambda *a, **k: False)(RedisCache.has_key)
    add = _fail_open(lambda *a, **k: False)(RedisCache.add)
    set = _fail_open(lambda *a, **k: None)(RedisCache.set)
    set_many = _fail_open(lambda data, *a, **k: list(data))(RedisCache.set_many)
    touch = _fail_open(lambda *a, **k: False)(RedisCache.touch)
    delete = _fail_open(lambda *a, **k: False)(RedisCache.delete)
    delete_many = _fail_open(lambda *a, **k: None)(RedisCache.delete_many)
    # incr and clear keep raising: a counter that silently stays put, or a clear that did not
    # happen, would be wrong rather than merely slower.
