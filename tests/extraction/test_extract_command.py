"""`manage.py extract`: the scorers' contract, one article printed or many written as predictions."""
from __future__ import annotations

import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from .pipeline_helpers import FIXTURES

SEED = FIXTURES / "seed-reuters-fr-2025-09-04.article.json"
KELLOGG = FIXTURES / "en_parley-tests_kellogg-call.article.json"


def test_one_article_prints_its_contract_json(capsys):
    call_command("extract", str(SEED))
    out = json.loads(capsys.readouterr().out)
    assert out["language"] == "fr"
    assert any(a["name"] == "Emmanuel Macron" for a in out["actors"])


def test_a_folder_of_articles_is_written_as_one_prediction_file_each(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in (SEED, KELLOGG):
        shutil.copy(path, folder / path.name)
    call_command("extract", str(folder), "--out", str(tmp_path / "pred"))
    written = sorted(p.name for p in (tmp_path / "pred").iterdir())
    assert written == ["en_parley-tests_kellogg-call.pred.json", "seed-reuters-fr-2025-09-04.pred.json"]
    # the same reading as one article alone: batching changes nothing
    capsys.readouterr()
    call_command("extract", str(KELLOGG))
    alone = json.loads(capsys.readouterr().out)
    assert json.loads((tmp_path / "pred" / written[0]).read_text(encoding="utf-8")) == alone


def test_several_articles_without_an_output_folder_are_refused():
    with pytest.raises(CommandError, match="--out"):
        call_command("extract", str(SEED), str(KELLOGG))


def test_an_unreadable_article_says_which_file(tmp_path):
    bad = tmp_path / "bad.article.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="bad.article.json"):
        call_command("extract", str(bad))
    bad.write_text(json.dumps({"text": "x", "published": "yesterday"}), encoding="utf-8")
    with pytest.raises(CommandError, match="published"):
        call_command("extract", str(bad))
