"""Editors fix statements: speaker by autocomplete, text, direct/reported, event, verify or reject."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from apps.records import services
from apps.records.models import ReviewState, Statement
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:records_statement_changelist")


@pytest.fixture
def misattributed():
    """The machine gave Witkoff a quote that Putin said."""
    text = make.article()
    putin, witkoff = make.actor("Vladimir Putin"), make.actor("Steve Witkoff")
    quote = make.statement(text, witkoff, "We are ready to talk")
    return quote, putin, witkoff


def edit(client, statement, **changes):
    url = reverse("admin:records_statement_change", args=[statement.pk])
    data = make.change_form_data(client.get(url))
    for key, value in changes.items():
        if value is False:
            data.pop(key, None)
        else:
            data[key] = value
    return client.post(url, data)


def test_an_editor_changes_the_speaker_and_the_machines_choice_stays_in_the_history(client, editor, misattributed):
    quote, putin, witkoff = misattributed
    client.force_login(editor)

    response = edit(client, quote, speaker=putin.pk)

    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.speaker == putin
    assert (quote.review_state, quote.reviewed_by) == (ReviewState.LOCKED, editor)
    history = list(quote.history.order_by("history_date"))
    assert [h.speaker_id for h in history] == [witkoff.pk, putin.pk]
    assert history[-1].history_user == editor
    assert history[-1].history_change_reason == "Corrected: speaker: Steve Witkoff → Vladimir Putin"
    assert [(c.machine_speaker_id, c.speaker_id) for c in services.speaker_corrections()] == [(witkoff.pk, putin.pk)]


def test_the_history_page_shows_the_speaker_change(client, editor, misattributed):
    quote, putin, _ = misattributed
    client.force_login(editor)
    edit(client, quote, speaker=putin.pk)

    page = client.get(reverse("admin:records_statement_history", args=[quote.pk])).content.decode()

    assert "Corrected: speaker: Steve Witkoff → Vladimir Putin" in page


def test_an_editor_fixes_the_text_switches_to_reported_speech_and_attaches_an_event(client, editor, misattributed):
    quote, _, _ = misattributed
    talks = make.event("Putin meets Witkoff")
    client.force_login(editor)

    edit(client, quote, text="We are ready to talk, and we will", direct=False, event=talks.pk)

    quote.refresh_from_db()
    assert (quote.text, quote.direct, quote.event) == ("We are ready to talk, and we will", False, talks)
    assert quote.review_state == ReviewState.LOCKED


def test_an_editor_writes_who_spoke_as_the_article_describes_them_and_the_row_is_locked(client, editor,
                                                                                           misattributed):
    quote, _, _ = misattributed
    client.force_login(editor)

    response = edit(client, quote, speaker="", speaker_description="a senior European diplomat")

    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.speaker, quote.speaker_description) == (None, "a senior European diplomat")
    assert quote.review_state == ReviewState.LOCKED  # a locked row is never rewritten by the machine
    found = client.get(CHANGELIST, {"state": "all", "q": "European diplomat"}).content.decode()
    assert "a senior European diplomat" in found and "We are ready to talk" in found


def test_choosing_a_state_in_the_form_records_that_state_rather_than_a_lock(client, editor, misattributed):
    quote, _, _ = misattributed
    client.force_login(editor)

    edit(client, quote, review_state="verified")

    quote.refresh_from_db()
    assert (quote.review_state, quote.reviewed_by) == (ReviewState.VERIFIED, editor)


def test_the_speaker_autocomplete_offers_standing_actors_only(client, editor, misattributed):
    _, putin, _ = misattributed
    merged = make.actor("Putin V.")
    merged.merged_into = putin
    merged.save()
    make.actor("Putinist movement", review_state=ReviewState.REJECTED)
    client.force_login(editor)

    response = client.get(reverse("admin:autocomplete"), {
        "app_label": "records", "model_name": "statement", "field_name": "speaker", "term": "Putin",
    })

    assert response.status_code == 200
    assert [r["text"] for r in json.loads(response.content)["results"]] == ["Vladimir Putin"]


def test_the_speaker_field_is_an_autocomplete(client, editor, misattributed):
    quote, _, _ = misattributed
    client.force_login(editor)
    page = client.get(reverse("admin:records_statement_change", args=[quote.pk])).content.decode()
    assert 'data-ajax--url="/admin/autocomplete/"' in page and 'name="speaker"' in page


def test_verify_and_reject_actions_apply_to_the_selection(client, editor, misattributed):
    quote, putin, _ = misattributed
    other = make.statement(quote.article, putin, "Poutine later added")
    client.force_login(editor)

    client.post(CHANGELIST, {"action": "verify_selected", "_selected_action": [quote.pk]})
    client.post(CHANGELIST, {"action": "reject_selected", "_selected_action": [other.pk]})

    assert Statement.objects.get(pk=quote.pk).review_state == ReviewState.VERIFIED
    assert Statement.objects.get(pk=other.pk).review_state == ReviewState.REJECTED
    assert list(Statement.objects.visible()) == [Statement.objects.get(pk=quote.pk)]


def test_an_analyst_can_read_a_statement_but_not_change_or_review_it(client, analyst, editor, misattributed):
    quote, putin, _ = misattributed
    url = reverse("admin:records_statement_change", args=[quote.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    client.force_login(analyst)

    assert client.get(url).status_code == 200
    assert client.post(url, {**data, "speaker": putin.pk}).status_code == 403
    client.post(CHANGELIST, {"action": "reject_selected", "_selected_action": [quote.pk]})

    quote.refresh_from_db()
    assert quote.speaker != putin and quote.review_state == ReviewState.UNREVIEWED


def test_the_statement_page_shows_the_quote_in_its_article_with_the_speakers_mentions(client, editor, misattributed):
    quote, putin, _ = misattributed
    make.mention(quote.article, putin, "Putin", nth=1)
    client.force_login(editor)

    page = client.get(reverse("admin:records_statement_change", args=[quote.pk])).content.decode()

    assert '<mark class="hl-focus hl-quote hl-unreviewed" title="Steve Witkoff: direct · this statement">We are ready to talk</mark>' in page
    assert '<mark class="hl-mention hl-unreviewed" title="Vladimir Putin">Putin</mark> said.' in page


def test_changing_topics_is_summed_up_in_the_history_in_words(client, editor, misattributed):
    from apps.records.models import Topic

    quote, _, _ = misattributed
    security = Topic.objects.create(slug="security", name_en="Security", name_fr="Sécurité")
    client.force_login(editor)

    edit(client, quote, topics=[str(security.pk)], direct=False)

    assert quote.history.latest().history_change_reason == "Corrected: direct: True → False; topics edited"
