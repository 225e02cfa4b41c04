"""The import contracts of pyproject.toml hold: an import against the data's path fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(config: Path | None = None) -> subprocess.CompletedProcess:
    args = [str(LINT_IMPORTS), "--no-cache"] + (["--config", str(config)] if config else [])
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=240)


def test_the_import_contracts_are_kept():
    result = _lint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_import_the_wrong_way_breaks_a_contract(tmp_path):
    # The same contracts over a copy of the apps where ingestion imports records: the check must
    # see it, or a green run above would prove nothing.
    copy = tmp_path / "project"
    copy.mkdir()
    subprocess.run(["cp", "-r", str(ROOT / "apps"), str(ROOT / "config"), str(ROOT / "pyproject.toml"), str(copy)],
                   check=True)
    views = copy / "apps" / "ingestion" / "views.py"
    views.write_text(views.read_text() + "\nfrom apps.records.models import Event  # noqa\n")
    result = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=copy, capture_output=True, text=True,
                            timeout=240, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(copy)})
    assert result.returncode != 0, result.stdout
    assert "apps.ingestion.views -> apps.records.models" in result.stdout
