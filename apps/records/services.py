"""Editors' corrections: each write that touches several rows, atomic, and locked against re-extraction.

Re-extraction (apps.extraction.services) only replaces rows that are still UNREVIEWED, so every
correction here leaves what it touched VERIFIED, REJECTED or LOCKED, stamped with who and when.
Each function opens `transaction.atomic()` without `durable=True` because the admin calls some of
them from inside its own change-form transaction; side effects are queued with `on_commit`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from apps.ingestion import services as ingestion_services
from apps.ingestion.dedup import simhash
from apps.ingestion.models import Article, ArticleCorrection, content_hash
from apps.records import reasons
from apps.records.models import (
    Actor,
    Alias,
    Event,
    EventEvidence,
    EventParticipant,
    MergeRecord,
    Mention,
    Reviewable,
    ReviewState,
    Statement,
    normalize_name,
)


class CorrectionError(ValueError):
    """The correction cannot be made; the message says why, in words an editor can act on."""


# --- Review state -------------------------------------------------------------------------------


def _stamp(obj: models.Model, *, state: str, user, now) -> list[str]:
    """Set the review state (and who/when on Reviewable rows); return the fields to save."""
    obj.review_state = state
    if isinstance(obj, Reviewable):
        obj.reviewed_by = user
        obj.reviewed_at = now
        return ["review_state", "reviewed_by", "reviewed_at", "updated_at"]
    return ["review_state"]


def _short(reason: str) -> str:
    # simple-history keeps change reasons in a 100-character column.
    return reason if len(reason) <= reasons.LIMIT else reason[: reasons.LIMIT - 1] + "…"


def _save_with_reason(obj: models.Model, fields: list[str], reason: str) -> None:
    # simple-history reads _change_reason when it writes the history row of this save.
    obj._change_reason = _short(reason)
    obj.save(update_fields=fields)


def ensure_baseline_history(obj: models.Model) -> None:
    """Record the row as the machine made it, before an editor's first change.

    The extractor stores rows with bulk_create, which writes no history: without this, the
    history would hold only the corrected values and nobody (nor the extractor's training of
    speaker fixes) could see what the machine had said.
    """
    history = getattr(type(obj), "history", None)
    if history is None or obj.pk is None or history.filter(**{type(obj)._meta.pk.attname: obj.pk}).exists():
        return
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    if stored is not None:
        history.bulk_history_create([stored], default_change_reason=reasons.AS_EXTRACTED)


def ensure_baseline_histories(model, rows: list[models.Model]) -> None:
    """ensure_baseline_history for many rows of one model, in two queries; pass them unmodified."""
    if not rows:
        return
    seen = set(model.history.filter(id__in=[r.pk for r in rows]).values_list("id", flat=True))
    model.history.bulk_history_create([r for r in rows if r.pk not in seen], default_change_reason=reasons.AS_EXTRACTED)


def _repoint(model, rows: models.QuerySet, field: str, target: models.Model, *, user, reason: str) -> list[int]:
    """Point every row of a merged record's relation at the record kept, each change in the history."""
    rows = list(rows)
    ensure_baseline_histories(model, rows)
    for row in rows:
        setattr(row, field, target)
    _bulk_update(rows, model, [field], user=user, reason=reason)
    return [row.pk for row in rows]


def _bulk_update(rows: list, model, fields: list[str], *, user, reason: str) -> None:
    """bulk_update_with_history, moving updated_at too where the model has one.

    A bulk update skips auto_now: a statement moved to the kept event or speaker kept its old
    updated_at, and an API client syncing with `updated_since` kept the id of the row merged away.
    """
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        now = timezone.now()
        for row in rows:
            row.updated_at = now
        fields = [*fields, "updated_at"]
    bulk_update_with_history(rows, model, fields, default_user=user, default_change_reason=reason)


def set_review_state(*, objects: Iterable[models.Model], state: str, user) -> int:
    """Verify, reject or lock rows one by one, so each change has its own history entry."""
    if state not in ReviewState.values:
        raise CorrectionError(f"{state!r} is not a review state")
    now = timezone.now()
    reason = reasons.marked(state)
    count = 0
    with transaction.atomic():
        for obj in objects:
            ensure_baseline_history(obj)
            fields = _stamp(obj, state=state, user=user, now=now)
            _save_with_reason(obj, fields, reason)
            count += 1
    return count


