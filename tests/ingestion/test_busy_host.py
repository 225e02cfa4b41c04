"""A busy host drains at one request per interval: a fetch keeps the slot it booked until its time.

The fetch task runs here as a worker runs it (not inline), on an in-process slot book with a
clock the test moves; re-queued messages are caught instead of sent. The real thing, with
workers, Redis and a clock that ticks, is in test_worker_busy_host.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.ingestion import politeness, tasks
from apps.ingestion.models import Article
from apps.ingestion.politeness import LocalSlots
from apps.ingestion.tasks import MAX_SLOT_WAITS, fetch_article, requeue_stuck_articles

pytestmark = pytest.mark.django_db

INTERVAL = 2.0
HOST = "127.0.0.1"


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def book(clock, settings, monkeypatch):
    """A fresh slot book on the test's clock; waiting in place moves that clock instead of sleeping."""
    settings.PARLEY_FETCH_HOST_INTERVAL = INTERVAL
    settings.PARLEY_FETCH_INLINE_WAIT = 5.0
    slots = LocalSlots(clock=clock)
    monkeypatch.setattr(tasks, "host_slots", lambda: slots)
    monkeypatch.setattr(politeness.time, "sleep", lambda seconds: setattr(clock, "now", clock.now + seconds))
    return slots


@pytest.fixture
def requeued(monkeypatch):
    """The messages fetch_article sends itself, caught: (kwargs, countdown) each."""
    sent = []
    monkeypatch.setattr(fetch_article, "apply_async", lambda args, kwargs=None, **options: sent.append((kwargs, options.get("countdown"))))
    return sent


def _pending(site) -> Article:
    site.serve_pages()
    url = site.url("/pages/article-en.html")
    return Article.objects.create(via=Article.Via.URL, url=url, submitted_url=url, status=Article.Status.PENDING)


def _book_ahead(book, seconds: float) -> None:
    """Other fetches hold the host's slots for the next `seconds`."""
    for _ in range(int(seconds / INTERVAL)):
        book.reserve(HOST, interval=INTERVAL, horizon=1e9)


def test_a_fetch_whose_slot_is_far_off_waits_in_the_queue_for_that_slot_and_then_uses_it(site, book, clock, requeued):
    article = _pending(site)
    _book_ahead(book, 20)
    before = timezone.now()

    assert fetch_article(article.pk) == "waiting for its host"

    [(kwargs, countdown)] = requeued
    assert kwargs == {"slot": clock.now + 20, "waits": 1} and countdown == 20
    article.refresh_from_db()
    assert article.status == Article.Status.PENDING and article.attempts == 0, "waiting is not an attempt"
    assert article.status_changed_at >= before, "stamped, so the sweep sees it alive"
    assert site.hits["/pages/article-en.html"] == 0

    clock.now += countdown
    assert fetch_article(article.pk, **kwargs) == Article.Status.FETCHED
    assert site.hits["/pages/article-en.html"] == 1 and len(requeued) == 1
    assert book.reserve(HOST, interval=INTERVAL, horizon=1e9) == kwargs["slot"] + INTERVAL, "its own slot, no second booking"


def test_a_slot_further_than_one_wait_is_waited_for_in_several_without_losing_it(site, book, clock, requeued, settings):
    settings.CELERY_TASK_TIME_LIMIT = 20  # each wait at most 10 s
    article = _pending(site)
    _book_ahead(book, 24)

    fetch_article(article.pk)
    for _ in range(2):
        kwargs, countdown = requeued[-1]
        clock.now += countdown
        fetch_article(article.pk, **kwargs)

    assert [(kw["waits"], countdown) for kw, countdown in requeued] == [(1, 10), (2, 10)]
    assert {kw["slot"] for kw, _ in requeued} == {1_000_024.0}
    assert Article.objects.get(pk=article.pk).status == Article.Status.FETCHED, "the last 4 s were waited in place"


