"""The admin: failures visible with their reason and retryable, re-fetch, pasted text, feeds polled on demand."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.ingestion.models import Article, Source
from tests.ingestion.conftest import queued_tasks

pytestmark = pytest.mark.django_db

LONG_TEXT = (
    "The foreign ministers agreed on Friday to meet again within two weeks, according to a joint "
    "statement written for Parley's tests. They asked their deputies to prepare a common text on "
    "monitoring, prisoner exchanges and the order in which commitments would take effect."
)


def test_an_editor_sees_why_an_article_failed_in_the_list(client, editor):
    Article.objects.create(via=Article.Via.URL, url="https://news.example.org/gone", status=Article.Status.FAILED,
                           error="the server answered 404 Not Found")
    client.force_login(editor)

    response = client.get(reverse("admin:ingestion_article_changelist") + "?status__exact=failed")

    assert "the server answered 404 Not Found" in response.content.decode()


def test_the_status_filter_counts_the_articles_in_each_state(client, editor):
    Article.objects.create(via=Article.Via.IMPORT, text=LONG_TEXT, status=Article.Status.FAILED,
                           error="extraction failed 5 times: no run finished")
    Article.objects.create(via=Article.Via.IMPORT, text="Other text.", status=Article.Status.EXTRACTED)
    Article.objects.create(via=Article.Via.IMPORT, text="A third text.", status=Article.Status.EXTRACTED)
    client.force_login(editor)

    page = client.get(reverse("admin:ingestion_article_changelist")).content.decode()
    assert "Failed (1)" in page and "Extracted (2)" in page and "Being extracted (0)" in page

    failed = client.get(reverse("admin:ingestion_article_changelist"), {"status__exact": "failed"})
    assert [a.error for a in failed.context["cl"].result_list] == ["extraction failed 5 times: no run finished"]


def test_retrying_failed_articles_refetches_those_without_text_and_reextracts_those_with_it(
    client, editor, django_capture_on_commit_callbacks
):
    no_text = Article.objects.create(via=Article.Via.URL, url="https://news.example.org/a", status=Article.Status.FAILED,
                                     error="no answer from news.example.org within 15s", attempts=6)
    with_text = Article.objects.create(via=Article.Via.IMPORT, text=LONG_TEXT, status=Article.Status.FAILED,
                                       error="extraction failed: ValueError")
    fine = Article.objects.create(via=Article.Via.IMPORT, text="Other text.", status=Article.Status.FETCHED)
    client.force_login(editor)

    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("admin:ingestion_article_changelist"),
                    {"action": "retry_failed", "_selected_action": [no_text.pk, with_text.pk, fine.pk]})

    no_text.refresh_from_db()
    with_text.refresh_from_db()
    assert (no_text.status, no_text.error, no_text.attempts) == (Article.Status.PENDING, "", 0)
    assert (with_text.status, with_text.error) == (Article.Status.FETCHED, "")
    assert sorted(queued_tasks(callbacks)) == sorted([("fetch_article", no_text.pk), ("extract_article", with_text.pk)])


def test_refetching_an_article_queues_a_new_fetch_from_its_url(client, editor, django_capture_on_commit_callbacks):
    article = Article.objects.create(via=Article.Via.URL, url="https://news.example.org/b", text=LONG_TEXT,
                                     status=Article.Status.DUPLICATE)
    client.force_login(editor)

    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("admin:ingestion_article_changelist"), {"action": "refetch", "_selected_action": [article.pk]})

    article.refresh_from_db()
    assert article.status == Article.Status.PENDING and article.text == ""
    assert queued_tasks(callbacks) == [("fetch_article", article.pk)]


def test_analysts_cannot_retry_or_refetch(client, analyst):
    article = Article.objects.create(via=Article.Via.URL, url="https://news.example.org/c", status=Article.Status.FAILED)
    client.force_login(analyst)

    client.post(reverse("admin:ingestion_article_changelist"), {"action": "retry_failed", "_selected_action": [article.pk]})

    article.refresh_from_db()
    assert article.status == Article.Status.FAILED


def test_an_editor_pastes_an_article_and_its_extraction_is_queued(client, editor, django_capture_on_commit_callbacks):
    source = Source.objects.create(name="Test Presidency", kind=Source.Kind.OFFICIAL, language="en")
    client.force_login(editor)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("admin:ingestion_article_add"), {
            "source": source.pk, "title": "Joint statement", "url": "", "published_at_0": "2025-09-05",
            "published_at_1": "10:00:00", "language": "", "byline": "", "text": LONG_TEXT,
        })

    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert (article.via, article.status, article.language) == (Article.Via.PASTE, Article.Status.FETCHED, "en")
    assert article.published_at.isoformat() == "2025-09-05T10:00:00+00:00"
    assert queued_tasks(callbacks) == [("extract_article", article.pk)]


def test_pasting_the_same_text_twice_stores_it_once(client, editor):
    client.force_login(editor)
    form = {"title": "Joint statement", "url": "", "published_at_0": "", "published_at_1": "", "language": "en",
            "byline": "", "text": LONG_TEXT}

    client.post(reverse("admin:ingestion_article_add"), form)
    response = client.post(reverse("admin:ingestion_article_add"), {**form, "title": "Again"}, follow=True)

    assert Article.objects.count() == 1
    assert "already stored" in response.content.decode()


def test_polling_a_feed_now_queues_it_after_commit(client, editor, django_capture_on_commit_callbacks):
    source = Source.objects.create(name="Test Wire", feed_url="https://news.example.org/feed.xml")
    client.force_login(editor)

    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("admin:ingestion_source_changelist"), {"action": "poll_now", "_selected_action": [source.pk]})

    assert len(callbacks) == 1


# --- What an editor may not change in place -------------------------------------------------------


def _stored_article() -> Article:
    return Article.objects.create(
        via=Article.Via.PASTE, title="Joint statement", url="https://news.example.org/joint", text=LONG_TEXT,
        language="en", status=Article.Status.EXTRACTED, published_at="2025-09-05T10:00:00+00:00",
    )


def test_the_change_form_offers_no_field_for_the_text_url_status_or_publication_date(client, editor):
    article = _stored_article()
    client.force_login(editor)

    page = client.get(reverse("admin:ingestion_article_change", args=[article.pk])).content.decode()

    for name in ("text", "url", "status", "published_at_0", "published_at_1"):
        assert f'name="{name}"' not in page, name
    assert 'name="title"' in page  # the rest is still editable
    assert "monitoring, prisoner exchanges" in page  # the text is shown, highlighted, read-only


def test_a_post_that_carries_the_locked_fields_anyway_changes_only_the_others(client, editor):
    article = _stored_article()
    before = Article.objects.values("text", "url", "status", "published_at", "content_hash").get(pk=article.pk)
    client.force_login(editor)

    response = client.post(reverse("admin:ingestion_article_change", args=[article.pk]), {
        "via": Article.Via.PASTE, "title": "Joint statement of the ministers", "language": "en", "byline": "",
        "external_id": "", "submitted_url": "", "error": "",
        # What an old tab or a crafted request might send: all ignored.
        "text": "A different text that would move every offset.", "url": "https://elsewhere.example/x",
        "status": Article.Status.PENDING, "published_at_0": "2020-01-01", "published_at_1": "00:00:00",
        "status_changed_at_0": "2020-01-01", "status_changed_at_1": "00:00:00",
    })

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).title == "Joint statement of the ministers"
    assert Article.objects.values("text", "url", "status", "published_at", "content_hash").get(pk=article.pk) == before
