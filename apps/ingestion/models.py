"""Where articles come from and the articles themselves, with their processing state."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """A publisher or feed that analysts follow."""

    class Kind(models.TextChoices):
        FEED = "feed", _("RSS/Atom feed")
        WIRE = "wire", _("Wire service")
        NEWSPAPER = "newspaper", _("Newspaper")
        OFFICIAL = "official", _("Official press page")
        MANUAL = "manual", _("Manual entry")

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FEED)
    homepage = models.URLField(max_length=500, blank=True)
    feed_url = models.URLField(max_length=500, blank=True)
    language = models.CharField(max_length=8, blank=True, help_text=_("Blank: detect per article."))
    licence = models.CharField(max_length=200, blank=True)
    active = models.BooleanField(default=True)
    poll_interval = models.DurationField(default=timedelta(minutes=30))
    # Conditional GET: sent back to the server so an unchanged feed costs a 304.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            # poll_due_sources: active feeds whose next_poll_at has passed.
            models.Index(fields=["active", "next_poll_at"], name="source_due_idx"),
        ]

    def __str__(self) -> str:
        return self.name


def normalize_text(text: str) -> str:
    """Fold Unicode forms and whitespace so the same text always hashes the same."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


class TriggerColumn(models.Func):
    """A column PostgreSQL triggers keep and Django's model state leaves out (so no save() writes
    it back stale), read from the same table as the queryset's primary key."""

    def __init__(self, column: str, output_field):
        self.column = column
        super().__init__(F("pk"), output_field=output_field)

    def as_sql(self, compiler, connection, **extra):
        # The primary key compiles to "<table or alias>"."id": the column sits beside it.
        sql, params = compiler.compile(self.source_expressions[0])
        return f'{sql.rsplit(".", 1)[0]}."{self.column}"', params


def ArticleSearchDocument() -> TriggerColumn:
    """The article's English and French tsvector of its title and text (ingestion 0007)."""
    return TriggerColumn("search_document", SearchVectorField())


class ArticleQuerySet(models.QuerySet):
    def originals(self):
        return self.filter(duplicate_of__isnull=True)

    def stuck(self, *, older_than: timedelta):
        """Articles left in a waiting state longer than a worker would ever take."""
        cutoff = timezone.now() - older_than
        return self.filter(
            status__in=[Article.Status.PENDING, Article.Status.FETCHED, Article.Status.EXTRACTING],
            status_changed_at__lt=cutoff,
        )


class Article(models.Model):
    """One news story as Parley received it, and where it stands in the pipeline."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be fetched")
        FETCHED = "fetched", _("Fetched, waiting for extraction")
        EXTRACTING = "extracting", _("Being extracted")
        EXTRACTED = "extracted", _("Extracted")
        DUPLICATE = "duplicate", _("Near-duplicate of another article")
        FAILED = "failed", _("Failed")
        IRRELEVANT = "irrelevant", _("Marked irrelevant")

    class Via(models.TextChoices):
        FEED = "feed", _("Feed")
        URL = "url", _("Submitted URL")
        PASTE = "paste", _("Pasted text")
        IMPORT = "import", _("Bulk import")
        UPLOAD = "upload", _("Uploaded file")

    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="articles")
    via = models.CharField(max_length=10, choices=Via.choices)
    external_id = models.CharField(max_length=200, blank=True, help_text=_("The id the article came with (feed GUID, import id)."))
    url = models.URLField(max_length=1000, null=True, blank=True, help_text=_("Canonical URL, tracking parameters removed."))
    submitted_url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True)
    text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    # 64-bit SimHash of the text's shingles: syndicated copies with small edits are a few bits apart.
    simhash = models.BigIntegerField(null=True, blank=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    status_changed_at = models.DateTimeField(default=timezone.now)
    error = models.TextField(blank=True, help_text=_("Why the last attempt failed, in words an editor can act on."))
    attempts = models.PositiveIntegerField(default=0)
    # Extraction runs started (claimed) since the last one that finished, a redelivered message
    # after a killed worker included: the worker gives up at MAX_EXTRACTION_ATTEMPTS
    # (apps.extraction.services), so an article that always fails cannot loop for ever.
    extraction_attempts = models.PositiveIntegerField(default=0, editable=False)
    # The Celery task id that holds the article while it is EXTRACTING: a retry of that same
    # task may take it back at once; any other run waits until the claim has expired.
    claim_token = models.CharField(max_length=64, blank=True, editable=False)
    extractor_version = models.CharField(max_length=40, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            # One row per canonical URL: the same story under other tracking parameters is one article.
            models.UniqueConstraint(fields=["url"], condition=Q(url__isnull=False), name="article_unique_url"),
            # One row per exact text: the same wire copy under another URL is stored once.
            models.UniqueConstraint(
                fields=["content_hash"], condition=~Q(content_hash=""), name="article_unique_content"
            ),
            models.CheckConstraint(
                condition=~Q(status="extracted") | ~Q(text=""), name="article_extracted_has_text"
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | ~Q(duplicate_of=models.F("id")),
                name="article_not_duplicate_of_itself",
            ),
        ]
        indexes = [
            # requeue_stuck_articles and the admin's status filter.
            models.Index(fields=["status", "status_changed_at"], name="article_status_idx"),
            # Timeline filters by language and orders sources by publication time.
            models.Index(fields=["published_at"], name="article_published_idx"),
            # Near-duplicate lookup compares simhashes of recent originals.
            models.Index(fields=["simhash"], name="article_simhash_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.pk}"

    def save(self, *args, **kwargs):
        if self.text:
            self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)

    def set_status(self, status: str, *, error: str = "") -> None:
        """Record a step of the pipeline on this row."""
        self.status = status
        self.error = error
        self.status_changed_at = timezone.now()
        self.save(update_fields=["status", "error", "status_changed_at", "updated_at"])

    @property
    def published_date(self):
        return self.published_at.date() if self.published_at else None


class ArticleCorrection(models.Model):
    """An editor's correction of an article's text or publication date: who, when, why, what was there.

    Written by apps.records.services.correct_article, never edited. A table of its own rather
    than a history of every Article save: the pipeline saves an article several times on its way
    (each status), and a history would copy the whole text each time.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrected_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()
    # Each corrected field's old and new value: {"published_at": {"old": "2025-09-04T09:00:00+00:00",
    # "new": "…"}, "text": {"old": "…", "new": "…"}}; datetimes in ISO 8601.
    changes = models.JSONField()
    reextracted = models.BooleanField(default=False, help_text=_("Whether the article was sent back to extraction."))

    class Meta:
        ordering = ["-corrected_at", "-id"]

    def __str__(self) -> str:
        return f"{', '.join(self.changes)} of “{self.article}” on {self.corrected_at:%Y-%m-%d %H:%M}"
