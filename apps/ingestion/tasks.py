"""Celery tasks of the ingestion side: thin wrappers around feeds, fetch and services.

Every task takes ids, is safe to run twice (each step starts with a conditional update or a
status check), and leaves its reason on the row when it gives up.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils import timezone

from apps.ingestion import feeds, services
from apps.ingestion.extract_page import detect_language, extract_page
from apps.ingestion.fetch import PermanentFetchError, TransientFetchError, fetch
from apps.ingestion.models import Article
from apps.ingestion.politeness import HostBusy, host_slots, take_turn

log = logging.getLogger(__name__)

# Worth another try later: the network, the server's bad minute, a lost database connection.
TRANSIENT = (TransientFetchError, OperationalError, InterfaceError)
MAX_FETCH_RETRIES = 5
# The sweep gives up on an article whose fetch was started this many times without an outcome.
MAX_FETCH_ATTEMPTS = 8
# How many times a fetch may be queued again to wait for its host's slot before it fails. Each
# wait is at most half the task time limit (so the sweep sees the row alive): 40 waits give a
# busy host an hour (1,800 fetches at a 2 s interval) at the default limits.
MAX_SLOT_WAITS = 40


@worker_init.connect
def load_language_model(**kwargs):
    """Load py3langid's model once in the worker's main process, before prefork children copy it.

    Otherwise the first fetch in each child pays a second or two for it, close to the soft limit
    of a tightly configured worker.
    """
    detect_language("warm up the language model")


def _reason(exc: BaseException) -> str:
    return f"{exc}" if isinstance(exc, TransientFetchError) else f"{type(exc).__name__}: {exc}"


class RecordsFailure(Task):
    """Write why a task gave up on the Article it was about, so editors see it and can retry."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        article_id = args[0] if args else kwargs.get("article_id")
        if article_id is not None:
            tries = self.request.retries + 1
            services.record_fetch_failure(article_id=article_id, reason=f"gave up after {tries} tries: {_reason(exc)}")

    def on_retry(self, exc, task_id, args, kwargs, einfo):
        # The retry is only a message: Redis may lose it (a restart, a retry that could not be
        # sent), and the sweep then gives up after MAX_FETCH_ATTEMPTS. Keep why this try failed on
        # the row meanwhile, so the article says why it waits and the sweep can name it.
        article_id = args[0] if args else kwargs.get("article_id")
        if article_id is None:
            return
        try:
            services.note_fetch_retry(article_id=article_id, reason=f"try {self.request.retries + 1} failed, "
                                                                    f"retrying: {_reason(exc)}")
        except (OperationalError, InterfaceError):
            log.warning("could not record the retry of article %s", article_id, exc_info=True)


@shared_task(
    bind=True,
    base=RecordsFailure,
    autoretry_for=TRANSIENT,
    retry_backoff=5,  # 5s, 10s, 20s, 40s, 80s (with jitter): a flapping server gets room to recover
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=MAX_FETCH_RETRIES,
)
def fetch_article(self, article_id: int, slot: float | None = None, waits: int = 0) -> str:
    """Fetch a PENDING article's page, store its text, and queue extraction; a no-op for any other status.

    slot is the request slot booked on the article's host by an earlier run of this task, and
    waits how many times it was queued again to wait for it.
    """
    article = Article.objects.filter(pk=article_id).only("status", "url", "submitted_url").first()
    if article is None or article.status != Article.Status.PENDING:
        return "skipped"
    url = article.submitted_url or article.url
    turns = HostTurns(self, article_id, slot=slot, waits=waits)
    if (not_now := turns.wait_for_slot(urlsplit(url).hostname or "")):
        return not_now
    article = services.start_fetch(article_id)
    if article is None:
        return "skipped"
    try:
        page = extract_page(fetch(url, before_request=turns.take))
    except PermanentFetchError as exc:
        services.record_fetch_failure(article_id=article_id, reason=str(exc))
        return "failed"
    except SoftTimeLimitExceeded:
        services.record_fetch_failure(article_id=article_id, reason="fetching took longer than the task time limit")
        return "failed"
    stored = services.record_page(article_id=article_id, page=page)
    return stored.status if stored else "skipped"


