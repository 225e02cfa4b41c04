"""Once: the timeline's ordering and search indexes, in raw SQL.

Adopted by the apps owning the tables: records 0003 (timeline_* tables) and ingestion 0007
(ingestion_article). Databases that ran this before keep what it made; those migrations create
only what is missing, so nothing is made twice and new databases get it from them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_merge_record"),
        ("ingestion", "0002_initial"),
    ]

    operations = []
