"""The pipeline end to end: the contract JSON, language detection, batching, and the scores on annotated articles."""
from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from unittest import mock

import pytest

from apps.extraction.pipeline import EXTRACTOR_VERSION, extract, extract_many, to_contract_json
from apps.extraction.pipeline.nlp import get_nlp, parse

from .pipeline_helpers import FIXTURES, SHARED_EVAL, article, fixture_article


def test_the_contract_json_has_exactly_the_documented_fields():
    out = to_contract_json(extract(fixture_article("seed-reuters-fr-2025-09-04")))
    assert set(out) == {"language", "actors", "statements", "events"}
    assert set(out["actors"][0]) == {"name", "kind", "mentions"}
    assert set(out["statements"][0]) == {"speaker", "text", "direct", "date"}
    assert set(out["events"][0]) == {"title", "kind", "date", "date_precision", "status", "location", "participants"}
    json.dumps(out)  # serialisable as it is


def test_an_article_without_a_language_is_detected():
    assert extract(article("Le président a déclaré mercredi que la trêve tenait.", language=None)).language == "fr"
    assert extract(article("The president said on Wednesday the truce held.", language=None)).language == "en"


def test_many_articles_go_through_spacy_once_each_in_one_batch_per_language():
    arts = [fixture_article(n) for n in ("fr_parley-tests_barrot-kyiv", "en_parley-tests_kellogg-call",
                                         "fr_parley-tests_istanbul-negociations")]
    calls = Counter()
    for language in ("fr", "en"):
        nlp = get_nlp(language)
        original = nlp.pipe

        def counting(texts, *args, _original=original, _language=language, **kwargs):
            calls[_language] += 1
            return _original(texts, *args, **kwargs)
        nlp.pipe = counting
    try:
        results = extract_many(arts)
    finally:
        for language in ("fr", "en"):
            del get_nlp(language).pipe
    assert calls == Counter({"fr": 1, "en": 1})
    assert [r.article_id for r in results] == [a.id for a in arts]
    assert all(r.extractor_version == EXTRACTOR_VERSION for r in results)


def _scorer():
    path = SHARED_EVAL / "score.py"
    if not path.exists():
        pytest.skip("shared/eval/score.py is not here")
    spec = importlib.util.spec_from_file_location("parley_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _score_folder(folder):
    score = _scorer()
    totals = {"actors": Counter(), "statements": Counter(), "events": Counter()}
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        data = json.loads((folder / f"{name}.article.json").read_text(encoding="utf-8"))
        import datetime

        from apps.extraction.pipeline import ArticleInput
        pred = to_contract_json(extract(ArticleInput(
            id=data["id"], url=data.get("url"), source=data.get("source", ""), language=data.get("language"),
            published=datetime.date.fromisoformat(data["published"][:10]), title=data.get("title"),
            text=data["text"])))
        totals["actors"].update(score.score_actors(pred["actors"], gold))
        totals["statements"].update(score.score_statements(pred["statements"], gold))
        totals["events"].update(score.score_events(pred["events"], gold))
    return score.summarize(totals)


def _assert_bars(result):
    assert result["overall"] >= 0.85, result
    assert result["actors_p_r_f1"][2] >= 0.8, result
    assert result["quote_speaker_f1"] >= 0.8, result
    assert result["events_p_r_f1"][2] >= 0.8, result


def test_a_paragraph_after_a_heading_parses_as_it_would_alone():
    # written for the tests
    sentence = ("Emmanuel Macron et le Premier ministre britannique Keir Starmer coprésideront vendredi à Londres "
                "une réunion de la coalition des volontaires, a annoncé mardi l'Élysée.")
    text = "DIPLOMATIE\n\nPar Camille Garnier\n\n" + sentence + "\n\nLa veille, il a appelé Kyiv.\n"
    nlp = get_nlp("fr")
    [doc] = parse(nlp, [text], batch_size=4)
    assert doc.text == text
    start = text.index("Emmanuel")
    [alone] = parse(nlp, [sentence], batch_size=4)
    in_doc = [(t.idx - start, t.text, t.dep_, t.head.i - t.i) for t in doc if start <= t.idx < start + len(sentence)]
    assert in_doc == [(t.idx, t.text, t.dep_, t.head.i - t.i) for t in alone]
    assert [s.text for s in doc.sents if s.start_char >= start][0] == sentence


def test_our_annotated_articles_meet_the_quality_bars():
    _assert_bars(_score_folder(FIXTURES))


def test_the_dev_set_meets_the_quality_bars():
    dev = SHARED_EVAL / "dev"
    if not dev.is_dir():
        pytest.skip("the shared dev set is not here")
    _assert_bars(_score_folder(dev))
