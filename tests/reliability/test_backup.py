"""`make backup` then `make restore` into a fresh database gives back everything, corrections included."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.ingestion.models import Article
from apps.records.models import Actor, Alias, Event, EventParticipant, ReviewState, Statement
from tests.conftest import ROOT, requires_postgres, test_database_url

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]

TABLES = {
    "articles": "ingestion_article",
    "actors": "timeline_actor",
    "aliases": "timeline_alias",
    "events": "timeline_event",
    "statements": "timeline_statement",
    "statement history": "timeline_historicalstatement",
}


def make(*args: str, database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def counts(database_url: str) -> dict[str, int]:
    with psycopg.connect(database_url) as conn:
        return {name: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for name, table in TABLES.items()}


@pytest.fixture
def fresh_database():
    name = f"parley_restore_{os.getpid()}"
    admin_url = test_database_url().rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restored_into_a_fresh_database_has_every_row_and_every_correction(tmp_path, fresh_database):
    editor = get_user_model().objects.create_user("ed", password="x")
    article = Article.objects.create(
        via=Article.Via.PASTE, title="Réunion à Paris", text="« Nous sommes prêts », a déclaré Emmanuel Macron.",
        status=Article.Status.EXTRACTED, published_at=timezone.now(),
    )
    macron = Actor.objects.create(name="Emmanuel Macron", kind="person", country="FR")
    rutte = Actor.objects.create(name="Mark Rutte", kind="person")
    Alias.objects.create(actor=macron, name="Macron", origin=Alias.Origin.EDITOR)
    event = Event.objects.create(title="Coalition summit", kind="meeting", date=dt.date(2025, 9, 4), date_precision="day")
    EventParticipant.objects.create(event=event, actor=macron)
    quote = Statement.objects.create(article=article, speaker=rutte, text="Nous sommes prêts", start=2, end=19,
                                     said_on=dt.date(2025, 9, 3), said_on_precision="day")
    # The editor's correction: the speaker was wrong; the fix is locked against re-extraction.
    quote.speaker = macron
    quote.review_state = ReviewState.LOCKED
    quote.reviewed_by = editor
    quote.save()

    dump = tmp_path / "parley.dump"
    backup = make("backup", f"FILE={dump}", database_url=test_database_url())
    assert backup.returncode == 0, backup.stderr
    assert dump.stat().st_size > 0

    restore = make("restore", f"FILE={dump}", database_url=fresh_database)
    assert restore.returncode == 0, restore.stderr

    assert counts(fresh_database) == counts(test_database_url())
    with psycopg.connect(fresh_database) as conn:
        speaker, state, reviewer = conn.execute(
            "SELECT a.name, s.review_state, u.username FROM timeline_statement s "
            "JOIN timeline_actor a ON a.id = s.speaker_id JOIN accounts_user u ON u.id = s.reviewed_by_id"
        ).fetchone()
        history = [row[0] for row in conn.execute(
            "SELECT a.name FROM timeline_historicalstatement h JOIN timeline_actor a ON a.id = h.speaker_id "
            "ORDER BY h.history_id"
        )]
    assert (speaker, state, reviewer) == ("Emmanuel Macron", "locked", "ed")
    assert history == ["Mark Rutte", "Emmanuel Macron"]  # what the machine said, then the fix


def test_restore_refuses_a_file_that_is_not_a_dump(tmp_path, fresh_database):
    bogus = tmp_path / "not-a-dump"
    bogus.write_text("hello")
    result = make("restore", f"FILE={bogus}", database_url=fresh_database)
    assert result.returncode != 0
    assert "input file does not appear to be a valid archive" in result.stderr


def test_backup_refuses_a_sqlite_database(tmp_path):
    result = make("backup", f"FILE={tmp_path / 'x.dump'}", database_url="sqlite:///db.sqlite3")
    assert result.returncode != 0
    assert "not PostgreSQL" in result.stderr
