"""Hostile and malformed article texts go through extraction without crashing the worker.

Each one ends EXTRACTED, or FAILED with a reason an editor can read; nothing else is lost, and
every quote Parley stores is the exact text the article printed at its characters.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from apps.extraction import services
from apps.extraction.pipeline import ArticleInput, extract
from apps.ingestion.models import Article, content_hash
from apps.records.models import EventEvidence, Mention, Statement

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"]
BIDI = ["\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u202c"]
QUOTES = ['"', "«", "»", "“", "”", "„", "‘", "’", "‹", "›", "'"]

BASE_FR = "Emmanuel Macron a déclaré mercredi à Paris : « Nous sommes prêts à fournir des garanties. »"
BASE_EN = 'Donald Trump said on Monday: "We will be involved in the security of Ukraine," at the White House.'


def hostile_texts() -> list[tuple[str, str]]:
    """At least 150 named texts built from the families of attacks and accidents we expect."""
    cases: list[tuple[str, str]] = []
    for i, mark in enumerate(ZERO_WIDTH + BIDI):
        cases.append((f"invisible-in-name-{i}", BASE_FR.replace("Macron", f"Ma{mark}cron")))
        cases.append((f"invisible-in-quote-{i}", BASE_EN.replace("involved", f"inv{mark}olved")))
        cases.append((f"invisible-everywhere-{i}", mark.join(BASE_FR)))
    for i, (a, b) in enumerate(itertools.product(QUOTES, repeat=2)):
        if i % 3 == 0:  # a sample of every opening/closing pairing, balanced or not
            cases.append((f"quote-pair-{i}", f"Selon Macron, {a}nous sommes prêts{b}, a-t-il dit. {a}{a}Encore{b}"))
    for depth in (1, 2, 5, 20, 200):
        cases.append((f"nested-quotes-{depth}", "Macron a dit " + "« " * depth + "oui" + " »" * depth + "."))
        cases.append((f"unclosed-quotes-{depth}", "Trump said " + '"' * depth + "yes, and then nothing closes"))
    for name, text in {
        "empty": "", "spaces": "   ", "newlines": "\n\n\n", "tabs": "\t\t", "nbsp": "\u00a0" * 50,
        "nul-bytes": "Macron\x00 a dit « bonjour\x00 » hier.", "control-chars": "".join(chr(c) for c in range(1, 32)) + BASE_FR,
        "html-script": "<script>alert(1)</script>" + BASE_FR, "html-handlers": '<img src=x onerror="alert(1)">' + BASE_EN,
        "html-entities": "&lt;script&gt;alert(1)&lt;/script&gt; " + BASE_FR, "markdown": "**Macron** a dit « _oui_ ».",
        "only-quotes": "« » « » “ ” \" \"", "only-punctuation": "!?.,;:…—–-" * 100,
        "impossible-dates": "Le sommet aura lieu le 31 février et le 30 février 2025, puis le 0 mars et le 32 août.",
        "impossible-dates-en": "The talks are set for February 31 and April 31, 2025, and on the 45th of May.",
        "far-years": "Macron a rencontré Zelensky le 15 août 9999 puis en l'an 0001 et en 10000.",
        "all-caps": BASE_FR.upper(), "all-lower": BASE_FR.lower(), "emoji": "🇺🇦🇷🇺 " + BASE_EN + " 🤝💥" * 50,
        "rtl-script": "قال ماكرون « نحن مستعدون » الأربعاء. " + BASE_FR, "cjk": "马克龙说“我们准备好了”。" + BASE_EN,
        "combining-marks": "M\u0301\u0301\u0301acron a dit « oui\u0300\u0300 ».", "surrogate-like": "Macron \ufffd\ufffd a dit « \ufffd ».",
        "mojibake-fr": BASE_FR.encode("utf-8").decode("latin-1"), "mojibake-double": BASE_FR.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1"),
        "cp1252-quotes": BASE_FR.replace("«", "\x93").replace("»", "\x94"), "latin1-as-text": "Pr\xe9sident Macron a d\xe9clar\xe9 \xab oui \xbb.",
        "one-long-word": "a" * 50_000, "one-long-line": (BASE_FR + " ") * 200, "many-short-lines": "Macron.\n" * 2_000,
        "many-quotes": ("« oui », a dit Macron. " * 500), "many-names": " ".join(["Zelensky Poutine Trump Macron"] * 500),
        "too-long": "Macron a dit « oui ». " * 20_000, "ten-megabytes-one-line": "x" * 10_000_000,
    }.items():
        cases.append((name, text))
    for cut in range(0, len(BASE_FR), 2):  # real phrasing cut at every other character
        cases.append((f"truncated-{cut}", BASE_FR[:cut]))
    for cut in range(1, len(BASE_EN), 3):
        cases.append((f"truncated-en-{cut}", BASE_EN[:cut]))
    return cases


CASES = hostile_texts()


def test_the_corpus_is_large_and_varied():
    assert len({content_hash(text) for _, text in CASES}) >= 180  # distinct texts
    assert len({name.split("-")[0] for name, _ in CASES}) >= 20


@pytest.mark.django_db
def test_no_hostile_text_crashes_extraction_and_each_failure_says_why():
    published = dt.datetime(2025, 9, 4, tzinfo=dt.timezone.utc)
    distinct = {content_hash(text): (name, text) for name, text in reversed(CASES)}  # one row per text, as stored
    articles = [
        Article.objects.create(via=Article.Via.PASTE, title=name, text=text.replace("\x00", ""), published_at=published,
                               status=Article.Status.FETCHED, language="" if i % 2 else "fr")
        for i, (name, text) in enumerate(distinct.values())
    ]
    ids = [a.pk for a in articles]
    for i in range(0, len(ids), 16):
        services.extract_and_store(ids[i:i + 16])  # must not raise, whatever is in the batch

    outcomes = dict(Article.objects.filter(pk__in=[a.pk for a in articles]).values_list("title", "status"))
    assert set(outcomes.values()) <= {Article.Status.EXTRACTED, Article.Status.FAILED}
    failed = Article.objects.filter(pk__in=[a.pk for a in articles], status=Article.Status.FAILED)
    for article in failed:
        assert article.error.strip(), f"{article.title} failed without a reason"
    # Only the absurdly long text and the texts with nothing in them are refused; every other
    # input is read, however odd.
    reasons = {a.title: a.error for a in failed}
    assert "too long to extract" in reasons.pop("too-long")
    assert "10,000,000 characters" in reasons.pop("ten-megabytes-one-line")
    assert set(reasons.values()) == {"the article has no text to extract"}
    assert set(reasons) <= {"empty", "spaces", "newlines", "tabs", "nbsp", "truncated-0", "truncated-en-1"}

    for statement in Statement.objects.select_related("article"):
        assert statement.article.text[statement.start:statement.end] == statement.text
    for mention in Mention.objects.select_related("article"):
        assert mention.article.text[mention.start:mention.end] == mention.text
    for evidence in EventEvidence.objects.select_related("article"):
        assert evidence.article.text[evidence.start:evidence.end] == evidence.sentence


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(QUOTES + ZERO_WIDTH + BIDI + ["Macron", "Trump", "a dit", "said", ":", ",", ".", "\n\n"]),
            st.text(max_size=20),
        ),
        max_size=40,
    ),
    st.sampled_from(["fr", "en"]),
)
def test_the_quote_finder_returns_only_spans_of_the_text(pieces, language):
    text = " ".join(pieces)
    result = extract(ArticleInput(id="h", url=None, source="", language=language,
                                  published=dt.date(2025, 9, 4), title="", text=text))
    for statement in result.statements:
        assert 0 <= statement.start < statement.end <= len(text)
        assert text[statement.start:statement.end] == statement.text
    for actor in result.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text
