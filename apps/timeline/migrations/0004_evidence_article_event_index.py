"""Once: evidence_article_event_idx in raw SQL; adopted by records 0003 (see 0003).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("timeline", "0003_timeline_search_indexes")]

    operations = []
