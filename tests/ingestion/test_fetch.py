"""Fetching pages: redirects, errors, size cap, slow servers, encodings, and what trafilatura keeps."""

from __future__ import annotations

import time

import pytest

from apps.ingestion.extract_page import extract_page
from apps.ingestion.fetch import PermanentFetchError, TransientFetchError, fetch


def test_it_follows_a_redirect_chain_to_the_page_and_reports_the_final_url(site):
    site.serve_pages()
    site.route("/r1", status=301, headers={"Location": "/r2"})
    site.route("/r2", status=302, headers={"Location": site.url("/r3")})
    site.route("/r3", status=308, headers={"Location": "/pages/article-en.html"})

    page = fetch(site.url("/r1"))

    assert page.status == 200
    assert page.url == site.url("/pages/article-en.html")
    assert page.redirects == [site.url("/r1"), site.url("/r2"), site.url("/r3")]


def test_it_stops_after_the_redirect_limit_and_on_loops(site, settings):
    settings.PARLEY_FETCH_MAX_REDIRECTS = 2
    for n in range(4):
        site.route(f"/hop{n}", status=302, headers={"Location": f"/hop{n + 1}"})
    site.route("/loop", status=302, headers={"Location": "/loop"})

    with pytest.raises(PermanentFetchError, match="more than 2 redirects"):
        fetch(site.url("/hop0"))
    with pytest.raises(PermanentFetchError, match="redirect loop"):
        fetch(site.url("/loop"))


def test_a_404_is_permanent_and_a_503_is_transient(site):
    site.route("/unavailable", status=503, body=b"busy", headers={"Content-Type": "text/plain"})

    with pytest.raises(PermanentFetchError, match="404"):
        fetch(site.url("/missing"))
    with pytest.raises(TransientFetchError, match="503"):
        fetch(site.url("/unavailable"))


def test_a_slow_server_times_out_as_a_transient_error(site):
    site.route("/slow", body=b"late", delay=1.5, headers={"Content-Type": "text/html"})

    started = time.monotonic()
    with pytest.raises(TransientFetchError, match="no answer"):
        fetch(site.url("/slow"), timeout=0.3)
    assert time.monotonic() - started < 1.4


def test_a_refused_connection_is_transient(site):
    # A port nobody listens on, on loopback: the test server's port after it is closed would race.
    with pytest.raises(TransientFetchError):
        fetch("http://127.0.0.1:9/", timeout=1)


def test_it_sends_a_clear_user_agent(site, settings):
    site.route("/ua", body=b"ok", headers={"Content-Type": "text/html"})

    fetch(site.url("/ua"))

    assert site.requests[-1][1]["user-agent"] == settings.PARLEY_USER_AGENT
    assert "Parley" in settings.PARLEY_USER_AGENT


def test_an_oversized_page_is_refused_whether_or_not_it_declares_its_size(site):
    site.route("/big", body=b"x" * 5000, headers={"Content-Type": "text/html"})
    site.route("/big-chunked", body=b"5000\r\n" + b"y" * 0x5000 + b"\r\n0\r\n\r\n",
               headers={"Content-Type": "text/html", "Transfer-Encoding": "chunked"})

    with pytest.raises(PermanentFetchError, match="4096-byte limit"):
        fetch(site.url("/big"), max_bytes=4096)
    with pytest.raises(PermanentFetchError, match="larger than the 4096-byte limit"):
        fetch(site.url("/big-chunked"), max_bytes=4096)


def test_a_binary_file_is_refused_with_a_clear_reason(site):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    site.route("/image.png", body=png, headers={"Content-Type": "image/png"})
    site.route("/disguised", body=png, headers={"Content-Type": "text/html"})

    with pytest.raises(PermanentFetchError, match="serves image/png, not an HTML page"):
        extract_page(fetch(site.url("/image.png")))
    with pytest.raises(PermanentFetchError, match="binary"):
        extract_page(fetch(site.url("/disguised")))


def test_a_windows_1252_page_that_says_so_only_in_its_meta_tag_is_read_correctly(site):
    site.serve_pages()

    content = extract_page(fetch(site.url("/pages/article-fr-windows-1252.html")))

    assert content.title == "Les ministres préparent un sommet sur les garanties"
    assert "300 millions d’€ par an" in content.text
    assert "« Nous avons avancé sur le calendrier" in content.text
    assert content.language == "fr"
    assert content.byline == "Camille Essai"


def test_a_page_declaring_the_wrong_charset_is_still_read_or_refused_clearly(site):
    text = "Le président a déclaré à Genève que les négociations avançaient. " * 10
    html = f"<html><head><meta charset='utf-8'><title>t</title></head><body><article><p>{text}</p></article></body></html>"
    site.route("/lying", body=html.encode("cp1252"), headers={"Content-Type": "text/html; charset=utf-8"})
    site.route("/noise", body=b"<html><body><p>" + bytes(range(128, 256)) * 40 + b"</p></body></html>",
               headers={"Content-Type": "text/html; charset=utf-8"})

    content = extract_page(fetch(site.url("/lying")))
    assert "Le président a déclaré à Genève" in content.text

    with pytest.raises(PermanentFetchError, match="encod|no article text"):
        extract_page(fetch(site.url("/noise")))


def test_it_takes_title_author_date_and_main_text_without_the_site_chrome(site):
    site.serve_pages()

    content = extract_page(fetch(site.url("/pages/article-en.html")))

    assert content.title == "Envoys meet in Geneva on a ceasefire framework"
    assert content.byline == "Alex Testwriter"
    assert content.published == "2025-09-04"
    assert content.language == "en"
    assert "compare drafts of a ceasefire framework" in content.text
    assert "Most read" not in content.text and "Privacy" not in content.text


def test_a_page_without_article_text_is_refused_with_the_reason(site):
    site.serve_pages()

    with pytest.raises(PermanentFetchError, match="no article text"):
        extract_page(fetch(site.url("/pages/menu-only.html")))
