"""French and English interface: the browser's language by default, a switcher, localized dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from apps.records.models import DatePrecision, Event
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_the_browser_language_picks_french(client):
    make_event("Réunion à Paris", date=dt.date(2025, 9, 4), kind=Event.Kind.MEETING)
    html = client.get(reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content.decode()
    assert '<html lang="fr">' in html
    assert "Chronologie des négociations" in html and "Filtres" in html
    assert "Jeudi 4 septembre" in html and "Rencontre" in html


def test_english_is_the_default(client):
    html = client.get(reverse("timeline:index")).content.decode()
    assert '<html lang="en">' in html and "Timeline of the talks" in html


def test_dates_keep_their_precision_in_both_languages(client):
    make_event("Sommet", date=dt.date(2025, 10, 1), precision=DatePrecision.MONTH)
    assert "Octobre 2025" in client.get(reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "October 2025" in client.get(reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_switcher_sets_the_language_through_a_csrf_protected_post():
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(reverse("timeline:index")).content.decode()
    assert 'action="/i18n/setlang/"' in page and 'name="csrfmiddlewaretoken"' in page
    assert browser.post(reverse("set_language"), {"language": "fr", "next": "/"}).status_code == 403
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = browser.post(reverse("set_language"), {"language": "fr", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "Chronologie des négociations" in browser.get("/").content.decode()
