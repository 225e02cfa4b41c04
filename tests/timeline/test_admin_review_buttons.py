"""One click per row: Verify and Reject on each row of the review lists and on the change page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.records.models import Actor, Event, ReviewState, Statement
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows():
    text = make.article()
    putin = make.actor("Vladimir Putin", confidence=0.4)
    talks = make.event("Putin meets Witkoff")
    quote = make.statement(text, putin, "We are ready to talk")
    return {"actor": putin, "event": talks, "statement": quote}


def review_url(obj, verb: str) -> str:
    return reverse(f"admin:records_{obj._meta.model_name}_review", args=[obj.pk, verb])


@pytest.mark.parametrize("model", ["actor", "event", "statement"])
def test_each_row_of_the_queue_has_verify_and_reject_buttons_that_keep_the_filters(client, editor, rows, model):
    client.force_login(editor)
    changelist = reverse(f"admin:records_{model}_changelist")

    page = client.get(changelist, {"state": "unreviewed", "q": "Putin"}).content.decode()

    obj = rows[model]
    assert f'formaction="{review_url(obj, "verify")}?back=list&amp;_changelist_filters=' in page
    assert f'formaction="{review_url(obj, "reject")}?back=list&amp;_changelist_filters=' in page
    assert 'formmethod="post"' in page and "csrfmiddlewaretoken" in page


@pytest.mark.parametrize(("verb", "state"), [("verify", ReviewState.VERIFIED), ("reject", ReviewState.REJECTED)])
def test_a_row_button_sets_the_state_and_returns_to_the_filtered_list_with_a_message(client, editor, rows, verb, state):
    client.force_login(editor)
    event = rows["event"]

    response = client.post(
        f"{review_url(event, verb)}?back=list&_changelist_filters=state%3Dunreviewed%26q%3DPutin", follow=True
    )

    event.refresh_from_db()
    assert (event.review_state, event.reviewed_by) == (state, editor)
    assert response.redirect_chain[-1][0] == reverse("admin:records_event_changelist") + "?state=unreviewed&q=Putin"
    assert f"“Putin meets Witkoff” marked {ReviewState(state).label.lower()}." in response.content.decode()
    assert "Putin meets Witkoff" not in [str(r) for r in response.context["cl"].result_list]  # left the queue
    assert event.history.first().history_change_reason == f"Marked {ReviewState(state).label.lower()}"


def test_the_change_page_has_the_buttons_and_comes_back_to_itself(client, editor, rows):
    client.force_login(editor)
    quote = rows["statement"]
    change = reverse("admin:records_statement_change", args=[quote.pk])

    page = client.get(change).content.decode()
    assert f'formaction="{review_url(quote, "verify")}?back=change"' in page
    assert f'formaction="{review_url(quote, "reject")}?back=change"' in page

    response = client.post(f"{review_url(quote, 'reject')}?back=change")
    assert response.status_code == 302 and response["Location"] == change
    assert Statement.objects.get(pk=quote.pk).review_state == ReviewState.REJECTED
    page = client.get(change).content.decode()
    assert "review-reject" not in page and "review-verify" in page  # only the decision not yet taken


def test_the_way_back_is_always_our_own_list(client, editor, rows):
    client.force_login(editor)
    response = client.post(f"{review_url(rows['actor'], 'verify')}?_changelist_filters=//evil.example.org/")
    assert response["Location"].startswith(reverse("admin:records_actor_changelist") + "?")


def test_an_analyst_sees_no_buttons_and_cannot_post_them(client, analyst, rows):
    client.force_login(analyst)
    page = client.get(reverse("admin:records_actor_changelist")).content.decode()
    assert "review-verify" not in page
    assert "review-verify" not in client.get(reverse("admin:records_actor_change", args=[rows["actor"].pk])).content.decode()

    assert client.post(review_url(rows["actor"], "verify")).status_code == 403
    assert Actor.objects.get(pk=rows["actor"].pk).review_state == ReviewState.UNREVIEWED


def test_the_buttons_only_accept_post_with_a_csrf_token(editor, rows):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.get(review_url(rows["event"], "verify")).status_code == 405
    assert strict.post(review_url(rows["event"], "verify")).status_code == 403
    assert Event.objects.get(pk=rows["event"].pk).review_state == ReviewState.UNREVIEWED


def test_an_unknown_decision_is_not_found(client, editor, rows):
    client.force_login(editor)
    assert client.post(review_url(rows["event"], "lock")).status_code == 404
