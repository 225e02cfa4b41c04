"""Load the bundled sample articles and run them through the real pipeline (quickstart)."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from apps.extraction.reference_data import load_actors, load_topics
from apps.ingestion.models import Article, Source
from apps.ingestion.services import InvalidArticle, store_article

SAMPLE_DIR = Path(settings.BASE_DIR) / "sample_data"


class Command(BaseCommand):
    help = "Load the shipped actors and topics, then ingest and extract the articles in sample_data/."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=SAMPLE_DIR)

    def handle(self, *args, dir: Path, **options):
        load_topics()
        load_actors()
        new = seen = 0
        for path in sorted(dir.glob("*.article.json")):
            raw = json.loads(path.read_text(encoding="utf-8"))
            source, _ = Source.objects.get_or_create(
                name=raw.get("source") or "Sample data",
                defaults={"kind": Source.Kind.MANUAL, "licence": raw.get("licence", "")},
            )
            try:
                stored = store_article(
                    text=raw["text"], title=raw.get("title", ""), via=Article.Via.IMPORT, source=source,
                    url=raw.get("url"), language=raw.get("language") or "", published=raw.get("published"),
                    external_id=raw.get("id", path.stem),
                )
            except InvalidArticle as exc:
                self.stderr.write(f"{path.name}: {exc}")
                continue
            new += stored.created
            seen += not stored.created
        mode = "inline" if settings.CELERY_TASK_ALWAYS_EAGER else "queued for the workers"
        extracted = Article.objects.filter(status=Article.Status.EXTRACTED).count()
        self.stdout.write(
            f"Sample data: {new} new articles, {seen} already there; extraction {mode}; "
            f"{extracted} articles extracted in all."
        )
