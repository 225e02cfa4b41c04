FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
RUN useradd --create-home --uid 1000 parley
COPY pyproject.toml README.md ./
RUN pip install --upgrade pip && pip install .
COPY . .
# Production's storage writes the manifest production's {% static %} needs (see the script);
# tests/reliability/test_production_smoke.py runs this same line and serves the result.
RUN sh scripts/collect_static.sh
USER parley
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--access-logfile", "-"]
