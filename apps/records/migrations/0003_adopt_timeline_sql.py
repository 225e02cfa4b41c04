"""The records' own raw SQL, adopted from timeline 0003, 0004 and 0006, which made it once.

Idempotent (IF NOT EXISTS, OR REPLACE, triggers dropped and made again), so a database that ran
those migrations keeps its objects and a new one gets them here, once each. Undoing it leaves
them: before this step timeline's migrations owned them.

Indexes outside Django's model state (apps/timeline/queries.py reads them):
- Keyset order: COALESCE(date, '0001-01-01') DESC, id DESC, so undated events come last and a
  deep page starts its index scan at the cursor (event_page, statement_page).
- (Timeline 0003's full-text GIN indexes are not made here: records 0004 replaces them with
  indexes declared on the models.)
- Evidence by article with its event (article_id, event_id): Event.visible() and the search
  through articles go from articles to the events they report, index-only.

PostgreSQL: a flag on each event, kept by triggers, saying every article reporting it is
irrelevant (Event.objects.visible() reads it; visible_by_evidence() is the rule it caches, and
tests/timeline/test_visibility.py checks they agree).

Event.visible() hides the machine's events that only irrelevant articles report. As a NOT EXISTS
over evidence and articles it costs ~10 µs per candidate row: 40 ms when a search ranks 3,800
matches, and ~100 ms as the hashed set the chart and counts read at 100k events
(docs/benchmarks.md). With the answer stored on the row it is a column test.

Triggers, not the services, keep it right, so every write path is covered: the extraction's bulk
inserts, merges that move evidence, an article marked irrelevant or sent back to extraction,
COPY and raw SQL. The column stays out of Django's model state on purpose: Event.save() would
otherwise write back a stale value read before a trigger changed it.

Each refresh locks the events it recomputes (ids in order) and reads in a fresh snapshot, so two
transactions adding evidence to one event, or one marking an article irrelevant while another
adds evidence, end with the flag the committed rows imply. On SQLite nothing is made, and
visible() keeps its NOT EXISTS.
"""

from django.db import migrations


POSTGRES = [
    ("event_timeline_order_idx", "timeline_event", "((COALESCE(date, '0001-01-01'::date)) DESC, id DESC)"),
    ("statement_timeline_order_idx", "timeline_statement", "((COALESCE(said_on, '0001-01-01'::date)) DESC, id DESC)"),
    ("evidence_article_event_idx", "timeline_eventevidence", "(article_id, event_id)"),
]
SQLITE = [
    ("event_timeline_order_idx", "timeline_event", "(COALESCE(date, '0001-01-01') DESC, id DESC)"),
    ("statement_timeline_order_idx", "timeline_statement", "(COALESCE(said_on, '0001-01-01') DESC, id DESC)"),
    ("evidence_article_event_idx", "timeline_eventevidence", "(article_id, event_id)"),
]

SOURCES_IRRELEVANT = r"""
ALTER TABLE timeline_event ADD COLUMN IF NOT EXISTS sources_irrelevant boolean NOT NULL DEFAULT false;

CREATE OR REPLACE FUNCTION timeline_refresh_sources_irrelevant(event_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF event_ids IS NULL OR cardinality(event_ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM timeline_event WHERE id = ANY (event_ids) ORDER BY id FOR NO KEY UPDATE;
    UPDATE timeline_event AS e
    SET sources_irrelevant = s.flag
    FROM (
        SELECT ev.id,
               EXISTS (SELECT 1 FROM timeline_eventevidence x JOIN ingestion_article a ON a.id = x.article_id
                       WHERE x.event_id = ev.id AND a.status = 'irrelevant')
               AND NOT EXISTS (SELECT 1 FROM timeline_eventevidence x JOIN ingestion_article a ON a.id = x.article_id
                               WHERE x.event_id = ev.id AND a.status <> 'irrelevant') AS flag
        FROM timeline_event ev
        WHERE ev.id = ANY (event_ids)
    ) AS s
    WHERE e.id = s.id AND e.sources_irrelevant IS DISTINCT FROM s.flag;
END;
$$;

CREATE OR REPLACE FUNCTION timeline_evidence_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM timeline_refresh_sources_irrelevant(ARRAY(SELECT DISTINCT event_id FROM new_rows));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION timeline_evidence_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM timeline_refresh_sources_irrelevant(ARRAY(SELECT DISTINCT event_id FROM old_rows));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION timeline_evidence_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM timeline_refresh_sources_irrelevant(ARRAY(
        SELECT event_id FROM old_rows UNION SELECT event_id FROM new_rows
    ));
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION timeline_article_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM timeline_refresh_sources_irrelevant(ARRAY(
        SELECT DISTINCT event_id FROM timeline_eventevidence WHERE article_id = NEW.id
    ));
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS evidence_sources_irrelevant_ins ON timeline_eventevidence;
CREATE TRIGGER evidence_sources_irrelevant_ins AFTER INSERT ON timeline_eventevidence
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_evidence_inserted();
DROP TRIGGER IF EXISTS evidence_sources_irrelevant_del ON timeline_eventevidence;
CREATE TRIGGER evidence_sources_irrelevant_del AFTER DELETE ON timeline_eventevidence
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_evidence_deleted();
DROP TRIGGER IF EXISTS evidence_sources_irrelevant_upd ON timeline_eventevidence;
CREATE TRIGGER evidence_sources_irrelevant_upd AFTER UPDATE ON timeline_eventevidence
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_evidence_updated();
DROP TRIGGER IF EXISTS article_sources_irrelevant ON ingestion_article;
CREATE TRIGGER article_sources_irrelevant AFTER UPDATE OF status ON ingestion_article
    FOR EACH ROW WHEN ((OLD.status = 'irrelevant') IS DISTINCT FROM (NEW.status = 'irrelevant'))
    EXECUTE FUNCTION timeline_article_status_changed();

-- The rows already there: only events with at least one irrelevant source can be flagged.
UPDATE timeline_event AS e SET sources_irrelevant = true
WHERE e.id IN (
    SELECT x.event_id FROM timeline_eventevidence x JOIN ingestion_article a ON a.id = x.article_id
    WHERE a.status = 'irrelevant'
)
AND NOT EXISTS (
    SELECT 1 FROM timeline_eventevidence x JOIN ingestion_article a ON a.id = x.article_id
    WHERE x.event_id = e.id AND a.status <> 'irrelevant'
);
"""


def _has_column(schema_editor, table: str, column: str) -> bool:
    with schema_editor.connection.cursor() as cursor:
        return any(c.name == column for c in schema_editor.connection.introspection.get_table_description(cursor, table))


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    indexes = {"postgresql": POSTGRES, "sqlite": SQLITE}.get(vendor, [])
    for name, table, definition in indexes:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {definition}")
    # A database that ran timeline 0006 has the flag and its triggers: leave them (no backfill).
    if vendor == "postgresql" and not _has_column(schema_editor, "timeline_event", "sources_irrelevant"):
        # Without parameters, so psycopg sends the statements (and their $$ bodies) as one script.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(SOURCES_IRRELEVANT)


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0002_content_types_from_timeline"),
        ("ingestion", "0007_article_search_document"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
