"""Once: the articles' stored search document; adopted by ingestion 0007 (see 0003).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0006_event_sources_irrelevant"),
        ("ingestion", "0003_article_claim_token"),
    ]

    operations = []
