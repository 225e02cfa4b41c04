"""Editors change extracted data, Analysts only read it; both groups exist after every migrate."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from apps.accounts.roles import ensure_roles

pytestmark = pytest.mark.django_db


def codenames(group_name: str) -> set[str]:
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_editors_may_correct_extracted_data_but_never_delete_it():
    editors = codenames("Editors")
    assert {"change_actor", "change_statement", "change_event", "change_mergerecord", "add_alias",
            "change_article"} <= editors
    assert not {"delete_actor", "delete_statement", "delete_event", "delete_mention", "delete_article"} & editors


def test_analysts_may_only_view():
    analysts = codenames("Analysts")
    assert {"view_actor", "view_statement", "view_event", "view_article", "view_mergerecord"} <= analysts
    assert all(c.startswith("view_") for c in analysts)


def test_ensure_roles_is_idempotent_and_repairs_a_tampered_group():
    analysts = Group.objects.get(name="Analysts")
    analysts.permissions.clear()
    ensure_roles()
    ensure_roles()
    assert Group.objects.filter(name="Analysts").count() == 1
    assert "view_statement" in codenames("Analysts")


def test_the_user_knows_whether_it_is_an_editor(editor, analyst, outsider):
    assert editor.is_editor() and not analyst.is_editor() and not outsider.is_editor()


def test_an_analyst_sees_the_review_tool_read_only(client, analyst):
    client.force_login(analyst)
    page = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:records_statement_changelist") in page
    assert reverse("admin:records_statement_add") not in page


def test_an_anonymous_visitor_reads_the_timeline_only_when_settings_make_it_public(client, settings):
    settings.PARLEY_PUBLIC_TIMELINE = True
    assert client.get(reverse("timeline:index")).status_code == 200
    settings.PARLEY_PUBLIC_TIMELINE = False
    response = client.get(reverse("timeline:index"))
    assert response.status_code == 302 and reverse("admin:login") in response.url
    assert client.get(reverse("admin:records_statement_changelist")).status_code == 302
