#!/usr/bin/env python
"""Load run: 50 analysts browse the 100k-event timeline while a worker ingests and extracts.

    .venv/bin/python scripts/load_test.py            # or: make load
    .venv/bin/python scripts/load_test.py --requests 3000 --concurrency 50 --max-seconds 120

Bounded on purpose: a fixed number of requests and a time cap, after which it stops by itself.
Everything runs on this machine and talks to 127.0.0.1 only: gunicorn serving Parley on the
synthetic database that `make bench-timeline` builds (parley_bench_100k, filled here if it is
missing), one Celery worker on a Redis database of its own, and this script.

While the analysts' requests run, a feeder stores a stream of articles (copies of the bundled
sample articles, made distinct) through the real ingestion service; the worker extracts them.
The report: requests per second, p50/p95/p99 latency, errors, and articles per second ingested
and extracted meanwhile. It is printed and written between the markers of docs/reliability.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "reliability.md"
START_MARK, END_MARK = "<!-- load:start -->", "<!-- load:end -->"
PY = sys.executable


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get("BENCH_DATABASE_SERVER", "postgresql://postgres@127.0.0.1:5432"))
    parser.add_argument("--database", default="parley_bench_100k")
    parser.add_argument("--events", type=int, default=100_000, help="size to build if the database is missing")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/3")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--gunicorn-workers", type=int, default=4)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--max-seconds", type=float, default=180)
    parser.add_argument("--articles", type=int, default=60, help="articles fed to ingestion during the run")
    parser.add_argument("--no-docs", action="store_true", help="print only; leave docs/reliability.md alone")
    return parser.parse_args()


def database_ready(server: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
    with psycopg.connect(f"{server}/{name}") as conn:
        try:
            return conn.execute("SELECT count(*) FROM timeline_event").fetchone()[0] > 0
        except psycopg.Error:
            return False


def build_database(args) -> None:
    """Reuse the timeline benchmark's builder so both runs measure the same data."""
    subprocess.run([PY, "scripts/bench_timeline.py", "--sizes", str(args.events), "--runs", "1", "--docs", ""],
                   cwd=ROOT, check=True, env={**os.environ, "BENCH_DATABASE_SERVER": args.server})


def service_env(args) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"{args.server}/{args.database}",
        "REDIS_URL": args.redis_url,
        "PARLEY_ENV": "development",
        "DEBUG": "0",
        "PARLEY_PUBLIC_TIMELINE": "1",
        "LOG_LEVEL": "WARNING",
    }


def start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def wait_http(url: str, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {timeout}s")


def analyst_urls(base: str, actor_ids: list[int]) -> list[str]:
    """What analysts do: open the timeline, filter, search, load more, open actors and quotes."""
    searches = ["ceasefire", "garanties de sécurité", "prisoner exchange", "Witkoff", "sanctions", "Alaska"]
    urls = [f"{base}/"] * 4
    urls += [f"{base}/?kind={k}" for k in ("meeting", "call", "visit", "agreement")]
    urls += [f"{base}/?status=planned", f"{base}/?language=fr", f"{base}/?topic=ceasefire"]
    urls += [f"{base}/?q={q}" for q in searches]
    urls += [f"{base}/?actor={a}" for a in actor_ids[:10]]
    urls += [f"{base}/actors/{a}/" for a in actor_ids[:10]]
    urls += [f"{base}/statements/", f"{base}/statements/?q=ceasefire"]
    return urls


def run_load(urls: list[str], total: int, concurrency: int, max_seconds: float):
    import httpx

    latencies, errors, follow_times = [], [], []
    by_url: dict[str, list[float]] = {}
    lock = threading.Lock()
    counter = iter(range(total))
    deadline = time.monotonic() + max_seconds

    def analyst(seed: int):
        rng = random.Random(seed)
        with httpx.Client(timeout=30, headers={"Accept-Language": rng.choice(["en", "fr"])}) as client:
            while time.monotonic() < deadline:
                with lock:
                    if next(counter, None) is None:
                        return
                url = rng.choice(urls)
                started = time.perf_counter()
                try:
                    response = client.get(url)
                    ok = response.status_code == 200
                    detail = f"{response.status_code} {url}"
                except httpx.HTTPError as exc:
                    ok, detail = False, f"{type(exc).__name__} {url}"
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    by_url.setdefault(url, []).append(elapsed)
                    if not ok:
                        errors.append(detail)
                parts = urlsplit(url)
                if ok and parts.path == "/":
                    # What the browser asks next, once the timeline is in: the week summary and the
                    # live poll's start, which were in the page until issue 14. Timed as requests of
                    # their own (the list shows before they come), reported apart (`follow_times`).
                    base, query = f"{parts.scheme}://{parts.netloc}", parts.query
                    for follow in (f"{base}/summary", f"{base}/events/new" + (f"?{query}" if query else "")):
                        follow_started = time.perf_counter()
                        try:
                            status = client.get(follow, headers={"HX-Request": "true"}).status_code
                        except httpx.HTTPError as exc:
                            status = type(exc).__name__
                        with lock:
                            follow_times.append(time.perf_counter() - follow_started)
                            if status != 200:
                                errors.append(f"{status} {follow}")

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(analyst, range(concurrency)))
    if follow_times:
        print(f"summary and live-poll start after each timeline page: {len(follow_times)} requests, "
              f"p50 {percentile(follow_times, 50) * 1000:.0f} ms, p95 {percentile(follow_times, 95) * 1000:.0f} ms")
    return latencies, errors, time.monotonic() - started, by_url


