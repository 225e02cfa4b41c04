"""Storing an extraction run: provenance on every row, idempotent, and editors always win."""

from __future__ import annotations

import datetime as dt

import pytest

from apps.extraction import services
from apps.extraction.pipeline.records import Actor as XActor
from apps.extraction.pipeline.records import Event as XEvent
from apps.extraction.pipeline.records import Extraction, Mention as XMention, Participant
from apps.extraction.pipeline.records import Statement as XStatement
from apps.ingestion.models import Article
from apps.records.models import Actor, Alias, Event, EventEvidence, Mention, ReviewState, Statement

pytestmark = pytest.mark.django_db

TEXT = (
    "Emmanuel Macron a reçu Volodymyr Zelensky mercredi à Paris. "
    "\"Nous sommes prêts\", a déclaré Emmanuel Macron. Jean Dupont, un envoyé, était présent."
)


def span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def make_article(text: str = TEXT) -> Article:
    return Article.objects.create(
        via=Article.Via.PASTE, title="Macron reçoit Zelensky", text=text, language="fr",
        published_at=dt.datetime(2025, 9, 4, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )


def extraction(*, speaker: str | None = "fr:macron", event_key: str = "meeting|2025-09-03|fr:macron,ua:zelensky") -> Extraction:
    quote_start, quote_end = span("Nous sommes prêts")
    sentence_start, sentence_end = span("Emmanuel Macron a reçu Volodymyr Zelensky mercredi à Paris.")
    macron = XActor(key="fr:macron", name="Emmanuel Macron", kind="person", country="FR",
                    mentions=[XMention(*span("Emmanuel Macron"), "Emmanuel Macron")])
    zelensky = XActor(key="ua:zelensky", name="Volodymyr Zelensky", kind="person", country="UA",
                      mentions=[XMention(*span("Volodymyr Zelensky"), "Volodymyr Zelensky")])
    dupont = XActor(key="new:jean dupont", name="Jean Dupont", kind="person", is_new=True, confidence=0.6,
                    mentions=[XMention(*span("Jean Dupont"), "Jean Dupont")])
    paris = XActor(key="place:paris", name="Paris", kind="place", mentions=[XMention(*span("Paris"), "Paris")])
    return Extraction(
        article_id="1", language="fr", extractor_version="test", authors=[],
        actors=[macron, zelensky, dupont, paris],
        statements=[XStatement(
            speaker=speaker, text="Nous sommes prêts", start=quote_start, end=quote_end, direct=True,
            date=dt.date(2025, 9, 3), date_precision="day", date_inferred=False, confidence=0.9,
            sentence_start=quote_start - 1, sentence_end=quote_end + 30,
        )],
        events=[XEvent(
            kind="meeting", plover="CONSULT", title="Macron meets Zelensky in Paris", date=dt.date(2025, 9, 3),
            precision="day", status="occurred", location="Paris",
            participants=[Participant("fr:macron", "host"), Participant("ua:zelensky", "participant")],
            evidence_start=sentence_start, evidence_end=sentence_end, evidence_text=TEXT[sentence_start:sentence_end],
            confidence=0.8, dedup_key=event_key,
        )],
        topics=[],
    )


def store(article: Article, result: Extraction) -> dict:
    assert services.claim([article.pk]) == [article.pk]
    article.refresh_from_db()
    return services.store_extraction(article, result)


def test_a_run_stores_actors_mentions_quotes_and_events_with_their_provenance():
    article = make_article()
    counts = store(article, extraction())
    assert counts == {"statements": 1, "events": 1, "mentions": 4 - 1}  # places are not actors
    quote = Statement.objects.get()
    assert quote.speaker.name == "Emmanuel Macron"
    assert quote.text == article.text[quote.start:quote.end] == "Nous sommes prêts"
    assert quote.said_on == dt.date(2025, 9, 3)
    assert quote.extractor_version and quote.review_state == ReviewState.UNREVIEWED
    event = Event.objects.get()
    assert event.date_precision == "day" and event.plover_category == "CONSULT"
    assert sorted(event.participants.values_list("actor__name", flat=True)) == ["Emmanuel Macron", "Volodymyr Zelensky"]
    evidence = EventEvidence.objects.get()
    assert article.text[evidence.start:evidence.end] == evidence.sentence
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED and article.extractor_version


def test_an_unknown_person_becomes_an_unreviewed_actor_and_curated_ones_come_with_their_aliases():
    store(make_article(), extraction())
    dupont = Actor.objects.get(name="Jean Dupont")
    assert dupont.review_state == ReviewState.UNREVIEWED and dupont.confidence == 0.6
    assert dupont.first_seen_in is not None
    zelensky = Actor.objects.get(gazetteer_key="ua:zelensky")
    assert zelensky.aliases.filter(name__iexact="Zelenskyy").exists()


def test_running_the_same_extraction_twice_changes_nothing():
    article = make_article()
    store(article, extraction())
    before = (Statement.objects.count(), Event.objects.count(), Mention.objects.count(), Actor.objects.count())
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    store(article, extraction())
    after = (Statement.objects.count(), Event.objects.count(), Mention.objects.count(), Actor.objects.count())
    assert before == after


def test_an_article_already_being_extracted_by_another_worker_is_not_claimed_again():
    article = make_article()
    assert services.claim([article.pk]) == [article.pk]
    assert services.claim([article.pk]) == []


def test_a_corrected_speaker_survives_re_extraction():
    article = make_article()
    store(article, extraction())
    rutte = Actor.objects.create(name="Mark Rutte", kind="person")
    quote = Statement.objects.get()
    quote.speaker = rutte
    quote.review_state = ReviewState.LOCKED
    quote.save()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    store(article, extraction())
    assert Statement.objects.count() == 1
    assert Statement.objects.get().speaker == rutte


def test_a_rejected_quote_and_a_rejected_event_are_not_brought_back():
    article = make_article()
    store(article, extraction())
    Statement.objects.update(review_state=ReviewState.REJECTED)
    Event.objects.update(review_state=ReviewState.REJECTED)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    store(article, extraction())
    assert list(Statement.objects.values_list("review_state", flat=True)) == [ReviewState.REJECTED]
    assert list(Event.objects.values_list("review_state", flat=True)) == [ReviewState.REJECTED]


def test_a_rejected_actor_is_never_created_again_from_the_same_name():
    store(make_article(), extraction())
    Actor.objects.filter(name="Jean Dupont").update(review_state=ReviewState.REJECTED)
    other = make_article(TEXT + " Fin.")
    store(other, extraction())
    assert Actor.objects.filter(name="Jean Dupont").count() == 1
    assert not Mention.objects.filter(article=other, actor__name="Jean Dupont").exists()


def test_the_same_event_reported_by_two_articles_is_one_event_with_two_sources():
    store(make_article(), extraction())
    store(make_article(TEXT + " Autre dépêche."), extraction())
    event = Event.objects.get()
    assert event.evidence.count() == 2


def test_an_alias_added_by_an_editor_links_the_next_new_name_to_that_actor():
    store(make_article(), extraction())
    rutte = Actor.objects.create(name="Mark Rutte", kind="person")
    Alias.objects.filter(name="Jean Dupont").delete()
    Actor.objects.filter(name="Jean Dupont").delete()
    Alias.objects.create(actor=rutte, name="Jean Dupont", origin=Alias.Origin.EDITOR)
    other = make_article(TEXT + " Suite.")
    store(other, extraction())
    assert Mention.objects.get(article=other, text="Jean Dupont").actor == rutte


def test_a_quote_keeps_its_id_when_the_article_is_extracted_again():
    # An editor may have the quote open in the admin: re-extraction must not swap the row under them.
    article = make_article()
    store(article, extraction())
    first = Statement.objects.get().pk
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    store(article, extraction(speaker="ua:zelensky"))
    quote = Statement.objects.get()
    assert quote.pk == first
    assert quote.speaker.name == "Volodymyr Zelensky"


def test_an_event_no_longer_found_disappears_unless_an_editor_kept_it():
    article = make_article()
    store(article, extraction())
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    store(article, extraction(event_key="meeting|2025-09-03|other"))
    assert list(Event.objects.values_list("dedup_key", flat=True)) == ["meeting|2025-09-03|other"]


def test_a_topic_rule_an_editor_adds_tags_the_next_extraction():
    from apps.extraction.gazetteer_db import load_topic_matcher
    from apps.records.models import Topic

    Topic.objects.create(slug="diplomacy-in-paris", name_en="Talks in Paris", name_fr="Pourparlers à Paris",
                         keywords="fr: reçu\nen: hosted", lemmas="recevoir")
    matcher = load_topic_matcher()
    assert matcher.topics("Emmanuel Macron a reçu Volodymyr Zelensky", "fr") == ["diplomacy-in-paris"]
    article = make_article()
    services.extract_and_store([article.pk])
    article.refresh_from_db()
    assert list(article.topics.values_list("slug", flat=True)) == ["diplomacy-in-paris"]
    assert Event.objects.get().topics.filter(slug="diplomacy-in-paris").exists()


def test_names_the_machine_made_up_do_not_teach_the_extractor_until_an_editor_verifies_them():
    from apps.extraction.gazetteer_db import build_gazetteer

    store(make_article(), extraction())
    dupont = Actor.objects.get(name="Jean Dupont")
    assert f"db:{dupont.pk}" not in build_gazetteer().entries
    dupont.review_state = ReviewState.VERIFIED
    dupont.save()
    assert f"db:{dupont.pk}" in build_gazetteer().entries


# --- One transaction per batch -------------------------------------------------------------------

def claimed(*texts: str) -> list[Article]:
    articles = [make_article(text) for text in texts]
    assert services.claim([a.pk for a in articles]) == [a.pk for a in articles]
    for article in articles:
        article.refresh_from_db()
    return articles


def test_two_articles_of_one_batch_reporting_one_event_make_one_event_with_two_sources():
    first, second = claimed(TEXT, TEXT + " Autre dépêche.")
    counts = services.store_extractions([(first, extraction()), (second, extraction())])
    assert counts[first.pk]["events"] == counts[second.pk]["events"] == 1
    event = Event.objects.get()
    assert sorted(event.evidence.values_list("article_id", flat=True)) == [first.pk, second.pk]
    assert event.history.count() == 1  # created once, with its history row
    assert sorted(event.participants.values_list("actor__name", flat=True)) == ["Emmanuel Macron", "Volodymyr Zelensky"]


def test_a_new_name_in_two_articles_of_one_batch_becomes_one_actor_seen_first_in_the_first():
    first, second = claimed(TEXT, TEXT + " Suite.")
    services.store_extractions([(first, extraction()), (second, extraction())])
    dupont = Actor.objects.get(name="Jean Dupont")
    assert dupont.first_seen_in_id == first.pk
    assert Mention.objects.filter(actor=dupont).count() == 2
    assert list(dupont.aliases.values_list("origin", flat=True)) == [Alias.Origin.MACHINE]


def test_the_store_runs_the_same_queries_for_two_articles_as_for_six(django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    store(make_article(TEXT + " Avant."), extraction())  # the curated actors are in the database now

    def queries_for(n: int) -> int:
        articles = claimed(*(f"{TEXT} Batch {n}, copy {i}." for i in range(n)))
        with CaptureQueriesContext(connection) as queries:
            services.store_extractions([(a, extraction()) for a in articles])
        assert Article.objects.filter(pk__in=[a.pk for a in articles], status=Article.Status.EXTRACTED).count() == n
        return len(queries)

    assert queries_for(2) == queries_for(6)


def test_an_article_whose_rows_cannot_be_stored_fails_alone_with_the_reason():
    good, bad = claimed(TEXT, TEXT + " Cassé.")
    broken = extraction()
    broken.statements[0].end = broken.statements[0].start - 1  # a quote that ends before it starts
    summary = services.RunSummary()
    counts = services.store_batch([(good, extraction()), (bad, broken)], summary)
    assert list(counts) == [good.pk]
    assert list(summary.failed) == [bad.pk]
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.status == Article.Status.EXTRACTED and Statement.objects.filter(article=good).count() == 1
    assert bad.status == Article.Status.FAILED and bad.error.startswith("storing the extraction failed: IntegrityError")
    assert not Mention.objects.filter(article=bad).exists()  # nothing half-stored


def test_an_article_another_run_finished_meanwhile_is_left_alone():
    first, second = claimed(TEXT, TEXT + " Déjà fait.")
    Article.objects.filter(pk=second.pk).update(status=Article.Status.EXTRACTED)
    counts = services.store_extractions([(first, extraction()), (second, extraction())])
    assert counts[second.pk] == {"statements": 0, "events": 0, "mentions": 0}
    assert not Mention.objects.filter(article=second).exists()
    assert Mention.objects.filter(article=first).count() == 3


def test_a_mention_an_editor_verified_keeps_its_actor_when_the_article_is_extracted_again():
    article = make_article()
    store(article, extraction())
    rutte = Actor.objects.create(name="Mark Rutte", kind="person")
    Mention.objects.filter(article=article, text="Jean Dupont").update(actor=rutte, review_state=ReviewState.VERIFIED)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    counts = store(article, extraction())
    assert counts["mentions"] == 3
    mention = Mention.objects.get(article=article, text="Jean Dupont")  # one row at that span: the editor's
    assert mention.actor == rutte and mention.review_state == ReviewState.VERIFIED
    assert Mention.objects.filter(article=article).count() == 3


def test_a_mention_that_breaks_a_check_fails_the_store_on_every_database():
    from django.db import IntegrityError

    article = make_article()
    broken = extraction()
    broken.actors[0].mentions.append(XMention(10, 5, "backwards"))
    with pytest.raises(IntegrityError):
        store(article, broken)


def test_an_event_the_text_does_not_date_is_stored_undated_with_its_basis_left_to_the_record():
    # a planned or called-off event the text gives no day for has no date (pipeline/events: _story_day)
    article = make_article()
    result = extraction(event_key="meet|undated||fr:macron,ua:zelensky")
    result.events[0].date, result.events[0].precision, result.events[0].status = None, "unknown", "planned"
    result.events[0].basis, result.events[0].titles = "verb+args+undated", {"fr": "…", "en": "…"}
    assert store(article, result)["events"] == 1
    event = Event.objects.get()
    assert (event.date, event.date_precision, event.status) == (None, "unknown", "planned")


def test_a_speaker_named_only_by_a_description_makes_no_actor_row():
    # "un envoyé" speaks in this article only: a row for it would gather every envoy of every article
    result = extraction(speaker="new:un envoye")
    result.actors.append(XActor(key="new:un envoye", name="un envoyé", kind="person", is_new=True, described=True,
                                mentions=[XMention(*span("un envoyé"), "un envoyé")]))
    store(make_article(), result)
    assert not Actor.objects.filter(name="un envoyé").exists()
    statement = Statement.objects.get()
    # …but who spoke is kept as the article says it, for the analyst to read
    assert (statement.speaker, statement.speaker_description) == (None, "un envoyé")


def test_a_described_speaker_is_stored_from_the_article_and_cleared_once_the_speaker_is_named():
    article = make_article("« Rien n'est encore décidé sur les garanties », a confié un diplomate européen mercredi.")
    services.extract_and_store([article.pk])
    statement = Statement.objects.get(article=article, direct=True)
    assert statement.speaker is None
    assert statement.speaker_description == "un diplomate européen"
    assert statement.speaker_label == "un diplomate européen"

    # the same span read again with a named speaker: the description goes, the actor takes its place
    result = extraction()
    result.statements[0].start, result.statements[0].end = statement.start, statement.end
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FETCHED)
    store(Article.objects.get(pk=article.pk), result)
    statement.refresh_from_db()
    assert (statement.speaker.name, statement.speaker_description) == ("Emmanuel Macron", "")
