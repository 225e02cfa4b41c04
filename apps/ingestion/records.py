"""Read article records from JSON Lines, CSV or a JSON file, for the import command and the upload form."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    line: int  # where it starts in the file, for the editor's summary
    data: dict | None
    error: str = ""


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"the file is not UTF-8 (byte {exc.start} cannot be read); save it as UTF-8 and try again") from None


def detect_format(name: str, text: str) -> str:
    """'csv', 'json' (one object or a list) or 'jsonl', from the file name, else from its first character."""
    lowered = name.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    head = text.lstrip()[:1]
    if head == "[":
        return "json"
    if head == "{":
        # A pretty-printed single object (like the eval articles) spans lines; JSON Lines does not.
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            return "jsonl"
    return "csv"


def iter_records(raw: bytes, *, name: str = "") -> Iterator[Record]:
    """Yield each record of the file, or an error saying which line could not be read."""
    text = _decode(raw)
    kind = detect_format(name, text)
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Record(exc.lineno, None, f"invalid JSON: {exc.msg}")
            return
        for index, item in enumerate(data if isinstance(data, list) else [data], start=1):
            yield Record(index, item if isinstance(item, dict) else None, "" if isinstance(item, dict) else "not a JSON object")
    elif kind == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Record(number, None, f"invalid JSON: {exc.msg}")
                continue
            yield Record(number, item if isinstance(item, dict) else None, "" if isinstance(item, dict) else "not a JSON object")
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not reader.fieldnames or "text" not in reader.fieldnames and "url" not in reader.fieldnames:
            yield Record(1, None, "the CSV header must name the columns, with at least text or url")
            return
        for row in reader:
            yield Record(reader.line_num, {key: value for key, value in row.items() if key}, "")


def count_records(raw: bytes, *, name: str = "") -> int | None:
    """A quick count for the progress bar; None when the file is not readable."""
    try:
        text = _decode(raw)
    except ValueError:
        return None
    kind = detect_format(name, text)
    if kind == "jsonl":
        return sum(1 for line in text.splitlines() if line.strip())
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return None
        return len(data) if isinstance(data, list) else 1
    return None
