"""Cheaper triggers for the extraction's store on PostgreSQL (issue 12, extraction throughput).

- The rollups' UPDATE triggers on events and statements leave at once when no row changed a
  column they count (apps/records/rollups.py, `_nothing_changed_returns`): the extraction's touch
  of `updated_at` ran four joins of the transition tables for nothing.
- A new source of an event refreshes its `sources_irrelevant` flag (records 0003) only where the
  flag can change: a flagged event (a source that is not irrelevant unflags it), or an event a new
  irrelevant source may flag. An unflagged event that gains a source from an article that is not
  irrelevant stays unflagged, so it is locked, as before, and not recounted (the recount read
  every source of the event and its article).

Same flags and counts as before (tests/timeline/test_rollups.py, test_visibility.py); SQLite has
neither trigger.
"""

from django.db import migrations

EVIDENCE_INSERTED = r"""
CREATE OR REPLACE FUNCTION timeline_evidence_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    events bigint[] := ARRAY(SELECT DISTINCT event_id FROM new_rows);
BEGIN
    -- Locked first, as the refresh does, so the flags read next are the latest committed ones.
    PERFORM 1 FROM timeline_event WHERE id = ANY (events) ORDER BY id FOR NO KEY UPDATE;
    PERFORM timeline_refresh_sources_irrelevant(ARRAY(
        SELECT e.id FROM timeline_event e
        WHERE e.id = ANY (events)
          AND (e.sources_irrelevant OR EXISTS (
                SELECT 1 FROM new_rows n JOIN ingestion_article a ON a.id = n.article_id
                WHERE n.event_id = e.id AND a.status = 'irrelevant'))
    ));
    RETURN NULL;
END;
$$;
"""

EVIDENCE_INSERTED_BEFORE = r"""
CREATE OR REPLACE FUNCTION timeline_evidence_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM timeline_refresh_sources_irrelevant(ARRAY(SELECT DISTINCT event_id FROM new_rows));
    RETURN NULL;
END;
$$;
"""


def install(apps, schema_editor):
    from apps.records import rollups

    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(rollups.install_sql())  # CREATE OR REPLACE: the functions as rollups.py has them now
    schema_editor.execute(EVIDENCE_INSERTED)


def uninstall(apps, schema_editor):
    # The rollups' early exit changes no count: the functions stay as rollups.py writes them.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(EVIDENCE_INSERTED_BEFORE)


class Migration(migrations.Migration):

    dependencies = [
        ('records', '0009_tombstone_irrelevant_reason'),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
