"""One story is stored once: same URL with other parameters, same text elsewhere, syndicated copies."""

from __future__ import annotations

import json
import random

import pytest

from apps.ingestion.dedup import MIN_OVERLAP, NEAR_DUPLICATE_BITS, canonical_url, hamming, overlap, simhash
from apps.ingestion.extract_page import extract_page
from apps.ingestion.fetch import FetchedPage
from apps.ingestion.models import Article
from apps.ingestion.services import store_article
from tests.conftest import FIXTURES

# The articles written for the tests (committed), so a clone without ../shared runs these too.
ARTICLES = sorted((FIXTURES / "articles").glob("*.article.json"))


def _page_text(path) -> str:
    return extract_page(FetchedPage(url="http://127.0.0.1/", status=200, content=path.read_bytes(), headers={"content-type": "text/html"})).text


def _texts():
    return [json.loads(path.read_text(encoding="utf-8"))["text"] for path in ARTICLES]


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://Example.ORG/world/story?utm_source=rss&utm_medium=feed", "https://example.org/world/story"),
        ("https://example.org/world/story?id=7&fbclid=abc&gclid=x#comments", "https://example.org/world/story?id=7"),
        ("https://example.org:443/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
        ("http://example.org:8080/a?xtor=RSS-1", "http://example.org:8080/a"),
        ("https://example.org", "https://example.org/"),
    ],
)
def test_it_strips_tracking_parameters_and_normalises_the_url(url, canonical):
    assert canonical_url(url) == canonical


def test_syndicated_copies_of_the_test_articles_stay_within_the_threshold_and_other_stories_do_not():
    texts = _texts()
    assert len(texts) >= 10, "the test articles are missing"
    rng = random.Random(4)
    # Wire-length stories, as the threshold was tuned on: under ~1,000 characters three changed
    # words already move the fingerprint up to 16 bits, and such copies are left as originals.
    long_texts = [text for text in texts if len(text) >= 1500]
    assert len(long_texts) >= 5
    for text in long_texts:
        words = text.split()
        for index in rng.sample(range(len(words)), 3):
            words[index] = "edited"
        copies = [
            " ".join(words),  # three words changed
            "PARIS (Agence) - " + text.rsplit(".", 2)[0] + ".",  # new dateline, closing sentence dropped
            text + "\n\n(Reporting by a correspondent; editing by a desk)",  # wire credit added
        ]
        for copy in copies:
            assert hamming(simhash(text), simhash(copy)) <= NEAR_DUPLICATE_BITS
    distances = [hamming(simhash(a), simhash(b)) for i, a in enumerate(texts) for b in texts[i + 1 :]]
    assert min(distances) > NEAR_DUPLICATE_BITS + 8, distances


def test_short_texts_get_no_simhash_so_they_are_never_called_near_copies():
    assert simhash("Talks resume on Monday in Geneva.") is None


@pytest.mark.django_db
def test_the_same_url_with_other_tracking_parameters_is_stored_once():
    text = _texts()[0]
    first = store_article(text=text, via=Article.Via.IMPORT, url="https://news.example.org/a?utm_source=x")
    again = store_article(text=text + " Updated.", via=Article.Via.IMPORT, url="https://news.example.org/a?utm_campaign=y")

    assert first.created and not again.created
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1
    assert first.article.url == "https://news.example.org/a"


@pytest.mark.django_db
def test_the_same_text_under_another_url_is_stored_once():
    text = _texts()[1]
    first = store_article(text=text, via=Article.Via.IMPORT, url="https://one.example.org/story")
    again = store_article(text="  " + text.replace("\n", "\n "), via=Article.Via.IMPORT, url="https://two.example.org/x")

    assert not again.created and again.article.pk == first.article.pk
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_syndicated_copy_is_linked_to_its_original_and_not_extracted(django_capture_on_commit_callbacks):
    text = _texts()[2]
    with django_capture_on_commit_callbacks() as queued:
        original = store_article(text=text, via=Article.Via.IMPORT, published="2025-09-04")
    with django_capture_on_commit_callbacks() as queued_for_copy:
        copy = store_article(
            text="KYIV (Wire) - " + text.rsplit(".", 2)[0] + ".", via=Article.Via.IMPORT, published="2025-09-05",
            url="https://syndicated.example.org/copy",
        )

    assert len(queued) == 1, "the original is queued for extraction"
    assert copy.created and copy.duplicate
    assert copy.article.status == Article.Status.DUPLICATE
    assert copy.article.duplicate_of_id == original.article.pk
    assert queued_for_copy == [], "a near-copy is never queued for extraction"


@pytest.mark.django_db
def test_different_stories_on_the_same_talks_are_both_kept_as_originals(django_capture_on_commit_callbacks):
    texts = _texts()
    with django_capture_on_commit_callbacks() as queued:
        stored = [store_article(text=text, via=Article.Via.IMPORT, published="2025-09-04") for text in texts]

    assert all(s.created and s.article.status == Article.Status.FETCHED for s in stored)
    assert len(queued) == len(texts)


@pytest.mark.django_db
def test_a_copy_published_months_later_is_not_matched_against_old_originals():
    text = _texts()[3]
    store_article(text=text, via=Article.Via.IMPORT, published="2025-01-01")
    later = store_article(text=text + " (Republished.)", via=Article.Via.IMPORT, published="2025-09-01")

    assert later.created and later.article.status == Article.Status.FETCHED


@pytest.mark.django_db
def test_a_different_story_whose_fingerprint_collides_by_chance_is_still_kept(django_capture_on_commit_callbacks):
    first_text, second_text = _texts()[0], _texts()[1]
    first = store_article(text=first_text, via=Article.Via.IMPORT, published="2025-09-04")
    # Make the first article's SimHash equal to what the second text will get: only the texts differ.
    Article.objects.filter(pk=first.article.pk).update(simhash=simhash(second_text))

    with django_capture_on_commit_callbacks() as queued:
        second = store_article(text=second_text, via=Article.Via.IMPORT, published="2025-09-04")

    assert second.created and second.article.status == Article.Status.FETCHED
    assert second.article.duplicate_of is None
    assert len(queued) == 1


def test_syndicated_copies_share_most_of_their_text_and_other_stories_almost_none():
    pages = FIXTURES / "pages"
    texts = {name: _page_text(pages / name) for name in ("article-en.html", "article-en-syndicated.html", "article-en-second.html")}

    assert overlap(texts["article-en.html"], texts["article-en-syndicated.html"]) > 0.8
    assert overlap(texts["article-en.html"], texts["article-en-second.html"]) < 0.1
    assert max(overlap(a, b) for i, a in enumerate(_texts()) for b in _texts()[i + 1 :]) < MIN_OVERLAP / 2
