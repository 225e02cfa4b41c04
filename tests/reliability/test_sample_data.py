"""The quickstart's sample articles go through the real pipeline, and every quote is verbatim."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from apps.ingestion.models import Article
from apps.records.models import Actor, Event, EventEvidence, Mention, Statement

pytestmark = pytest.mark.django_db


def load_sample_data(capture) -> None:
    """Run the quickstart's command as `make run` does: no Redis, extraction inline after commit."""
    from config.celery import app

    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        with capture(execute=True):
            call_command("load_sample_data", verbosity=0)
    finally:
        app.conf.task_always_eager = saved


@pytest.fixture
def sample_loaded(django_capture_on_commit_callbacks):
    load_sample_data(django_capture_on_commit_callbacks)


def test_the_sample_articles_are_extracted_into_a_timeline(sample_loaded):
    articles = Article.objects.all()
    assert articles.count() >= 10
    assert set(articles.values_list("status", flat=True)) == {Article.Status.EXTRACTED}
    assert Event.objects.count() >= 20
    assert Statement.objects.filter(direct=True, speaker__isnull=False).count() >= 10
    assert Actor.objects.filter(name="Volodymyr Zelensky").exists()
    seed = articles.get(external_id="seed-reuters-fr-2025-09-04")
    assert seed.statements.filter(speaker__name="Mark Rutte", said_on="2025-09-03").exists()


def test_every_stored_quote_mention_and_evidence_is_what_the_article_printed(sample_loaded):
    for statement in Statement.objects.select_related("article"):
        assert statement.article.text[statement.start:statement.end] == statement.text
    for mention in Mention.objects.select_related("article"):
        assert mention.article.text[mention.start:mention.end] == mention.text
    for evidence in EventEvidence.objects.select_related("article"):
        assert evidence.article.text[evidence.start:evidence.end] == evidence.sentence


def test_the_quickstart_command_extracts_the_sample_articles_in_a_fresh_process(tmp_path):
    # A process of its own, as `make run` starts it: nothing has imported the tasks modules, so the
    # hand-over by task name must still find the extraction task and run it inline.
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'quickstart.sqlite3'}"
    manage = [sys.executable, str(root / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput"], cwd=root, env=env, check=True, capture_output=True, timeout=300)
    run = subprocess.run([*manage, "load_sample_data"], cwd=root, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "0 articles extracted" not in run.stdout, run.stdout
    count = subprocess.run(
        [*manage, "shell", "-c", "from apps.records.models import Event; print(Event.objects.count())"],
        cwd=root, env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    assert int(count.stdout.strip().splitlines()[-1]) >= 20


def test_loading_the_sample_data_twice_adds_nothing(sample_loaded, django_capture_on_commit_callbacks):
    counts = (Article.objects.count(), Event.objects.count(), Statement.objects.count())
    load_sample_data(django_capture_on_commit_callbacks)
    assert (Article.objects.count(), Event.objects.count(), Statement.objects.count()) == counts
