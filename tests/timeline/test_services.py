"""The editors' corrections: merges that lose nothing and can be undone, splits, moves, locks."""

from __future__ import annotations

import pytest
from django.conf import settings

from apps.ingestion.models import Article
from apps.records import services
from apps.records.models import (
    Actor,
    Alias,
    Event,
    EventEvidence,
    EventParticipant,
    MergeRecord,
    Mention,
    ReviewState,
    Statement,
    Topic,
)
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

requires_postgres = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: SQLite has no row locks (select_for_update) for two editors to race on",
)


@pytest.fixture
def two_putins():
    """The machine made two actors for one man: Vladimir Putin, and "Poutine" from a French wire."""
    text = make.article()
    putin = make.actor("Vladimir Putin", wikidata_id="")
    poutine = make.actor("Poutine", country="RU", wikidata_id="Q7747")
    witkoff = make.actor("Steve Witkoff")
    make.alias(putin, "Putin")
    make.alias(poutine, "Путин")
    make.mention(text, putin, "Vladimir Putin")
    make.mention(text, poutine, "Poutine")
    quote = make.statement(text, poutine, "We are ready to talk")
    talks = make.event("Putin meets Witkoff")
    other = make.event("Putin speaks to reporters")
    make.participant(talks, putin, "host")
    make.participant(talks, poutine)  # both took part: only one can stay
    make.participant(talks, witkoff)
    make.participant(other, poutine)
    return {"article": text, "putin": putin, "poutine": poutine, "quote": quote, "talks": talks, "other": other}


def test_it_moves_mentions_statements_participations_and_aliases_to_the_kept_actor(two_putins, editor):
    putin, poutine = two_putins["putin"], two_putins["poutine"]

    services.merge_actors(keep=putin, merge=poutine, user=editor)

    assert Mention.objects.filter(actor=poutine).count() == 0
    assert Mention.objects.filter(actor=putin).count() == 2
    assert Statement.objects.get(pk=two_putins["quote"].pk).speaker == putin
    assert set(putin.aliases.values_list("name", flat=True)) == {"Putin", "Путин", "Poutine"}
    assert set(EventParticipant.objects.filter(actor=putin).values_list("event__title", flat=True)) == {
        "Putin meets Witkoff", "Putin speaks to reporters",
    }
    assert not EventParticipant.objects.filter(actor=poutine).exists()


def test_it_keeps_what_only_the_merged_actor_knew(two_putins, editor):
    putin, poutine = two_putins["putin"], two_putins["poutine"]

    services.merge_actors(keep=putin, merge=poutine, user=editor)

    putin.refresh_from_db()
    assert (putin.country, putin.wikidata_id) == ("RU", "Q7747")


def test_a_merge_locks_both_actors_and_points_the_merged_one_at_the_kept_one(two_putins, editor):
    putin, poutine = two_putins["putin"], two_putins["poutine"]

    services.merge_actors(keep=putin, merge=poutine, user=editor)

    putin.refresh_from_db()
    poutine.refresh_from_db()
    assert poutine.merged_into == putin
    assert (putin.review_state, putin.reviewed_by) == (ReviewState.LOCKED, editor)
    assert putin.reviewed_at is not None
    # Not REJECTED: a rejected actor's names become rejected names for the extractor.
    assert poutine.review_state == ReviewState.LOCKED


def test_undoing_a_merge_puts_every_row_back_where_it_was(two_putins, editor):
    putin, poutine, talks = two_putins["putin"], two_putins["poutine"], two_putins["talks"]
    before = {
        "mentions": set(Mention.objects.values_list("pk", "actor_id")),
        "speaker": two_putins["quote"].speaker_id,
        "aliases": set(Alias.objects.values_list("name", "actor_id")),
        "participants": set(EventParticipant.objects.values_list("event_id", "actor_id", "role")),
    }
    record = services.merge_actors(keep=putin, merge=poutine, user=editor)

    services.undo_merge(record=record, user=editor)

    assert set(Mention.objects.values_list("pk", "actor_id")) == before["mentions"]
    assert Statement.objects.get(pk=two_putins["quote"].pk).speaker_id == before["speaker"]
    assert set(Alias.objects.values_list("name", "actor_id")) == before["aliases"]
    assert set(EventParticipant.objects.values_list("event_id", "actor_id", "role")) == before["participants"]
    putin.refresh_from_db()
    poutine.refresh_from_db()
    assert poutine.merged_into is None
    assert (putin.wikidata_id, poutine.wikidata_id) == ("", "Q7747")
    assert putin.review_state == poutine.review_state == ReviewState.UNREVIEWED
    record.refresh_from_db()
    assert record.undone_by == editor and record.is_undone


