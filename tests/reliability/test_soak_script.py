"""scripts/soak_test.py: its feed, its pages and how it judges, without the ten-minute run.

The soak itself (`make soak`) starts gunicorn, workers, beat and a private Redis for a quarter of
an hour; CI never runs it. These tests check its building blocks, so that a soak FAIL means
Parley broke a promise, not that the harness fed it the wrong pages or misread what happened.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import re
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from apps.ingestion.dedup import MIN_OVERLAP, NEAR_DUPLICATE_BITS, hamming, overlap, simhash
from apps.ingestion.extract_page import extract_page
from apps.ingestion.fetch import FetchError, fetch

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "soak_test.py"
spec = importlib.util.spec_from_file_location("soak_test", SCRIPT)
soak = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = soak  # dataclasses look their module up there
spec.loader.exec_module(soak)


class FakeClock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def small_feed():
    """The short run's forty items, served on 127.0.0.2-4 with a clock the test turns."""
    clock = FakeClock()
    site = soak.FeedSite(soak.plan(40, 2), clock=clock).start()
    yield site, clock
    site.stop()


@pytest.fixture
def fetch_from_loopback(settings):
    settings.PARLEY_ALLOW_LOOPBACK_FETCH = True
    settings.PARLEY_FETCH_TIMEOUT = 2


def _page_text(site, item) -> str:
    return extract_page(fetch(site.link(item))).text


# --- The feed ------------------------------------------------------------------------------------


def test_by_default_it_runs_ten_minutes_with_200_articles_parleys_time_limits_and_a_polite_interval():
    args = soak.parse_args([])
    assert (args.minutes, args.articles, args.host_interval, args.soft_limit, args.hard_limit) == (10, 200, 2, 120, 180)
    short = soak.parse_args(["--minutes", "2", "--articles", "40"])
    assert (short.minutes, short.articles) == (2, 40)
    with pytest.raises(SystemExit):
        soak.parse_args(["--host-interval", "0"])  # a busy host must be seen to drain politely


def test_the_full_run_publishes_200_items_over_ten_minutes_in_the_issues_mix():
    items = soak.plan(200, 10)
    kinds = Counter(item.kind for item in items)

    assert len(items) == 200
    assert kinds["hang"] == kinds["too-many"] == 6 and kinds["near"] == 20 and kinds["second"] == 10
    assert {kinds[f"broken-{k}"] for k in soak.BROKEN_KINDS} == {2}
    assert sum(item.host == soak.MAIN_HOST for item in items) == 188
    assert 0 == items[0].at and max(item.at for item in items) <= 600
    assert [item.at for item in items] == sorted(item.at for item in items)
    by_n = {item.n: item for item in items}
    originals = [item for item in items if item.kind == "good"]
    assert len({item.meeting for item in originals}) == len(originals)  # one meeting, one date each
    for item in items:
        if item.kind == "near":
            assert item.at >= by_n[item.of].at + soak.NEAR_COPY_DELAY and by_n[item.of].kind == "good"
        if item.kind == "second":
            first = by_n[item.of]
            assert (item.at, item.meeting) == (first.at, first.meeting) and item.language != first.language


def test_the_feed_grows_as_its_items_come_due_and_answers_304_when_nothing_changed(small_feed):
    site, clock = small_feed
    site.publish()
    first = httpx.get(site.feed_url)
    clock.now += 60
    later = httpx.get(site.feed_url)
    unchanged = httpx.get(site.feed_url, headers={"If-None-Match": later.headers["ETag"]})

    def links(response):
        return re.findall(r"<link>(http://127\.0\.0\.\d:\d+/news/\d+\.html)</link>", response.text)

    due_at_start = [site.link(i) for i in site.items if i.at == 0]
    due_after_a_minute = [site.link(i) for i in site.items if i.at <= 60]
    assert sorted(links(first)) == sorted(due_at_start)
    assert sorted(links(later)) == sorted(due_after_a_minute) and len(due_after_a_minute) > len(due_at_start)
    assert unchanged.status_code == 304
    not_yet = next(i for i in site.items if i.at > 60 and i.host == soak.MAIN_HOST)
    assert httpx.get(site.link(not_yet)).status_code == 404


# --- The pages -----------------------------------------------------------------------------------


