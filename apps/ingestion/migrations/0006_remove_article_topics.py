"""Article.topics leaves ingestion's model state: records.ArticleTopic owns the relation now.

State only: the table ingestion_article_topics stays, with its rows, and records 0001 adopts it.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('ingestion', '0005_article_corrections'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='article',
                    name='topics',
                ),
            ],
            database_operations=[],
        ),
    ]