def test_a_merge_cannot_be_undone_twice(two_putins, editor):
    record = services.merge_actors(keep=two_putins["putin"], merge=two_putins["poutine"], user=editor)
    services.undo_merge(record=record, user=editor)

    with pytest.raises(services.CorrectionError, match="already undone"):
        services.undo_merge(record=record, user=editor)


def test_an_actor_cannot_be_merged_into_itself_or_merged_twice(two_putins, editor):
    putin, poutine = two_putins["putin"], two_putins["poutine"]
    with pytest.raises(services.CorrectionError):
        services.merge_actors(keep=putin, merge=putin, user=editor)
    services.merge_actors(keep=putin, merge=poutine, user=editor)
    with pytest.raises(services.CorrectionError, match="already merged"):
        services.merge_actors(keep=make.actor("Someone"), merge=poutine, user=editor)


def test_the_actor_history_says_who_merged_what(two_putins, editor):
    putin, poutine = two_putins["putin"], two_putins["poutine"]
    services.merge_actors(keep=putin, merge=poutine, user=editor)

    latest = poutine.history.latest()
    assert latest.history_change_reason == "Merged “Poutine” into “Vladimir Putin”"
    assert latest.merged_into_id == putin.pk


def test_the_statement_history_keeps_the_speaker_the_machine_had_before_a_merge(two_putins, editor):
    services.merge_actors(keep=two_putins["putin"], merge=two_putins["poutine"], user=editor)

    speakers = list(two_putins["quote"].history.order_by("history_date").values_list("speaker_id", flat=True))
    assert speakers == [two_putins["poutine"].pk, two_putins["putin"].pk]


def test_splitting_an_alias_makes_an_actor_that_takes_the_mentions_written_that_way(editor):
    text = make.article()
    putin = make.actor("Vladimir Putin")
    poutine_alias = make.alias(putin, "Poutine")
    make.mention(text, putin, "Vladimir Putin")
    make.mention(text, putin, "Poutine")

    new = services.split_alias(alias=poutine_alias, user=editor)

    assert new.name == "Poutine" and new.review_state == ReviewState.LOCKED
    assert list(new.mentions.values_list("text", flat=True)) == ["Poutine"]
    assert list(putin.mentions.values_list("text", flat=True)) == ["Vladimir Putin"]
    assert Alias.objects.get(pk=poutine_alias.pk).actor == new
    putin.refresh_from_db()
    assert putin.review_state == ReviewState.LOCKED


def test_an_actors_own_name_cannot_be_split_off(editor):
    putin = make.actor("Vladimir Putin")
    own = make.alias(putin, "vladimir PUTIN")
    with pytest.raises(services.CorrectionError, match="own name"):
        services.split_alias(alias=own, user=editor)


@pytest.fixture
def duplicate_events():
    """Two articles reported one meeting; the machine dated them differently and made two events."""
    first, second = make.article(), make.article(text=make.TEXT + " Kyiv was not invited.")
    putin, witkoff = make.actor("Vladimir Putin"), make.actor("Steve Witkoff")
    security = Topic.objects.create(slug="security", name_en="Security", name_fr="Sécurité")
    keep, dupe = make.event("Putin meets Witkoff"), make.event("Witkoff in Moscow")
    sentence = "Vladimir Putin met Steve Witkoff in Moscow on Thursday."
    make.evidence(keep, first, sentence)
    make.evidence(dupe, second, "“We are ready to talk,” Putin said.")
    make.evidence(dupe, first, sentence)  # the same sentence on both: one copy stays
    make.participant(keep, putin)
    make.participant(dupe, putin, "host")
    make.participant(dupe, witkoff)
    dupe.topics.add(security)
    quote = make.statement(second, putin, "We are ready to talk", event=dupe)
    return {"keep": keep, "dupe": dupe, "quote": quote, "second": second, "security": security}