def record_review(*, obj: Reviewable, state: str, user, reason: str) -> None:
    """Stamp a row an editor is about to save: its state, who and when, and the history's reason.

    Call before obj.save(): the save (the admin's own, usually) then writes the history entry.
    """
    if obj.pk is not None:
        ensure_baseline_history(obj)
    _stamp(obj, state=state, user=user, now=timezone.now())
    obj._change_reason = _short(reason)


def lock_correction(*, obj: Reviewable, user, reason: str = reasons.CORRECTED) -> None:
    """Mark a row an editor just edited as LOCKED, so the machine never overwrites the fix."""
    record_review(obj=obj, state=ReviewState.LOCKED, user=user, reason=reason)


# --- Actors -------------------------------------------------------------------------------------


def _review_snapshot(obj: Reviewable) -> dict:
    return {
        "review_state": obj.review_state,
        "reviewed_by": obj.reviewed_by_id,
        "reviewed_at": obj.reviewed_at.isoformat() if obj.reviewed_at else None,
    }


def _restore_review(obj: Reviewable, snapshot: dict) -> list[str]:
    obj.review_state = snapshot["review_state"]
    obj.reviewed_by_id = snapshot["reviewed_by"]
    obj.reviewed_at = (
        dt.datetime.fromisoformat(snapshot["reviewed_at"]) if snapshot["reviewed_at"] else None
    )
    return ["review_state", "reviewed_by", "reviewed_at", "updated_at"]


def _locked_pair(model, keep_pk: int, merge_pk: int):
    if keep_pk == merge_pk:
        raise CorrectionError("pick two different rows to merge")
    # Lock both rows in a fixed order, so two editors merging the same pair cannot deadlock.
    rows = {row.pk: row for row in model.objects.select_for_update().filter(pk__in=[keep_pk, merge_pk]).order_by("pk")}
    if len(rows) != 2:
        raise CorrectionError("one of the rows to merge no longer exists")
    keep, merge = rows[keep_pk], rows[merge_pk]
    for row in (keep, merge):
        if row.merged_into_id:
            raise CorrectionError(f"“{row}” was already merged into another; undo that merge first")
    return keep, merge


# Fields copied to the kept actor when it has none, so the merge loses nothing.
ACTOR_FILLED_FIELDS = ["country", "role", "description", "wikidata_id"]


def merge_actors(*, keep: Actor, merge: Actor, user) -> MergeRecord:
    """Merge `merge` into `keep`: mentions, statements, participations and aliases move to `keep`."""
    with transaction.atomic():
        keep, merge = _locked_pair(Actor, keep.pk, merge.pk)
        reason = reasons.written(reasons.MERGED, merged=merge.name, kept=keep.name)
        record = MergeRecord.objects.create(kind=MergeRecord.Kind.ACTOR, kept_actor=keep, merged_actor=merge, performed_by=user)
        moved: dict = {"keep_before": _review_snapshot(keep), "merge_before": _review_snapshot(merge)}

        mention_ids = list(Mention.objects.filter(actor=merge).values_list("pk", flat=True))
        Mention.objects.filter(pk__in=mention_ids).update(actor=keep)
        moved["mentions"] = mention_ids

        moved["statements"] = _repoint(Statement, Statement.objects.filter(speaker=merge), "speaker", keep,
                                       user=user, reason=reason)

        # One participation per actor and event: where both took part, keep's row stays and
        # merge's is deleted, with a copy in the record so undo can bring it back.
        keep_events = set(EventParticipant.objects.filter(actor=keep).values_list("event_id", flat=True))
        movable, dropped = [], []
        participations = list(EventParticipant.objects.filter(actor=merge))
        ensure_baseline_histories(EventParticipant, participations)
        for participation in participations:
            if participation.event_id in keep_events:
                dropped.append({"event": participation.event_id, "role": participation.role,
                                "review_state": participation.review_state})
                participation._change_reason = reason
                participation.delete()
            else:
                participation.actor = keep
                movable.append(participation)
        bulk_update_with_history(movable, EventParticipant, ["actor"], default_user=user, default_change_reason=reason)
        moved["participations"] = [p.pk for p in movable]
        moved["dropped_participations"] = dropped

        moved["aliases"] = _repoint(Alias, Alias.objects.filter(actor=merge), "actor", keep, user=user, reason=reason)
        # merge's own name must keep finding keep in the next extraction.
        moved["created_alias"] = None
        if not Alias.objects.filter(normalized=normalize_name(merge.name)).exists():
            alias = Alias(actor=keep, name=merge.name, origin=Alias.Origin.EDITOR)
            alias._change_reason = reason
            alias.save()
            moved["created_alias"] = alias.pk

        chained = list(Actor.objects.filter(merged_into=merge))
        for actor in chained:
            actor.merged_into = keep
        bulk_update_with_history(chained, Actor, ["merged_into"], default_user=user, default_change_reason=reason)
        moved["chained"] = [a.pk for a in chained]

        filled = {}
        for field in ACTOR_FILLED_FIELDS:
            if getattr(merge, field) and not getattr(keep, field):
                filled[field] = getattr(merge, field)
                setattr(keep, field, filled[field])
        moved["filled"] = filled
        now = timezone.now()
        merge.merged_into = keep
        merge_fields = ["merged_into", *_stamp(merge, state=ReviewState.LOCKED, user=user, now=now)]
        if "wikidata_id" in filled:
            merge.wikidata_id = ""  # unique: it moves to keep
            merge_fields.append("wikidata_id")
        _save_with_reason(merge, merge_fields, reason)
        keep_fields = [*filled, *_stamp(keep, state=ReviewState.LOCKED, user=user, now=now)]
        _save_with_reason(keep, keep_fields, reason)

        record.moved = moved
        record.save(update_fields=["moved"])
    return record


