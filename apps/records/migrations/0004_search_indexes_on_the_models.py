"""Full-text GIN indexes declared on the models (SearchIndex over records.models.search_document).

Timeline 0003 made them in raw SQL, on an expression the queries had to repeat character for
character. On a database that has them, they are dropped first and built again from the models'
expression, which the queries now share (PostgreSQL; elsewhere SearchIndex does nothing).
"""

import apps.records.models
import django.contrib.postgres.search
from django.conf import settings
from django.db import migrations


OLD = ["event_search_idx", "evidence_search_idx", "statement_search_idx"]
# What timeline 0003 made, for going back.
OLD_SQL = {
    "event_search_idx": "timeline_event USING gin ((to_tsvector('english'::regconfig, title || ' ' || location) "
                        "|| to_tsvector('french'::regconfig, title || ' ' || location)))",
    "evidence_search_idx": "timeline_eventevidence USING gin ((to_tsvector('english'::regconfig, sentence) "
                           "|| to_tsvector('french'::regconfig, sentence)))",
    "statement_search_idx": "timeline_statement USING gin ((to_tsvector('english'::regconfig, text) "
                            "|| to_tsvector('french'::regconfig, text)))",
}


def drop_raw_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in OLD:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def make_raw_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in OLD_SQL.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


class Migration(migrations.Migration):

    dependencies = [
        ('ingestion', '0007_article_search_document'),
        ('records', '0003_adopt_timeline_sql'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(drop_raw_indexes, make_raw_indexes),
        migrations.AddIndex(
            model_name='event',
            index=apps.records.models.SearchIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', 'location', config='english'), '||', django.contrib.postgres.search.SearchVector('title', 'location', config='french'), django.contrib.postgres.search.SearchConfig('english')), name='event_search_idx'),
        ),
        migrations.AddIndex(
            model_name='eventevidence',
            index=apps.records.models.SearchIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('sentence', config='english'), '||', django.contrib.postgres.search.SearchVector('sentence', config='french'), django.contrib.postgres.search.SearchConfig('english')), name='evidence_search_idx'),
        ),
        migrations.AddIndex(
            model_name='statement',
            index=apps.records.models.SearchIndex(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('text', config='english'), '||', django.contrib.postgres.search.SearchVector('text', config='french'), django.contrib.postgres.search.SearchConfig('english')), name='statement_search_idx'),
        ),
    ]