def slowest_views(by_url: dict[str, list[float]], base: str, n: int = 8) -> str:
    """Where the tail comes from: the views with the highest p95, with their share of requests."""
    total = sum(map(len, by_url.values())) or 1
    rows = sorted(by_url.items(), key=lambda item: percentile(item[1], 95), reverse=True)[:n]
    return "\n".join(
        f"  {url.removeprefix(base) or '/'}: {len(times)} requests ({100 * len(times) / total:.0f}%), "
        f"p50 {percentile(times, 50) * 1000:.0f} ms, p95 {percentile(times, 95) * 1000:.0f} ms"
        for url, times in rows
    )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    args = parse_args()
    if not database_ready(args.server, args.database):
        print(f"building {args.database} ({args.events} events) with the timeline benchmark's generator…")
        build_database(args)
    env = service_env(args)
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "REDIS_URL", "PARLEY_ENV", "DEBUG", "PARLEY_PUBLIC_TIMELINE")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from apps.ingestion.models import Article
    from apps.ingestion.services import store_article
    from django.db.models import Count

    from apps.records.models import Actor, Event
    from config.celery import app as celery_app

    with celery_app.connection_for_write() as conn:  # start from an empty queue of our own
        for queue in ("default", "ingestion", "extraction"):
            try:
                conn.default_channel.queue_purge(queue)
            except Exception:
                pass

    logs = Path("/tmp/parley-load")
    logs.mkdir(exist_ok=True)
    base = f"http://127.0.0.1:{args.port}"
    web = start([PY, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{args.port}",
                 "--workers", str(args.gunicorn_workers), "--threads", "4", "--timeout", "60"], env, logs / "web.log")
    worker = start([PY, "-m", "celery", "-A", "config", "worker", "-Q", "default,ingestion,extraction",
                    "--concurrency", "1", "--loglevel", "WARNING"], env, logs / "worker.log")
    try:
        import logging

        logging.getLogger("httpx").setLevel(logging.WARNING)
        wait_http(f"{base}/healthz")
        # Count ingestion from a ready worker (models loaded), not from a cold start.
        deadline = time.monotonic() + 120
        while not celery_app.control.ping(timeout=1) and time.monotonic() < deadline:
            time.sleep(0.5)
        events = Event.objects.count()
        # The most active actors, as analysts follow them, plus a few from the long tail.
        actor_ids = list(
            Actor.objects.annotate(n=Count("participations")).order_by("-n").values_list("id", flat=True)[:10]
        ) + list(Actor.objects.order_by("-id").values_list("id", flat=True)[:5])
        samples = [json.loads(p.read_text()) for p in sorted((ROOT / "sample_data").glob("*.article.json"))]
        marker = f"load-{int(time.time())}"
        fed: list[int] = []

        by_language: dict[str, list[list[str]]] = {}
        for raw in samples:
            paragraphs = [p for p in raw["text"].split("\n\n") if len(p) > 80]
            by_language.setdefault(raw.get("language", "en"), []).append(paragraphs)

        def varied_text(n: int) -> tuple[str, str]:
            """A distinct story in one language: paragraphs drawn from several sample articles."""
            rng = random.Random(n)
            language = rng.choice(sorted(by_language))
            pool = [p for paragraphs in by_language[language] for p in paragraphs]
            return language, "\n\n".join(rng.sample(pool, min(len(pool), 6))) + f"\n\n[{marker} {n}]"

        def feeder():
            for n in range(args.articles):
                language, text = varied_text(n)
                raw = samples[n % len(samples)]
                stored = store_article(
                    text=text, title=f"{raw.get('title', '')} ({n})", via=Article.Via.IMPORT,
                    language=language, published=raw.get("published"),
                )
                fed.append(stored.article.pk)
                time.sleep(0.05)

        ingest_started = time.monotonic()
        feed = threading.Thread(target=feeder)
        feed.start()
        latencies, errors, elapsed, by_url = run_load(analyst_urls(base, actor_ids), args.requests, args.concurrency,
                                              args.max_seconds)
        feed.join()
        # Articles processed while the load ran, and how long the rest take to finish.
        done_during_load = Article.objects.filter(pk__in=fed, status=Article.Status.EXTRACTED).count()
        deadline = time.monotonic() + args.max_seconds
        while time.monotonic() < deadline and Article.objects.filter(pk__in=fed).exclude(
            status__in=[Article.Status.EXTRACTED, Article.Status.FAILED]
        ).exists():
            time.sleep(0.5)
        ingest_elapsed = time.monotonic() - ingest_started
        extracted = Article.objects.filter(pk__in=fed, status=Article.Status.EXTRACTED).count()
        failed = Article.objects.filter(pk__in=fed, status=Article.Status.FAILED).count()
        # Near-copies are linked to their original and, by design, not extracted again.
        duplicates = Article.objects.filter(pk__in=fed, status=Article.Status.DUPLICATE).count()
    finally:
        stop(web)
        stop(worker)
        # Leave the benchmark database as the generator made it: remove what this run fed in.
        from apps.records.models import Event as _Event

        touched = list(_Event.objects.filter(evidence__article__in=fed).values_list("pk", flat=True))
        Article.objects.filter(pk__in=fed).delete()
        _Event.objects.filter(pk__in=touched, evidence__isnull=True).delete()

    report = {
        "events": events,
        "requests": len(latencies),
        "concurrency": args.concurrency,
        "seconds": round(elapsed, 1),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "errors": len(errors),
        "articles_fed": len(fed),
        "articles_extracted": extracted,
        "articles_failed": failed,
        "extracted_during_load": done_during_load,
        "articles_duplicate": duplicates,
        "articles_per_second": round((extracted + duplicates) / ingest_elapsed, 2),
    }
    table = "\n".join([
        f"Load run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {report['concurrency']} concurrent analysts, "
        f"{report['events']:,} events, gunicorn {args.gunicorn_workers} workers x 4 threads, 1 Celery worker, 2 cores.",
        "",
        "| requests | seconds | requests/s | p50 ms | p95 ms | p99 ms | errors | articles fed | extracted | near-copies (linked, not extracted) | failed | articles/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        f"| {report['requests']} | {report['seconds']} | {report['rps']} | {report['p50_ms']} | {report['p95_ms']} | "
        f"{report['p99_ms']} | {report['errors']} | {len(fed)} | {extracted} ({done_during_load} while the load ran) | "
        f"{duplicates} | {failed} | {report['articles_per_second']} |",
    ])
    print(table)
    print("slowest views (p95):", slowest_views(by_url, base), sep="\n")
    if errors:
        print("first errors:", *errors[:10], sep="\n  ")
    print(json.dumps(report))
    if not args.no_docs and DOCS.exists():
        text = DOCS.read_text()
        if START_MARK in text and END_MARK in text:
            head, rest = text.split(START_MARK, 1)
            _, tail = rest.split(END_MARK, 1)
            DOCS.write_text(f"{head}{START_MARK}\n{table}\n{END_MARK}{tail}")
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
