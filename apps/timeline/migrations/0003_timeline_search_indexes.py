"""Indexes the dashboard's queries need (apps/timeline/queries.py), outside Django's model state.

- Keyset order: COALESCE(date, '0001-01-01') DESC, id DESC, so undated events come last and a
  deep page starts its index scan at the cursor (event_page, statement_page).
- Full-text search, PostgreSQL only: GIN indexes on English + French tsvectors. The expressions
  must stay textually identical to queries.SearchDocument or PostgreSQL will not use them.

On SQLite only the ordering indexes are made; search there is a plain icontains.
"""

from django.db import migrations


def doc(*columns: str) -> str:
    text = " || ' ' || ".join(columns)
    return f"(to_tsvector('english'::regconfig, {text}) || to_tsvector('french'::regconfig, {text}))"


POSTGRES = [
    ("event_timeline_order_idx", "timeline_event", "((COALESCE(date, '0001-01-01'::date)) DESC, id DESC)"),
    ("statement_timeline_order_idx", "timeline_statement", "((COALESCE(said_on, '0001-01-01'::date)) DESC, id DESC)"),
    ("event_search_idx", "timeline_event", f"USING gin ({doc('title', 'location')})"),
    ("evidence_search_idx", "timeline_eventevidence", f"USING gin ({doc('sentence')})"),
    ("statement_search_idx", "timeline_statement", f"USING gin ({doc('text')})"),
    ("article_search_idx", "ingestion_article", f"USING gin ({doc('title', 'text')})"),
]
SQLITE = [
    ("event_timeline_order_idx", "timeline_event", "(COALESCE(date, '0001-01-01') DESC, id DESC)"),
    ("statement_timeline_order_idx", "timeline_statement", "(COALESCE(said_on, '0001-01-01') DESC, id DESC)"),
]


def _indexes(connection):
    if connection.vendor == "postgresql":
        return POSTGRES
    if connection.vendor == "sqlite":
        return SQLITE
    return []


def create(apps, schema_editor):
    for name, table, definition in _indexes(schema_editor.connection):
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {definition}")


def drop(apps, schema_editor):
    for name, _table, _definition in _indexes(schema_editor.connection):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_merge_record"),
        ("ingestion", "0002_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