def _undo_actor_merge(record: MergeRecord, user, reason: str) -> None:
    moved = record.moved
    keep = Actor.objects.select_for_update().get(pk=record.kept_actor_id)
    merge = Actor.objects.select_for_update().get(pk=record.merged_actor_id)
    # Rows an editor changed again since the merge point elsewhere now: leave them there.
    Mention.objects.filter(pk__in=moved["mentions"], actor=keep).update(actor=merge)

    statements = list(Statement.objects.filter(pk__in=moved["statements"], speaker=keep))
    for statement in statements:
        statement.speaker = merge
    _bulk_update(statements, Statement, ["speaker"], user=user, reason=reason)

    taken = set(EventParticipant.objects.filter(actor=merge).values_list("event_id", flat=True))
    participations = [
        p for p in EventParticipant.objects.filter(pk__in=moved["participations"], actor=keep) if p.event_id not in taken
    ]
    for participation in participations:
        participation.actor = merge
    bulk_update_with_history(participations, EventParticipant, ["actor"], default_user=user, default_change_reason=reason)
    existing_events = set(Event.objects.filter(pk__in=[d["event"] for d in moved["dropped_participations"]]).values_list("pk", flat=True))
    for dropped in moved["dropped_participations"]:
        if dropped["event"] in existing_events and dropped["event"] not in taken:
            restored = EventParticipant(event_id=dropped["event"], actor=merge, role=dropped["role"],
                                        review_state=dropped["review_state"])
            restored._change_reason = reason
            restored.save()

    aliases = list(Alias.objects.filter(pk__in=moved["aliases"], actor=keep))
    for alias in aliases:
        alias.actor = merge
    bulk_update_with_history(aliases, Alias, ["actor"], default_user=user, default_change_reason=reason)
    if moved.get("created_alias"):
        for alias in Alias.objects.filter(pk=moved["created_alias"], actor=keep):
            alias._change_reason = reason
            alias.delete()

    chained = list(Actor.objects.filter(pk__in=moved["chained"], merged_into=keep))
    for actor in chained:
        actor.merged_into = merge
    bulk_update_with_history(chained, Actor, ["merged_into"], default_user=user, default_change_reason=reason)

    keep_fields = _restore_review(keep, moved["keep_before"])
    for field, value in moved["filled"].items():
        if getattr(keep, field) == value:
            setattr(keep, field, "")
            keep_fields.append(field)
    _save_with_reason(keep, keep_fields, reason)  # first: wikidata_id is unique
    merge.merged_into = None
    merge_fields = ["merged_into", *_restore_review(merge, moved["merge_before"])]
    if "wikidata_id" in moved["filled"] and not merge.wikidata_id:
        merge.wikidata_id = moved["filled"]["wikidata_id"]
        merge_fields.append("wikidata_id")
    _save_with_reason(merge, merge_fields, reason)


