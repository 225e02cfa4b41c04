"""generate_synthetic: seeded data at scale for the timeline benchmark, marked and removable."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from apps.ingestion.models import Article, Source
from apps.records.models import (
    Actor,
    Alias,
    Event,
    EventEvidence,
    EventParticipant,
    Mention,
    Statement,
)

pytestmark = pytest.mark.django_db

SMALL = {"events": 200, "statements": 500, "articles": 50, "actors": 50}


def generate(**options) -> str:
    out = StringIO()
    call_command("generate_synthetic", **{**SMALL, **options}, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """What an analyst would see of the data, without database ids."""
    return {
        "events": list(Event.objects.order_by("id").values_list("title", "kind", "date", "status", "review_state")),
        "participants": list(
            EventParticipant.objects.order_by("event_id", "actor__name").values_list("event__title", "actor__name", "role")
        ),
        "statements": list(Statement.objects.order_by("id").values_list("speaker__name", "text", "said_on")),
        "articles": list(Article.objects.order_by("id").values_list("title", "language", "published_at", "status")),
        "actors": list(Actor.objects.order_by("id").values_list("name", "kind", "country")),
    }


def test_it_generates_the_requested_numbers_of_rows():
    output = generate()

    assert Event.objects.count() == 200
    assert Statement.objects.count() == 500
    assert Article.objects.count() == 50
    assert Actor.objects.count() == 50
    assert "200 events" in output
    # Every event has at least one participant and one source sentence, as extracted ones do.
    assert not Event.objects.filter(participants__isnull=True).exists()
    assert not Event.objects.filter(evidence__isnull=True).exists()
    assert Alias.objects.count() >= 50
    assert Mention.objects.count() >= 500


def test_the_same_seed_gives_the_same_data_and_another_seed_does_not():
    generate(seed=7)
    first = snapshot()
    call_command("generate_synthetic", delete=True, stdout=StringIO())
    generate(seed=7)
    again = snapshot()
    call_command("generate_synthetic", delete=True, stdout=StringIO())
    generate(seed=8)
    other = snapshot()

    assert again == first
    assert other["events"] != first["events"]
    assert other["statements"] != first["statements"]


def test_it_refuses_a_database_that_already_has_data():
    Event.objects.create(title="Zelensky meets Macron in Paris", kind=Event.Kind.MEETING)

    with pytest.raises(CommandError, match="--append"):
        generate()

    assert Event.objects.count() == 1
    assert not Source.objects.filter(name="synthetic").exists()


def test_with_append_it_adds_to_real_data_and_delete_removes_only_synthetic_rows():
    macron = Actor.objects.create(name="Emmanuel Macron", kind=Actor.Kind.PERSON, country="FR")
    Alias.objects.create(actor=macron, name="Macron")
    real_article = Article.objects.create(via=Article.Via.PASTE, title="Talks", text="Macron a parlé.")
    real_event = Event.objects.create(title="Macron calls Zelensky", kind=Event.Kind.CALL)
    EventParticipant.objects.create(event=real_event, actor=macron)

    generate(append=True)
    assert Event.objects.count() == 201
    # The real actor keeps its alias; the synthetic Macron does not steal the same spelling.
    assert Alias.objects.get(normalized="macron").actor == macron

    call_command("generate_synthetic", delete=True, stdout=StringIO())

    assert list(Event.objects.all()) == [real_event]
    assert list(Article.objects.all()) == [real_article]
    assert list(Actor.objects.all()) == [macron]
    assert list(Alias.objects.values_list("name", flat=True)) == ["Macron"]
    assert Statement.objects.count() == 0 and Mention.objects.count() == 0
    assert list(real_event.participants.values_list("actor", flat=True)) == [macron.pk]
    assert not Source.objects.filter(name="synthetic").exists()


def test_every_synthetic_row_is_marked():
    generate()

    source = Source.objects.get(name="synthetic")
    assert Article.objects.exclude(source=source).count() == 0
    assert Actor.objects.exclude(gazetteer_key__startswith="synthetic:").count() == 0
    assert Event.objects.exclude(extractor_version="synthetic").count() == 0
    assert Statement.objects.exclude(extractor_version="synthetic").count() == 0
    assert EventEvidence.objects.exclude(extractor_version="synthetic").count() == 0


def test_quotes_evidence_and_mentions_point_at_their_words_in_the_article():
    generate()

    for statement in Statement.objects.select_related("article"):
        assert statement.article.text[statement.start:statement.end] == statement.text
    for evidence in EventEvidence.objects.select_related("article"):
        assert evidence.article.text[evidence.start:evidence.end] == evidence.sentence
    for mention in Mention.objects.select_related("article", "actor"):
        assert mention.article.text[mention.start:mention.end] == mention.actor.name


def test_it_looks_like_the_talks_a_few_busy_actors_two_years_two_languages():
    generate()

    dated = Event.objects.filter(date__isnull=False)
    assert dated.filter(date__lt=dt.date(2024, 1, 1)).count() == 0
    assert dated.filter(date__gt=dt.date(2025, 12, 31)).count() == 0
    # The talks thicken: more events in 2025 than in 2024.
    assert dated.filter(date__year=2025).count() > dated.filter(date__year=2024).count()
    busiest = list(
        Actor.objects.annotate(n=Count("participations")).order_by("-n").values_list("name", "n")[:2]
    )
    assert busiest[0][0] == "Volodymyr Zelensky"
    assert busiest[0][1] > 0.15 * 200
    assert set(Article.objects.values_list("language", flat=True)) == {"en", "fr"}
    assert Article.objects.filter(language="fr", text__contains="a déclaré").exists()
    assert set(Event.objects.values_list("status", flat=True)) >= {"occurred", "planned"}
    assert Event.objects.values("kind").distinct().count() >= 8
