"""One bad row never costs the others: hostile JSON Lines and CSV rows are refused alone.

Each case sits between good rows, and goes through both ways in that share the reader: the
import command and the editors' upload form. The bad row is refused with its line number and
reason, the good rows are stored, and the counts add up to the records read.
"""

from __future__ import annotations

import csv
import html
import io
import json
import random
import re
import string

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from apps.ingestion.models import Article
from tests.conftest import requires_postgres

pytestmark = pytest.mark.django_db

FIELDS = ["id", "url", "source", "language", "published", "title", "text"]


def good(n: int) -> dict:
    """A record that stores: its own text (under 40 words, so it is never anyone's near-copy)."""
    return {"id": f"good-{n}", "source": "Test Wire", "language": "en", "published": "2025-09-04",
            "title": f"Talks {n}", "text": f"Envoys met in Geneva for round {n} of the ceasefire talks on Thursday."}


def jsonl(*lines: str | bytes) -> bytes:
    return b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines) + b"\n"


def csv_file(*rows: list[str] | str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        if isinstance(row, str):
            buffer.write(row)  # written by hand: what a writer would never produce
        else:
            writer.writerow(row)
    return buffer.getvalue().encode()


def csv_row(n: int, **changes) -> list[str]:
    return [str({**good(n), **changes}.get(name, "")) for name in FIELDS]


G1, G3 = json.dumps(good(1)), json.dumps(good(3))
LONG_TEXT = "Envoys met in Geneva. " * 8000  # 176,000 characters: over the csv module's 131,072

# name: (file name, content, the refused line and what its reason says; None when nothing is refused)
CASES = {
    "lone surrogate escape": (
        "a.jsonl", jsonl(G1, '{"id": "bad", "text": "Envoys \\ud800 met in Geneva."}', G3), (2, "\\ud800 is half of a surrogate pair")),
    "low surrogate escape in the title": (
        "a.jsonl", jsonl(G1, '{"id": "bad", "title": "\\udc00", "text": "Envoys met."}', G3), (2, "\\udc00 is half of a surrogate pair")),
    "arrays nested 100,000 deep": (
        "a.jsonl", jsonl(G1, "[" * 100_000 + "]" * 100_000, G3), (2, "nested too deeply")),
    "a field nested 100,000 deep": (
        "a.jsonl", jsonl(G1, '{"id": "bad", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", G3), (2, "nested too deeply")),
    "deeply nested line first, no .jsonl name": (
        "upload.txt", jsonl("[" * 100_000 + "]" * 100_000, G1, G3), (1, "nested too deeply")),
    "an integer of 5,000 digits": (
        "a.jsonl", jsonl(G1, '{"id": ' + "7" * 5000 + ', "text": "Envoys met."}', G3), (2, "a number longer than 4300 digits")),
    "a list in the title field": (
        "a.jsonl", jsonl(G1, '{"id": "bad", "title": [1, 2], "text": "Envoys met."}', G3), (2, "the field 'title' must be text, not a list")),
    "one line in Latin-1": (
        "a.jsonl", jsonl(G1, json.dumps({"id": "bad", "text": "Réunion à Genève."}, ensure_ascii=False).encode("latin-1"), G3),
        (2, "not UTF-8 (byte 0xE9 at character 25)")),
    "a date that is past the year 9999 in UTC": (
        "a.jsonl", jsonl(G1, '{"id": "bad", "text": "Envoys met.", "published": "9999-12-31T23:00:00-14:00"}', G3), (2, "is out of range")),
    "a URL urlsplit refuses": (
        "a.jsonl", jsonl(G1, '{"id": "bad", "url": "http://[::1/story", "text": "Envoys met."}', G3), (2, "is not a valid URL")),
    "CSV row with more fields than the header": (
        "a.csv", csv_file(csv_row(1), csv_row(2) + ["surplus"], csv_row(3)), (3, "8 fields where the header names 7")),
    "CSV row with fewer fields than the header": (
        "a.csv", csv_file(csv_row(1), csv_row(2)[:5], csv_row(3)), (3, "5 fields where the header names 7")),
    "CSV row in Latin-1": (
        "a.csv", csv_file(csv_row(1)) + ",".join(csv_row(2, title="Réunion")).encode("latin-1") + b"\n" + csv_file(csv_row(3)).split(b"\n", 1)[1],
        (3, "not UTF-8 (byte 0xE9 in the title column)")),
    "CSV quote closed in the middle of a field": (
        "a.csv", csv_file(csv_row(1), 'bad,,,,,"Talks" again,Envoys met.\n', csv_row(3)), (3, "invalid CSV")),
    "CSV quote left open to the end": (
        "a.csv", csv_file(csv_row(1), csv_row(3), 'bad,,,,,Open,"Envoys met\n'), (4, "invalid CSV: unexpected end of data")),
}
# These rows were lost or split before; now they are stored, whole.
STORED_WHOLE = {
    "raw U+2028 and U+2029 inside a JSON string": (
        "a.jsonl", jsonl(G1, json.dumps({**good(2), "text": "Envoys met\u2028in Geneva\u2029on Thursday."}, ensure_ascii=False), G3),
        "Envoys met\u2028in Geneva\u2029on Thursday."),
    "NUL in a title": (
        "a.jsonl", jsonl(G1, json.dumps({**good(2), "title": "Ta\u0000lks"}), G3), "Envoys met in Geneva for round 2"),
    "a CSV field over 128 KiB": (
        "a.csv", csv_file(csv_row(1), csv_row(2, text=LONG_TEXT), csv_row(3)), LONG_TEXT),
}


def import_with_command(name: str, content: bytes, tmp_path) -> tuple[dict[str, int], list[str]]:
    path = tmp_path / name
    path.write_bytes(content)
    out = io.StringIO()
    call_command("import_articles", str(path), no_progress=True, stdout=out)
    first, *rest = out.getvalue().splitlines()
    counts = dict((kind, int(n)) for n, kind in re.findall(r"(\d+) (new|duplicate|failed)", first))
    return counts, [line.removeprefix("  failed ") for line in rest]


def import_with_upload(name: str, content: bytes, client) -> tuple[dict[str, int], list[str]]:
    response = client.post(reverse("ingestion:upload"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200, response.content.decode()[:2000]
    page = response.content.decode()
    counts = {kind: int(n) for kind, n in re.findall(r'<dd id="count-(\w+)">(\d+)</dd>', page)}
    return counts, [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", page, re.S)]


@pytest.fixture(params=["command", "upload"])
def importer(request, tmp_path, client, editor):
    """Import a file the way an operator does (the command) or the way an editor does (the form)."""
    if request.param == "command":
        return lambda name, content: import_with_command(name, content, tmp_path)
    client.force_login(editor)
    return lambda name, content: import_with_upload(name, content, client)


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_row_is_refused_alone_with_its_line_and_reason(importer, case):
    name, content, (line, reason) = CASES[case]

    counts, failures = importer(name, content)

    assert counts == {"new": 2, "duplicate": 0, "failed": 1}
    assert len(failures) == 1 and failures[0].startswith(f"line {line}: ") and reason in failures[0], failures
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["good-1", "good-3"]


@pytest.mark.parametrize("case", STORED_WHOLE)
def test_a_row_that_once_broke_the_import_is_now_stored_whole(importer, case):
    name, content, text = STORED_WHOLE[case]

    counts, failures = importer(name, content)

    assert (counts, failures) == ({"new": 3, "duplicate": 0, "failed": 0}, [])
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["good-1", "good-2", "good-3"]
    stored = Article.objects.get(external_id="good-2")
    assert stored.text.startswith(text[:30]) and len(stored.text) >= len(text.strip()) - 10
    assert "\x00" not in stored.title


@requires_postgres
def test_a_text_the_database_refuses_is_refused_alone_and_the_import_goes_on(tmp_path):
    rng = random.Random(7)
    # 100,000 distinct words: the search document (tsvector) would pass PostgreSQL's 1 MB limit.
    words = " ".join("".join(rng.choices(string.ascii_lowercase, k=10)) for _ in range(100_000))

    counts, failures = import_with_command("a.jsonl", jsonl(G1, json.dumps({"id": "bad", "text": words}), G3), tmp_path)

    assert counts == {"new": 2, "duplicate": 0, "failed": 1}
    assert failures == ["line 2: could not be stored: string is too long for tsvector " + failures[0].split("tsvector ", 1)[1]]
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["good-1", "good-3"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_file_saved_in_utf16_or_utf32_is_refused_as_a_whole_with_what_to_do(tmp_path, client, editor, encoding):
    path = tmp_path / "wide.jsonl"
    path.write_bytes(jsonl(G1, G3).decode().encode(encoding))
    message = f"the file is {encoding.upper()}, not UTF-8; save it as UTF-8"

    with pytest.raises(CommandError, match=message):
        call_command("import_articles", str(path), no_progress=True, stdout=io.StringIO())
    client.force_login(editor)
    response = client.post(reverse("ingestion:upload"), {"file": SimpleUploadedFile("wide.csv", path.read_bytes())})
    assert response.status_code == 400 and message in response.content.decode()
    assert Article.objects.count() == 0


def test_a_first_line_that_merely_starts_like_utf16_is_refused_alone(tmp_path):
    counts, failures = import_with_command("a.jsonl", jsonl(b"\xff\xfe{\x00", G1, G3), tmp_path)

    assert counts == {"new": 2, "duplicate": 0, "failed": 1}
    assert failures == ["line 1: not UTF-8 (byte 0xFF at character 1); save the file as UTF-8"]


# --- Any mix of good and hostile lines ------------------------------------------------------------

HOSTILE_LINES = st.one_of(
    st.sampled_from([
        b'{"text": "Envoys \\ud800 met."}', b'{"title": "\\udfff", "text": "x y z"}', b"[" * 5000 + b"]" * 5000,
        b'{"text": ' + b"[" * 3000 + b"]" * 3000 + b"}", b'{"id": ' + b"9" * 5000 + b"}", b'{"text": "caf\xe9 cr\xe8me"}',
        b'{"text": "cut', b"null", b"[1, 2]", b'"just a string"', b'{"text": ""}', b'{"url": "javascript:alert(1)"}',
        b'{"url": "http://[::1"}', b'{"url": "http://x:99999/"}', b"\xff\xfe\x00", b"\xff\xfe{\x00", b'{"text": "x", "published": "2025-02-30"}',
        b'{"text": "x", "published": "99999-01-01"}', b'{"text": "x", "published": "0001-01-01T00:00:00+14:00"}', b'{"text": {"a": 1}}', b'{"text": true}', b"\xff\xfe\x00",
        '{"text": "a\u2028b\u2029c"}'.encode(), b'{"title": "\\u0000", "text": "\\u0000"}', b"\x00\x00\x00",
    ]),
    st.binary(max_size=60).filter(lambda raw: b"\n" not in raw),
    st.text(max_size=60).map(lambda text: text.replace("\n", " ").encode("utf-8", "surrogatepass")),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(FIELDS + ["x"]), children, max_size=4),
        max_leaves=8,
    ).map(lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")),
)


@hypothesis_settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(lines=st.lists(st.one_of(st.integers(0, 10_000).map(lambda n: ("good", n)), HOSTILE_LINES.map(lambda raw: ("hostile", raw))), max_size=12))
def test_any_mix_of_good_and_hostile_lines_adds_up_and_keeps_every_good_one(tmp_path, lines):
    content, good_ids, read = [], set(), 0
    for index, (kind, value) in enumerate(lines):
        raw = json.dumps({**good(value), "id": f"good-{index}", "text": good(value)["text"] + f" #{index}"}).encode() if kind == "good" else value
        content.append(raw)
        good_ids |= {f"good-{index}"} if kind == "good" else set()
        read += bool(raw.strip(b" \t\r"))
    with transaction.atomic():
        counts, failures = import_with_command("mix.jsonl", b"\n".join(content) + b"\n", tmp_path)
        stored = set(Article.objects.values_list("external_id", flat=True))
        transaction.set_rollback(True)

    assert counts["new"] + counts["duplicate"] + counts["failed"] == read
    assert len(failures) == counts["failed"]
    assert good_ids <= stored, "every good line is stored whatever its neighbours"


# Quotes and line ends are left out of the hostile rows: a quote may rightly join lines into one
# record, and then the rows no longer match the lines one to one.
HOSTILE_CSV_ROWS = st.one_of(
    st.binary(max_size=60).filter(lambda raw: not set(raw) & set(b'"\r\n')),
    st.lists(st.text(alphabet=st.characters(blacklist_characters='"\r\n', blacklist_categories=["Cs"]), max_size=15), max_size=10)
    .map(lambda fields: ",".join(fields).encode()),
)


@hypothesis_settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(st.one_of(st.integers(0, 10_000).map(lambda n: ("good", n)), HOSTILE_CSV_ROWS.map(lambda raw: ("hostile", raw))), max_size=12))
def test_any_mix_of_good_and_hostile_csv_rows_adds_up_and_keeps_every_good_one(tmp_path, rows):
    content, good_ids, read = [",".join(FIELDS).encode()], set(), 0
    for index, (kind, value) in enumerate(rows):
        if kind == "good":
            raw = csv_file(csv_row(value, id=f"good-{index}", text=good(value)["text"] + f" #{index}")).split(b"\n", 1)[1].rstrip(b"\n")
            good_ids.add(f"good-{index}")
        else:
            raw = value
        content.append(raw)
        read += bool(raw.strip(b" \t"))
    with transaction.atomic():
        counts, failures = import_with_command("mix.csv", b"\n".join(content) + b"\n", tmp_path)
        stored = set(Article.objects.values_list("external_id", flat=True))
        transaction.set_rollback(True)

    assert counts["new"] + counts["duplicate"] + counts["failed"] == read
    assert len(failures) == counts["failed"]
    assert good_ids <= stored, "every good row is stored whatever its neighbours"
