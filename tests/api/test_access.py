"""Who may call the API: the pages' rule, personal tokens (hashed, shown once, revocable), a throttle."""

from __future__ import annotations

import pytest
from django.test import Client

from apps.api.models import ApiToken, digest

pytestmark = pytest.mark.django_db


@pytest.fixture
def private(settings):
    settings.PARLEY_PUBLIC_TIMELINE = False


def _bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_private_timeline_asks_anonymous_scripts_for_a_token(client, world, private):
    response = client.get("/api/v1/events")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_a_public_timeline_is_readable_without_a_token(client, world, settings):
    settings.PARLEY_PUBLIC_TIMELINE = True
    assert client.get("/api/v1/events").status_code == 200


def test_an_analysts_token_reads_a_private_timeline(client, world, analyst_token, private):
    assert client.get("/api/v1/events", **_bearer(analyst_token)).status_code == 200


def test_a_logged_in_analyst_reads_with_the_session_too(client, world, analyst, private):
    client.force_login(analyst)
    assert client.get("/api/v1/events").status_code == 200


def test_a_user_in_no_group_is_forbidden_even_with_a_token(client, world, outsider, private):
    raw = ApiToken.issue(user=outsider, name="mine")[1]
    response = client.get("/api/v1/events", **_bearer(raw))
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"


def test_an_unknown_token_is_refused_even_when_the_timeline_is_public(client, world, settings):
    settings.PARLEY_PUBLIC_TIMELINE = True
    response = client.get("/api/v1/events", **_bearer("parley_not-a-real-token"))
    assert response.status_code == 401
    assert "revoked" in response.json()["error"]["message"]


def test_a_revoked_token_stops_working(client, world, analyst, private):
    token, raw = ApiToken.issue(user=analyst, name="old laptop")
    assert client.get("/api/v1/topics", **_bearer(raw)).status_code == 200
    token.revoke()
    assert client.get("/api/v1/topics", **_bearer(raw)).status_code == 401


def test_a_token_of_a_deactivated_user_stops_working(client, world, analyst, analyst_token, private):
    analyst.is_active = False
    analyst.save()
    assert client.get("/api/v1/topics", **_bearer(analyst_token)).status_code == 401


def test_tokens_are_stored_hashed_and_record_their_last_use(client, world, analyst, private):
    token, raw = ApiToken.issue(user=analyst, name="notebook")
    assert raw not in {token.hashed, token.prefix} and token.hashed == digest(raw)
    assert not ApiToken.objects.filter(hashed=raw).exists()
    assert token.last_used_at is None
    client.get("/api/v1/topics", **_bearer(raw))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_token_page_shows_a_new_token_once(client, analyst):
    client.force_login(analyst)
    created = client.post("/api/tokens/", {"action": "create", "name": "my notebook"})
    assert created.status_code == 200 and created["Cache-Control"] == "no-store"
    raw = created.context["raw_token"]
    assert raw in created.content.decode()
    assert client.get("/api/v1/topics", **_bearer(raw)).status_code == 200
    again = client.get("/api/tokens/").content.decode()
    assert "my notebook" in again and raw not in again


def test_a_user_revokes_their_own_token_and_nobody_elses(client, analyst, editor):
    theirs, their_raw = ApiToken.issue(user=editor, name="editor's")
    client.force_login(analyst)
    mine = client.post("/api/tokens/", {"action": "create", "name": "mine"}).context["new_token"]
    client.post("/api/tokens/", {"action": "revoke", "token": theirs.pk})
    client.post("/api/tokens/", {"action": "revoke", "token": mine.pk})
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.is_active and not mine.is_active


def test_the_token_page_needs_a_login(client):
    response = client.get("/api/tokens/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_editors_see_every_token_in_the_admin_and_analysts_none(client, analyst, editor):
    ApiToken.issue(user=analyst, name="Ana's notebook")
    client.force_login(editor)
    page = client.get("/admin/api/apitoken/")
    assert page.status_code == 200 and "Ana&#x27;s notebook" in page.content.decode()
    client.force_login(analyst)
    assert client.get("/admin/api/apitoken/").status_code == 403


def test_too_many_requests_answer_429_with_retry_after(client, world, analyst, settings, fresh_throttle, private):
    settings.PARLEY_API_RATE = 3
    raw = ApiToken.issue(user=analyst, name="busy script")[1]
    other = ApiToken.issue(user=analyst, name="another script")[1]
    statuses = [client.get("/api/v1/topics", **_bearer(raw)).status_code for _ in range(3)]
    throttled = client.get("/api/v1/topics", **_bearer(raw))
    assert statuses == [200, 200, 200]
    assert throttled.status_code == 429 and throttled.json()["error"]["code"] == "throttled"
    assert 1 <= int(throttled["Retry-After"]) <= 60
    # Per token: another token of the same user still has its own allowance.
    assert client.get("/api/v1/topics", **_bearer(other)).status_code == 200
