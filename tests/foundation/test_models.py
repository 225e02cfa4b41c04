"""The data model refuses what would corrupt the timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.apps import apps
from django.db import IntegrityError, transaction

from apps.ingestion.models import Article
from apps.records.models import Actor, Alias, Event, EventParticipant, ReviewState, Statement, normalize_name

pytestmark = pytest.mark.django_db


def make_article(**extra) -> Article:
    fields = {"via": Article.Via.PASTE, "title": "Talks in Paris", "text": "Macron a parlé.", **extra}
    return Article.objects.create(**fields)


def test_the_same_text_is_stored_once_even_under_another_url():
    make_article(url="https://a.example/1", text="Le même texte.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url="https://b.example/2", text="Le  même\ntexte.")


def test_the_same_canonical_url_is_stored_once():
    make_article(url="https://a.example/1", text="Un.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url="https://a.example/1", text="Deux.")


def test_articles_still_waiting_for_their_text_do_not_collide():
    make_article(url="https://a.example/1", text="")
    make_article(url="https://a.example/2", text="")
    assert Article.objects.filter(content_hash="").count() == 2


def test_aliases_are_unique_whatever_the_accents_and_case():
    macron = Actor.objects.create(name="Emmanuel Macron", kind=Actor.Kind.PERSON)
    Alias.objects.create(actor=macron, name="Élysée chief")
    with pytest.raises(IntegrityError), transaction.atomic():
        Alias.objects.create(actor=macron, name="elysee CHIEF")


def test_normalized_names_fold_accents_apostrophes_and_hyphens():
    assert normalize_name("Volodymyr  Zelensky") == normalize_name("volodymyr zelensky")
    assert normalize_name("États-Unis") == "etats unis"
    assert normalize_name("L’Otan") == normalize_name("l'OTAN")


def test_a_statement_span_cannot_be_empty():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(article=article, text="x", start=5, end=5)


def test_an_event_without_a_date_must_say_its_precision_is_unknown():
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(title="Summit", kind=Event.Kind.MEETING, date=None, date_precision="day")
    Event.objects.create(title="Summit", kind=Event.Kind.MEETING, date=None, date_precision="unknown")


def test_an_actor_takes_part_in_an_event_once():
    event = Event.objects.create(title="Call", kind="call", date=dt.date(2025, 9, 4), date_precision="day")
    trump = Actor.objects.create(name="Donald Trump", kind="person")
    EventParticipant.objects.create(event=event, actor=trump)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventParticipant.objects.create(event=event, actor=trump)


def test_rows_an_editor_touched_are_protected_from_the_machine():
    actor = Actor.objects.create(name="Steve Witkoff", kind="person")
    assert not actor.is_protected
    for state in (ReviewState.VERIFIED, ReviewState.REJECTED, ReviewState.LOCKED):
        actor.review_state = state
        assert actor.is_protected


def test_wikidata_ids_are_unique_when_given():
    Actor.objects.create(name="Mark Rutte", kind="person", wikidata_id="Q57792")
    Actor.objects.create(name="Unknown envoy", kind="person")
    Actor.objects.create(name="Another envoy", kind="person")
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.create(name="M. Rutte", kind="person", wikidata_id="Q57792")


def test_the_admin_lists_every_model():
    ours = [m for m in apps.get_models() if m._meta.app_label in {"accounts", "ingestion", "records", "timeline"}]
    ours = [m for m in ours if not m.__name__.startswith("Historical")]
    # The rollups are counts PostgreSQL triggers derive from the records: nothing to edit or browse.
    ours = [m for m in ours if not m._meta.db_table.startswith("rollup_")]
    missing = [m.__name__ for m in ours if not admin.site.is_registered(m)]
    assert missing == []


def test_the_editors_and_analysts_groups_exist_with_their_permissions():
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Editors")
    analysts = Group.objects.get(name="Analysts")
    assert editors.permissions.filter(codename="change_statement").exists()
    assert analysts.permissions.filter(codename="view_statement").exists()
    assert not analysts.permissions.filter(codename="change_statement").exists()
