"""Read article records from JSON Lines, CSV or a JSON file, for the import command and the upload form.

One unreadable record never costs the others: each record is read on its own, and one that
cannot be read comes out as an error with its line number and the reason, in its place.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass


class UnreadableFile(ValueError):
    """The file as a whole cannot be read as records; the message says what to do about it."""


@dataclass(frozen=True)
class Record:
    line: int  # where it starts in the file, for the editor's summary
    data: dict | None
    error: str = ""


# Bytes that are not UTF-8 are kept as lone surrogates U+DC80..U+DCFF (surrogateescape), so the
# line or row that holds them is refused alone instead of the whole file.
_UNDECODED = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _decode(raw: bytes) -> str:
    for encoding, marks in (("UTF-32", (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)), ("UTF-16", (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))):
        if raw.startswith(marks):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                break
            # A whole file saved in another encoding: each of its records would be refused, so
            # say once what to do. A mere first line starting with these bytes is judged alone.
            if "text" in text or "url" in text:
                raise UnreadableFile(f"the file is {encoding}, not UTF-8; save it as UTF-8 and try again")
            break
    return raw.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")


def _undecoded(text: str, *, where: str = "") -> str:
    """Say which byte of a line or field is not UTF-8; empty when every byte is."""
    found = _UNDECODED.search(text)
    if found is None:
        return ""
    where = where or f"at character {found.start() + 1}"
    return f"not UTF-8 (byte 0x{ord(found.group()) - 0xDC00:02X} {where}); save the file as UTF-8"


def _load_json(text: str) -> tuple[object, str]:
    """Parse one JSON value; return it, or None and why it could not be read."""
    try:
        return json.loads(text), ""
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg}"
    except RecursionError:
        return None, "invalid JSON: nested too deeply"
    except ValueError:  # Python's guard against quadratic int parsing
        return None, f"invalid JSON: a number longer than {sys.get_int_max_str_digits()} digits"


def _is_one_value(line: str) -> bool:
    """Whether a line holds a JSON value by itself (one too deep, or with too long a number, counts)."""
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    except (ValueError, RecursionError):
        return True
    return True


def _record(line: int, item: object, *, undecoded_bytes: bool = False) -> Record:
    if not isinstance(item, dict):
        return Record(line, None, "not a JSON object")
    for value in (*item.keys(), *item.values()):
        if not isinstance(value, str) or not (found := _SURROGATE.search(value)):
            continue
        if undecoded_bytes and _UNDECODED.search(value):
            return Record(line, None, "not UTF-8 (a string holds bytes of another encoding); save the file as UTF-8")
        # json.loads accepts an escape such as \ud800 alone, but it is no character: no
        # database or encoder takes it.
        return Record(line, None, f"invalid JSON: \\u{ord(found.group()):04x} is half of a surrogate pair, not a character")
    return Record(line, item)


def detect_format(name: str, text: str) -> str:
    """'csv', 'json' (one object or a list) or 'jsonl', from the file name, else from its first character."""
    lowered = name.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    head = text.lstrip()[:1]
    if head not in ("[", "{"):
        return "csv"
    _data, error = _load_json(text)
    if not error:
        return "json"
    # A pretty-printed object or list (like the eval articles) spans lines, so its first line is
    # no JSON value by itself; the first line of JSON Lines is one.
    return "jsonl" if head == "{" or _is_one_value(text.lstrip().split("\n", 1)[0]) else "json"


def _blank(line: str) -> bool:
    return not line.strip(" \t\r")  # JSON's own whitespace; anything else is a record to judge


def _json_lines(text: str) -> Iterator[Record]:
    # Only "\n" ends a record: str.splitlines() would also cut at U+2028, U+2029, \x85 and
    # \x0c, which JSON allows raw inside a string, and split one record into several.
    for number, line in enumerate(text.split("\n"), start=1):
        if _blank(line):
            continue
        if problem := _undecoded(line):
            yield Record(number, None, problem)
            continue
        item, error = _load_json(line)
        yield Record(number, None, error) if error else _record(number, item)


def _csv_rows(text: str) -> Iterator[Record]:
    # The csv module refuses a field over 128 KiB and then goes on in the middle of the record;
    # no field can be longer than the file, so an article of any length is read whole.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    # strict: a quote left open to the end of the file makes its record an error, not an article
    # whose text swallowed every row after it; "a"b is an error, not the field ab.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip() for name in next(reader, [])]
    except csv.Error as exc:
        yield Record(1, None, f"the CSV header cannot be read: {exc}")
        return
    if "text" not in header and "url" not in header:
        yield Record(1, None, "the CSV header must name the columns, with at least text or url")
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Record(start, None, f"invalid CSV: {exc}")
            continue
        if not row or len(row) == 1 and not row[0].strip(" \t"):
            continue  # a blank line
        if len(row) != len(header):
            yield Record(start, None, f"{len(row)} fields where the header names {len(header)}: a comma or a quote is missing or extra")
            continue
        undecoded = [(name, value) for name, value in zip(header, row) if _UNDECODED.search(value)]
        if undecoded:
            name, value = undecoded[0]
            yield Record(start, None, _undecoded(value, where=f"in the {name or 'unnamed'} column"))
            continue
        yield Record(start, {name: value for name, value in zip(header, row) if name})


def iter_records(raw: bytes, *, name: str = "") -> Iterator[Record]:
    """Yield each record of the file, or an error saying which line could not be read and why.

    Raise UnreadableFile only when the file as a whole is not in a form records can come from.
    """
    text = _decode(raw)
    kind = detect_format(name, text)
    if kind == "jsonl":
        yield from _json_lines(text)
    elif kind == "csv":
        yield from _csv_rows(text)
    else:
        data, error = _load_json(text)
        if error:
            yield Record(1, None, error)
            return
        undecoded_bytes = bool(_UNDECODED.search(text))
        for index, item in enumerate(data if isinstance(data, list) else [data], start=1):
            yield _record(index, item, undecoded_bytes=undecoded_bytes)


def count_records(raw: bytes, *, name: str = "") -> int | None:
    """A quick count for the progress bar; None when the file is not readable."""
    try:
        text = _decode(raw)
    except UnreadableFile:
        return None
    kind = detect_format(name, text)
    if kind == "jsonl":
        return sum(1 for line in text.split("\n") if not _blank(line))
    if kind == "json":
        data, error = _load_json(text)
        if error:
            return None
        return len(data) if isinstance(data, list) else 1
    return None
