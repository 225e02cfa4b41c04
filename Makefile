# Parley's single entry point. `make run` and `make test` are the README's quickstart.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install venv migrate sample serve static test test-fast check worker beat bench bench-extraction bench-timeline load backup restore clean eval

## Quickstart 1: install into .venv, load the bundled sample articles, serve http://127.0.0.1:8000
run: install migrate sample serve

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Parley needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

venv: $(PY)

# A stamp, so `make test` and `make run` reinstall only when pyproject.toml changes, and two `make test`
# side by side (CI) never run pip over the same environment at once.
INSTALLED := $(VENV)/.installed
install: $(INSTALLED)

$(INSTALLED): $(PY) pyproject.toml
	$(PIP) install --quiet -e '.[dev]'
	touch $@

migrate: install
	$(PY) manage.py migrate --noinput

sample: migrate
	$(PY) manage.py load_sample_data

serve:
	$(PY) manage.py runserver $(HOST):$(PORT)

## Static files as production serves them (hashed, compressed, with their manifest), as the image builds them
static: install
	PATH="$(abspath $(VENV))/bin:$$PATH" sh scripts/collect_static.sh

## Quickstart 2: the whole test suite (set DATABASE_URL / REDIS_URL to run it on PostgreSQL and Redis)
test: install
	$(PY) -m pytest

check: install
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
	PARLEY_ENV=production SECRET_KEY=ci-only-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n') \
		ALLOWED_HOSTS=parley.example.org $(PY) manage.py check --deploy --fail-level WARNING

worker:
	$(VENV)/bin/celery -A config worker -Q default,ingestion,extraction --loglevel=INFO

beat:
	$(VENV)/bin/celery -A config beat --loglevel=INFO

clean:
	rm -rf $(VENV) staticfiles .pytest_cache db.sqlite3

## Extraction quality with the shared scorers (../shared/eval): dev set, test fixtures, the blind sets and the probe batteries, PolNeAR dev,
## both TimeBanks; `make eval EVAL_SETS="DIR …"` scores only those folders
eval: install
	scripts/eval.sh $(EVAL_SETS)

## Extraction throughput: raw spaCy beside the whole extract-and-store path, on SQLite and on
## PostgreSQL in one run (its own file bench_extraction.sqlite3 and database parley_bench_extraction
## on BENCH_DATABASE_SERVER); `make bench-extraction BENCH_ARGS="--rounds 3 --only sqlite"`
bench-extraction: install
	BENCH_DATABASE_SERVER=$(BENCH_DATABASE_SERVER) $(PY) scripts/bench_extraction.py $(BENCH_ARGS)

## Timeline server time at 1k and 100k synthetic events, side by side, on PostgreSQL (its own
## databases parley_bench_1k / parley_bench_100k on BENCH_DATABASE_SERVER); updates docs/benchmarks.md
BENCH_DATABASE_SERVER ?= postgresql://postgres@127.0.0.1:5432
bench-timeline: install
	BENCH_DATABASE_SERVER=$(BENCH_DATABASE_SERVER) $(PY) scripts/bench_timeline.py $(BENCH_ARGS)

## Backups of the PostgreSQL database in DATABASE_URL: `make backup`, `make restore FILE=…`
backup:
	scripts/backup.sh $(FILE)

restore:
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/parley-….dump" >&2; exit 2; }
	scripts/restore.sh $(FILE)

## Load run: 50 analysts on the 100k-event timeline while a worker ingests (bounded; loopback only)
load: install
	BENCH_DATABASE_SERVER=$(BENCH_DATABASE_SERVER) $(PY) scripts/load_test.py $(LOAD_ARGS)

## Soak run: a feed of 200 articles over 10 minutes through gunicorn (production settings), two
## workers and beat, one worker SIGKILLed, Redis restarted (bounded; loopback only; its own
## database parley_soak and a private Redis); `make soak SOAK_ARGS="--minutes 2 --articles 40"`
.PHONY: soak
soak: install
	BENCH_DATABASE_SERVER=$(BENCH_DATABASE_SERVER) $(PY) scripts/soak_test.py $(SOAK_ARGS)
