"""`python manage.py extract ARTICLE.json`: print the contract JSON of one article; write nothing.

`--out DIR` reads many articles in one process (the models load once) and writes one
NAME.pred.json per NAME.article.json into DIR, the form the shared scorers read with `--pred`.
"""
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


def _stem(path: Path) -> str:
    name = path.name
    return name[: -len(".article.json")] if name.endswith(".article.json") else path.stem


def read_article(path: Path):
    """The pipeline's input from an article JSON file (the evaluation format)."""
    from apps.extraction.pipeline import ArticleInput

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise CommandError(f"{path}: expected a JSON object with id, published, text")
    try:
        published = _published(data.get("published"))
    except ValueError as exc:
        raise CommandError(f"{path}: 'published' is not an ISO date: {data.get('published')!r}") from exc
    return ArticleInput(id=str(data.get("id") or _stem(path)), url=data.get("url"),
                        source=data.get("source") or "", language=data.get("language"),
                        published=published, title=data.get("title"), text=data.get("text") or "")


class Command(BaseCommand):
    """Read article JSON files and print (or write) what the extractor finds."""

    help = "Extract actors, statements and events from ARTICLE.json and print the contract JSON."
    requires_system_checks: list[str] = []  # no database needed: the scorer runs one process per article
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("articles", type=Path, nargs="+", metavar="ARTICLE",
                            help="JSON with id, url, source, language, published, title, text; "
                                 "a folder means its *.article.json files")
        parser.add_argument("--full", action="store_true", help="print every field, not only the contract")
        parser.add_argument("--out", type=Path,
                            help="write NAME.pred.json files into this folder instead of printing")

    def handle(self, *args, **options) -> None:
        from apps.extraction.pipeline import extract_many, to_contract_json

        paths: list[Path] = []
        for path in options["articles"]:
            paths += sorted(path.glob("*.article.json")) if path.is_dir() else [path]
        if not paths:
            raise CommandError("no article files given")
        if len(paths) > 1 and not options["out"]:
            raise CommandError("several articles need --out DIR (one NAME.pred.json each)")
        articles = [read_article(p) for p in paths]
        extractions = extract_many(articles, gazetteer=_gazetteer(), topics=_topics())
        for path, extraction in zip(paths, extractions):
            if options["full"]:
                from dataclasses import asdict

                payload = asdict(extraction)
            else:
                payload = to_contract_json(extraction)
            body = json.dumps(payload, ensure_ascii=False, indent=1, default=str)
            if options["out"]:
                options["out"].mkdir(parents=True, exist_ok=True)
                (options["out"] / f"{_stem(path)}.pred.json").write_text(body + "\n", encoding="utf-8")
            else:
                self.stdout.write(body)
        if options["out"]:
            self.stderr.write(f"{len(paths)} predictions written to {options['out']}")
