"""scripts/bench_timeline.py: what it measures and how it judges, on small data."""

from __future__ import annotations

import importlib.util
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_timeline.py"
spec = importlib.util.spec_from_file_location("bench_timeline", SCRIPT)
bench = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = bench  # dataclasses look their module up there
spec.loader.exec_module(bench)


def test_the_full_size_is_the_issues_and_smaller_sizes_keep_its_proportions():
    assert bench.dataset_sizes(100_000) == {"events": 100_000, "statements": 500_000, "articles": 50_000, "actors": 5_000}
    assert bench.dataset_sizes(1_000) == {"events": 1_000, "statements": 5_000, "articles": 500, "actors": 50}


def test_a_scenario_passes_only_under_150_ms_and_within_one_and_a_half_times_its_small_time():
    assert bench.verdict(100.0, 140.0) == "ok"
    assert bench.verdict(50.0, 140.0) == "MISSED (> 1.5x)"
    assert bench.verdict(140.0, 160.0) == "MISSED (>= 150 ms)"


def test_the_api_page_is_held_to_its_own_50_ms():
    assert bench.verdict(30.0, 40.0, bench.API_TARGET_MS) == "ok"
    assert bench.verdict(40.0, 55.0, bench.API_TARGET_MS) == "MISSED (>= 50 ms)"


@pytest.mark.django_db
def test_it_follows_the_timelines_own_load_more_link_to_the_next_page(client, analyst):
    call_command("generate_synthetic", events=80, statements=100, articles=20, actors=50, stdout=StringIO())
    client.force_login(analyst)

    first = client.get("/").content.decode()
    next_url = bench.cursor_link(first)
    assert next_url and "cursor=" in next_url
    second = client.get(next_url, headers={"HX-Request": "true"}).content.decode()

    assert bench.count_cards(first) > 0 and bench.count_cards(second) > 0
    first_ids = set(bench.re.findall(r'id="event-(\d+)"', first))
    second_ids = set(bench.re.findall(r'id="event-(\d+)"', second))
    assert second_ids and not (first_ids & second_ids)
