"""The article page: text with mentions, quotes and evidence highlighted (escaped), re-run, irrelevant."""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.urls import reverse

from apps.ingestion.models import Article
from apps.records.article_review import Span, highlight
from apps.records.models import Event, ReviewState, Statement
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script> Putin said “<b>no</b>” & left. <img src=x onerror=alert(2)>"


@pytest.fixture
def queued(monkeypatch):
    """What re-run extraction queued, once its transaction committed."""
    ids = []
    monkeypatch.setattr(
        "apps.ingestion.services.queue_extraction",
        lambda article_id, **options: transaction.on_commit(lambda: ids.append(article_id)),
    )
    return ids


@pytest.fixture
def read_article():
    text = make.article()
    putin = make.actor("Vladimir Putin")
    make.mention(text, putin, "Vladimir Putin")
    make.mention(text, putin, "Putin", nth=1)
    make.statement(text, putin, "We are ready to talk")
    talks = make.event("Putin meets Witkoff")
    make.evidence(talks, text, "Vladimir Putin met Steve Witkoff in Moscow on Thursday.")
    return text


def change_page(client, article) -> str:
    return client.get(reverse("admin:ingestion_article_change", args=[article.pk])).content.decode()


def test_the_article_page_highlights_mentions_quotes_and_evidence(client, editor, read_article):
    client.force_login(editor)

    page = change_page(client, read_article)

    assert '<mark class="hl-evidence hl-mention hl-unreviewed" title="Vladimir Putin · event: Putin meets Witkoff">Vladimir Putin</mark>' in page
    assert '<mark class="hl-quote hl-unreviewed" title="Vladimir Putin: direct">We are ready to talk</mark>' in page
    assert '<mark class="hl-mention hl-unreviewed" title="Vladimir Putin">Putin</mark></a> said.' in page
    assert 'css/review.css' in page
    assert reverse("admin:records_statement_change", args=[Statement.objects.get().pk]) in page


def test_article_text_is_escaped_never_run(client, editor):
    hostile = make.article(text=HOSTILE)
    putin = make.actor("Vladimir <i>Putin</i>")
    make.mention(hostile, putin, "Putin")
    client.force_login(editor)

    page = change_page(client, hostile)

    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'title="Vladimir &lt;i&gt;Putin&lt;/i&gt;">Putin</mark>' in page


def test_overlapping_spans_stay_well_nested():
    html = highlight("abcdef", [Span(0, 4, "a", "A"), Span(2, 6, "b", "B")])
    assert str(html) == (
        '<mark class="a" title="A">ab</mark><mark class="a b" title="A · B">cd</mark><mark class="b" title="B">ef</mark>'
    )


def test_spans_outside_the_text_are_ignored():
    assert str(highlight("a<b", [Span(2, 9, "x", "X")])) == "a&lt;b"


def test_rejected_rows_are_shown_as_rejected(client, editor, read_article):
    Statement.objects.update(review_state=ReviewState.REJECTED)
    client.force_login(editor)
    assert '<mark class="hl-quote hl-rejected"' in change_page(client, read_article)


def test_an_editor_reruns_extraction_from_the_article_page(
    client, editor, read_article, queued, django_capture_on_commit_callbacks
):
    Article.objects.filter(pk=read_article.pk).update(status=Article.Status.FAILED, error="timeout")
    client.force_login(editor)
    assert "Re-run extraction" in change_page(client, read_article)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:ingestion_article_rerun_extraction", args=[read_article.pk]), follow=True)

    # The message says where the run goes: the workers, or (no worker) this very request.
    assert re.search(r"1 article (queued for extraction by the workers|extracted again \(no worker here)",
                     response.content.decode())
    read_article.refresh_from_db()
    assert (read_article.status, read_article.error) == (Article.Status.FETCHED, "")
    assert queued == [read_article.pk]


def test_an_article_without_text_cannot_be_rerun(client, editor, queued, django_capture_on_commit_callbacks):
    empty = Article.objects.create(via=Article.Via.URL, url="https://example.org/a", status=Article.Status.FAILED)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:ingestion_article_rerun_extraction", args=[empty.pk]), follow=True)

    assert "has no text yet" in response.content.decode()
    assert queued == []
    assert Article.objects.get(pk=empty.pk).status == Article.Status.FAILED


def test_the_list_actions_rerun_and_mark_irrelevant(
    client, editor, read_article, queued, django_capture_on_commit_callbacks
):
    other = make.article(text="Another story entirely.")
    client.force_login(editor)
    url = reverse("admin:ingestion_article_changelist")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "mark_irrelevant", "_selected_action": [read_article.pk]})
        client.post(url, {"action": "rerun_extraction", "_selected_action": [other.pk]})

    assert Article.objects.get(pk=read_article.pk).status == Article.Status.IRRELEVANT
    assert queued == [other.pk]


