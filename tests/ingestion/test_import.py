"""manage.py import_articles: JSON Lines, CSV or a JSON file, with a progress bar and a summary."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from apps.ingestion.models import Article, Source
from tests.conftest import FIXTURES
from tests.ingestion.conftest import queued_tasks

pytestmark = pytest.mark.django_db

ARTICLES = FIXTURES / "articles"
SEED = ARTICLES / "seed-reuters-fr-2025-09-04.article.json"


def _run(path, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", str(path), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_it_loads_the_seed_article_and_creates_its_source(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        out, err = _run(SEED)

    assert out.splitlines()[0] == "1 new, 0 duplicate, 0 failed"
    article = Article.objects.get()
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    assert article.external_id == "seed-reuters-fr-2025-09-04"
    assert article.title == seed["title"] and article.text == seed["text"]
    assert article.language == "fr" and article.published_at.date().isoformat() == "2025-09-04"
    assert article.source == Source.objects.get(name="Reuters (French service)")
    assert article.via == Article.Via.IMPORT and article.status == Article.Status.FETCHED
    assert queued_tasks(callbacks) == [("extract_articles", [article.pk])]
    assert "1/1" in err, "the progress bar is drawn on stderr"


def test_importing_the_same_file_twice_adds_nothing(django_capture_on_commit_callbacks):
    _run(SEED)
    with django_capture_on_commit_callbacks() as callbacks:
        out, _ = _run(SEED)

    assert out.splitlines()[0] == "0 new, 1 duplicate, 0 failed"
    assert Article.objects.count() == 1 and callbacks == []


def test_json_lines_with_duplicates_and_bad_rows_gets_a_summary_with_reasons(tmp_path):
    dev = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.article.json"))]
    lines = [json.dumps(a) for a in dev[:3]]
    lines.append(json.dumps({**dev[0], "id": "again", "url": None}))  # same text: a duplicate
    lines.append('{"id": "cut-off", "text": ')  # broken JSON
    lines.append(json.dumps({"id": "empty", "title": "No body", "text": ""}))
    lines.append(json.dumps({"id": "bad-date", "text": "Some words here.", "published": "4 September"}))
    lines.append(json.dumps(["not", "an", "object"]))
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out, err = _run(path)

    assert out.splitlines()[0] == "3 new, 1 duplicate, 4 failed"
    assert "failed line 5: invalid JSON" in out
    assert "failed line 6: the record has neither text nor URL" in out
    assert "failed line 7: published '4 September' is not an ISO date or datetime" in out
    assert "failed line 8: not a JSON object" in out
    assert "8/8" in err
    assert Article.objects.count() == 3


def test_a_csv_file_with_the_same_columns_is_imported(tmp_path):
    path = tmp_path / "articles.csv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["id", "url", "source", "language", "published", "title", "text"])
    writer.writeheader()
    writer.writerow({"id": "csv-1", "url": "https://example.org/a?utm_source=x", "source": "Test Wire",
                     "language": "", "published": "2025-09-04T10:00:00Z", "title": "Une réunion à Paris",
                     "text": "Les dirigeants se sont réunis jeudi à Paris pour discuter des garanties de sécurité, "
                             "a-t-on appris de source diplomatique.\nUne nouvelle réunion est prévue."})
    path.write_text(buffer.getvalue(), encoding="utf-8")

    out, _ = _run(path, no_progress=True)

    assert out.splitlines()[0] == "1 new, 0 duplicate, 0 failed"
    article = Article.objects.get()
    assert article.url == "https://example.org/a"
    assert article.language == "fr", "detected when the file does not say"
    assert "\n" in article.text


def test_a_record_with_only_a_url_is_queued_for_fetching(tmp_path, django_capture_on_commit_callbacks):
    path = tmp_path / "urls.jsonl"
    path.write_text(json.dumps({"id": "u1", "url": "https://example.org/story", "source": "Test Wire"}) + "\n")

    with django_capture_on_commit_callbacks() as callbacks:
        out, _ = _run(path, no_progress=True)

    article = Article.objects.get()
    assert out.splitlines()[0] == "1 new, 0 duplicate, 0 failed"
    assert article.status == Article.Status.PENDING
    assert queued_tasks(callbacks) == [("fetch_article", article.pk)]


def test_a_line_that_is_not_utf8_is_refused_alone_and_a_missing_file_stops_with_a_clear_message(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps({"text": "Envoys met in Geneva."}).encode() + b"\n{\"text\": \"caf\xe9\"}\n")

    out, _ = _run(path, no_progress=True)

    assert out.splitlines() == ["1 new, 0 duplicate, 1 failed", "  failed line 2: not UTF-8 (byte 0xE9 at character 14); save the file as UTF-8"]
    with pytest.raises(CommandError, match="cannot read"):
        _run(tmp_path / "nope.jsonl")


def test_a_big_import_queues_extraction_in_batches_and_never_for_copies(tmp_path, django_capture_on_commit_callbacks):
    from apps.ingestion.services import EXTRACTION_BATCH

    words = "envoys ministers leaders summit guarantees ceasefire talks drafts monitoring observers".split()
    lines = [
        json.dumps({"id": str(i), "language": "en", "published": "2025-09-04",
                    "text": " ".join(words[(i + k * (i % 7 + 1)) % len(words)] + str(k % (i + 2)) for k in range(60))})
        for i in range(EXTRACTION_BATCH + 5)
    ]
    lines.append(json.dumps({"id": "copy", "published": "2025-09-04", "text": json.loads(lines[0])["text"] + " Updated."}))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with django_capture_on_commit_callbacks() as callbacks:
        out, _ = _run(path, no_progress=True)

    batches = [ids for name, ids in queued_tasks(callbacks) if name == "extract_articles"]
    originals = list(Article.objects.filter(status=Article.Status.FETCHED).order_by("pk").values_list("pk", flat=True))
    assert out.splitlines()[0] == f"{EXTRACTION_BATCH + 5} new, 1 duplicate, 0 failed"
    assert [len(batch) for batch in batches] == [EXTRACTION_BATCH, 5]
    assert sum(batches, []) == originals
    assert Article.objects.get(external_id="copy").status == Article.Status.DUPLICATE
