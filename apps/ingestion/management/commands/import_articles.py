"""manage.py import_articles FILE: load articles from JSON Lines, CSV or a JSON file."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from apps.ingestion.models import Article
from apps.ingestion.records import UnreadableFile, count_records, iter_records
from apps.ingestion.services import import_records


class Command(BaseCommand):
    help = (
        "Import articles from JSON Lines, CSV or a JSON object/list with the fields "
        "id, url, source, language, published, title, text. Sources are created by name."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, file: Path, no_progress: bool, verbosity: int, **options):
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        records = tqdm(
            iter_records(raw, name=file.name), total=count_records(raw, name=file.name), unit="article",
            disable=no_progress or verbosity == 0, file=self.stderr._out,
        )
        try:
            summary = import_records(records, via=Article.Via.IMPORT)
        except UnreadableFile as exc:
            raise CommandError(str(exc)) from None
        finally:
            records.close()
        counts = summary.counts
        self.stdout.write(f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['failed']} failed")
        for line, reason in summary.failures:
            self.stdout.write(f"  failed line {line}: {reason}")