def undo_merge(*, record: MergeRecord, user) -> MergeRecord:
    """Move back everything a merge moved, as far as editors have not changed it since."""
    with transaction.atomic():
        record = MergeRecord.objects.select_for_update().get(pk=record.pk)
        if record.is_undone:
            raise CorrectionError(f"the merge “{record}” was already undone")
        reason = reasons.written(reasons.UNDID_MERGE, number=record.pk, merge=record)
        kept = record.kept_actor if record.kind == MergeRecord.Kind.ACTOR else record.kept_event
        if kept.merged_into_id:
            # Its rows moved on with it: undo the later merge first, or they would stay behind.
            raise CorrectionError(f"“{kept}” was merged again since; undo that merge first")
        if record.kind == MergeRecord.Kind.ACTOR:
            _undo_actor_merge(record, user, reason)
        else:
            _undo_event_merge(record, user, reason)
        record.undone_at = timezone.now()
        record.undone_by = user
        record.save(update_fields=["undone_at", "undone_by"])
    return record


def split_alias(*, alias: Alias, user, kind: str | None = None) -> Actor:
    """Make an alias its own actor, taking with it the mentions written that way."""
    with transaction.atomic():
        alias = Alias.objects.select_for_update().select_related("actor").get(pk=alias.pk)
        old = alias.actor
        if normalize_name(old.name) == alias.normalized:
            raise CorrectionError(f"“{alias.name}” is the actor's own name; rename the actor instead")
        now = timezone.now()
        reason = reasons.written(reasons.SPLIT, alias=alias.name, actor=old.name)
        new = Actor(name=alias.name, kind=kind or old.kind, country=old.country)
        _stamp(new, state=ReviewState.LOCKED, user=user, now=now)
        new._change_reason = reason
        new.save()
        ensure_baseline_history(alias)
        alias.actor = new
        _save_with_reason(alias, ["actor"], reason)
        mention_ids = [
            pk for pk, text in Mention.objects.filter(actor=old).values_list("pk", "text")
            if normalize_name(text) == alias.normalized
        ]
        Mention.objects.filter(pk__in=mention_ids).update(actor=new)
        _save_with_reason(old, _stamp(old, state=ReviewState.LOCKED, user=user, now=now), reason)
    return new


# --- Events -------------------------------------------------------------------------------------


def merge_events(*, keep: Event, merge: Event, user) -> MergeRecord:
    """Merge a duplicate event into `keep`: evidence, statements, participants and topics move."""
    with transaction.atomic():
        keep, merge = _locked_pair(Event, keep.pk, merge.pk)
        reason = reasons.written(reasons.MERGED, merged=merge.title, kept=keep.title)
        record = MergeRecord.objects.create(kind=MergeRecord.Kind.EVENT, kept_event=keep, merged_event=merge, performed_by=user)
        moved: dict = {"keep_before": _review_snapshot(keep), "merge_before": _review_snapshot(merge)}

        kept_spans = set(EventEvidence.objects.filter(event=keep).values_list("article_id", "start"))
        movable, dropped = [], []
        for evidence in EventEvidence.objects.filter(event=merge):
            if (evidence.article_id, evidence.start) in kept_spans:
                dropped.append({"article": evidence.article_id, "sentence": evidence.sentence, "start": evidence.start,
                                "end": evidence.end, "extractor_version": evidence.extractor_version,
                                "confidence": evidence.confidence})
            else:
                movable.append(evidence.pk)
        EventEvidence.objects.filter(event=merge).exclude(pk__in=movable).delete()
        EventEvidence.objects.filter(pk__in=movable).update(event=keep)
        moved["evidence"], moved["dropped_evidence"] = movable, dropped

        moved["statements"] = _repoint(Statement, Statement.objects.filter(event=merge), "event", keep,
                                       user=user, reason=reason)

        kept_actors = set(EventParticipant.objects.filter(event=keep).values_list("actor_id", flat=True))
        participants, dropped_participants = [], []
        merge_participants = list(EventParticipant.objects.filter(event=merge))
        ensure_baseline_histories(EventParticipant, merge_participants)
        for participant in merge_participants:
            if participant.actor_id in kept_actors:
                dropped_participants.append({"actor": participant.actor_id, "role": participant.role,
                                             "review_state": participant.review_state})
                participant._change_reason = reason
                participant.delete()
            else:
                participant.event = keep
                participants.append(participant)
        bulk_update_with_history(participants, EventParticipant, ["event"], default_user=user, default_change_reason=reason)
        moved["participants"] = [p.pk for p in participants]
        moved["dropped_participants"] = dropped_participants

        added_topics = list(merge.topics.exclude(pk__in=keep.topics.values("pk")).values_list("pk", flat=True))
        keep.topics.add(*added_topics)
        moved["topics"] = added_topics

        chained = list(Event.objects.filter(merged_into=merge))
        for event in chained:
            event.merged_into = keep
        bulk_update_with_history(chained, Event, ["merged_into"], default_user=user, default_change_reason=reason)
        moved["chained"] = [e.pk for e in chained]

        now = timezone.now()
        merge.merged_into = keep
        _save_with_reason(merge, ["merged_into", *_stamp(merge, state=ReviewState.LOCKED, user=user, now=now)], reason)
        _save_with_reason(keep, _stamp(keep, state=ReviewState.LOCKED, user=user, now=now), reason)
        record.moved = moved
        record.save(update_fields=["moved"])
    return record


