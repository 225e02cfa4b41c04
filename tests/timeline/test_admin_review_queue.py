"""The review queue: unreviewed first, least confident first, filters, counts per state, cheap pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from apps.records.models import ReviewState, Topic
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

STATEMENTS = reverse("admin:records_statement_changelist")
EVENTS = reverse("admin:records_event_changelist")


def listed(response) -> list[str]:
    return [str(row) for row in response.context["cl"].result_list]


@pytest.fixture
def queue():
    wire = make.source("Wire")
    english, french = make.article(source=wire), make.article(text=make.TEXT + " (AFP)", language="fr")
    putin = make.actor("Vladimir Putin")
    make.statement(english, putin, "We are ready to talk", confidence=0.9)
    make.statement(english, putin, "Poutine later added", confidence=0.2)
    make.statement(french, putin, "talks would continue", confidence=0.5, direct=False)
    make.statement(french, putin, "Vladimir Putin met", confidence=0.1, review_state=ReviewState.VERIFIED)
    return {"wire": wire, "english": english, "french": french}


def test_the_queue_lists_unreviewed_statements_least_confident_first(client, editor, queue):
    client.force_login(editor)
    response = client.get(STATEMENTS)
    assert listed(response) == ["Poutine later added", "talks would continue", "We are ready to talk"]


def test_the_state_filter_shows_counts_per_state_and_can_show_everything(client, editor, queue):
    client.force_login(editor)

    page = client.get(STATEMENTS).content.decode()
    assert "Unreviewed (3)" in page and "Verified (1)" in page and "Rejected (0)" in page and "All (4)" in page

    assert listed(client.get(STATEMENTS, {"state": "verified"})) == ["Vladimir Putin met"]
    assert len(listed(client.get(STATEMENTS, {"state": "all"}))) == 4


def test_the_queue_filters_by_kind_source_language_date_and_topic(client, editor, queue):
    security = Topic.objects.create(slug="security", name_en="Security", name_fr="Sécurité")
    make.statement(queue["english"], None, "in Moscow on Thursday", said_on=dt.date(2025, 3, 13)).topics.add(security)
    client.force_login(editor)

    assert listed(client.get(STATEMENTS, {"direct__exact": "0"})) == ["talks would continue"]
    assert "talks would continue" not in listed(client.get(STATEMENTS, {"article__source__id__exact": queue["wire"].pk}))
    assert listed(client.get(STATEMENTS, {"article__language": "fr"})) == ["talks would continue"]
    assert listed(client.get(STATEMENTS, {"said_on__gte": "2025-03-01", "said_on__lt": "2025-04-01"})) == [
        "in Moscow on Thursday"
    ]
    assert listed(client.get(STATEMENTS, {"topics__id__exact": security.pk})) == ["in Moscow on Thursday"]


def test_the_queue_searches_text_and_speaker(client, editor, queue):
    client.force_login(editor)
    assert listed(client.get(STATEMENTS, {"q": "continue"})) == ["talks would continue"]
    assert len(listed(client.get(STATEMENTS, {"q": "Vladimir"}))) == 3


def test_the_event_queue_filters_by_kind_and_source_without_repeating_events(client, editor, queue):
    talks = make.event("Putin meets Witkoff", confidence=0.3)
    call = make.event("Putin calls Trump", confidence=0.1, kind="call")
    make.evidence(talks, queue["english"], "Vladimir Putin met Steve Witkoff in Moscow on Thursday.")
    make.evidence(talks, queue["english"], "“We are ready to talk,” Putin said.")
    make.evidence(call, queue["french"], "Poutine later added that talks would continue.")
    client.force_login(editor)

    assert listed(client.get(EVENTS)) == ["Putin calls Trump", "Putin meets Witkoff"]
    assert listed(client.get(EVENTS, {"kind__exact": "call"})) == ["Putin calls Trump"]
    assert listed(client.get(EVENTS, {"evidence__article__source__id__exact": queue["wire"].pk})) == [
        "Putin meets Witkoff"
    ]
    assert listed(client.get(EVENTS, {"evidence__article__language": "fr"})) == ["Putin calls Trump"]


@pytest.mark.parametrize("url", [STATEMENTS, EVENTS, reverse("admin:records_actor_changelist")])
def test_a_queue_page_costs_the_same_queries_for_five_rows_as_for_thirty(client, editor, django_assert_num_queries, url):
    def fill(n):
        text = make.article(text=" ".join(f"Sentence number {i} said by someone." for i in range(n)))
        for i in range(n):
            speaker = make.actor(f"Speaker {text.pk}-{i}")
            make.statement(text, speaker, f"Sentence number {i} said")
            make.event(f"Event {text.pk}-{i}")

    client.force_login(editor)
    fill(5)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # the first request fills per-process caches (content types)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    fill(25)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_the_admin_home_opens_with_what_is_waiting_for_review(client, editor, queue):
    client.force_login(editor)

    response = client.get(reverse("admin:index"))

    page = response.content.decode()
    assert "Review queue" in page
    assert f'<a href="{STATEMENTS}">Statements</a></th>\n        <td>3</td>\n        <td>0.20</td>' in page


def test_the_admin_home_shows_no_queue_to_someone_who_may_not_view_it(client, django_user_model):
    clerk = django_user_model.objects.create_user(username="clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert "Review queue" not in client.get(reverse("admin:index")).content.decode()


def test_the_admin_home_counts_failed_articles_with_a_link_to_their_reasons(client, editor, queue):
    from apps.ingestion.models import Article

    Article.objects.filter(pk=queue["french"].pk).update(
        status=Article.Status.FAILED, error="time limit exceeded: extraction took longer than 120 s"
    )
    client.force_login(editor)

    page = client.get(reverse("admin:index")).content.decode()
    failed = reverse("admin:ingestion_article_changelist") + "?status__exact=failed"
    assert f'<a href="{failed}">1 article failed: see why</a>' in page
    in_french = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "1 article en échec : voir pourquoi" in in_french
    assert "time limit exceeded" in client.get(failed).content.decode()


def test_the_admin_home_says_nothing_of_failures_when_there_are_none(client, editor, queue):
    client.force_login(editor)
    assert "failed: see why" not in client.get(reverse("admin:index")).content.decode()
