"""One table of event kinds: the records, the extraction core, the CSS, the generator and the
translations all read or match apps/records/data/event_kinds.toml."""

from __future__ import annotations

from pathlib import Path

from django.utils import translation

from apps.extraction.pipeline import events as pipeline_events
from apps.records import kinds
from apps.records.models import Event
from apps.timeline.management.commands import generate_synthetic

ROOT = Path(__file__).resolve().parents[2]


def test_the_records_choices_are_the_tables_kinds():
    assert [value for value, _label in Event.Kind.choices] == [kind.key for kind in kinds.KINDS]
    assert Event.Kind.MILITARY_ACTION == "military_action"


def test_the_extraction_core_reads_the_same_kinds_and_plover_codes():
    assert pipeline_events.KINDS == tuple(kind.key for kind in kinds.KINDS)
    assert pipeline_events.PLOVER == {kind.key: kind.plover or None for kind in kinds.KINDS}
    assert pipeline_events.GROUP == {kind.key: kind.group for kind in kinds.KINDS}


def test_the_synthetic_generator_stores_the_tables_plover_codes_for_every_kind():
    assert set(generate_synthetic.KINDS) == set(kinds.BY_KEY)
    assert generate_synthetic.PLOVER == kinds.PLOVER
    assert generate_synthetic.PLOVER["military_action"] == "ASSAULT"


def test_the_stylesheet_is_generated_from_the_table():
    stylesheet = (ROOT / "static" / "css" / "kinds.css").read_text()
    assert stylesheet == kinds.stylesheet(), "run: python -m apps.records.kinds > static/css/kinds.css"
    for kind in kinds.KINDS:
        assert f".kind-{kind.key} {{" in stylesheet and kind.colour in stylesheet
    hand_written = (ROOT / "static" / "css" / "parley.css").read_text()
    assert not [kind.key for kind in kinds.KINDS if f".kind-{kind.key} " in hand_written or f"--k-{kind.key}:" in hand_written]


def test_every_label_is_translated():
    with translation.override("fr"):
        untranslated = [kind.key for kind in kinds.KINDS if translation.gettext(kind.label) == kind.label
                        and kind.key != "sanction"]  # « Sanction » is the same word in French
    assert untranslated == []
