"""Who may call the API, and how often: the pages' reading rule, personal tokens, a throttle.

A request with `Authorization: Bearer <token>` is its token's user (an unknown or revoked token
is refused even when the timeline is public: a script should learn its token no longer works).
Without the header it is whoever the session says, so the docs page's "Try it out" works for a
logged-in analyst, and anyone when PARLEY_PUBLIC_TIMELINE is on.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from apps.api.models import ApiToken
from apps.timeline.views import can_read

THROTTLE_WINDOW_SECONDS = 60
# ninja asks wait() right after allow_request() on the same thread; one instance serves all threads.
_last_wait = threading.local()


@dataclass(frozen=True)
class Caller:
    user: object
    token: ApiToken | None = None

    def __bool__(self) -> bool:  # ninja takes a falsy answer for "not authenticated"
        return True


class ReaderAuth(HttpBearer):
    """Bearer token or session; then the same rule as the pages (apps.timeline.views.can_read)."""

    def __call__(self, request) -> Caller:
        header = request.headers.get("Authorization", "")
        if header:
            scheme, _, raw = header.partition(" ")
            token = ApiToken.find(raw.strip()) if scheme.lower() == "bearer" else None
            if token is None or not token.user.is_active:
                raise AuthenticationError(message="This API token is unknown or was revoked.")
            caller = Caller(user=token.user, token=token)
        else:
            caller = Caller(user=getattr(request, "user", None) or AnonymousUser())
        if not can_read(caller.user):
            if caller.user.is_authenticated:
                raise AuthorizationError(message="Only Analysts and Editors may read the timeline.")
            raise AuthenticationError(message="Send an API token: Authorization: Bearer <token>.")
        if caller.token is not None:
            caller.token.touch()
        return caller

    def authenticate(self, request, token):  # the abstract hook; __call__ does the work
        raise NotImplementedError


class TokenThrottle(BaseThrottle):
    """PARLEY_API_RATE requests a minute per token (per user for sessions, per address otherwise).

    A fixed window in the cache (Redis when REDIS_URL is set, so every web process shares it).
    """

    def allow_request(self, request) -> bool:
        caller = getattr(request, "auth", None)
        if caller is not None and caller.token is not None:
            who = f"token:{caller.token.pk}"
        elif caller is not None and caller.user.is_authenticated:
            who = f"user:{caller.user.pk}"
        else:
            who = f"addr:{request.META.get('REMOTE_ADDR', '')}"
        now = time.time()
        window = int(now // THROTTLE_WINDOW_SECONDS)
        key = f"api:throttle:{who}:{window}"
        cache.add(key, 0, timeout=THROTTLE_WINDOW_SECONDS * 2)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=THROTTLE_WINDOW_SECONDS * 2)
            count = 1
        _last_wait.seconds = (window + 1) * THROTTLE_WINDOW_SECONDS - now
        return count <= settings.PARLEY_API_RATE

    def wait(self) -> int:
        return max(1, math.ceil(getattr(_last_wait, "seconds", THROTTLE_WINDOW_SECONDS)))
