"""From a fetched HTML page to an article's text and metadata: decoding, trafilatura, language."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import py3langid
import trafilatura
from charset_normalizer import from_bytes

from apps.ingestion.fetch import FetchedPage, PermanentFetchError

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
# Pages shorter than this after boilerplate removal are menus, paywalls or error pages.
MIN_TEXT_CHARS = 200

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class PageContent:
    title: str
    text: str
    byline: str
    published: str | None  # ISO date as trafilatura found it
    language: str


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read "iso-8859-1" and "ascii" as windows-1252 (WHATWG encoding standard); so do we,
    # or curly quotes in 0x80-0x9F come out as control characters.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def decode_html(page: FetchedPage) -> str:
    """Decode a page the way a browser would: BOM, then HTTP header, then <meta>, then a guess."""
    content = page.content
    if b"\x00" in content[:4096] and not content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PermanentFetchError("the response is binary, not a text page")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            return content.decode(codec, errors="replace")
    meta = _META_CHARSET.search(content[:4096])
    for declared in (_codec(page.charset), _codec(meta.group(1).decode("ascii", "ignore")) if meta else None, "utf-8"):
        if declared:
            try:
                return content.decode(declared)
            except UnicodeDecodeError:
                continue
    guess = from_bytes(content).best()
    if guess is None or guess.encoding is None:
        raise PermanentFetchError("the page's text encoding could not be recognised (it is not valid UTF-8 and declares no charset)")
    text = str(guess)
    if text.count("\ufffd") > max(5, len(text) // 1000):
        raise PermanentFetchError(f"the page is mis-encoded: decoding it as {guess.encoding} gives replacement characters")
    return text


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code py3langid finds most likely for text ('' when there is no text)."""
    sample = text[:5000].strip()
    if not sample:
        return ""
    code, _score = py3langid.classify(sample)
    return code


def extract_page(page: FetchedPage) -> PageContent:
    """Main text, title, author, date and language of an HTML page; raise PermanentFetchError if it has none."""
    if page.content_type not in HTML_TYPES:
        raise PermanentFetchError(f"the URL serves {page.content_type}, not an HTML page")
    html = decode_html(page)
    document = trafilatura.bare_extraction(
        html, url=page.url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = (document.text or "").strip() if document else ""
    if len(text) < MIN_TEXT_CHARS:
        raise PermanentFetchError(f"no article text found on the page ({len(text)} characters after removing menus and boilerplate)")
    return PageContent(
        title=(document.title or "").strip(),
        text=text,
        byline=(document.author or "").strip(),
        published=document.date or None,
        language=detect_language(text),
    )
