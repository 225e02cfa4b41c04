"""`python manage.py extract ARTICLE.json`: print the contract JSON of one article; write nothing."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser


def _published(value) -> datetime.date:
    if not value:
        return datetime.date.today()
    return datetime.date.fromisoformat(str(value)[:10])


def _gazetteer():
    """The editors' gazetteer from the database when there is one, else the shipped file."""
    from apps.extraction.pipeline import Gazetteer

    try:
        from apps.extraction.gazetteer_db import load_gazetteer

        return load_gazetteer()
    except Exception:  # no database, unmigrated tables: the shipped file will do
        return Gazetteer.from_file()


def _topics():
    """The editors' topic rules from the database when there are any, else the shipped file."""
    from apps.extraction.pipeline.topics import TopicMatcher

    try:
        from apps.extraction.gazetteer_db import load_topic_matcher

        return load_topic_matcher()
    except Exception:  # no database, unmigrated tables: the shipped file will do
        return TopicMatcher.from_file()


class Command(BaseCommand):
    """Read one article JSON file and print what the extractor finds, as JSON on standard output."""

    help = "Extract actors, statements and events from ARTICLE.json and print the contract JSON."
    requires_system_checks: list[str] = []  # no database needed: the scorer runs one process per article
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("article", type=Path, help="JSON with id, url, source, language, published, title, text")
        parser.add_argument("--full", action="store_true", help="print every field, not only the contract")

    def handle(self, *args, **options) -> None:
        from apps.extraction.pipeline import ArticleInput, extract, to_contract_json

        path: Path = options["article"]
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        article = ArticleInput(id=str(data.get("id") or path.stem), url=data.get("url"),
                               source=data.get("source") or "", language=data.get("language"),
                               published=_published(data.get("published")), title=data.get("title"),
                               text=data.get("text") or "")
        extraction = extract(article, gazetteer=_gazetteer(), topics=_topics())
        if options["full"]:
            from dataclasses import asdict

            payload = asdict(extraction)
        else:
            payload = to_contract_json(extraction)
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1, default=str))
