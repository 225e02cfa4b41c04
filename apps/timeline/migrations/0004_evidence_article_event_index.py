"""Evidence by article with its event, read without touching the table.

Event.visible() and the search through articles go from articles to the events they report:
an index-only scan of (article_id, event_id) replaces a scan of all evidence. Plain SQL, as in
0003, so it stays out of the model state the other migrations build.
"""

from django.db import migrations

SQL = "CREATE INDEX IF NOT EXISTS evidence_article_event_idx ON timeline_eventevidence (article_id, event_id)"


def create(apps, schema_editor):
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        schema_editor.execute(SQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        schema_editor.execute("DROP INDEX IF EXISTS evidence_article_event_idx")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0003_timeline_search_indexes")]

    operations = [migrations.RunPython(create, drop)]
