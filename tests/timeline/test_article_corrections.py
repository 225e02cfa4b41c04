"""Correcting an article's text or publication date: recorded with its reason, then extracted again.

The change form cannot touch either (tests/ingestion/test_admin.py); "Correct this article…" is
the one way, for editors only, and it goes through apps.records.services.correct_article.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from apps.extraction import services as extraction
from apps.ingestion.models import Article, ArticleCorrection, content_hash
from apps.records import services
from apps.records.models import ReviewState, Statement
from tests.ingestion.conftest import queued_tasks
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

SEPT_4 = dt.datetime(2025, 9, 4, 9, 0, tzinfo=dt.timezone.utc)
CORRECTED = (
    "Vladimir Putin met Steve Witkoff in Moscow on Wednesday. "
    "“We are ready to talk,” Putin said. "
    "Poutine later added that talks would continue in Istanbul."
)


def correct_url(article) -> str:
    return reverse("admin:ingestion_article_correct", args=[article.pk])


def form(article, **changes) -> dict:
    """The correction form as the page offers it, with the editor's changes."""
    values = {"published_at_0": f"{article.published_at:%Y-%m-%d}", "published_at_1": f"{article.published_at:%H:%M:%S}",
              "text": article.text, "reason": ""}
    return {**values, **changes}


# --- The service -----------------------------------------------------------------------------------


def test_correcting_the_text_records_who_when_why_and_both_texts_then_queues_extraction(
    editor, django_capture_on_commit_callbacks
):
    article = make.article(published_at=SEPT_4)
    old_text = article.text

    with django_capture_on_commit_callbacks() as callbacks:
        correction = services.correct_article(article=article, user=editor, text=CORRECTED,
                                              reason="The wire sent a corrected version: Wednesday, not Thursday.")

    article.refresh_from_db()
    assert (article.text, article.content_hash, article.status) == (CORRECTED, content_hash(CORRECTED), Article.Status.FETCHED)
    assert correction.corrected_by == editor and correction.corrected_at is not None
    assert correction.reason == "The wire sent a corrected version: Wednesday, not Thursday."
    assert correction.changes == {"text": {"old": old_text, "new": CORRECTED}}
    assert correction.reextracted
    assert queued_tasks(callbacks) == [("extract_article", article.pk)]


def test_correcting_the_publication_date_records_both_dates_and_extracts_again(
    editor, django_capture_on_commit_callbacks
):
    article = make.article(published_at=SEPT_4)
    sept_3 = SEPT_4 - dt.timedelta(days=1)

    with django_capture_on_commit_callbacks() as callbacks:
        correction = services.correct_article(article=article, user=editor, published_at=sept_3,
                                              reason="Published the day before; the feed's date is its update.")

    article.refresh_from_db()
    assert article.published_at == sept_3
    assert correction.changes == {"published_at": {"old": "2025-09-04T09:00:00+00:00", "new": "2025-09-03T09:00:00+00:00"}}
    # "On Thursday" now means another day: the article is read again.
    assert queued_tasks(callbacks) == [("extract_article", article.pk)]


@pytest.mark.parametrize("reason, changes, message", [
    ("", {"text": CORRECTED}, "Say why"),
    ("  ", {"text": CORRECTED}, "Say why"),
    ("No change really", {}, "Nothing was changed"),
    ("No change really", {"text": make.TEXT, "published_at": SEPT_4}, "Nothing was changed"),
    ("Blanked", {"text": "  \n "}, "empty"),
])
def test_a_correction_without_a_reason_or_a_change_is_refused_and_nothing_is_written(
    editor, django_capture_on_commit_callbacks, reason, changes, message
):
    article = make.article(published_at=SEPT_4)

    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(services.CorrectionError, match=message):
        services.correct_article(article=article, user=editor, reason=reason, **changes)

    assert not ArticleCorrection.objects.exists() and not callbacks
    assert Article.objects.get(pk=article.pk).text == make.TEXT


def test_a_text_another_article_already_has_is_refused(editor):
    make.article(text=CORRECTED, url="https://news.example.org/other")
    article = make.article(published_at=SEPT_4)

    with pytest.raises(services.CorrectionError, match="already has exactly this text"):
        services.correct_article(article=article, user=editor, text=CORRECTED, reason="Paste of the other one")


def test_an_article_still_waiting_for_its_page_cannot_be_corrected(editor):
    pending = Article.objects.create(via=Article.Via.URL, url="https://news.example.org/p", status=Article.Status.PENDING)

    with pytest.raises(services.CorrectionError, match="still waiting to be fetched"):
        services.correct_article(article=pending, user=editor, text=CORRECTED, reason="Pasted by hand")


@pytest.mark.parametrize("status", [Article.Status.DUPLICATE, Article.Status.IRRELEVANT])
def test_a_duplicate_or_irrelevant_article_is_corrected_but_not_extracted_again(
    editor, django_capture_on_commit_callbacks, status
):
    article = make.article(published_at=SEPT_4, status=status)

    with django_capture_on_commit_callbacks() as callbacks:
        correction = services.correct_article(article=article, user=editor, text=CORRECTED, reason="Typo")

    assert not correction.reextracted and not queued_tasks(callbacks)
    assert Article.objects.get(pk=article.pk).status == status