def _undo_event_merge(record: MergeRecord, user, reason: str) -> None:
    moved = record.moved
    keep = Event.objects.select_for_update().get(pk=record.kept_event_id)
    merge = Event.objects.select_for_update().get(pk=record.merged_event_id)
    EventEvidence.objects.filter(pk__in=moved["evidence"], event=keep).update(event=merge)
    existing_articles = set(
        Article.objects.filter(pk__in=[d["article"] for d in moved["dropped_evidence"]]).values_list("pk", flat=True)
    )
    EventEvidence.objects.bulk_create(
        [EventEvidence(event=merge, article_id=d["article"], sentence=d["sentence"], start=d["start"], end=d["end"],
                       extractor_version=d["extractor_version"], confidence=d["confidence"])
         for d in moved["dropped_evidence"] if d["article"] in existing_articles],
        ignore_conflicts=True,
    )
    statements = list(Statement.objects.filter(pk__in=moved["statements"], event=keep))
    for statement in statements:
        statement.event = merge
    _bulk_update(statements, Statement, ["event"], user=user, reason=reason)

    taken = set(EventParticipant.objects.filter(event=merge).values_list("actor_id", flat=True))
    participants = [
        p for p in EventParticipant.objects.filter(pk__in=moved["participants"], event=keep) if p.actor_id not in taken
    ]
    for participant in participants:
        participant.event = merge
    bulk_update_with_history(participants, EventParticipant, ["event"], default_user=user, default_change_reason=reason)
    existing_actors = set(Actor.objects.filter(pk__in=[d["actor"] for d in moved["dropped_participants"]]).values_list("pk", flat=True))
    for dropped in moved["dropped_participants"]:
        if dropped["actor"] in existing_actors and dropped["actor"] not in taken:
            restored = EventParticipant(event=merge, actor_id=dropped["actor"], role=dropped["role"],
                                        review_state=dropped["review_state"])
            restored._change_reason = reason
            restored.save()

    keep.topics.remove(*moved["topics"])
    merge.topics.add(*moved["topics"])
    chained = list(Event.objects.filter(pk__in=moved["chained"], merged_into=keep))
    for event in chained:
        event.merged_into = merge
    bulk_update_with_history(chained, Event, ["merged_into"], default_user=user, default_change_reason=reason)

    _save_with_reason(keep, _restore_review(keep, moved["keep_before"]), reason)
    merge.merged_into = None
    _save_with_reason(merge, ["merged_into", *_restore_review(merge, moved["merge_before"])], reason)