def test_merging_events_moves_evidence_statements_participants_and_topics(duplicate_events, editor):
    keep, dupe = duplicate_events["keep"], duplicate_events["dupe"]

    services.merge_events(keep=keep, merge=dupe, user=editor)

    assert keep.evidence.count() == 2
    assert not dupe.evidence.exists()
    assert Statement.objects.get(pk=duplicate_events["quote"].pk).event == keep
    assert keep.participants.count() == 2
    assert list(keep.topics.all()) == [duplicate_events["security"]]
    dupe.refresh_from_db()
    assert dupe.merged_into == keep
    assert dupe not in Event.objects.visible()
    assert keep in Event.objects.visible()


def test_undoing_an_event_merge_restores_both_events(duplicate_events, editor):
    keep, dupe = duplicate_events["keep"], duplicate_events["dupe"]
    evidence_before = set(EventEvidence.objects.values_list("event_id", "article_id", "start"))
    participants_before = set(EventParticipant.objects.values_list("event_id", "actor_id", "role"))
    record = services.merge_events(keep=keep, merge=dupe, user=editor)

    services.undo_merge(record=record, user=editor)

    assert set(EventEvidence.objects.values_list("event_id", "article_id", "start")) == evidence_before
    assert set(EventParticipant.objects.values_list("event_id", "actor_id", "role")) == participants_before
    assert Statement.objects.get(pk=duplicate_events["quote"].pk).event == dupe
    assert not keep.topics.exists() and dupe.topics.exists()
    dupe.refresh_from_db()
    assert dupe.merged_into is None and dupe in Event.objects.visible()
    assert MergeRecord.objects.get(pk=record.pk).is_undone


def test_evidence_moved_off_an_event_becomes_a_new_locked_event_with_its_statements(duplicate_events, editor):
    dupe, second = duplicate_events["dupe"], duplicate_events["second"]
    moving = dupe.evidence.get(article=second)

    new = services.move_evidence_to_new_event(evidence=[moving], user=editor, title="Second Moscow meeting")

    assert new.title == "Second Moscow meeting" and new.review_state == ReviewState.LOCKED
    assert list(new.evidence.all()) == [moving]
    assert dupe.evidence.count() == 1
    assert Statement.objects.get(pk=duplicate_events["quote"].pk).event == new
    assert set(new.participants.values_list("actor__name", flat=True)) == {"Vladimir Putin", "Steve Witkoff"}
    dupe.refresh_from_db()
    assert dupe.review_state == ReviewState.LOCKED


def test_an_event_keeps_at_least_one_evidence_sentence(duplicate_events, editor):
    keep = duplicate_events["keep"]
    with pytest.raises(services.CorrectionError, match="at least one"):
        services.move_evidence_to_new_event(evidence=list(keep.evidence.all()), user=editor)


def test_verifying_and_rejecting_stamp_the_editor_and_keep_a_history_entry(editor):
    text = make.article()
    quote = make.statement(text, make.actor("Vladimir Putin"), "We are ready to talk")

    services.set_review_state(objects=Statement.objects.filter(pk=quote.pk), state=ReviewState.REJECTED, user=editor)

    quote.refresh_from_db()
    assert (quote.review_state, quote.reviewed_by) == (ReviewState.REJECTED, editor)
    states = list(quote.history.order_by("history_date").values_list("review_state", "history_change_reason"))
    assert states == [("unreviewed", "As extracted"), ("rejected", "Marked rejected")]


