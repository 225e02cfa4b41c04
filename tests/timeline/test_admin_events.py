"""Editors fix events: fields and participants, merge duplicates, move evidence off, verify or reject."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from apps.records.models import Event, EventEvidence, EventParticipant, MergeRecord, ReviewState
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:records_event_changelist")
SENTENCE = "Vladimir Putin met Steve Witkoff in Moscow on Thursday."
QUOTE_SENTENCE = "“We are ready to talk,” Putin said."


@pytest.fixture
def meeting():
    text = make.article()
    putin, witkoff = make.actor("Vladimir Putin"), make.actor("Steve Witkoff")
    talks = make.event("Putin meets Witkoff")
    make.evidence(talks, text, SENTENCE)
    make.participant(talks, putin, "host")
    return {"article": text, "talks": talks, "putin": putin, "witkoff": witkoff}


def test_an_editor_corrects_an_events_fields_and_adds_a_participant(client, editor, meeting):
    talks = meeting["talks"]
    url = reverse("admin:records_event_change", args=[talks.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    data.update({
        "title": "Putin receives Witkoff in the Kremlin", "date": "2025-03-01", "date_precision": "week",
        "kind": "negotiation", "status": "planned", "location": "Moscow",
        "participants-1-actor": meeting["witkoff"].pk, "participants-1-role": "participant",
    })

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    talks.refresh_from_db()
    assert (talks.title, talks.date, talks.date_precision, talks.kind, talks.status, talks.location) == (
        "Putin receives Witkoff in the Kremlin", dt.date(2025, 3, 1), "week", "negotiation", "planned", "Moscow",
    )
    assert (talks.review_state, talks.reviewed_by) == (ReviewState.LOCKED, editor)
    added = EventParticipant.objects.get(event=talks, actor=meeting["witkoff"])
    assert added.review_state == ReviewState.LOCKED


def test_a_date_without_a_day_is_refused_with_the_reason(client, editor, meeting):
    talks = meeting["talks"]
    url = reverse("admin:records_event_change", args=[talks.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    data.update({"date": "", "date_precision": "day"})

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["date"] == ["Give a date, or set the precision to “Unknown”."]
    talks.refresh_from_db()
    assert talks.date == dt.date(2025, 3, 13)


def test_an_editor_merges_duplicate_events(client, editor, meeting):
    dupe = make.event("Witkoff in Moscow")
    make.evidence(dupe, meeting["article"], QUOTE_SENTENCE)
    client.force_login(editor)
    selection = {"action": "merge_events", "_selected_action": [meeting["talks"].pk, dupe.pk]}
    assert "Pick the event to keep" in client.post(CHANGELIST, selection).content.decode()

    response = client.post(CHANGELIST, {**selection, "post": "yes", "keep": meeting["talks"].pk})

    assert response.url == reverse("admin:records_event_change", args=[meeting["talks"].pk])
    assert meeting["talks"].evidence.count() == 2
    assert Event.objects.get(pk=dupe.pk).merged_into == meeting["talks"]
    assert list(Event.objects.visible()) == [meeting["talks"]]
    assert MergeRecord.objects.get().kind == MergeRecord.Kind.EVENT


def test_an_editor_moves_evidence_off_into_a_new_event(client, editor, meeting):
    talks = meeting["talks"]
    moving = make.evidence(talks, meeting["article"], QUOTE_SENTENCE)
    url = reverse("admin:records_eventevidence_changelist")
    client.force_login(editor)
    selection = {"action": "move_evidence", "_selected_action": [moving.pk]}
    assert "Title of the new event" in client.post(url, selection).content.decode()

    response = client.post(url, {**selection, "post": "yes", "title": "Putin speaks to reporters"})

    new = Event.objects.get(title="Putin speaks to reporters")
    assert response.url == reverse("admin:records_event_change", args=[new.pk])
    assert list(new.evidence.all()) == [moving]
    assert list(talks.evidence.values_list("sentence", flat=True)) == [SENTENCE]
    assert new.review_state == ReviewState.LOCKED


def test_the_event_page_links_to_its_evidence_for_moving(client, editor, meeting):
    client.force_login(editor)
    page = client.get(reverse("admin:records_event_change", args=[meeting["talks"].pk])).content.decode()
    assert f"/admin/records/eventevidence/?event__id__exact={meeting['talks'].pk}" in page


def test_verify_and_reject_actions_on_events(client, editor, meeting):
    bogus = make.event("Thursday")
    client.force_login(editor)

    client.post(CHANGELIST, {"action": "verify_selected", "_selected_action": [meeting["talks"].pk]})
    client.post(CHANGELIST, {"action": "reject_selected", "_selected_action": [bogus.pk]})

    assert Event.objects.get(pk=meeting["talks"].pk).review_state == ReviewState.VERIFIED
    assert Event.objects.get(pk=bogus.pk).review_state == ReviewState.REJECTED
    assert bogus not in Event.objects.visible()


def test_an_analyst_cannot_change_merge_or_move_events(client, analyst, editor, meeting):
    talks = meeting["talks"]
    dupe = make.event("Witkoff in Moscow")
    moving = make.evidence(talks, meeting["article"], QUOTE_SENTENCE)
    url = reverse("admin:records_event_change", args=[talks.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    client.force_login(analyst)

    assert client.post(url, {**data, "title": "Changed"}).status_code == 403
    client.post(CHANGELIST, {"action": "merge_events", "_selected_action": [talks.pk, dupe.pk], "post": "yes",
                             "keep": talks.pk})
    client.post(reverse("admin:records_eventevidence_changelist"),
                {"action": "move_evidence", "_selected_action": [moving.pk], "post": "yes", "title": "New"})

    talks.refresh_from_db()
    assert talks.title == "Putin meets Witkoff"
    assert Event.objects.get(pk=dupe.pk).merged_into is None
    assert EventEvidence.objects.get(pk=moving.pk).event == talks
    assert Event.objects.count() == 2


def test_reassigning_one_evidence_sentence_locks_both_events(client, editor, meeting):
    talks = meeting["talks"]
    other = make.event("Witkoff in Moscow")
    evidence = talks.evidence.get()
    url = reverse("admin:records_eventevidence_change", args=[evidence.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))

    response = client.post(url, {**data, "event": other.pk})

    assert response.status_code == 302
    assert EventEvidence.objects.get(pk=evidence.pk).event == other
    assert set(Event.objects.values_list("review_state", flat=True)) == {ReviewState.LOCKED}
