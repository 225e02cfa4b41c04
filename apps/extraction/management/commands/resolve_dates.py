"""Print, as JSON, the date expressions of a plain-text file resolved against a publication date."""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.extraction.dates import find_timexes

# The contract prints calendar values only (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY, YYYY-Qn):
# durations, PRESENT_REF, weekends and seasons are found by the resolver but left out here.
CALENDAR_VALUE = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q[1-4]))?$")


class Command(BaseCommand):
    """`resolve_dates --dct YYYY-MM-DD --language fr FILE`, as shared/eval/timex_score.py runs it."""

    help = "Find and resolve the date expressions of a text file; print them as a JSON list."
    requires_system_checks: list[str] = []  # start fast: the scorer runs one process per story

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="plain UTF-8 text")
        parser.add_argument("--dct", required=True, type=datetime.date.fromisoformat,
                            help="publication date, YYYY-MM-DD")
        parser.add_argument("--language", default="fr", choices=["fr", "en"])
        parser.add_argument("--all", action="store_true",
                            help="also print durations, PRESENT_REF and other non-calendar values")

    def handle(self, *args: object, **options: object) -> None:
        try:
            text = Path(options["file"]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {options['file']}: {exc}") from exc
        rows = [{"start": t.start, "end": t.end, "text": t.text, "value": t.value,
                 "precision": t.precision, "type": t.type, "anaphoric": t.anaphoric}
                for t in find_timexes(text, options["dct"], options["language"])
                if options["all"] or CALENDAR_VALUE.match(t.value)]
        self.stdout.write(json.dumps(rows, ensure_ascii=False))
