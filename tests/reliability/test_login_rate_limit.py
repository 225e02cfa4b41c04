"""django-axes locks a username on this address after AXES_FAILURE_LIMIT wrong passwords.

Each attempt goes through the admin's real login form: the page is fetched, its hidden fields
(the CSRF token, `next`) are sent back, with CSRF checks on as in a browser.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

PASSWORD = "correct horse battery staple 2025"


@pytest.fixture
def ed(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="ed", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _log_in(client: Client, username: str, password: str):
    """Fill in and submit the admin login form as a browser would."""
    page = client.get("/admin/login/?next=/admin/")
    html = page.content.decode()
    assert page.status_code == 200, page.status_code
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    assert "csrfmiddlewaretoken" in hidden, "the login form carries no CSRF token"
    return client.post("/admin/login/", {**hidden, "username": username, "password": password})


def _is_logged_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_the_right_password_logs_in_through_the_form(ed):
    client = Client(enforce_csrf_checks=True)
    response = _log_in(client, "ed", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert _is_logged_in(client)


def test_after_the_failure_limit_even_the_right_password_is_refused(ed):
    client = Client(enforce_csrf_checks=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _log_in(client, "ed", f"wrong-{attempt}")
        assert response.status_code == 200, "a wrong password shows the form again"
        assert "Please enter the correct username and password" in response.content.decode()
    # The attempt that reaches the limit is itself answered with the lockout.
    response = _log_in(client, "ed", "wrong-last")
    assert response.status_code == 429

    response = _log_in(client, "ed", PASSWORD)
    assert response.status_code == 429
    assert "locked" in response.content.decode().lower()
    assert not _is_logged_in(client)


def test_the_lockout_also_holds_for_a_fresh_client_without_cookies(ed):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _log_in(Client(enforce_csrf_checks=True), "ed", f"wrong-{attempt}")
    fresh = Client(enforce_csrf_checks=True)
    assert _log_in(fresh, "ed", PASSWORD).status_code == 429
    assert not _is_logged_in(fresh)


def test_fewer_failures_than_the_limit_do_not_lock_the_editor_out(ed):
    client = Client(enforce_csrf_checks=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in(client, "ed", f"wrong-{attempt}")
    response = _log_in(client, "ed", PASSWORD)
    assert response.status_code == 302
    assert _is_logged_in(client)


def test_another_user_on_the_same_address_is_not_locked_out(ed, django_user_model):
    django_user_model.objects.create_user(username="ana", password=PASSWORD, is_staff=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _log_in(Client(enforce_csrf_checks=True), "ed", f"wrong-{attempt}")
    # The lock is on the username+address pair: a colleague behind the same NAT still gets in.
    response = _log_in(Client(enforce_csrf_checks=True), "ana", PASSWORD)
    assert response.status_code == 302