def test_rerunning_extraction_sends_the_article_back_and_queues_it_after_commit(
    editor, monkeypatch, django_capture_on_commit_callbacks
):
    text = make.article(status=Article.Status.FAILED, error="spaCy ran out of memory")
    queued = []
    monkeypatch.setattr("apps.ingestion.services.queue_extraction",
                        lambda article_id, **options: __import__("django").db.transaction.on_commit(lambda: queued.append(article_id)))

    with django_capture_on_commit_callbacks(execute=True):
        services.rerun_extraction(article=text, user=editor)
        assert queued == []  # nothing leaves before the status change is committed

    text.refresh_from_db()
    assert (text.status, text.error) == (Article.Status.FETCHED, "")
    assert queued == [text.pk]


def test_an_article_marked_irrelevant_takes_its_unreviewed_rows_off_the_timeline(editor):
    text, elsewhere = make.article(), make.article(text="Putin met Witkoff, Reuters says.")
    putin = make.actor("Vladimir Putin")
    machine_quote = make.statement(text, putin, "We are ready to talk")
    verified_quote = make.statement(text, putin, "Poutine later added", review_state=ReviewState.VERIFIED)
    only_here = make.event("Putin meets Witkoff")
    make.evidence(only_here, text, "Vladimir Putin met Steve Witkoff in Moscow on Thursday.")
    also_elsewhere = make.event("Witkoff in Moscow")
    make.evidence(also_elsewhere, text, "Vladimir Putin met Steve Witkoff in Moscow on Thursday.")
    make.evidence(also_elsewhere, elsewhere, "Putin met Witkoff")

    services.mark_article_irrelevant(article=text, user=editor)

    text.refresh_from_db()
    assert text.status == Article.Status.IRRELEVANT
    assert set(Statement.objects.visible()) == {verified_quote}
    assert machine_quote in Statement.objects.all()  # hidden, not deleted
    assert set(Event.objects.visible()) == {also_elsewhere}


def test_speaker_corrections_pair_the_machines_speaker_with_the_editors(editor):
    text = make.article()
    putin, witkoff = make.actor("Vladimir Putin"), make.actor("Steve Witkoff")
    quote = make.statement(text, witkoff, "We are ready to talk")
    untouched = make.statement(text, witkoff, "Poutine later added")

    quote.speaker = putin
    services.lock_correction(obj=quote, user=editor, reason="speaker fixed")
    quote.save()

    corrections = services.speaker_corrections()
    assert [(c.statement_id, c.machine_speaker_id, c.speaker_id) for c in corrections] == [
        (quote.pk, witkoff.pk, putin.pk)
    ]
    assert untouched.pk not in {c.statement_id for c in corrections}


def test_merges_are_undone_in_reverse_order(two_putins, editor):
    putin, poutine = two_putins["putin"], two_putins["poutine"]
    president = make.actor("President of Russia")
    first = services.merge_actors(keep=putin, merge=poutine, user=editor)
    second = services.merge_actors(keep=president, merge=putin, user=editor)

    with pytest.raises(services.CorrectionError, match="undo that merge first"):
        services.undo_merge(record=first, user=editor)
    services.undo_merge(record=second, user=editor)
    services.undo_merge(record=first, user=editor)

    assert Statement.objects.get(pk=two_putins["quote"].pk).speaker == poutine
    assert not Actor.objects.filter(merged_into__isnull=False).exists()


@requires_postgres
def test_two_editors_merging_the_same_pair_both_ways_at_once_leave_one_merge(transactional_db, editor, analyst):
    import threading

    from django.db import connection

    putin, poutine = make.actor("Vladimir Putin"), make.actor("Poutine")
    barrier = threading.Barrier(2)
    outcomes = []

    def merge(keep, other):
        try:
            barrier.wait()
            services.merge_actors(keep=keep, merge=other, user=editor)
            outcomes.append("merged")
        except services.CorrectionError:
            outcomes.append("refused")
        except Exception as error:  # a deadlock would land here
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=merge, args=pair) for pair in [(putin, poutine), (poutine, putin)]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(outcomes) == ["merged", "refused"]
    assert MergeRecord.objects.count() == 1
    assert Actor.objects.filter(merged_into__isnull=False).count() == 1