def move_evidence_to_new_event(*, evidence: Iterable[EventEvidence], user, title: str = "") -> Event:
    """Take evidence sentences off an event into a new one, with the statements they carry."""
    with transaction.atomic():
        ids = [e.pk for e in evidence]
        rows = list(EventEvidence.objects.select_for_update().filter(pk__in=ids))
        sources = {row.event_id for row in rows}
        if not rows:
            raise CorrectionError("pick at least one evidence sentence")
        if len(sources) != 1:
            raise CorrectionError("pick evidence of one event at a time")
        source = Event.objects.select_for_update().get(pk=sources.pop())
        if len(rows) == source.evidence.count():
            raise CorrectionError("keep at least one evidence sentence on the event; edit the event instead")
        now = timezone.now()
        new = Event(
            title=(title or source.title)[:300], kind=source.kind, plover_category=source.plover_category,
            date=source.date, date_precision=source.date_precision, status=source.status, location=source.location,
        )
        _stamp(new, state=ReviewState.LOCKED, user=user, now=now)
        reason = reasons.written(reasons.EVIDENCE_MOVED, event=source.title)
        new._change_reason = reason
        new.save()
        new.topics.set(source.topics.all())
        # The same people usually meet again: copying participants saves the editor retyping them.
        for participant in source.participants.all():
            copy = EventParticipant(event=new, actor_id=participant.actor_id, role=participant.role,
                                    review_state=ReviewState.LOCKED)
            copy._change_reason = reason
            copy.save()
        EventEvidence.objects.filter(pk__in=ids).update(event=new)
        # A statement belongs to the event whose evidence sentence contains it (as the extractor links them).
        statements = [
            s for s in Statement.objects.filter(event=source, article_id__in={r.article_id for r in rows})
            if any(r.article_id == s.article_id and r.start <= s.start < r.end for r in rows)
        ]
        ensure_baseline_histories(Statement, statements)
        for statement in statements:
            statement.event = new
        _bulk_update(statements, Statement, ["event"], user=user, reason=reason)
        ensure_baseline_history(source)
        _save_with_reason(source, _stamp(source, state=ReviewState.LOCKED, user=user, now=now), reason)
    return new


# --- Articles -----------------------------------------------------------------------------------


def rerun_extraction(*, article: Article, user) -> None:
    """Send an article back to the extractor; editors' rows survive, unreviewed ones are redone."""
    if not article.text.strip():
        raise CorrectionError(f"“{article}” has no text yet; fetch it first")
    with transaction.atomic():
        # FETCHED is what the extraction task claims; an in-flight run sees the change and stores nothing.
        # An editor's request starts a fresh set of runs, even for an article that ran out of them.
        Article.objects.filter(pk=article.pk).update(extraction_attempts=0)
        article.set_status(Article.Status.FETCHED)
        ingestion_services.queue_extraction(article.pk)


# A corrected article goes back to extraction from these states. A duplicate or an irrelevant one
# is not on the timeline and stays as it is; a pending one has no text yet (its fetch would
# overwrite the correction), so it cannot be corrected at all.
REEXTRACT_AFTER_CORRECTION = {
    Article.Status.FETCHED, Article.Status.EXTRACTING, Article.Status.EXTRACTED, Article.Status.FAILED,
}


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def correct_article(
    *, article: Article, user, reason: str, text: str | None = None, published_at: dt.datetime | None = None,
) -> ArticleCorrection:
    """Correct an article's text or publication date, keep the old values, and extract it again.

    None leaves a field as it is. The new extraction is rerun_extraction's: rows editors reviewed
    stay as they were (see reviewed_rows_off_text), the machine's own are read again.
    """
    reason = (reason or "").strip()
    if not reason:
        raise CorrectionError("Say why the article is corrected: the reason is kept with the correction.")
    with transaction.atomic():
        # Locked, so an extraction that claims the article meanwhile waits for the new text.
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.status == Article.Status.PENDING:
            raise CorrectionError(f"“{article}” is still waiting to be fetched; correct it once its text is in.")
        changes: dict[str, dict] = {}
        text = text.replace("\x00", "") if text is not None else None  # as store_article: PostgreSQL refuses NUL
        if text is not None and text != article.text:
            if not text.strip():
                raise CorrectionError("The corrected text is empty.")
            same = Article.objects.filter(content_hash=content_hash(text)).exclude(pk=article.pk).first()
            if same is not None:
                raise CorrectionError(f"“{same}” already has exactly this text: an article is stored once.")
            changes["text"] = {"old": article.text, "new": text}
            article.text, article.simhash = text, simhash(text)  # save() computes the content hash
        if published_at is not None and published_at != article.published_at:
            changes["published_at"] = {"old": _iso(article.published_at), "new": _iso(published_at)}
            article.published_at = published_at
        if not changes:
            raise CorrectionError("Nothing was changed: give a new text or a new publication date.")
        article.save(update_fields=["text", "simhash", "content_hash", "published_at", "updated_at"])
        reextract = article.status in REEXTRACT_AFTER_CORRECTION and bool(article.text.strip())
        correction = ArticleCorrection.objects.create(
            article=article, corrected_by=user, reason=reason, changes=changes, reextracted=reextract
        )
        if reextract:
            # Relative dates ("on Thursday") were resolved against the old date: a new date is read again too.
            rerun_extraction(article=article, user=user)
    return correction


