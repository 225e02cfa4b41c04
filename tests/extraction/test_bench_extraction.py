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
