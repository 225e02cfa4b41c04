"""Print, as JSON, the date expressions of a plain-text file resolved against a publication date."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from apps.extraction.dates import find_timexes


class Command(BaseCommand):
    """`resolve_dates --dct YYYY-MM-DD --language fr FILE`: the contract of ../shared/eval/timex_score.py."""

    help = "Find and resolve the date expressions of a text file; print them as a JSON list."
    requires_system_checks: list[str] = []  # keep start-up fast: the scorer runs one process per story

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="plain UTF-8 text")
        parser.add_argument("--dct", required=True, type=datetime.date.fromisoformat,
                            help="publication date, YYYY-MM-DD")
        parser.add_argument("--language", default="fr", choices=["fr", "en"])

    def handle(self, *args: object, **options: object) -> None:
        text = Path(options["file"]).read_text(encoding="utf-8")
        timexes = find_timexes(text, options["dct"], options["language"])
        rows = [{"start": t.start, "end": t.end, "text": t.text, "value": t.value,
                 "type": t.type} for t in timexes]
        self.stdout.write(json.dumps(rows, ensure_ascii=False))
