"""Editors go from what they read on the timeline to the row's review page; analysts see no such link."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def talks():
    return make_event("Macron meets Zelensky", actors=[make_actor("Emmanuel Macron", country="FR")])


def _edit_href(talks) -> str:
    return f'class="card-edit" href="{reverse("admin:records_event_change", args=[talks.pk])}"'


def test_an_editor_has_an_edit_link_on_each_card_and_on_the_event_page(client, editor, talks):
    client.force_login(editor)

    timeline = client.get(reverse("timeline:index")).content.decode()
    assert _edit_href(talks) in timeline
    assert 'aria-label="Edit: Macron meets Zelensky">Edit</a>' in timeline
    fragment = client.get(reverse("timeline:index"), HTTP_HX_REQUEST="true").content.decode()
    assert _edit_href(talks) in fragment  # the cards HTMX swaps in carry it too
    assert _edit_href(talks) in client.get(reverse("timeline:event", args=[talks.pk])).content.decode()
    assert client.get(reverse("admin:records_event_change", args=[talks.pk])).status_code == 200


def test_an_analyst_or_a_visitor_sees_no_edit_link(client, analyst, talks, settings):
    settings.PARLEY_PUBLIC_TIMELINE = True
    for who in (None, analyst):
        if who:
            client.force_login(who)
        for url in (reverse("timeline:index"), reverse("timeline:event", args=[talks.pk])):
            page = client.get(url).content.decode()
            assert "Macron meets Zelensky" in page
            assert "card-edit" not in page, (who, url)


def test_the_edit_link_is_in_french_for_a_french_editor(client, editor, talks):
    client.force_login(editor)
    page = client.get(reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'aria-label="Modifier : Macron meets Zelensky">Modifier</a>' in page


def test_an_analyst_after_an_editor_gets_no_edit_link_from_the_page_cache(client, editor, analyst, talks, django_user_model):
    """Pages are kept until the next write: the copy an editor filled must not reach an analyst,
    nor reach someone given the right to change events without staff access."""
    from django.contrib.auth.models import Permission
    from django.test import Client

    client.force_login(editor)
    urls = (reverse("timeline:index"), reverse("timeline:event", args=[talks.pk]))
    for url in urls:
        assert "card-edit" in client.get(url).content.decode()
    reader = Client()
    reader.force_login(analyst)
    for url in urls:
        assert "card-edit" not in reader.get(url).content.decode(), url
    fixer = django_user_model.objects.create_user("fixer", password="x")
    fixer.user_permissions.add(Permission.objects.get(codename="change_event"))
    for url in urls:
        reader.get(url)  # an analyst's copy is in the cache now
    other = Client()
    other.force_login(fixer)
    for url in urls:
        assert "card-edit" in other.get(url).content.decode(), url
