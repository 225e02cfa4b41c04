"""Rollups for the activity chart and the actor pages, kept by PostgreSQL triggers (issue 14).

The SQL lives in apps/records/rollups.py (one home for the triggers and `rebuild_rollups`);
this migration installs the triggers and fills the tables from the rows already there. On
SQLite only the tables are made, and stay empty: pages count live there.
"""

import django.db.models.deletion
from django.db import migrations, models


def install(apps, schema_editor):
    from apps.records import rollups

    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(rollups.install_sql())
    rollups.rebuild(schema_editor.connection)


def uninstall(apps, schema_editor):
    from apps.records import rollups

    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(rollups.uninstall_sql())


def forget_content_types(apps, schema_editor):
    """Unapplied, the rollups leave no content type behind (records' own go back to timeline, 0002)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="records", model__in=[
        "eventdaycount", "eventtopicdaycount", "statementdaycount", "actoreventcount",
        "actorstatementmonthcount", "coparticipantcount",
    ]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('records', '0007_extraction_runs_and_event_titles'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        # First, so that it runs last when the migration is unapplied.
        migrations.RunPython(migrations.RunPython.noop, forget_content_types),
        migrations.CreateModel(
            name='ActorEventCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('actor_id', models.BigIntegerField(unique=True)),
                ('n', models.IntegerField(default=0)),
            ],
            options={
                'db_table': 'rollup_actor_events',
            },
        ),
        migrations.CreateModel(
            name='StatementDayCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(unique=True)),
                ('n', models.IntegerField(default=0)),
            ],
            options={
                'db_table': 'rollup_statement_day',
            },
        ),
        migrations.CreateModel(
            name='ActorStatementMonthCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('speaker_id', models.BigIntegerField()),
                ('month', models.DateField()),
                ('n', models.IntegerField(default=0)),
            ],
            options={
                'db_table': 'rollup_actor_statement_month',
                'constraints': [models.UniqueConstraint(fields=('speaker_id', 'month'), name='rollup_actor_statement_month_key')],
            },
        ),
        migrations.CreateModel(
            name='EventDayCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('kind', models.CharField(max_length=20)),
                ('n', models.IntegerField(default=0)),
            ],
            options={
                'db_table': 'rollup_event_day',
                'constraints': [models.UniqueConstraint(fields=('day', 'kind'), name='rollup_event_day_key')],
            },
        ),
        migrations.CreateModel(
            name='EventTopicDayCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('topic_id', models.BigIntegerField()),
                ('n', models.IntegerField(default=0)),
            ],
            options={
                'db_table': 'rollup_event_topic_day',
                'constraints': [models.UniqueConstraint(fields=('day', 'topic_id'), name='rollup_event_topic_day_key')],
            },
        ),
        migrations.CreateModel(
            name='CoParticipantCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('actor_id', models.BigIntegerField()),
                ('n', models.IntegerField(default=0)),
                ('other', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='records.actor')),
            ],
            options={
                'db_table': 'rollup_co_participants',
                'constraints': [models.UniqueConstraint(fields=('actor_id', 'other'), name='rollup_co_participants_key')],
                'indexes': [models.Index(fields=['actor_id', '-n'], name='rollup_co_participants_top')],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