def test_good_pages_read_as_articles_and_near_copies_as_copies_of_their_original(small_feed, fetch_from_loopback):
    site, clock = small_feed
    site.publish()
    clock.now += 120
    texts = {item.n: _page_text(site, item) for item in site.items if item.kind in ("good", "second", "near")}
    fingerprints = {n: simhash(text) for n, text in texts.items()}

    def copies(a: int, b: int) -> bool:
        """What Parley's deduplication calls the same story."""
        return hamming(fingerprints[a], fingerprints[b]) <= NEAR_DUPLICATE_BITS and overlap(texts[a], texts[b]) >= MIN_OVERLAP

    near = {(item.n, item.of) for item in site.items if item.kind == "near"}
    assert near and all(copies(a, b) for a, b in near)
    distinct = [(a, b) for a, b in itertools.combinations(texts, 2) if (a, b) not in near and (b, a) not in near]
    assert not [pair for pair in distinct if copies(*pair)]


@pytest.mark.parametrize("kind", [*(f"broken-{k}" for k in soak.BROKEN_KINDS), "too-many", "hang"])
def test_each_bad_page_fails_to_fetch_with_the_reason_the_soak_expects(small_feed, fetch_from_loopback, kind):
    site, clock = small_feed
    site.publish()
    clock.now += 120
    item = next(i for i in site.items if i.kind == kind)

    with pytest.raises(FetchError) as failure:
        extract_page(fetch(site.link(item), timeout=1))

    assert re.search(soak.EXPECTED_REASONS[kind], str(failure.value), re.IGNORECASE), str(failure.value)


def test_each_report_yields_its_meeting_on_its_own_date_and_both_reports_of_a_meeting_the_same_event(
    small_feed, fetch_from_loopback
):
    from apps.extraction.pipeline import ArticleInput, extract_many

    site, clock = small_feed
    site.publish()
    clock.now += 120
    reports = [item for item in site.items if item.good]
    read = extract_many([
        ArticleInput(id=str(item.n), url=None, source="soak", language=None, published=dt.date(2026, 12, 4),
                     title="", text=_page_text(site, item))
        for item in reports
    ])

    keys: dict[int, set[str]] = {}
    for item, extraction in zip(reports, read):
        # remarks to reporters afterwards happen that day too: they are no second meeting
        on_its_date = [e for e in extraction.events if e.date == soak.meeting_date(item.meeting)
                       and e.kind != "press_conference"]
        assert [e.kind for e in on_its_date] == ["meeting"], (item, extraction.events)
        assert len(on_its_date[0].participants) >= 2, (item, on_its_date)
        keys.setdefault(item.meeting, set()).add(on_its_date[0].dedup_key)
    assert any(item.kind == "second" for item in reports)
    assert all(len(k) == 1 for k in keys.values()), keys


# --- Running the services ----------------------------------------------------------------------------


def test_a_service_that_exits_on_its_own_is_named_with_its_reason_and_started_again(tmp_path):
    services = soak.Supervisor(tmp_path, restart_after=0.2)
    crash = [sys.executable, "-c", "import sys, time; print('12:00 CRITICAL celery.worker: Unrecoverable error: boom', "
             "flush=True); time.sleep(0.3); sys.exit(3)"]
    services.start_service("soak2", crash, {})
    services.start()
    try:
        deadline = time.monotonic() + 20
        while "soak2" not in services.restarted and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        services.stop_all()

    assert services.restarted["soak2"] == "after it exited"
    assert services.deaths[0][1:] == ("soak2", "Unrecoverable error: boom")


def test_a_service_killed_on_purpose_stays_down_until_resumed(tmp_path):
    services = soak.Supervisor(tmp_path, restart_after=0.1)
    services.start_service("soak1", [sys.executable, "-c", "import time; time.sleep(60)"], {})
    services.start()
    try:
        services.kill("soak1")
        time.sleep(1.5)
        assert services.alive("soak1") is None and not services.deaths
        services.resume("soak1", "after the kill")
        assert services.alive("soak1") is not None
    finally:
        services.stop_all()
    assert services.restarted == {"soak1": "after the kill"}


# --- Reading and judging what happened -----------------------------------------------------------

WORKER_LOG = """\
2026-12-04 18:04:01,102 INFO celery.app.trace ForkPoolWorker-1: Task apps.extraction.tasks.extract_article[5c1e] succeeded in 1.2s: {'extracted': [12], 'skipped': [], 'failed': {}, 'statements': 3, 'events': 1, 'mentions': 9}
2026-12-04 18:04:02,311 INFO celery.app.trace ForkPoolWorker-2: Task apps.extraction.tasks.extract_article[77aa] succeeded in 0.1s: {'extracted': [], 'skipped': [12], 'failed': {}, 'statements': 0, 'events': 0, 'mentions': 0}
2026-12-04 18:04:05,000 INFO celery.app.trace ForkPoolWorker-1: Task apps.extraction.tasks.extract_articles[90ff] succeeded in 3.4s: {'extracted': [13, 14], 'skipped': [15], 'failed': {}, 'statements': 5, 'events': 2, 'mentions': 20}
2026-12-04 18:04:06,000 INFO celery.app.trace ForkPoolWorker-1: Task apps.ingestion.tasks.fetch_article[1b2c] succeeded in 0.3s: 'fetched'
2026-12-04 18:04:07,000 INFO celery.worker.strategy MainProcess: Task apps.extraction.tasks.extract_article[aa11] received
"""