def test_marking_an_article_irrelevant_hides_its_unreviewed_rows_from_the_timeline(client, editor, read_article):
    client.force_login(editor)
    assert Event.objects.visible().exists() and Statement.objects.visible().exists()

    client.post(reverse("admin:ingestion_article_mark_irrelevant", args=[read_article.pk]))

    assert Article.objects.get(pk=read_article.pk).status == Article.Status.IRRELEVANT
    assert not Event.objects.visible().exists()
    assert not Statement.objects.visible().exists()
    assert "Putin meets Witkoff" not in client.get(reverse("timeline:index")).content.decode()


def test_the_article_buttons_only_accept_post(client, editor, read_article):
    client.force_login(editor)
    assert client.get(reverse("admin:ingestion_article_mark_irrelevant", args=[read_article.pk])).status_code == 405
    assert Article.objects.get(pk=read_article.pk).status == Article.Status.EXTRACTED


def test_an_analyst_reads_the_highlighted_article_but_cannot_rerun_or_dismiss_it(
    client, analyst, read_article, queued, django_capture_on_commit_callbacks
):
    client.force_login(analyst)

    page = change_page(client, read_article)
    assert 'class="hl-quote' in page and "Re-run extraction" not in page
    with django_capture_on_commit_callbacks(execute=True):
        rerun = client.post(reverse("admin:ingestion_article_rerun_extraction", args=[read_article.pk]))
        dismiss = client.post(reverse("admin:ingestion_article_mark_irrelevant", args=[read_article.pk]))
        client.post(reverse("admin:ingestion_article_changelist"),
                    {"action": "rerun_extraction", "_selected_action": [read_article.pk]})

    assert (rerun.status_code, dismiss.status_code) == (403, 403)
    assert Article.objects.get(pk=read_article.pk).status == Article.Status.EXTRACTED
    assert queued == []


def test_the_article_page_costs_the_same_queries_however_much_was_extracted(client, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    text = make.article(text=" ".join(f"Speaker{i} said “line {i}”." for i in range(30)))
    url = reverse("admin:ingestion_article_change", args=[text.pk])
    client.force_login(editor)

    def extract(numbers):
        for i in numbers:
            speaker = make.actor(f"Speaker{i}")
            make.mention(text, speaker, f"Speaker{i} ")
            make.statement(text, speaker, f"line {i}”")
            make.evidence(make.event(f"Event {i}"), text, f"Speaker{i} said “line {i}”.")

    extract(range(2))
    client.get(url)  # the first request fills per-process caches (content types)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    extract(range(2, 30))
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), "\n".join(q["sql"][:150] for q in many.captured_queries)


def test_a_statements_context_is_cut_at_word_boundaries_with_ellipses():
    from apps.records.article_review import highlight_context

    text = make.article(text="alpha beta gamma delta “quoted words here” epsilon zeta eta theta")
    start = text.text.index("quoted")
    excerpt = str(highlight_context(text, start, start + len("quoted words here"), margin=9))
    assert excerpt == (
        '<div class="article-text article-excerpt">… delta “<mark class="hl-focus" title="this statement">'
        "quoted words here</mark>” epsilon …</div>"
    )


def test_each_highlight_opens_the_row_it_shows(client, editor, read_article):
    client.force_login(editor)
    page = change_page(client, read_article)
    mention = read_article.mentions.get(start=read_article.text.index("Putin said"))
    quote, event = Statement.objects.get(), Event.objects.get()

    # The mention inside the evidence sentence opens the mention; the rest of the sentence its event.
    first = reverse("admin:records_mention_change", args=[read_article.mentions.order_by("start").first().pk])
    assert f'<a class="hl-link" href="{first}"><mark class="hl-evidence hl-mention hl-unreviewed"' in page
    assert (f'<a class="hl-link" href="{reverse("admin:records_event_change", args=[event.pk])}">'
            '<mark class="hl-evidence hl-unreviewed"') in page
    assert (f'<a class="hl-link" href="{reverse("admin:records_statement_change", args=[quote.pk])}">'
            '<mark class="hl-quote hl-unreviewed" title="Vladimir Putin: direct">We are ready to talk</mark></a>') in page
    assert f'<a class="hl-link" href="{reverse("admin:records_mention_change", args=[mention.pk])}">' in page
    # Each linked page opens for the editor.
    assert client.get(reverse("admin:records_mention_change", args=[mention.pk])).status_code == 200
