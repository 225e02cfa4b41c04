"""`make bench-extraction`: the extraction benchmark on SQLite and on PostgreSQL, in one run.

Each database gets its own process (Django reads DATABASE_URL once) running `manage.py
bench_extraction` (see apps/extraction/management/commands/bench_extraction.py for what is timed);
the two ratios are printed together at the end. SQLite is a file of its own, PostgreSQL a database
of its own on BENCH_DATABASE_SERVER (created if missing, migrated each run): the benchmark writes
nothing that stays, but never uses the database of a running site.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def create_database(server: str, name: str) -> str:
    """The URL of database `name` on the server, created if it does not exist yet."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"{server.rstrip('/')}/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return f"{server.rstrip('/')}/{name}"


def run(database_url: str, bench_args: list[str]) -> str:
    """Migrate and benchmark one database; the benchmark's report, also echoed as it comes."""
    env = {**os.environ, "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"}
    env.pop("REDIS_URL", None)  # nothing here needs a worker or a shared cache
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    done = subprocess.run([sys.executable, "manage.py", "bench_extraction", *bench_args], cwd=ROOT, env=env,
                          check=True, stdout=subprocess.PIPE, text=True)
    sys.stdout.write(done.stdout)
    sys.stdout.flush()
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default=os.environ.get("BENCH_DATABASE_SERVER", "postgresql://postgres@127.0.0.1:5432"),
                        help="PostgreSQL server URL without a database name")
    parser.add_argument("--database", default="parley_bench_extraction", help="PostgreSQL database to use (created if missing)")
    parser.add_argument("--sqlite", type=Path, default=ROOT / "bench_extraction.sqlite3", help="SQLite file to use")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="benchmark one database only")
    args, bench_args = parser.parse_known_args()  # the rest (--repeat, --rounds, --batch) goes to the benchmark
    targets = []
    if args.only in (None, "sqlite"):
        targets.append(("SQLite", f"sqlite:///{args.sqlite.resolve()}"))
    if args.only in (None, "postgresql"):
        targets.append(("PostgreSQL", create_database(args.server, args.database)))
    ratios = {}
    for label, url in targets:
        print(f"== {label}", flush=True)
        found = re.search(r"^ratio: ([\d.]+)", run(url, bench_args), re.M)
        ratios[label] = found.group(1) if found else "?"
    print("== extract + store as a fraction of raw spaCy (target >= 0.80): "
          + ", ".join(f"{label} {ratio}" for label, ratio in ratios.items()))


if __name__ == "__main__":
    main()
