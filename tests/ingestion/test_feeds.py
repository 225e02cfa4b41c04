"""Feeds polled per source, with conditional GET: each new item is ingested exactly once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.ingestion.models import Article, Source
from apps.ingestion.tasks import fetch_article, poll_due_sources, poll_source
from tests.ingestion.conftest import queued_tasks

pytestmark = pytest.mark.django_db


def _source(feed_url: str, **extra) -> Source:
    return Source.objects.create(name=extra.pop("name", "Test Wire"), feed_url=feed_url, **extra)


def _time_passes(source: Source) -> None:
    """The source's interval is over: the next poll is due."""
    Source.objects.filter(pk=source.pk).update(next_poll_at=timezone.now() - timedelta(seconds=1))


def _fetch_pending() -> None:
    for pk in Article.objects.filter(status=Article.Status.PENDING).order_by("pk").values_list("pk", flat=True):
        fetch_article.apply(args=[pk])


def test_polling_an_rss_feed_stores_each_item_and_queues_its_fetch_after_commit(site, django_capture_on_commit_callbacks):
    source = _source(site.serve_feed("rss2.xml"))

    with django_capture_on_commit_callbacks() as queued:
        result = poll_source.apply(args=[source.pk]).get()

    assert result["new"] == 3
    assert len(queued) == 3
    articles = Article.objects.order_by("external_id")
    assert [a.external_id for a in articles] == ["test-wire-0001", "test-wire-0002", "test-wire-0003"]
    assert {a.status for a in articles} == {Article.Status.PENDING}
    first = articles[0]
    assert first.url == site.url("/pages/article-en.html"), "tracking parameters are stripped"
    assert first.title == "Envoys meet in Geneva on a ceasefire framework"
    assert first.published_at.isoformat() == "2025-09-04T09:30:00+00:00"
    assert first.via == Article.Via.FEED and first.source == source


def test_repeated_polls_ingest_each_new_item_exactly_once(site, django_capture_on_commit_callbacks):
    site.serve_pages()
    feed_url = site.serve_feed("rss2.xml", path="/feed")
    source = _source(feed_url)

    with django_capture_on_commit_callbacks() as extraction_queue:
        poll_source.apply(args=[source.pk])
        _fetch_pending()
        for _ in range(3):
            _time_passes(source)
            poll_source.apply(args=[source.pk])
            _fetch_pending()
        site.serve_feed("rss2-more.xml", path="/feed")  # a fourth item appears
        for _ in range(2):
            _time_passes(source)
            poll_source.apply(args=[source.pk])
            _fetch_pending()

    assert Article.objects.count() == 4
    assert site.hits["/pages/article-en.html"] == 1 and site.hits["/pages/article-en-second.html"] == 1
    statuses = dict(Article.objects.values_list("external_id", "status"))
    assert statuses == {
        "test-wire-0001": Article.Status.FETCHED,
        "test-wire-0002": Article.Status.FETCHED,
        "test-wire-0003": Article.Status.DUPLICATE,  # the syndicated copy of 0001
        "test-wire-0004": Article.Status.FETCHED,
    }
    syndicated = Article.objects.get(external_id="test-wire-0003")
    assert syndicated.duplicate_of == Article.objects.get(external_id="test-wire-0001")
    # Extraction queued once per original and never for the copy (feed fetches are the rest).
    extraction = [pk for name, pk in queued_tasks(extraction_queue) if name == "extract_article"]
    assert sorted(extraction) == sorted(Article.objects.exclude(external_id="test-wire-0003").values_list("pk", flat=True))


def test_an_unchanged_feed_is_asked_with_its_etag_and_answers_304(site):
    feed_url = site.serve_feed("rss2.xml", path="/feed")
    source = _source(feed_url)

    poll_source.apply(args=[source.pk])
    _time_passes(source)
    result = poll_source.apply(args=[source.pk]).get()

    assert result["status"] == "not-modified"
    second_request = site.requests[-1][1]
    source.refresh_from_db()
    assert second_request["if-none-match"] == source.etag != ""
    assert second_request["if-modified-since"] == "Thu, 04 Sep 2025 12:00:00 GMT"
    assert Article.objects.count() == 3


def test_an_atom_feed_is_read_like_rss(site):
    source = _source(site.serve_feed("atom.xml"))

    result = poll_source.apply(args=[source.pk]).get()

    assert result["new"] == 2
    assert set(Article.objects.values_list("external_id", flat=True)) == {"urn:parley-tests:atom:1", "urn:parley-tests:atom:2"}
    assert Article.objects.get(external_id="urn:parley-tests:atom:2").published_at is not None


def test_a_feed_with_broken_xml_keeps_what_it_can_read_and_says_so_on_the_source(site):
    source = _source(site.serve_feed("broken.xml"))

    poll_source.apply(args=[source.pk])

    source.refresh_from_db()
    assert "not well-formed" in source.last_error
    assert Article.objects.filter(external_id="broken-0001").exists()


def test_xml_that_is_no_feed_and_a_missing_feed_are_recorded_on_the_source(site):
    not_a_feed = _source(site.serve_feed("not-a-feed.xml"), name="Not a feed")
    missing = _source(site.url("/gone.xml"), name="Gone")

    poll_source.apply(args=[not_a_feed.pk])
    poll_source.apply(args=[missing.pk])

    not_a_feed.refresh_from_db()
    missing.refresh_from_db()
    assert Article.objects.count() == 0
    assert "404" in missing.last_error
    assert "does not serve an RSS or Atom feed" in not_a_feed.last_error


def test_only_due_sources_are_polled_each_at_its_own_interval(site, monkeypatch):
    # Run the queued polls here instead of sending them to Redis, where no worker listens.
    monkeypatch.setattr(poll_source, "delay", lambda source_id: poll_source.apply(args=[source_id]))
    now = timezone.now()
    due = _source(site.serve_feed("rss2.xml"), name="Due", next_poll_at=now - timedelta(minutes=1))
    _source(site.serve_feed("atom.xml"), name="Later", next_poll_at=now + timedelta(minutes=10))
    _source(site.url("/feeds/rss2.xml"), name="Inactive", active=False)
    _source("", name="No feed", kind=Source.Kind.MANUAL)

    assert poll_due_sources.apply().get() == 1

    due.refresh_from_db()
    assert due.last_polled_at is not None
    assert due.next_poll_at - due.last_polled_at == pytest.approx(due.poll_interval, abs=timedelta(seconds=5))
    assert site.hits["/feeds/atom.xml"] == 0


def test_a_source_already_claimed_is_not_polled_twice(site):
    source = _source(site.serve_feed("rss2.xml"))

    first = poll_source.apply(args=[source.pk]).get()
    second = poll_source.apply(args=[source.pk]).get()

    assert first["status"] == "new-items" and second["status"] == "skipped"
    assert site.hits["/feeds/rss2.xml"] == 1
