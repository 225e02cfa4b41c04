"""Issue 16 item 9: the French interface names topics, kinds and roles in French and writes months as CLDR does."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from apps.extraction.reference_data import load_topics
from apps.records.models import EventParticipant, Topic
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db

FRENCH = {"HTTP_ACCEPT_LANGUAGE": "fr"}


def test_shipped_topics_have_french_names_and_older_copies_get_them(client):
    Topic.objects.create(slug="ceasefire", name_en="Ceasefire", name_fr="Ceasefire")  # loaded before the French names
    Topic.objects.create(slug="sanctions", name_en="Sanctions", name_fr="Mesures restrictives")  # an editor's choice
    load_topics()
    names = dict(Topic.objects.values_list("slug", "name_fr"))
    assert names["ceasefire"] == "Cessez-le-feu" and names["security-guarantees"] == "Garanties de sécurité"
    assert names["sanctions"] == "Mesures restrictives"
    make_event("Truce talks", topics=[Topic.objects.get(slug="ceasefire")])
    html = client.get(reverse("timeline:index"), **FRENCH).content.decode()
    assert "#Cessez-le-feu" in html and '<option value="ceasefire">Cessez-le-feu</option>' in html


def test_months_are_cldr_abbreviations_in_week_headings_and_the_compact_view(client):
    make_event("Talks in Alaska", date=dt.date(2025, 8, 15))
    html = client.get(reverse("timeline:index"), **FRENCH).content.decode()
    assert "Semaine 33 <span>11 août – 17 août 2025</span>" in html
    assert "Aoû" not in html and "aoû " not in html
    compact = client.get(reverse("timeline:index"), {"view": "compact"}, **FRENCH).content.decode()
    assert re.search(r'class="row-date">15 août 2025<', compact)


def test_participant_roles_and_kinds_are_french(client):
    host = make_actor("Donald Trump")
    event = make_event("Trump hosts Zelensky")
    EventParticipant.objects.create(event=event, actor=host, role=EventParticipant.Role.HOST)
    html = client.get(reverse("timeline:event", args=[event.pk]), **FRENCH).content.decode()
    assert "<small>Hôte</small>" in html and "Rencontre" in html
