"""Drop the indexes another index already leads with; index dedup_key for equality only.

Each foreign key had its own index beside a composite one that starts with the same column
(mention_unique_span, mention_actor_idx, participant_unique, participant_actor_idx,
evidence_unique_span, statement_unique_span, statement_speaker_idx), and evidence_article_idx
duplicated evidence_article_event_idx (0004). Reads use the composite ones; every index left is
one more write for each of the ~40 rows the worker stores per article. dedup_key is compared with
"=" only, so it no longer needs PostgreSQL's second, LIKE-ready index.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ingestion', '0003_article_claim_token'),
        ('timeline', '0007_article_search_document'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='eventevidence',
            name='evidence_article_idx',
        ),
        migrations.AlterField(
            model_name='event',
            name='dedup_key',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name='eventevidence',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='event_evidence', to='ingestion.article'),
        ),
        migrations.AlterField(
            model_name='eventevidence',
            name='event',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='timeline.event'),
        ),
        migrations.AlterField(
            model_name='eventparticipant',
            name='actor',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='timeline.actor'),
        ),
        migrations.AlterField(
            model_name='eventparticipant',
            name='event',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='participants', to='timeline.event'),
        ),
        migrations.AlterField(
            model_name='mention',
            name='actor',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='timeline.actor'),
        ),
        migrations.AlterField(
            model_name='mention',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='ingestion.article'),
        ),
        migrations.AlterField(
            model_name='statement',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='statements', to='ingestion.article'),
        ),
        migrations.AlterField(
            model_name='statement',
            name='speaker',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='statements', to='timeline.actor'),
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(fields=['dedup_key'], name='event_dedup_key_idx'),
        ),
    ]
