"""Editors' corrections outlive re-extraction, and teach the next one (the real extractor, no mocks).

Each test extracts an article with the real pipeline, corrects it through the admin as an editor
would, then extracts again as "Re-run extraction" does, calling the extraction service directly.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from apps.extraction import services as extraction
from apps.ingestion.models import Article
from apps.records.models import Actor, Alias, EventEvidence, Mention, ReviewState, Statement
from apps.records import services
from tests.timeline import review_data as make

pytestmark = pytest.mark.django_db

TEXT = (
    "Emmanuel Macron met Volodymyr Zelensky in Paris on Wednesday. "
    "“We are ready to sign,” Macron said. Jean Dupont, an adviser, was present. "
    "“Nothing is agreed yet,” said Jean Dupont."
)


def extracted(text: str = TEXT) -> Article:
    article = Article.objects.create(
        via=Article.Via.PASTE, title="Macron receives Zelensky", text=text, language="en",
        published_at=dt.datetime(2025, 9, 4, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]
    return article


def extract_again(article: Article, client) -> None:
    """What the article page's button does, with the queued task run here rather than by a worker."""
    queued = []
    original = services.ingestion_services.queue_extraction
    services.ingestion_services.queue_extraction = lambda article_id, **options: queued.append(article_id)
    try:
        response = client.post(reverse("admin:ingestion_article_rerun_extraction", args=[article.pk]))
    finally:
        services.ingestion_services.queue_extraction = original
    assert response.status_code == 302 and queued == [article.pk]
    assert extraction.extract_and_store(queued).extracted == [article.pk]


def quote(text: str) -> Statement:
    return Statement.objects.get(text__startswith=text)


def test_a_rejected_statement_stays_rejected_and_is_not_recreated(client, editor):
    article = extracted()
    client.force_login(editor)
    rejected = quote("Nothing is agreed yet")
    client.post(reverse("admin:records_statement_changelist"),
                {"action": "reject_selected", "_selected_action": [rejected.pk]})

    extract_again(article, client)

    at_span = Statement.objects.filter(article=article, start=rejected.start, end=rejected.end)
    assert list(at_span.values_list("pk", "review_state")) == [(rejected.pk, ReviewState.REJECTED)]
    assert quote("We are ready to sign").review_state == ReviewState.UNREVIEWED  # the machine's own, redone


def test_a_speaker_an_editor_fixed_survives_extraction(client, editor):
    article = extracted()
    zelensky = Actor.objects.get(name="Volodymyr Zelensky")
    fixed = quote("We are ready to sign")
    url = reverse("admin:records_statement_change", args=[fixed.pk])
    client.force_login(editor)
    client.post(url, {**make.change_form_data(client.get(url)), "speaker": zelensky.pk})

    extract_again(article, client)

    at_span = Statement.objects.filter(article=article, start=fixed.start, end=fixed.end)
    assert list(at_span.values_list("pk", "speaker_id", "review_state")) == [
        (fixed.pk, zelensky.pk, ReviewState.LOCKED)
    ]
    assert [(c.statement_id, c.speaker_id) for c in services.speaker_corrections()] == [(fixed.pk, zelensky.pk)]


def test_an_actor_an_editor_rejected_is_never_made_again(client, editor):
    article = extracted()
    dupont = Actor.objects.get(name="Jean Dupont")
    client.force_login(editor)
    client.post(reverse("admin:records_actor_changelist"),
                {"action": "reject_selected", "_selected_action": [dupont.pk]})

    extract_again(article, client)
    extracted(TEXT.replace("Paris", "Kyiv"))  # and in a new article

    assert list(Actor.objects.filter(name="Jean Dupont").values_list("pk", flat=True)) == [dupont.pk]
    assert not Mention.objects.filter(text="Jean Dupont").exists()