def test_extraction_runs_count_only_the_articles_a_finished_run_stored():
    assert soak.extraction_runs(WORKER_LOG) == Counter({12: 1, 13: 1, 14: 1})
    assert soak.extraction_runs(WORKER_LOG + WORKER_LOG.splitlines()[0]) == Counter({12: 2, 13: 1, 14: 1})


def _clean_run():
    """Items, their links, and an outcome in which Parley kept every promise."""
    items = soak.plan(40, 2)
    links = {item.n: f"http://{item.host}:8000{item.path}" for item in items}
    articles, events, runs = [], {}, Counter()
    for pk, item in enumerate(items, start=1):
        row = {"id": pk, "url": links[item.n], "status": "extracted", "error": "", "duplicate_of_url": None}
        if item.bad:
            row.update(status="failed", error={
                "broken-404": "the server answered 404 Not Found",
                "broken-not-html": "the URL serves application/pdf, not an HTML page",
                "broken-empty": "no article text found on the page (0 characters)",
                "broken-oversized": "the page is 6291456 bytes, more than the 5242880-byte limit",
                "broken-encoding": "the page's text encoding could not be recognised",
                "hang": "gave up after 6 tries: no answer from 127.0.0.3 within 15s",
                "too-many": "gave up after 6 tries: the server answered 429 Too Many Requests",
            }[item.kind])
        elif item.kind == "near":
            row.update(status="duplicate", duplicate_of_url=links[item.of])
        else:
            runs[pk] = 1
            event = events.setdefault(soak.meeting_date(item.meeting).isoformat(), [{"id": item.meeting, "articles": set()}])
            event[0]["articles"].add(links[item.n])
        articles.append(row)
    http = [(0.0, "/export.json", 200), (1.0, "/", 200)]
    return items, links, soak.Outcome(articles=articles, events_by_date=events, runs=runs, http=http)


def test_a_run_that_kept_every_promise_passes_them_all():
    items, links, outcome = _clean_run()

    verdicts = soak.judge(items, links, outcome)

    assert [(v.promise, v.ok) for v in verdicts] == [
        ("every good article stored once", True),
        ("every good article extracted once", True),
        ("every bad article failed with its reason", True),
        ("0 HTTP errors from the timeline polled meanwhile", True),
    ]


def test_each_broken_promise_fails_and_names_the_article_or_request():
    items, links, outcome = _clean_run()
    good = next(i for i in items if i.kind == "good")
    near = next(i for i in items if i.kind == "near")
    bad = next(i for i in items if i.kind == "broken-404")
    rows = {row["url"]: row for row in outcome.articles}
    rows[links[near.n]].update(status="extracted", duplicate_of_url=None)  # a copy taken for an original
    outcome.runs[rows[links[good.n]]["id"]] = 2  # extracted twice
    rows[links[bad.n]]["error"] = "something went wrong"  # a reason that says nothing
    outcome.http.append((2.0, "/activity", 500))

    verdicts = {v.promise: v for v in soak.judge(items, links, outcome)}

    assert not any(v.ok for v in verdicts.values())
    assert near.path in verdicts["every good article stored once"].detail
    assert f"{good.path}: 2 extraction runs" in verdicts["every good article extracted once"].detail
    assert bad.path in verdicts["every bad article failed with its reason"].detail
    assert "500 /activity" in verdicts["0 HTTP errors from the timeline polled meanwhile"].detail


def test_a_run_killed_before_it_logged_is_forgiven_twice_but_not_more():
    items, links, outcome = _clean_run()
    goods = [i for i in items if i.kind == "good"]
    rows = {row["url"]: row for row in outcome.articles}

    for item in goods[:soak.UNLOGGED_ALLOWANCE]:
        del outcome.runs[rows[links[item.n]]["id"]]
    assert all(v.ok for v in soak.judge(items, links, outcome))
    del outcome.runs[rows[links[goods[soak.UNLOGGED_ALLOWANCE].n]]["id"]]
    verdict = soak.judge(items, links, outcome)[1]
    assert not verdict.ok and "with no finished run in the workers' logs" in verdict.detail


