"""Once: the events' sources_irrelevant flag and its triggers; adopted by records 0003 (see 0003).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0005_topic_rule_help"),
        ("ingestion", "0002_initial"),
    ]

    operations = []
