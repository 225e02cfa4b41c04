"""`make bench-extraction` prints both throughputs and their ratio, and keeps nothing."""

import re

import pytest
from django.core.management import call_command

from apps.ingestion.models import Article
from apps.records.models import Statement

pytestmark = pytest.mark.django_db


def test_the_benchmark_prints_raw_and_full_path_rates_side_by_side_and_rolls_back(capsys):
    call_command("bench_extraction", repeat=1, rounds=1)
    out = capsys.readouterr().out
    raw = re.search(r"raw spaCy nlp\.pipe\s+([\d.]+)", out)
    full = re.search(r"extract \+ store \(Parley\)\s+([\d.]+)", out)
    assert raw and full and float(raw.group(1)) > 0 and float(full.group(1)) > 0
    assert re.search(r"ratio: [\d.]+ of raw spaCy throughput", out)
    assert Article.objects.count() == 0 and Statement.objects.count() == 0


def test_make_bench_extraction_runs_a_database_of_its_own_and_sums_up_each_ratio(tmp_path):
    """The driver behind `make bench-extraction`, on SQLite only (PostgreSQL is the same command on another URL)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    database = tmp_path / "bench.sqlite3"
    done = subprocess.run(
        [sys.executable, "scripts/bench_extraction.py", "--only", "sqlite", "--sqlite", str(database),
         "--repeat", "1", "--rounds", "1"],
        cwd=root, capture_output=True, text=True, check=True,
    )
    assert "database sqlite" in done.stdout  # the benchmark's own report, passed through
    summary = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"== extract \+ store as a fraction of raw spaCy \(target >= 0\.80\): SQLite [\d.]+", summary)
    assert database.exists()  # its own file, migrated there, not the site's database
