"""Personal API tokens: what a script shows instead of a password.

A token is shown once, when it is made; Parley keeps only its SHA-256. Tokens are long random
strings (not passwords people choose), so one fast hash is enough and a lookup is one indexed
equality on the digest.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "parley_"
# last_used_at is written at most this often per token: one UPDATE per request would make every
# API call a write.
LAST_USED_RESOLUTION_SECONDS = 60


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """One personal token of one user, revocable, with the time it was last used."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text=_("What the token is for, e.g. “notebook on my laptop”."))
    # The first characters of the token, kept in clear so a user can tell their tokens apart.
    prefix = models.CharField(max_length=16, editable=False)
    hashed = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, name: str) -> tuple[ApiToken, str]:
        """Make a token; the raw string is returned here and never again."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=raw[: len(TOKEN_PREFIX) + 6], hashed=digest(raw))
        return token, raw

    @classmethod
    def find(cls, raw: str) -> ApiToken | None:
        """The active token with this raw string, with its user, or None."""
        if not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
            return None
        return cls.objects.active().select_related("user").filter(hashed=digest(raw)).first()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def touch(self) -> None:
        """Record a use, at most once a minute (a conditional UPDATE: no read-modify-write race)."""
        now = timezone.now()
        if self.last_used_at and (now - self.last_used_at).total_seconds() < LAST_USED_RESOLUTION_SECONDS:
            return
        ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
        self.last_used_at = now
