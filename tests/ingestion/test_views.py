"""Editors submit URLs and upload files under /ingest/; nobody else can, and article text stays escaped."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from apps.ingestion.models import Article
from tests.ingestion.conftest import queued_tasks

pytestmark = pytest.mark.django_db


def test_an_editor_submits_a_url_and_is_sent_to_its_status_page(client, editor, site, django_capture_on_commit_callbacks):
    client.force_login(editor)

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("ingestion:submit"), {"url": site.url("/pages/article-en.html?utm_source=x")})

    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("ingestion:article", args=[article.pk])
    assert article.url == site.url("/pages/article-en.html") and article.via == Article.Via.URL
    assert queued_tasks(callbacks) == [("fetch_article", article.pk)]
    page = client.get(response["Location"])
    assert "Waiting to be fetched" in page.content.decode()
    assert 'hx-trigger="every 2s"' in page.content.decode()


def test_submitting_the_same_url_again_shows_the_existing_article(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    client.post(reverse("ingestion:submit"), {"url": "https://news.example.org/story?utm_campaign=a"})

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("ingestion:submit"), {"url": "https://news.example.org/story?fbclid=b"}, follow=True)

    assert Article.objects.count() == 1 and callbacks == []
    assert "already submitted" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://127.0.0.1:8000/admin/", "loopback"),
        ("http://2130706433/admin", "Enter a valid URL"),  # Django's URLField already refuses it
        ("http://[::ffff:10.0.0.1]/", "private"),
        ("ftp://example.org/file", "not an http or https URL"),
    ],
)
def test_a_url_to_an_internal_address_is_refused_with_the_reason(client, editor, settings, url, reason):
    settings.PARLEY_ALLOW_LOOPBACK_FETCH = False
    client.force_login(editor)

    response = client.post(reverse("ingestion:submit"), {"url": url})

    assert response.status_code == 400
    assert reason in response.content.decode()
    assert Article.objects.count() == 0


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_only_editors_may_submit_or_upload(client, persona, request):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("ingestion:index")).status_code == 403
    assert client.post(reverse("ingestion:submit"), {"url": "https://news.example.org/a"}).status_code == 403
    upload = SimpleUploadedFile("a.jsonl", b'{"text": "Some text here."}\n')
    assert client.post(reverse("ingestion:upload"), {"file": upload}).status_code == 403
    assert Article.objects.count() == 0


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("ingestion:index"))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_post_without_the_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(reverse("ingestion:submit"), {"url": "https://news.example.org/a"})

    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_an_editor_uploads_a_json_lines_file_and_sees_the_summary(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    lines = [
        {"id": "1", "source": "Test Wire", "language": "en", "published": "2025-09-04", "title": "One",
         "text": "Envoys met in Geneva on Thursday to compare drafts of a framework."},
        {"id": "2", "source": "Test Wire", "title": "Same again",
         "text": "Envoys met in Geneva on Thursday to compare drafts of a framework."},
        {"id": "3", "title": "Nothing"},
    ]
    body = "\n".join(json.dumps(line) for line in lines).encode()

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("ingestion:upload"), {"file": SimpleUploadedFile("batch.jsonl", body)})

    html = response.content.decode()
    assert queued_tasks(callbacks) == [("extract_articles", [Article.objects.get().pk])]
    assert response.status_code == 200
    assert '<dd id="count-new">1</dd>' in html and '<dd id="count-duplicate">1</dd>' in html and '<dd id="count-failed">1</dd>' in html
    assert "line 3: the record has neither text nor URL" in html
    assert Article.objects.get().via == Article.Via.UPLOAD


def test_an_upload_row_that_is_not_utf8_is_refused_alone_with_a_clear_reason(client, editor):
    client.force_login(editor)

    response = client.post(reverse("ingestion:upload"), {"file": SimpleUploadedFile("x.csv", b"text\ncaf\xe9\nEnvoys met.\n")})

    assert response.status_code == 200
    assert "line 2: not UTF-8 (byte 0xE9 in the text column); save the file as UTF-8" in response.content.decode()
    assert list(Article.objects.values_list("text", flat=True)) == ["Envoys met."]


def test_fetched_text_and_title_are_escaped_on_the_status_page(client, editor):
    client.force_login(editor)
    article = Article.objects.create(
        via=Article.Via.URL, status=Article.Status.FETCHED, url="https://news.example.org/x",
        title='<img src=x onerror="alert(1)">', text="<script>alert('owned')</script> and more words",
        byline="<b>bold</b>",
    )

    html = client.get(reverse("ingestion:article", args=[article.pk])).content.decode()

    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert" in html and "&lt;img src=x onerror=" in html


def test_the_status_fragment_stops_polling_once_the_article_settles(client, editor):
    client.force_login(editor)
    article = Article.objects.create(via=Article.Via.URL, url="https://news.example.org/y", status=Article.Status.PENDING)
    url = reverse("ingestion:article", args=[article.pk])

    pending = client.get(url, headers={"HX-Request": "true"})
    article.set_status(Article.Status.FAILED, error="the server answered 404 Not Found")
    settled = client.get(url, headers={"HX-Request": "true"})

    assert pending.status_code == 200 and "<html" not in pending.content.decode()
    assert settled.status_code == 286
    assert "the server answered 404 Not Found" in settled.content.decode()
    assert "HX-Request" in settled["Vary"]


def test_an_oversized_upload_is_refused_before_anything_is_imported(client, editor, monkeypatch):
    from apps.ingestion import forms

    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 1000)
    client.force_login(editor)
    body = (json.dumps({"text": "word " * 100}) + "\n").encode() * 5

    response = client.post(reverse("ingestion:upload"), {"file": SimpleUploadedFile("big.jsonl", body)})

    assert response.status_code == 400
    assert "the limit is 1000" in response.content.decode()
    assert Article.objects.count() == 0
