"""Articles per second through the whole extract-and-store path, beside raw spaCy, in one run."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import override_settings

from apps.extraction import services
from apps.extraction.gazetteer_db import load_gazetteer
from apps.extraction.reference_data import load_actors
from apps.extraction.pipeline.nlp import get_nlp, normalize_language
from apps.ingestion.models import Article

CORPUS_DIRS = [Path(settings.BASE_DIR) / "sample_data", Path(settings.BASE_DIR) / "tests" / "fixtures" / "articles"]


class Rollback(Exception):
    """Raised to undo everything the benchmark wrote."""


def load_corpus() -> list[dict]:
    """The sample articles and the articles written for the tests, each text once."""
    articles: dict[str, dict] = {}
    for folder in CORPUS_DIRS:
        for path in sorted(folder.glob("*.article.json")):
            raw = json.loads(path.read_text(encoding="utf-8"))
            if normalize_language(raw.get("language")):
                articles.setdefault(raw["text"], raw)  # the seed story is in both folders
    return list(articles.values())


class Command(BaseCommand):
    help = "Benchmark extraction: raw nlp.pipe vs extract-and-store on the same texts (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=8, help="copies of the corpus per round")
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--batch", type=int, default=16, help="articles per extraction batch (task)")

    # A worker runs with DEBUG off; with it on, Django would also log every query of the store.
    @override_settings(DEBUG=False)
    def handle(self, *args, repeat: int, rounds: int, batch: int, **options):
        corpus = load_corpus()
        count = len(corpus) * repeat
        for language in {raw["language"][:2] for raw in corpus}:
            list(get_nlp(language).pipe(["Warm-up."]))  # load models before timing anything
        raw_times, store_times = [], []
        try:
            with transaction.atomic():
                # The state of a database that has been in use: the curated actors exist (a first
                # mention creates each one once, or `load_reference_data` all at once). Rounds
                # are rolled back to this point, so without it every round would create them
                # again and rebuild the gazetteer, which no running worker does.
                load_actors()
                load_gazetteer()
                # One untimed pass of the corpus through both paths first: a worker that has been
                # running has its per-word caches filled; the timed rounds measure that steady state.
                self._round(corpus, 1, batch, -1)
                for round_number in range(rounds):
                    raw_time, store_time = self._round(corpus, repeat, batch, round_number)
                    raw_times.append(raw_time)
                    store_times.append(store_time)
                raise Rollback
        except Rollback:
            pass

        raw_rate = count / statistics.median(raw_times)
        store_rate = count / statistics.median(store_times)
        ratios = sorted(r / s for r, s in zip(raw_times, store_times))
        self.stdout.write(f"corpus: {len(corpus)} articles x {repeat} = {count} per round, {rounds} rounds, "
                          f"batches of {batch}, after one warm-up pass, database {connection.vendor}, "
                          f"curated actors loaded")
        self.stdout.write(f"{'path':<34}{'articles/s':>12}{'median s':>10}")
        self.stdout.write(f"{'raw spaCy nlp.pipe':<34}{raw_rate:>12.1f}{statistics.median(raw_times):>10.2f}")
        self.stdout.write(f"{'extract + store (Parley)':<34}{store_rate:>12.1f}{statistics.median(store_times):>10.2f}")
        self.stdout.write(f"ratio: {statistics.median(ratios):.2f} of raw spaCy throughput (target >= 0.80; "
                          f"rounds {' '.join(f'{r:.2f}' for r in ratios)})")

    def _round(self, corpus: list[dict], repeat: int, batch: int, round_number: int) -> tuple[float, float]:
        """Both paths over the same batches, each batch timed raw then in full, back to back.

        Pairing the two timings batch by batch keeps a slow spell of the machine (another
        process, a cooler CPU) from landing on one path only. The rows the full path writes are
        rolled back at the end of the round (a savepoint inside the benchmark's transaction), so
        nothing is kept.
        """
        raw_time = store_time = 0.0
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    # A worker commits each batch, when PostgreSQL checks the deferred foreign
                    # keys; this transaction is rolled back, so have them checked row by row.
                    with connection.cursor() as cursor:
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                articles = []
                for copy in range(repeat):
                    for raw in corpus:
                        # A marker keeps each copy's content hash distinct (the same text is stored once).
                        article = Article.objects.create(
                            via=Article.Via.IMPORT, title=raw.get("title", ""), language=raw["language"][:2],
                            text=f"{raw['text']}\n\n[bench {round_number}.{copy}]", status=Article.Status.FETCHED,
                            published_at=dt.datetime.fromisoformat(raw["published"][:10]).replace(tzinfo=dt.timezone.utc),
                        )
                        articles.append(article)
                for i in range(0, len(articles), batch):
                    chunk = articles[i:i + batch]
                    started = time.perf_counter()
                    for language in sorted({a.language for a in chunk}):  # as the worker groups them
                        for _ in get_nlp(language).pipe([a.text for a in chunk if a.language == language],
                                                        batch_size=batch):
                            pass
                    raw_time += time.perf_counter() - started
                    started = time.perf_counter()
                    summary = services.extract_and_store([a.pk for a in chunk])
                    store_time += time.perf_counter() - started
                    if summary.failed:
                        raise RuntimeError(f"extraction failed during the benchmark: {summary.failed}")
                raise Rollback
        except Rollback:
            pass
        return raw_time, store_time
