"""Malformed and hostile feeds and pages through the real ingestion path (local HTTP server).

Whatever a server sends, the worker does not crash: the source or the article records a clear
reason, nothing already stored is lost, and nothing from the page is kept that would run.
"""

from __future__ import annotations

import pytest

from apps.extraction import services as extraction
from apps.ingestion.models import Article, Source
from apps.ingestion.tasks import fetch_article, poll_source

pytestmark = pytest.mark.django_db

GOOD_ITEM = "<item><title>Talks {n}</title><link>{base}/pages/good-{n}.html</link><guid>g-{n}</guid></item>"


def rss(items: str, *, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return f'{prolog}<rss version="2.0"><channel><title>Hostile</title>{items}</channel></rss>'.encode()


def feed_cases(base: str) -> dict[str, bytes]:
    good = "".join(GOOD_ITEM.format(n=n, base=base) for n in range(3))
    full = rss(good)
    cases = {f"truncated-at-{cut}": full[:cut] for cut in (0, 1, 10, 40, 80, 120, 200, len(full) // 2, len(full) - 10)}
    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10 if i else "lol"}">' for i in range(10))
    cases.update({
        "billion-laughs": rss("<item><title>&l9;</title><link>x</link></item>",
                              prolog=f'<?xml version="1.0"?><!DOCTYPE r [{laughs}]>'),
        "xxe-file": rss("<item><title>&x;</title><link>{base}/x</link></item>",
                        prolog='<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
        "xxe-http": rss("<item><title>&x;</title></item>",
                        prolog='<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:1/secret">]>'),
        "parameter-entities": rss(good, prolog='<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>'),
        "unclosed-tags": b"<rss><channel><item><title>Open<item><title>Again",
        "bad-entity": rss("<item><title>A &nonexistent; B</title><link>" + base + "/pages/e.html</link></item>"),
        "not-xml": b"this is not a feed at all",
        "html-instead": b"<!doctype html><html><body><h1>Welcome</h1></body></html>",
        "json-instead": b'{"items": [{"title": "x"}]}',
        "binary": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "nul-bytes": rss(good).replace(b"Talks", b"Ta\x00lks"),
        "empty": b"",
        "whitespace": b"   \n\t  ",
        "bom-utf8": b"\xef\xbb\xbf" + full,
        "utf16": full.decode().replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"),
        "declared-utf8-but-latin1": rss(GOOD_ITEM.format(n="é", base=base)).decode().encode("latin-1"),
        "declared-latin1-but-utf8": rss(GOOD_ITEM.format(n="é", base=base), prolog='<?xml version="1.0" encoding="iso-8859-1"?>'),
        "script-in-title": rss(f"<item><title>&lt;script&gt;alert(1)&lt;/script&gt;</title><link>{base}/pages/s.html</link></item>"),
        "cdata-script": rss(f"<item><title><![CDATA[<img src=x onerror=alert(1)>]]></title><link>{base}/pages/c.html</link></item>"),
        "javascript-link": rss("<item><title>JS</title><link>javascript:alert(1)</link></item>"),
        "file-link": rss("<item><title>File</title><link>file:///etc/passwd</link></item>"),
        "data-link": rss("<item><title>Data</title><link>data:text/html,hi</link></item>"),
        "no-links": rss("<item><title>No link</title></item>" * 5),
        "huge-title": rss(f"<item><title>{'A' * 100_000}</title><link>{base}/pages/h.html</link></item>"),
        "deep-nesting": rss("<item>" + "<x>" * 5000 + "</x>" * 5000 + "</item>"),
        "many-items": rss("".join(GOOD_ITEM.format(n=f"m{n}", base=base) for n in range(300))),
        "zero-width-title": rss(f"<item><title>Ma\u200bcron\u202e</title><link>{base}/pages/z.html</link></item>"),
        "atom-broken": b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><link href="',
    })
    return cases


PAGE = "<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
PARAGRAPH = "<p>Emmanuel Macron a reçu mercredi Volodymyr Zelensky à Paris pour parler des garanties de sécurité.</p>" * 6


def page_cases() -> dict[str, tuple[bytes, str]]:
    html = "text/html; charset=utf-8"
    return {
        "scripts-and-handlers": (PAGE.format(title="Scripts", body='<script>alert("x")</script><img src=x onerror="alert(1)">'
                                              '<a href="javascript:alert(1)">x</a><style>body{}</style>' + PARAGRAPH).encode(), html),
        "iframe-and-svg": (PAGE.format(title="Frames", body='<iframe src="javascript:alert(1)"></iframe><svg onload=alert(1)></svg>' + PARAGRAPH).encode(), html),
        "cp1252-undeclared": (PAGE.format(title="Réunion", body=PARAGRAPH.replace("reçu", "re\u00e7u")).encode("cp1252"), "text/html"),
        "utf8-declared-latin1": (PAGE.format(title="Réunion", body=PARAGRAPH).encode("latin-1"), "text/html; charset=utf-8"),
        "utf16-bom": (PAGE.format(title="Réunion", body=PARAGRAPH).encode("utf-16"), "text/html"),
        "double-encoded": (PAGE.format(title="RÃ©union", body=PARAGRAPH.encode().decode("latin-1")).encode(), html),
        "nul-bytes": (PAGE.format(title="Nul", body=PARAGRAPH.replace("Paris", "Pa\x00ris")).encode(), html),
        "zero-width-and-bidi": (PAGE.format(title="Bidi", body=PARAGRAPH.replace("Macron", "Ma\u200bcron\u202e")).encode(), html),
        "pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "application/pdf"),
        "png-as-html": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "text/html"),
        "json": (b'{"text": "not a page"}', "application/json"),
        "empty": (b"", html),
        "whitespace": (b"  \n\n  ", html),
        "menu-only": (b"<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>", html),
        "unclosed-html": (b"<html><body><article><p>" + PARAGRAPH.encode() + b"<div><div><div>", html),
        "deep-nesting": (("<div>" * 3000 + PARAGRAPH + "</div>" * 3000).encode(), html),
        "one-line-megabyte": (PAGE.format(title="Long", body="<p>" + "mot " * 250_000 + "</p>").encode(), html),
        "meta-refresh": (PAGE.format(title="Refresh", body='<meta http-equiv="refresh" content="0;url=http://10.0.0.1/">' + PARAGRAPH).encode(), html),
    }


def test_no_malformed_or_hostile_feed_crashes_polling_and_each_failure_is_recorded(site):
    cases = feed_cases(site.base)
    assert len(cases) >= 35
    for name, body in cases.items():
        url = site.route(f"/feeds/{name}", body=body, headers={"Content-Type": "application/rss+xml"})
        source = Source.objects.create(name=f"hostile {name}", feed_url=url)
        result = poll_source.apply(args=[source.pk]).get()  # must not raise
        source.refresh_from_db()
        if result["status"] == "failed":
            assert source.last_error.strip(), f"{name}: failed without a reason"
        for article in Article.objects.filter(source=source):
            assert article.url is None or article.url.startswith(("http://", "https://")), f"{name}: kept {article.url}"
            assert "root:" not in article.title  # no external entity was ever resolved
            assert "\x00" not in article.title
    # Entity declarations are refused outright, with the reason on the source.
    for name in ("billion-laughs", "xxe-file", "xxe-http", "parameter-entities"):
        assert "entities" in Source.objects.get(name=f"hostile {name}").last_error
    # What was readable in a damaged feed is still ingested.
    assert Article.objects.filter(source__name="hostile many-items").count() == 300


def test_no_malformed_or_hostile_page_crashes_fetching_and_no_script_is_kept(site):
    for name, (body, content_type) in page_cases().items():
        url = site.route(f"/pages/{name}.html", body=body, headers={"Content-Type": content_type})
        article = Article.objects.create(via=Article.Via.URL, submitted_url=url, url=url, status=Article.Status.PENDING)
        fetch_article.apply(args=[article.pk])  # must not raise
        article.refresh_from_db()
        assert article.status in {Article.Status.FETCHED, Article.Status.EXTRACTED, Article.Status.FAILED}, name
        if article.status == Article.Status.FAILED:
            assert article.error.strip(), f"{name}: failed without a reason"
        else:
            assert "<script" not in article.text and "onerror" not in article.text and "javascript:" not in article.text
            assert "\x00" not in article.text
            extraction.extract_and_store([article.pk])  # and the extractor reads what was kept
            article.refresh_from_db()
            assert article.status in {Article.Status.EXTRACTED, Article.Status.FAILED}, name
            assert article.error == "" or article.status == Article.Status.FAILED
    failed = dict(Article.objects.filter(status=Article.Status.FAILED).values_list("submitted_url", "error"))
    reasons = {url.rsplit("/", 1)[-1]: error for url, error in failed.items()}
    assert "binary" in reasons["png-as-html.html"] or "HTML" in reasons["png-as-html.html"]
    assert "application/pdf" in reasons["pdf.html"]
