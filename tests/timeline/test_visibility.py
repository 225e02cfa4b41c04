"""Which events the timeline shows as their sources change: marked irrelevant, restored, re-reported.

On PostgreSQL visible() reads a flag that triggers keep (migration 0006); on SQLite it asks the
evidence directly. These tests run the same writes on both and expect the same timeline, so the
triggers cannot drift from the rule.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.ingestion.models import Article
from apps.records import services
from apps.records.models import Event, EventEvidence, ReviewState
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def shown() -> set[str]:
    return set(Event.objects.visible().values_list("title", flat=True))


def report(event, article, sentence="They met."):
    EventEvidence.objects.bulk_create([EventEvidence(event=event, article=article, sentence=sentence, start=0, end=9)])


def test_an_event_comes_back_when_its_only_article_is_sent_back_to_extraction(editor):
    article = make_article(text="They met. A football score.")
    make_event("Talks in Riyadh", evidence=[(article, "They met.")])
    services.mark_article_irrelevant(article=article, user=editor)
    assert "Talks in Riyadh" not in shown()
    article.set_status(Article.Status.FETCHED)
    assert "Talks in Riyadh" in shown()


def test_an_event_hidden_by_an_irrelevant_article_reappears_when_a_relevant_one_reports_it(editor):
    junk = make_article(text="They met. A derby.", status=Article.Status.IRRELEVANT)
    wire = make_article(text="They met.")
    event = make_event("Talks in Geneva", evidence=[(junk, "They met.")])
    assert "Talks in Geneva" not in shown()
    report(event, wire)
    assert "Talks in Geneva" in shown()
    EventEvidence.objects.filter(article=wire).delete()
    assert "Talks in Geneva" not in shown()


def test_moving_evidence_between_events_updates_both(editor):
    junk = make_article(text="They met. A derby.", status=Article.Status.IRRELEVANT)
    wire = make_article(text="They met.")
    hidden = make_event("Talks in Doha", evidence=[(junk, "They met.")])
    kept = make_event("Talks in Istanbul", evidence=[(wire, "They met.")])
    EventEvidence.objects.filter(article=wire).update(event=hidden)
    assert shown() >= {"Talks in Doha"} and "Talks in Istanbul" in shown()  # no sources at all: shown
    EventEvidence.objects.filter(article=junk).update(event=kept)
    EventEvidence.objects.filter(article=wire).delete()
    assert "Talks in Istanbul" not in shown() and "Talks in Doha" in shown()


def test_an_editor_checked_event_stays_whatever_its_sources(client, analyst, editor):
    article = make_article(text="They met.")
    make_event("Verified talks", evidence=[(article, "They met.")], review_state=ReviewState.VERIFIED)
    make_event("Machine talks", evidence=[(article, "They met.")])
    services.mark_article_irrelevant(article=article, user=editor)
    client.force_login(analyst)
    html = client.get(reverse("timeline:index")).content.decode()
    assert "Verified talks" in html and "Machine talks" not in html


def test_the_flag_the_triggers_keep_agrees_with_the_rule_read_from_the_evidence(editor):
    # Every mix of sources and review: on PostgreSQL visible() reads the denormalized flag, and
    # must show exactly what the rule read from the evidence shows (on SQLite both are the rule).
    junk = make_article(text="They met. A derby.", status=Article.Status.IRRELEVANT)
    wire = make_article(text="They met.")
    later = make_article(text="They met again.")
    make_event("Only junk", evidence=[(junk, "They met.")])
    make_event("Junk and wire", evidence=[(junk, "They met."), (wire, "They met.")])
    make_event("Only wire", evidence=[(wire, "They met.")])
    make_event("No source")
    make_event("Checked junk", evidence=[(junk, "They met.")], review_state=ReviewState.VERIFIED)
    make_event("Rejected wire", evidence=[(wire, "They met.")], review_state=ReviewState.REJECTED)
    moved = make_event("Later", evidence=[(later, "They met.")])
    services.mark_article_irrelevant(article=later, user=editor)
    report(moved, wire)
    EventEvidence.objects.filter(article=wire, event=moved).delete()

    def titles(queryset):
        return set(queryset.values_list("title", flat=True))

    expected = {"Junk and wire", "Only wire", "No source", "Checked junk"}
    assert titles(Event.objects.visible_by_evidence()) == expected
    assert titles(Event.objects.visible_by_evidence(bulk=True)) == expected
    assert titles(Event.objects.visible()) == expected
    assert titles(Event.objects.visible(bulk=True)) == expected
