"""The shape of an article: paragraphs, headings, bylines and credits, quotations, sentences."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'

_BYLINE = re.compile(r"^\s*(?i:par|by|de|von)\s+(?P<names>[A-ZÀ-Ý][\w'’.\- ]+(?:\s*(?:,|et|and|und|&)\s*[A-ZÀ-Ý][\w'’.\- ]+)*)\s*$")
_CREDIT_WORDS = re.compile(
    r"(avec la contribution|contribution de|version française|r[ée]dig[ée] par|[ée]dit[ée] par|reporting by|"
    r"additional reporting|writing by|editing by|edited by|compiled by|correspondant|reportage|"
    r"photo\s*:|cr[ée]dit\s*:|\bphoto\b.*/)", re.I)
_AGENCY_TAG = re.compile(r"^\s*\((?:AFP|Reuters|AP|Keystone-ATS|Keystone-SDA|ATS|dpa|Belga|ANSA|Bloomberg)\)\s*[-–—]?\s*", re.I)
_DATELINE = re.compile(r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý .'’\-]{2,40})(?:,\s*[\w .]+)?\s*(?:\([^)]{1,30}\)\s*)?(?:--|—|–|-)\s+")
# "Kiev, 12 mars (AFP) -", "Paris, March 3 (Reuters) -": a city, a date and an agency open the story
_DATELINE_DATED = re.compile(r"^\s*([A-ZÀ-Ý][\w'’\-]+(?: [A-ZÀ-Ý][\w'’\-]+)?),\s+(?:\d{1,2}\s+\w+|\w+\.?\s+\d{1,2})\s*"
                             r"(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)\s+")
_CAPITALIZED_RUN = re.compile(r"(?:\b[dl]['’])?\b([A-ZÀ-Ý][\w\-]+(?:\s+[A-ZÀ-Ý][\w\-]+){1,2})")
_SENT_END = re.compile(r"[.!?…]+(?:[\"”]|\s?»)?")


@dataclass
class Paragraph:
    start: int
    end: int
    heading: bool = False
    byline: bool = False
    credit: bool = False


@dataclass
class Quote:
    """A span inside quotation marks: start/end are the quoted words, outer_* include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int