def reviewed_rows_off_text(article: Article) -> int:
    """How many rows editors reviewed no longer match the article's text at their characters.

    Re-extraction keeps reviewed rows exactly as they are, offsets included, so after a text
    correction some may point at other words: the editor is told to look at them.
    """
    unreviewed = ReviewState.UNREVIEWED
    spans = [
        *Statement.objects.filter(article=article).exclude(review_state=unreviewed).values_list("start", "end", "text"),
        *Mention.objects.filter(article=article).exclude(review_state=unreviewed).values_list("start", "end", "text"),
        *EventEvidence.objects.filter(article=article).exclude(event__review_state=unreviewed)
        .values_list("start", "end", "sentence"),
    ]
    return sum(1 for start, end, words in spans if article.text[start:end] != words)


def mark_article_irrelevant(*, article: Article, user) -> None:
    """Take an article off the timeline; its unreviewed rows disappear with it (see visible())."""
    with transaction.atomic():
        article.set_status(Article.Status.IRRELEVANT)


# --- What the extractor learns from editors ---------------------------------------------------


@dataclass(frozen=True)
class SpeakerCorrection:
    statement_id: int
    article_id: int
    start: int
    end: int
    machine_speaker_id: int | None
    speaker_id: int | None


def speaker_corrections() -> list[SpeakerCorrection]:
    """Statements whose speaker an editor changed, with the speaker the machine had given."""
    fixed = list(
        Statement.objects.exclude(review_state=ReviewState.UNREVIEWED)
        .exclude(extractor_version="")
        .values_list("pk", "article_id", "start", "end", "speaker_id")
    )
    first: dict[int, int | None] = {}
    for statement_id, speaker_id in (
        Statement.history.filter(id__in=[row[0] for row in fixed])
        .order_by("id", "history_date", "history_id")
        .values_list("id", "speaker_id")
    ):
        first.setdefault(statement_id, speaker_id)
    return [
        SpeakerCorrection(pk, article_id, start, end, first[pk], speaker_id)
        for pk, article_id, start, end, speaker_id in fixed
        if pk in first and first[pk] != speaker_id
    ]


# --- Learning from a fixed speaker --------------------------------------------------------------

# How alike two names must be (rapidfuzz token-set ratio, 0-100) for a fixed speaker to mean
# "the machine misspelled this person" rather than "the machine picked the wrong person".
SAME_PERSON_SIMILARITY = 75


def learn_from_speaker_fix(*, previous: Actor | None, corrected: Actor | None, user) -> MergeRecord | None:
    """Teach the extractor a name from an editor's speaker fix, when the fix says what a name means.

    The machine credited a quote to a name it did not know ("Dmitri Peskof", a new unreviewed
    actor) and the editor chose a known actor whose name is alike ("Dmitry Peskov"): the two are
    one person. Merging them makes the misspelling an alias, so the next article that spells it
    so is credited right, and the merge stays undoable. A fix between unlike names only corrects
    this quote: it says the machine picked the wrong person, not what any name means.
    """
    from rapidfuzz import fuzz

    if previous is None or corrected is None or previous.pk == corrected.pk:
        return None
    made_up = not previous.gazetteer_key and previous.review_state == ReviewState.UNREVIEWED and previous.extractor_version
    if not made_up or previous.merged_into_id:
        return None
    similarity = fuzz.token_set_ratio(normalize_name(previous.name), normalize_name(corrected.name))
    surname_alike = normalize_name(previous.name).split()[-1:] == normalize_name(corrected.name).split()[-1:]
    if similarity < SAME_PERSON_SIMILARITY and not surname_alike:
        return None
    return merge_actors(keep=corrected, merge=previous, user=user)