class HostTurns:
    """One request per host per interval for one run of fetch_article: book a slot, keep it, take it.

    The slot is booked once and travels with the task's message while it waits in the queue;
    the turn is taken right before the request goes out, so what the host sees is spaced by the
    interval, not the moments workers picked their tasks up.
    """

    def __init__(self, task: Task, article_id: int, *, slot: float | None, waits: int):
        self.article_id, self.slot, self.waits = article_id, slot, waits
        self.interval = settings.PARLEY_FETCH_HOST_INTERVAL
        self.slots = host_slots() if self.interval > 0 else None
        self.eager = task.request.is_eager  # inline, in the process that queued it: there is no "later"
        # Below the sweep's threshold, so the row re-stamped at every wait never looks abandoned.
        self.longest_wait = settings.CELERY_TASK_TIME_LIMIT / 2
        self.inline_wait = settings.PARLEY_FETCH_INLINE_WAIT
        # Sleeping in place stays well inside the soft time limit, whatever the interval.
        budget = min(self.inline_wait + 2 * self.interval, settings.CELERY_TASK_SOFT_TIME_LIMIT / 4)
        self.sleep_left = 1e9 if self.eager else budget
        self.host = ""

    def wait_for_slot(self, host: str) -> str:
        """Book (or keep) the slot; return "" if its time is near, else what the task did instead."""
        self.host = host.lower()
        if self.slots is None or not self.host:
            return ""
        if self.slot is None:
            # Only as far ahead as the waits left can reach: an article that could never get
            # there fails now, with the reason, instead of holding a slot it would not use.
            horizon = 1e9 if self.eager else (MAX_SLOT_WAITS - self.waits) * self.longest_wait
            try:
                self.slot = self.slots.reserve(self.host, interval=self.interval, horizon=horizon)
            except HostBusy as busy:
                return self._give_up(f"{busy}, more than this article may still wait ({horizon:.0f} s)")
        ahead = self.slots.seconds_until(self.slot)
        if self.eager or ahead <= self.inline_wait:
            return ""
        if self.waits >= MAX_SLOT_WAITS:
            return self._give_up(f"it is still {ahead:.0f} s away after {self.waits} waits")
        services.keep_waiting(self.article_id)
        fetch_article.apply_async(
            (self.article_id,), {"slot": self.slot, "waits": self.waits + 1}, countdown=min(ahead, self.longest_wait)
        )
        return "waiting for its host"

    def take(self, url: str) -> None:
        """Wait for the turn of the request about to go to url (each redirect hop asks again)."""
        if self.slots is None:
            return
        host = (urlsplit(url).hostname or "").lower()
        try:
            if host == self.host and self.slot is not None:
                slot, self.slot = self.slot, None  # the booked slot serves the first request only
            else:  # a redirect: the hop waits its turn too, but only for as long as it may wait here
                slot = self.slots.reserve(host, interval=self.interval, horizon=self.sleep_left)
            self.sleep_left -= take_turn(self.slots, host, slot, interval=self.interval, budget=self.sleep_left)
        except HostBusy as busy:
            # Late, and other fetches keep the host busy: try again later like any busy server.
            raise TransientFetchError(f"{host} is busy with other fetches ({busy})") from None

    def _give_up(self, why: str) -> str:
        services.record_fetch_failure(article_id=self.article_id, reason=f"gave up waiting for a request slot on {self.host}: {why}")
        return "failed"


@shared_task
def poll_source(source_id: int) -> dict:
    """Poll one feed if it is due (claimed by a conditional update, so never twice at once)."""
    source = feeds.claim_source(source_id)
    if source is None:
        return {"status": "skipped"}
    result = feeds.poll_source(source)
    return {"status": result.status, "new": result.new, "seen": result.seen, "error": result.error}


@shared_task
def poll_due_sources() -> int:
    """Queue a poll for every feed whose interval has passed (run every minute by beat)."""
    ids = list(feeds.due_sources().values_list("pk", flat=True))
    for source_id in ids:
        poll_source.delay(source_id)
    return len(ids)


@shared_task
def requeue_stuck_articles() -> dict:
    """Queue again the articles left PENDING, FETCHED or EXTRACTING longer than a task may run."""
    # A task is killed after CELERY_TASK_TIME_LIMIT; a row older than that in a waiting state has
    # no live task behind it (Redis was down, a message was lost), or it will be a harmless extra.
    older_than = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    now = timezone.now()
    stuck = Article.objects.stuck(older_than=older_than)

    hopeless = stuck.filter(status=Article.Status.PENDING, attempts__gte=MAX_FETCH_ATTEMPTS)
    gave_up = f"gave up: the fetch was started {MAX_FETCH_ATTEMPTS} times and never finished"
    # The last try's reason, when one was recorded (note_fetch_retry), is what an editor acts on.
    gave_up_count = hopeless.exclude(error="").update(
        status=Article.Status.FAILED, status_changed_at=now,
        error=Concat(Value(f"{gave_up}; last error: "), F("error"), output_field=TextField()),
    ) + hopeless.filter(error="").update(status=Article.Status.FAILED, status_changed_at=now, error=gave_up)
    pending = list(stuck.filter(status=Article.Status.PENDING).values_list("pk", flat=True)[:1000])
    waiting = list(
        stuck.filter(status__in=[Article.Status.FETCHED, Article.Status.EXTRACTING]).values_list("pk", flat=True)[:1000]
    )
    # Re-stamp first, so the next sweep leaves them alone for another window; the extraction
    # task still claims EXTRACTING rows by their age, so only FETCHED and PENDING are touched.
    Article.objects.filter(pk__in=pending, status=Article.Status.PENDING).update(status_changed_at=now)
    Article.objects.filter(pk__in=waiting, status=Article.Status.FETCHED).update(status_changed_at=now)
    for article_id in pending:
        fetch_article.delay(article_id)
    services.queue_extraction_batches(waiting)  # outside a transaction: sent at once
    return {"fetch": len(pending), "extract": len(waiting), "gave_up": gave_up_count}