def test_an_article_left_pending_or_stored_twice_breaks_the_promise_of_its_kind():
    items, links, outcome = _clean_run()
    good = next(i for i in items if i.kind == "good")
    hanging = next(i for i in items if i.kind == "hang")
    rows = {row["url"]: row for row in outcome.articles}
    rows[links[hanging.n]].update(status="pending", error="")
    outcome.articles.append({**rows[links[good.n]], "id": 999})

    verdicts = {v.promise: v for v in soak.judge(items, links, outcome)}

    assert f"{good.path} (good): 2 rows" in verdicts["every good article stored once"].detail
    assert f"{hanging.path} (hang): pending" in verdicts["every bad article failed with its reason"].detail


def test_a_near_copy_fetched_before_its_original_may_stand_for_it_but_not_both_be_extracted():
    items, links, outcome = _clean_run()
    near = next(i for i in items if i.kind == "near")
    rows = {row["url"]: row for row in outcome.articles}
    copy, original = rows[links[near.n]], rows[links[near.of]]
    # The copy arrived first: Parley stored it as the original and the original as its copy.
    copy.update(status="extracted", duplicate_of_url=None)
    original.update(status="duplicate", duplicate_of_url=copy["url"])
    outcome.runs[copy["id"]], outcome.runs[original["id"]] = 1, 0
    outcome.events_by_date[soak.meeting_date(near.meeting).isoformat()][0]["articles"] = {copy["url"]}

    verdicts = soak.judge(items, links, outcome)
    assert all(v.ok for v in verdicts), verdicts
    assert "1 fetched before it" in verdicts[0].detail

    original.update(status="extracted", duplicate_of_url=None)  # both taken for originals: the story twice
    assert not soak.judge(items, links, outcome)[0].ok


@pytest.mark.parametrize("kind", ["hang", "too-many"])
def test_a_bad_article_given_up_on_without_saying_why_breaks_the_promise(kind):
    items, links, outcome = _clean_run()
    bad = next(i for i in items if i.kind == kind)
    rows = {row["url"]: row for row in outcome.articles}
    rows[links[bad.n]]["error"] = "gave up: the fetch was started 8 times and never finished"

    verdict = soak.judge(items, links, outcome)[2]

    assert not verdict.ok and bad.path in verdict.detail


def test_a_good_article_that_never_got_extracted_breaks_the_promise_of_extraction():
    items, links, outcome = _clean_run()
    good = next(i for i in items if i.kind == "good")
    rows = {row["url"]: row for row in outcome.articles}
    rows[links[good.n]].update(status="pending")
    del outcome.runs[rows[links[good.n]]["id"]]

    verdicts = {v.promise: v for v in soak.judge(items, links, outcome)}

    assert verdicts["every good article stored once"].ok
    assert not verdicts["every good article extracted once"].ok
    assert f"{good.path} (good): pending" in verdicts["every good article extracted once"].detail


def test_latency_runs_from_the_first_report_in_the_feed_to_the_first_poll_that_shows_the_meeting():
    items = [soak.Item(0, "good", 10.0, "en", 0), soak.Item(1, "second", 10.0, "fr", 0, 0),
             soak.Item(2, "good", 20.0, "en", 1), soak.Item(3, "good", 30.0, "en", 2)]
    seen = {soak.meeting_date(0).isoformat(): 1000 + 55.0, soak.meeting_date(1).isoformat(): 1000 + 50.0}

    values, missing = soak.latencies(items, 1000.0, seen)

    assert sorted(values) == [30.0, 45.0] and missing == 1
    assert soak.percentile(list(range(1, 12)), 50) == 6 and soak.percentile(list(range(1, 21)), 95) == 19
    assert soak.percentile([], 95) is None


def test_the_report_replaces_only_what_is_between_the_soak_markers(tmp_path):
    doc = tmp_path / "reliability.md"
    doc.write_text(f"# Promises\n\n{soak.START_MARK}\nold figures\n{soak.END_MARK}\n\nMore text.\n")

    assert soak.write_docs("| new | figures |", doc)
    assert doc.read_text() == f"# Promises\n\n{soak.START_MARK}\n| new | figures |\n{soak.END_MARK}\n\nMore text.\n"
    (tmp_path / "other.md").write_text("no markers")
    assert not soak.write_docs("x", tmp_path / "other.md")


def test_the_docs_carry_the_soak_markers():
    text = (Path(__file__).resolve().parents[2] / "docs" / "reliability.md").read_text()
    assert text.count(soak.START_MARK) == 1 and text.count(soak.END_MARK) == 1