def test_an_alias_an_editor_adds_is_found_in_the_next_article(client, editor):
    extracted()
    macron = Actor.objects.get(name="Emmanuel Macron")
    url = reverse("admin:records_actor_change", args=[macron.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    client.post(url, {**data, f"aliases-{data['aliases-INITIAL_FORMS']}-name": "Manu"})  # the empty row
    assert Alias.objects.get(name="Manu").origin == Alias.Origin.EDITOR

    later = extracted("Manu met Volodymyr Zelensky in Kyiv on Friday.")

    assert Mention.objects.get(article=later, text="Manu").actor == macron


def test_after_a_merge_the_next_extraction_names_the_kept_actor(client, editor):
    article = extracted()
    machine_dupont = Actor.objects.get(name="Jean Dupont")
    known = Actor.objects.create(name="Jean-Pierre Dupont", kind=Actor.Kind.PERSON, role="Adviser to the Élysée")
    client.force_login(editor)
    client.post(reverse("admin:records_actor_changelist"), {
        "action": "merge_actors", "_selected_action": [machine_dupont.pk, known.pk], "post": "yes", "keep": known.pk,
    })

    extract_again(article, client)
    later = extracted(TEXT.replace("Paris", "Kyiv"))

    assert set(Mention.objects.filter(text="Jean Dupont").values_list("actor_id", flat=True)) == {known.pk}
    assert Statement.objects.get(article=article, text__startswith="Nothing").speaker == known
    assert Statement.objects.get(article=later, text__startswith="Nothing").speaker == known
    assert Actor.objects.filter(name="Jean Dupont").count() == 1  # the merged one, kept for undo


def test_a_merged_event_gets_no_twin_when_its_article_is_extracted_again(client, editor):
    article = extracted()
    machine_event = EventEvidence.objects.get(article=article).event
    kept = make.event("Macron receives Zelensky at the Élysée")
    client.force_login(editor)
    client.post(reverse("admin:records_event_changelist"), {
        "action": "merge_events", "_selected_action": [machine_event.pk, kept.pk], "post": "yes", "keep": kept.pk,
    })

    extract_again(article, client)

    assert list(EventEvidence.objects.filter(article=article).values_list("event_id", flat=True)) == [kept.pk]


def test_evidence_an_editor_moved_off_is_not_reported_again_on_the_old_event(client, editor):
    first = extracted()
    second = extracted(TEXT + " More talks are planned.")
    moved = EventEvidence.objects.get(article=second)
    client.force_login(editor)
    client.post(reverse("admin:records_eventevidence_changelist"),
                {"action": "move_evidence", "_selected_action": [moved.pk], "post": "yes", "title": "Second meeting"})
    assert EventEvidence.objects.get(article=first).event != EventEvidence.objects.get(article=second).event

    extract_again(second, client)

    assert EventEvidence.objects.filter(article=second).count() == 1


def test_a_misspelt_speaker_an_editor_fixes_is_credited_right_in_the_next_article(client, editor):
    from apps.extraction import services as extraction
    from apps.ingestion.models import Article
    from apps.records.models import Actor, Alias, Statement

    def article(text):
        return Article.objects.create(via=Article.Via.PASTE, title="Kremlin", language="en", text=text,
                                      status=Article.Status.FETCHED, published_at="2025-09-04T00:00:00Z")

    wording = ('"We see no basis for such guarantees," said Dmitrij Pieskow, the Kremlin spokesman, '
               "speaking to reporters in Moscow on Wednesday.")
    first = article(wording)
    extraction.extract_and_store([first.pk])
    quote = Statement.objects.get(article=first)
    made_up = quote.speaker
    assert made_up.name == "Dmitrij Pieskow" and not made_up.gazetteer_key  # the Polish spelling
    from apps.extraction.reference_data import load_actors

    load_actors()  # the curated actors, as `make run` loads them for editors to pick from
    peskov = Actor.objects.get(name__in=["Dmitry Peskov", "Dmitri Peskov"])

    url = reverse("admin:records_statement_change", args=[quote.pk])
    client.force_login(editor)
    data = make.change_form_data(client.get(url))
    data["speaker"] = peskov.pk
    assert client.post(url, data).status_code == 302
    assert Alias.objects.filter(actor=peskov, normalized="dmitrij pieskow").exists()

    second = article(wording.replace("We see no basis", "We see no reason at all"))
    extraction.extract_and_store([second.pk])
    assert Statement.objects.get(article=second).speaker == peskov


def test_a_speaker_fixed_between_unlike_names_teaches_no_alias(client, editor):
    from apps.records import services
    from apps.records.models import Actor

    stranger = Actor.objects.create(name="John Foreman", kind="person", extractor_version="x")
    macron = Actor.objects.create(name="Emmanuel Macron", kind="person")
    assert services.learn_from_speaker_fix(previous=stranger, corrected=macron, user=editor) is None
    assert not macron.aliases.filter(normalized="john foreman").exists()
