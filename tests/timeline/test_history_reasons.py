"""Issue 16: the history's reasons are stored in one language and shown in the reader's."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from apps.records import reasons, services
from apps.records.models import ReviewState
from tests.factories import make_actor
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

FRENCH = {"HTTP_ACCEPT_LANGUAGE": "fr"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _history(client, event) -> str:
    return client.get(reverse("admin:records_event_history", args=[event.pk]), **ENGLISH).content.decode()


def test_a_french_editor_rejecting_an_event_stores_the_reason_in_english_and_each_reader_sees_it_in_theirs(client, editor):
    client.force_login(editor)
    event = make.event("Putin meets Witkoff")

    client.post(reverse("admin:records_event_review", args=[event.pk, "reject"]) + "?back=change", **FRENCH)

    assert event.history.first().history_change_reason == "Marked rejected"
    assert "Marked rejected" in _history(client, event) and "Marked rejeté" not in _history(client, event)
    french = client.get(reverse("admin:records_event_history", args=[event.pk]), **FRENCH).content.decode()
    assert "Marqué comme rejeté" in french


def test_review_states_set_in_french_are_stored_in_english(editor):
    event = make.event("Putin meets Witkoff")
    services.set_review_state(objects=[event], state=ReviewState.VERIFIED, user=editor)
    with translation.override("fr"):
        services.set_review_state(objects=[event], state=ReviewState.REJECTED, user=editor)
    assert [h.history_change_reason for h in event.history.order_by("history_id")][-2:] == [
        "Marked verified", "Marked rejected"]


@pytest.mark.parametrize(("stored", "french"), [
    ("Merged “Volodymyr” into “Volodymyr Zelensky”", "« Volodymyr » fusionné dans « Volodymyr Zelensky »"),
    ("Corrected: title: Talks → Putin meets Witkoff", "Corrigé : title: Talks → Putin meets Witkoff"),
    ("Created by an editor", "Créé par un éditeur"),
    ("Something an older version wrote", "Something an older version wrote"),
])
def test_stored_reasons_are_read_back_in_french_with_their_names_kept(stored, french):
    with translation.override("fr"):
        assert reasons.shown(stored) == french


def test_merging_actors_as_a_french_editor_writes_the_english_reason(editor):
    keep, merge = make_actor("Volodymyr Zelensky"), make_actor("Volodymyr")
    with translation.override("fr"):
        services.merge_actors(keep=keep, merge=merge, user=editor)
    assert keep.history.first().history_change_reason == "Merged “Volodymyr” into “Volodymyr Zelensky”"
