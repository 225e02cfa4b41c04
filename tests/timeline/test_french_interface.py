"""Issue 16 item 9: the French interface names topics, kinds and roles in French and writes months as CLDR does."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from apps.extraction.reference_data import load_topics
from apps.records.models import Actor, EventParticipant, Topic
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


# --- Event titles and actors' roles (issue 16 item 9) ------------------------------------------

MACHINE_TITLES = {"en": "Trump meets Putin in Anchorage", "fr": "Trump rencontre Poutine à Anchorage"}


def _event_titles(html: str) -> list[str]:
    return re.findall(r'id="event-\d+-title"[^>]*>(?:<a [^>]*>)?([^<]+)<', html)


def test_the_machine_s_titles_show_in_the_reader_s_language_on_cards_rows_and_the_event_page(client):
    event = make_event(MACHINE_TITLES["en"], titles=MACHINE_TITLES)
    for view in ("cards", "compact"):
        assert _event_titles(client.get(reverse("timeline:index"), {"view": view}, **FRENCH).content.decode()) == [
            "Trump rencontre Poutine à Anchorage"]
        assert _event_titles(client.get(reverse("timeline:index"), {"view": view}).content.decode()) == [
            "Trump meets Putin in Anchorage"]
    page = client.get(reverse("timeline:event", args=[event.pk]), **FRENCH).content.decode()
    assert '<h1 class="page-title">Trump rencontre Poutine à Anchorage</h1>' in page
    assert "<title>Trump rencontre Poutine à Anchorage · Parley</title>" in page


def test_a_french_article_s_event_shows_its_english_title_in_english(client):
    make_event("Trump rencontre Poutine à Anchorage", titles=MACHINE_TITLES)
    assert _event_titles(client.get(reverse("timeline:index")).content.decode()) == ["Trump meets Putin in Anchorage"]


def test_an_editor_s_own_title_stays_as_written_in_every_language(client):
    make_event("Alaska summit on the war in Ukraine", titles=MACHINE_TITLES)  # the editor renamed it
    make_event("Witkoff in Moscow", date=dt.date(2025, 8, 6))  # no machine titles (older rows, the generator)
    french = _event_titles(client.get(reverse("timeline:index"), **FRENCH).content.decode())
    assert french == ["Alaska summit on the war in Ukraine", "Witkoff in Moscow"]


def test_roles_show_in_french_where_the_lexicon_has_them_and_as_written_otherwise(client):
    zelensky = make_actor("Volodymyr Zelensky", role="President of Ukraine")
    envoy = make_actor("Steve Witkoff", role="Chief negotiator for the talks")  # an editor's wording
    french = client.get(reverse("timeline:actor", args=[zelensky.pk]), **FRENCH).content.decode()
    assert '<p class="actor-role">Président de l’Ukraine</p>' in french
    english = client.get(reverse("timeline:actor", args=[zelensky.pk])).content.decode()
    assert '<p class="actor-role">President of Ukraine</p>' in english
    own = client.get(reverse("timeline:actor", args=[envoy.pk]), **FRENCH).content.decode()
    assert '<p class="actor-role">Chief negotiator for the talks</p>' in own
    picker = client.get(reverse("timeline:actor-search"), {"q": "zelen"}, **FRENCH).content.decode()
    assert "· Président de l’Ukraine" in picker


def test_every_role_the_gazetteer_gives_has_its_french():
    import json
    from pathlib import Path

    from apps.records.role_names import lexicon

    gazetteer = json.loads(Path("apps/extraction/data/gazetteer.json").read_text())["entries"]
    roles = {entry["role"] for entry in gazetteer if entry.get("role") and entry.get("kind") in Actor.Kind.values}
    assert sorted(roles - set(lexicon()["fr"])) == []
