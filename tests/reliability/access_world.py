"""One row of every model the admin shows, so every object URL of the project resolves (plain functions)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group

from apps.ingestion.models import ArticleCorrection
from apps.records import services
from apps.records.models import EventEvidence, ExtractionRun, Mention, Tombstone
from tests.factories import make_actor, make_article, make_event, make_source, make_statement, make_topic


@dataclass
class World:
    rows: dict  # "app_label/model" -> a row of that model
    history_ids: dict  # "app_label/model" -> a simple_history record id of that row

    def pk(self, model: str) -> int:
        return self.rows[model].pk


def build_world(*, by) -> World:
    """Rows for every registered model; `by` is the user recorded on the merge."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    source = make_source("Wire", feed_url="")
    text = "Steve Witkoff met Vladimir Putin in Moscow. “We are ready to talk,” Putin said. The end."
    article = make_article(title="Witkoff in Moscow", text=text, source=source)
    putin = make_actor("Vladimir Putin", aliases=["Poutine"])
    witkoff = make_actor("Steve Witkoff")
    topic = make_topic("ceasefire", "Ceasefire", "Cessez-le-feu")
    event = make_event(
        "Witkoff meets Putin", actors=[putin, witkoff], topics=[topic],
        evidence=[(article, "Steve Witkoff met Vladimir Putin in Moscow.")],
    )
    make_event("Putin receives Witkoff", actors=[putin], evidence=[(article, "The end.")])
    statement = make_statement("We are ready to talk,", speaker=putin, article=article, event=event)
    mention = Mention.objects.create(article=article, actor=putin, start=18, end=32, text="Vladimir Putin")
    # A merge record, made the way editors make them.
    keep, merged = make_actor("Emmanuel Macron"), make_actor("E. Macron")
    record = services.merge_actors(keep=keep, merge=merged, user=by)
    attempt_fields = {"user_agent": "test", "ip_address": "127.0.0.1", "username": "mallory",
                      "http_accept": "*/*", "path_info": "/admin/login/"}
    from apps.api.models import ApiToken

    rows = {
        "api/apitoken": ApiToken.issue(user=by, name="editor's script")[0],
        "auth/group": Group.objects.get(name="Editors"),
        "axes/accessattempt": AccessAttempt.objects.create(get_data="", post_data="", failures_since_start=1,
                                                           **attempt_fields),
        "axes/accesslog": AccessLog.objects.create(**attempt_fields),
        "axes/accessfailurelog": AccessFailureLog.objects.create(**attempt_fields),
        "accounts/user": by,
        "ingestion/source": source,
        "ingestion/article": article,
        # As correct_article writes it, without the re-extraction it would queue.
        "ingestion/articlecorrection": ArticleCorrection.objects.create(
            article=article, corrected_by=by, reason="Published a day earlier",
            changes={"published_at": {"old": "2025-09-04T09:00:00+00:00", "new": "2025-09-03T09:00:00+00:00"}},
        ),
        "records/actor": putin,
        "records/alias": putin.aliases.get(name="Poutine"),
        "records/topic": topic,
        "records/event": event,
        "records/statement": statement,
        "records/mention": mention,
        "records/eventparticipant": event.participants.get(actor=putin),
        "records/eventevidence": EventEvidence.objects.get(event=event),
        "records/mergerecord": record,
        # The merge left the merged actor's entry for /api/v1/deleted.
        "records/tombstone": Tombstone.objects.get(kind=Tombstone.Kind.ACTOR, object_id=merged.pk),
        # Extracting the world's article timed its run.
        "records/extractionrun": ExtractionRun.objects.first() or ExtractionRun.record(
            articles=1, characters=1200, seconds=0.4, extractor_version="access-matrix"),
    }
    history_ids = {}
    for model, row in rows.items():
        if hasattr(type(row), "history"):
            history = row.history.order_by("-history_id").first()
            if history is None:  # bulk-created rows have none until someone saves them
                row.save()
                history = row.history.order_by("-history_id").first()
            history_ids[model] = history.history_id
    return World(rows=rows, history_ids=history_ids)
