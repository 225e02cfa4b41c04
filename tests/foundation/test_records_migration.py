"""A database at main's state before apps.records (timeline owning the shared models), with rows in
it, migrated forward: the rows, their relations, permissions, groups and admin log survive."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.ingestion.models import Article
from apps.records.models import Actor, Event, Statement, Topic

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("records", None), ("timeline", "0008_drop_redundant_indexes"), ("ingestion", "0005_article_corrections")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def test_migrating_from_timeline_to_records_keeps_rows_relations_and_permissions():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(BEFORE)
    assert ContentType.objects.filter(app_label="timeline", model="event").exists()
    # None of the moved models is records' yet (models records added later, ExtractionRun, keep their own row).
    assert not ContentType.objects.filter(app_label="records", model__in=["event", "actor", "statement", "topic"]).exists()

    # Rows written through main's models, as a running Parley had them.
    OldArticle = old.get_model("ingestion", "Article")
    OldTopic, OldActor = old.get_model("timeline", "Topic"), old.get_model("timeline", "Actor")
    OldEvent, OldStatement = old.get_model("timeline", "Event"), old.get_model("timeline", "Statement")
    article = OldArticle.objects.create(via="paste", title="Talks", text="Rubio met Lavrov.", status="extracted")
    topic = OldTopic.objects.create(slug="ceasefire", name_en="Ceasefire", name_fr="Cessez-le-feu")
    article.topics.add(topic)
    rubio = OldActor.objects.create(name="Marco Rubio", kind="person", country="US")
    event = OldEvent.objects.create(title="Rubio meets Lavrov", kind="meeting", date=dt.date(2025, 2, 18),
                                    date_precision="day")
    event.topics.add(topic)
    event.participants.create(actor=rubio)
    event.evidence.create(article=article, sentence="Rubio met Lavrov.", start=0, end=17)
    OldStatement.objects.create(speaker=rubio, text="We talked.", article=article, start=0, end=10, event=event)

    event_type = ContentType.objects.get(app_label="timeline", model="event")
    change_event = Permission.objects.get(content_type=event_type, codename="change_event")
    reviewers = Group.objects.create(name="Reviewers")
    reviewers.permissions.add(change_event)
    editor = old.get_model("accounts", "User").objects.create(username="editor")
    entry = LogEntry.objects.create(user_id=editor.pk, content_type=event_type, object_id=str(event.pk), object_repr="Rubio meets Lavrov",
                                    action_flag=CHANGE, change_message="checked")

    _migrate(leaves)

    moved = Event.objects.get(pk=event.pk)
    assert moved.title == "Rubio meets Lavrov"
    assert [p.actor.name for p in moved.participants.all()] == ["Marco Rubio"]
    assert [e.article_id for e in moved.evidence.all()] == [article.pk]
    assert list(moved.topics.values_list("slug", flat=True)) == ["ceasefire"]
    assert Statement.objects.get(article_id=article.pk).speaker == Actor.objects.get(name="Marco Rubio")
    assert list(Article.objects.get(pk=article.pk).topics.all()) == [Topic.objects.get(slug="ceasefire")]

    # The same content type row, now records', with its permission, group and log entry.
    event_type.refresh_from_db()
    assert (event_type.app_label, event_type.model) == ("records", "event")
    assert ContentType.objects.get_for_model(Event) == event_type
    assert not ContentType.objects.filter(app_label="timeline", model="event").exists()
    assert Group.objects.get(name="Reviewers").permissions.get().codename == "change_event"
    assert Permission.objects.get(pk=change_event.pk).content_type == event_type
    assert LogEntry.objects.get(pk=entry.pk).get_edited_object() == moved

    # The rule still holds on the migrated rows (on PostgreSQL through the adopted triggers).
    assert Event.objects.visible().filter(pk=event.pk).exists()
    Article.objects.get(pk=article.pk).set_status(Article.Status.IRRELEVANT)
    assert not Event.objects.visible().filter(pk=event.pk).exists()
