"""Editors find the way to add articles from every page; analysts are not offered it."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_editor_sees_the_add_articles_link_and_an_analyst_does_not(client, editor, analyst):
    client.force_login(editor)
    assert 'href="/ingest/"' in client.get("/").content.decode()
    client.force_login(analyst)
    assert 'href="/ingest/"' not in client.get("/").content.decode()
