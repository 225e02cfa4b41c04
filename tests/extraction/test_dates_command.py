"""The resolve_dates management command: the contract of shared/eval/timex_score.py."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def run(path: Path, *extra: str) -> list[dict]:
    out = io.StringIO()
    call_command("resolve_dates", str(path), "--dct", "2025-09-04", *extra, stdout=out)
    return json.loads(out.getvalue())


def test_prints_calendar_values_only(tmp_path: Path) -> None:
    text = "Le ministre a déclaré mercredi, depuis trois ans et actuellement, que tout changera."
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    rows = run(story, "--language", "fr")
    assert [(r["start"], r["end"], r["text"], r["value"]) for r in rows] == \
        [(22, 30, "mercredi", "2025-09-03")]
    assert {r["value"] for r in run(story, "--language", "fr", "--all")} == \
        {"2025-09-03", "P3Y", "PRESENT_REF"}


def test_english_offsets_point_into_the_text(tmp_path: Path) -> None:
    text = "Envoys met on Monday and will meet again next week.\n"
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    for row in run(story, "--language", "en"):
        assert text[row["start"]:row["end"]] == row["text"]


def test_unreadable_file_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        run(tmp_path / "missing.txt", "--language", "fr")


def test_clock_times_and_vague_times_are_not_printed_as_dates(tmp_path: Path) -> None:
    text = "09:15 GMT — Talks resumed and may end in the coming days.\n"
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    assert run(story, "--language", "en") == []
    assert {r["value"] for r in run(story, "--language", "en", "--all")} == \
        {"2025-09-04T09:15", "FUTURE_REF"}


def test_rows_say_which_expressions_count_from_the_story_time(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    text = "Ils se sont vus le 2 septembre. Le lendemain, ils ont signé."
    story.write_text(text, encoding="utf-8")
    assert [(r["text"], r["value"], r["anaphoric"]) for r in run(story, "--language", "fr")] == \
        [("le 2 septembre", "2025-09-02", False), ("Le lendemain", "2025-09-03", True)]