@dataclass
class Layout:
    """Everything about an article's layout that later stages need."""

    text: str
    paragraphs: list[Paragraph]
    excluded: list[tuple[int, int]]  # bylines, credits, agency tags, datelines: no actors there
    authors: list[str]
    quotes: list[Quote]
    in_quote: bytearray  # 1 where a character lies inside quotation marks
    datelines: list[tuple[int, int]] = field(default_factory=list)

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph that holds a character offset."""
        for p in self.paragraphs:
            if p.start <= pos < p.end:
                return p
        return None

    def is_excluded(self, start: int, end: int) -> bool:
        """Whether a span lies in a byline, a credit or an agency tag."""
        return any(s <= start < e or s < end <= e for s, e in self.excluded)

    def is_heading(self, pos: int) -> bool:
        """Whether a character offset lies in a heading line."""
        p = self.paragraph_at(pos)
        return bool(p and p.heading)


def _is_heading(line: str) -> bool:
    stripped = line.strip().strip('"“”«»\'’ ')
    if not stripped:
        return False
    letters = [c for c in stripped if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(stripped.split()) <= 8:
        return True  # CLARTÉ, "PAIX ILLUSOIRE"
    # a short line without a final stop is a section title ("Force conjointe", "Défilé de dirigeants")
    return len(stripped.split()) <= 12 and not re.search(r"[.!?…:;,»”\"']\s*$", line.strip())


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\bet\b|\band\b|\bund\b|&|;)\s*", names)
    return [p.strip(" .") for p in parts if p.strip(" .") and p.strip()[0].isupper()]


def analyse(text: str) -> Layout:
    """Paragraphs, headings, bylines, credits and quotations of an article text."""
    paragraphs: list[Paragraph] = []
    excluded: list[tuple[int, int]] = []
    authors: list[str] = []
    datelines: list[tuple[int, int]] = []
    lines = list(re.finditer(r"[^\n]+", text))
    for index, m in enumerate(lines):
        line = m.group()
        para = Paragraph(m.start(), m.end())
        byline = _BYLINE.match(line)
        if byline and len(line.split()) <= 12 and index <= 2:
            para.byline = True
            authors += _split_names(byline.group("names"))
            excluded.append((m.start(), m.end()))
        elif (line.strip().startswith("(") and line.strip().endswith(")") and
              (_CREDIT_WORDS.search(line) or re.match(r"\(\s*(?:avec|with|source|sources)\b", line.strip(), re.I))) or \
                (index >= len(lines) - 2 and _CREDIT_WORDS.search(line) and len(line.split()) <= 30
                 and not re.search(r"[«“\"]", line)):
            para.credit = True
            excluded.append((m.start(), m.end()))
            for name in _CAPITALIZED_RUN.finditer(_CREDIT_WORDS.sub(",", line)):
                authors.append(name.group(1))
        elif _is_heading(line):
            para.heading = True
        tag = _AGENCY_TAG.match(line)
        if tag:
            excluded.append((m.start(), m.start() + tag.end()))
        dateline = _DATELINE.match(line) or _DATELINE_DATED.match(line)
        if dateline and index <= 2:
            datelines.append((m.start() + dateline.start(1), m.start() + dateline.end(1)))
            excluded.append((m.start() + dateline.start(1), m.start() + dateline.end()))  # "KYIV (Reuters) -"
        paragraphs.append(para)
    quotes = find_quotes(text, paragraphs)
    in_quote = bytearray(len(text))
    for q in quotes:
        in_quote[q.outer_start:q.outer_end] = b"\x01" * (q.outer_end - q.outer_start)
    return Layout(text, paragraphs, excluded, _dedupe(authors), quotes, in_quote, datelines)


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        if n.lower() not in seen:
            seen.add(n.lower())
            out.append(n)
    return out


def _mark_role(text: str, i: int) -> str:
    """Whether the quotation mark at i opens or closes a quotation."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in OPENING:
        # "“" glued after a word and followed by a space acts as a closing mark in sloppy copy
        return "close" if (before.isalnum() and after.isspace()) else "open"
    if ch in CLOSING:
        # "d' »assurer" : a closing guillemet used as an opening one
        return "open" if (before.isspace() or before in "'’(") and after.isalnum() else "close"
    if before.isspace() or before in "([{—–-'’:" or i == 0:
        return "open"
    return "close"


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """Quotations in straight or curly quotes or «guillemets», paired within each paragraph."""
    quotes: list[Quote] = []
    marks = STRAIGHT + OPENING + CLOSING
    for para in paragraphs:
        open_at: int | None = None
        for i in range(para.start, para.end):
            if text[i] not in marks:
                continue
            role = _mark_role(text, i)
            if open_at is None:
                if role == "open":
                    open_at = i
            elif role == "close":
                start, end = open_at + 1, i
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    quotes.append(Quote(start, end, open_at, i + 1))
                open_at = None
    return quotes


def sentence_bounds(text: str, layout: Layout) -> list[tuple[int, int]]:
    """Sentences that never break inside a quotation (so a multi-sentence quote stays in one sentence)."""
    bounds: list[tuple[int, int]] = []
    for para in layout.paragraphs:
        start = para.start
        for m in _SENT_END.finditer(text, para.start, para.end):
            end = m.end()
            closes = m.group()[-1] in '"”»'
            if layout.in_quote[m.start()] and not (closes and not layout.in_quote[min(end, len(text) - 1)]
                                                   and end < para.end):
                continue  # a full stop inside a quotation, unless the quotation ends the sentence there
            nxt = text[end:end + 2]
            if end >= para.end or (nxt[:1].isspace() and (nxt[1:2].isupper() or nxt[1:2] in '"“«')):
                # "U.S. officials": an abbreviation does not end a sentence
                word = text[max(start, m.start() - 3):m.start() + 1]
                if re.search(r"(?:\b[A-Z]\.?[A-Z]|\bM|\bMr|\bMrs|\bDr|\bSt|\bGen)\.$", word):
                    continue
                bounds.append((start, end))
                start = end
                while start < para.end and text[start].isspace():
                    start += 1
        if start < para.end:
            bounds.append((start, para.end))
    return bounds