@pytest.fixture
def asked_at(clock, monkeypatch):
    """The test clock's time as each request of a fetch goes out."""
    times = []
    real_fetch = tasks.fetch

    def fetch(url, *, before_request):
        return real_fetch(url, before_request=lambda hop: (before_request(hop), times.append(clock.now)))

    monkeypatch.setattr(tasks, "fetch", fetch)
    return times


def test_a_fetch_that_comes_back_late_holds_the_next_one_an_interval_after_it(site, book, clock, requeued, asked_at):
    article = _pending(site)
    earlier = book.reserve(HOST, interval=INTERVAL, horizon=1e9)
    mine = book.reserve(HOST, interval=INTERVAL, horizon=1e9)
    clock.now = mine + 0.5
    assert book.claim(HOST, earlier, interval=INTERVAL).wait == 0  # the earlier holder, back 2.5 s late

    assert fetch_article(article.pk) == Article.Status.FETCHED

    assert asked_at == [mine + 0.5 + INTERVAL], "one interval after the late request, though its own time had come"
    assert requeued == []


def test_a_redirect_on_the_same_host_waits_its_own_turn(site, book, clock, requeued, asked_at):
    article = _pending(site)
    site.route("/moved", status=301, headers={"Location": "/pages/article-en.html"})
    Article.objects.filter(pk=article.pk).update(submitted_url=site.url("/moved"))
    start = clock.now

    assert fetch_article(article.pk) == Article.Status.FETCHED

    assert asked_at == [start, start + INTERVAL]


def test_a_redirect_to_a_host_too_busy_to_wait_for_here_is_a_transient_failure(site, book, clock, requeued, asked_at):
    from apps.ingestion.fetch import TransientFetchError

    article = _pending(site)
    site.route("/elsewhere", status=302, headers={"Location": site.url("/pages/article-en.html").replace("127.0.0.1", "localhost")})
    Article.objects.filter(pk=article.pk).update(submitted_url=site.url("/elsewhere"))
    for _ in range(30):
        book.reserve("localhost", interval=INTERVAL, horizon=1e9)

    with pytest.raises(TransientFetchError, match="localhost is busy with other fetches"):
        fetch_article(article.pk)  # retried later with backoff, as for any busy server
    assert asked_at == [clock.now] and site.hits["/pages/article-en.html"] == 0


def test_an_article_that_could_never_reach_a_free_slot_fails_at_once_with_the_reason(site, book, clock, requeued, settings):
    settings.CELERY_TASK_TIME_LIMIT = 20  # 40 waits of 10 s: 400 s at most
    article = _pending(site)
    _book_ahead(book, 500)

    assert fetch_article(article.pk) == "failed"

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == (
        "gave up waiting for a request slot on 127.0.0.1: the next free request slot is 500 s away, "
        "more than this article may still wait (400 s)"
    )
    assert requeued == []
    assert book.reserve(HOST, interval=INTERVAL, horizon=1e9) == clock.now + 500, "and it booked nothing"


def test_after_its_last_allowed_wait_an_article_still_short_of_its_slot_fails_visibly(site, book, clock, requeued):
    article = _pending(site)

    assert fetch_article(article.pk, slot=clock.now + 60, waits=MAX_SLOT_WAITS) == "failed"

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == f"gave up waiting for a request slot on 127.0.0.1: it is still 60 s away after {MAX_SLOT_WAITS} waits"
    assert requeued == [] and site.hits["/pages/article-en.html"] == 0


def test_the_sweep_leaves_a_waiting_fetch_alone_and_takes_it_up_once_abandoned(site, book, clock, requeued, settings, django_capture_on_commit_callbacks):
    article = _pending(site)
    Article.objects.filter(pk=article.pk).update(status_changed_at=timezone.now() - timedelta(hours=1))
    _book_ahead(book, 30)

    fetch_article(article.pk)
    assert requeue_stuck_articles()["fetch"] == 0, "its task holds a slot: no second one"

    Article.objects.filter(pk=article.pk).update(status_changed_at=timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1))
    with django_capture_on_commit_callbacks():
        assert requeue_stuck_articles()["fetch"] == 1, "the message was lost: the database says what is due"
