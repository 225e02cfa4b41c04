"""manage.py import_articles FILE: load articles from JSON Lines, CSV or a JSON file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from apps.ingestion.models import Article
from apps.ingestion.records import count_records, iter_records
from apps.ingestion.services import import_record, queue_extraction_batches


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
        # Queued in batches at the end; if the import dies first, the rows wait as FETCHED and
        # the stuck-article sweep queues them.
        to_extract: list[int] = []
        try:
            records = iter_records(raw, name=file.name)
            total = count_records(raw, name=file.name)
            counts: Counter[str] = Counter()
            failures: list[str] = []
            bar = tqdm(records, total=total, unit="article", disable=no_progress or verbosity == 0, file=self.stderr._out)
            for record in bar:
                if record.error:
                    counts["failed"] += 1
                    failures.append(f"line {record.line}: {record.error}")
                    continue
                outcome = import_record(record.data, via=Article.Via.IMPORT, extract=False)
                counts[outcome.outcome] += 1
                if outcome.outcome == "failed":
                    failures.append(f"line {record.line}: {outcome.reason}")
                if outcome.extractable:
                    to_extract.append(outcome.article_id)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        finally:
            queue_extraction_batches(to_extract)
        self.stdout.write(f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['failed']} failed")
        for failure in failures:
            self.stdout.write(f"  failed {failure}")