def test_reextraction_after_a_correction_keeps_the_rows_editors_locked(editor):
    text = ("Emmanuel Macron met Volodymyr Zelensky in Paris on Wednesday. "
            "“We are ready to sign,” Macron said. “Nothing is agreed yet,” said Jean Dupont.")
    article = Article.objects.create(via=Article.Via.PASTE, title="Macron receives Zelensky", text=text, language="en",
                                     published_at=SEPT_4, status=Article.Status.FETCHED)
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]
    locked = Statement.objects.get(text__startswith="We are ready to sign")
    services.set_review_state(objects=[locked], state=ReviewState.LOCKED, user=editor)

    services.correct_article(article=article, user=editor, reason="Second quote was made up by the feed",
                             text=text.replace("“Nothing is agreed yet,” said Jean Dupont.", "Talks went on."))
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]  # what the queued task runs

    assert Statement.objects.get(pk=locked.pk).review_state == ReviewState.LOCKED
    assert not Statement.objects.filter(text__startswith="Nothing is agreed").exists()


def test_reviewed_rows_whose_words_moved_are_counted_for_the_editor(editor):
    article = make.article(published_at=SEPT_4)
    putin = make.actor("Vladimir Putin")
    quote = make.statement(article, putin, "We are ready to talk")
    make.statement(article, putin, "Poutine later added")
    services.set_review_state(objects=[quote], state=ReviewState.VERIFIED, user=editor)

    services.correct_article(article=article, user=editor, reason="Lead sentence was missing",
                             text="Late on Thursday, the Kremlin spoke. " + article.text)

    article.refresh_from_db()
    assert services.reviewed_rows_off_text(article) == 1  # the verified quote; the unreviewed one is re-extracted


# --- The admin page ----------------------------------------------------------------------------------


def test_the_article_page_links_to_the_correction_form_for_editors(client, editor):
    article = make.article(published_at=SEPT_4)
    client.force_login(editor)

    page = client.get(reverse("admin:ingestion_article_change", args=[article.pk])).content.decode()

    assert correct_url(article) in page and "Correct this article…" in page


def test_an_editor_corrects_the_text_through_the_form_and_sees_the_history_on_the_article(
    client, editor, django_capture_on_commit_callbacks
):
    article = make.article(published_at=SEPT_4)
    client.force_login(editor)
    assert client.get(correct_url(article)).status_code == 200

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(correct_url(article), form(article, text=CORRECTED, reason="Wire correction"), follow=True)

    assert re.search(r"Correction recorded. 1 article (queued for extraction|extracted again)", response.content.decode())
    assert Article.objects.get(pk=article.pk).text == CORRECTED
    assert queued_tasks(callbacks) == [("extract_article", article.pk)]
    assert "text: Wire correction" in response.content.decode()  # the change page lists the corrections


def test_the_text_sent_back_with_crlf_line_breaks_is_not_a_change(client, editor):
    article = make.article(text="First paragraph.\n\nSecond paragraph.", published_at=SEPT_4)
    client.force_login(editor)

    client.post(correct_url(article), form(article, text="First paragraph.\r\n\r\nSecond paragraph.",
                                           published_at_0="2025-09-03", reason="Date of the print edition"))

    (correction,) = ArticleCorrection.objects.all()
    assert set(correction.changes) == {"published_at"}
    assert Article.objects.get(pk=article.pk).text == "First paragraph.\n\nSecond paragraph."


def test_a_refused_correction_shows_the_reason_on_the_form(client, editor):
    article = make.article(published_at=SEPT_4)
    client.force_login(editor)

    response = client.post(correct_url(article), form(article, reason="Nothing to see"))

    assert response.status_code == 200
    assert "Nothing was changed" in response.content.decode()
    assert not ArticleCorrection.objects.exists()


def test_an_analyst_cannot_reach_the_correction_form_nor_post_to_it(client, analyst):
    article = make.article(published_at=SEPT_4)
    client.force_login(analyst)

    assert client.get(correct_url(article)).status_code == 403
    assert client.post(correct_url(article), form(article, text=CORRECTED, reason="x")).status_code == 403
    assert "Correct this article" not in client.get(
        reverse("admin:ingestion_article_change", args=[article.pk])).content.decode()
    assert Article.objects.get(pk=article.pk).text == make.TEXT and not ArticleCorrection.objects.exists()


def test_the_correction_form_needs_the_csrf_token(editor):
    article = make.article(published_at=SEPT_4)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(correct_url(article), form(article, text=CORRECTED, reason="Forged"))

    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).text == make.TEXT


def test_the_correction_record_shows_both_texts_escaped_and_nobody_can_edit_it(client, editor, django_user_model):
    article = make.article(published_at=SEPT_4)
    correction = services.correct_article(article=article, user=editor, reason="Feed inserted markup",
                                          text=CORRECTED + " <script>alert(1)</script>")
    admin = django_user_model.objects.create_superuser(username="root", password="not-used-in-tests")
    client.force_login(admin)
    url = reverse("admin:ingestion_articlecorrection_change", args=[correction.pk])

    page = client.get(url).content.decode()
    edit = client.post(url, {"reason": "Rewritten history"})

    assert "Vladimir Putin met Steve Witkoff in Moscow on Thursday." in page  # the old text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)</script>" not in page
    assert edit.status_code == 403 and ArticleCorrection.objects.get().reason == "Feed inserted markup"
    assert client.get(reverse("admin:ingestion_articlecorrection_delete", args=[correction.pk])).status_code == 403
