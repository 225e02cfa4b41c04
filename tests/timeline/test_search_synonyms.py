"""Search understands what the words name: a topic or an actor, in French and English (issue 16, item 6).

Run on SQLite (plain substrings) and on PostgreSQL (full text, stemmed): the same answers.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from apps.timeline import queries, search
from tests.factories import make_actor, make_article, make_event, make_statement, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A French request leaves French active in this thread (LocaleMiddleware): not for the next test."""
    yield
    translation.deactivate()


def titles(q: str, **filters) -> set[str]:
    page = queries.event_page(queries.TimelineFilters(q=q, **filters))
    return {event.title for event in page.items}


def search_html(client, q: str) -> str:
    return client.get(reverse("timeline:index"), {"q": q}, HTTP_HX_REQUEST="true").content.decode()


@pytest.fixture
def talks():
    guarantees = make_topic("security-guarantees", "Security guarantees", "Garanties de sécurité")
    guarantees.keywords = "fr: garanties de sécurité\nfr: garanties sécuritaires\nen: security guarantee*\nen: backstop"
    guarantees.save()
    ceasefire = make_topic("ceasefire", "Ceasefire", "Cessez-le-feu")
    putin = make_actor("Vladimir Putin", country="RU", aliases=["Poutine", "Vladimir Poutine"])
    witkoff = make_actor("Steve Witkoff", country="US")
    english = make_article(title="Coalition in Paris", text="The coalition discussed security guarantees for Ukraine.")
    french = make_article(title="Coalition à Berlin", language="fr",
                          text="Les dirigeants ont évoqué des garanties de sécurité pour l'Ukraine.")
    moscow = make_article(title="Witkoff in Moscow", text="Putin received Witkoff in the Kremlin for five hours.")
    moscou = make_article(title="Witkoff à Moscou", language="fr", text="Poutine a reçu l'émissaire américain.")
    return {
        "english": make_event("Coalition of the willing meets in Paris", date=dt.date(2025, 9, 4), topics=[guarantees],
                              evidence=[(english, "The coalition discussed security guarantees for Ukraine.")]),
        "french": make_event("Réunion de la coalition à Berlin", date=dt.date(2025, 9, 5), topics=[guarantees],
                             evidence=[(french, "Les dirigeants ont évoqué des garanties de sécurité pour l'Ukraine.")]),
        "tagged": make_event("Leaders call about the backstop", date=dt.date(2025, 9, 6), topics=[guarantees]),
        "untagged": make_event("Ministers meet in Rome", date=dt.date(2025, 9, 7),
                               evidence=[(english, "The coalition discussed security guarantees for Ukraine.")]),
        "kremlin": make_event("Witkoff received in the Kremlin", date=dt.date(2025, 12, 2), actors=[putin, witkoff],
                              evidence=[(moscow, "Putin received Witkoff in the Kremlin for five hours.")]),
        "moscou": make_event("Entretien au Kremlin", date=dt.date(2025, 12, 3),
                             evidence=[(moscou, "Poutine a reçu l'émissaire américain.")]),
        "truce": make_event("Energy truce agreed", date=dt.date(2025, 3, 25), topics=[ceasefire]),
        "putin": putin,
    }


def test_the_topic_its_english_name_and_a_french_word_find_the_same_events(talks):
    by_english = titles("security guarantees")
    assert by_english == titles("garanties") == titles("Garanties de sécurité")
    expected = {talks[key].title for key in ("english", "french", "tagged", "untagged")}
    assert by_english == expected
    # Every event of the topic is among them.
    assert titles("", topic="security-guarantees") == expected - {talks["untagged"].title}


def test_a_french_name_finds_english_reports_and_the_reverse(talks):
    assert titles("Poutine") == {talks["kremlin"].title, talks["moscou"].title}
    assert titles("Putin") == {talks["kremlin"].title, talks["moscou"].title}
    assert titles("Vladimir Poutine") == titles("Poutine")


def test_words_that_name_nothing_are_searched_as_written(talks):
    terms = search.expand("five hours")
    assert not terms.widened
    assert titles("five hours") == {talks["kremlin"].title}
    # A part of a name does not pull in the actor: "Vladimir" is not a whole name or alias.
    assert not search.expand("Vladimir").actors


def test_quotes_ask_for_exactly_these_words(talks):
    assert search.expand('"garanties"').phrases == ()
    assert titles('"garanties"') == {talks["french"].title}


def test_each_result_says_where_it_matched_with_the_words_marked(client, talks):
    html = search_html(client, "garanties")
    assert "Most relevant first" in html
    assert '<span class="match-where">Reported</span>' in html
    assert "<mark>garanties de sécurité</mark>" in html or "<mark>garanties</mark>" in html
    assert "<mark>security guarantees</mark>" in html or "<mark>security</mark>" in html
    # The event found by its topic alone says so.
    card = html[html.index("Leaders call about the backstop"):]
    card = card[: card.index("</article>")]
    assert '<span class="match-where">Title</span>' in card or '<span class="match-where">Topic</span>' in card
    # The page tells what the words were taken to mean, with a way back to the words alone.
    assert "#Security guarantees" in html and "search only these words" in html


def test_a_title_match_is_marked_in_the_title_snippet(client, talks):
    html = search_html(client, "Kremlin")
    card = html[html.index('id="event-%d"' % talks["kremlin"].pk):]
    card = card[: card.index("</article>")]
    assert '<span class="match-where">Title</span>' in card
    assert "<mark>Kremlin</mark>" in card


def test_the_snippet_escapes_the_news_text(client):
    sentence = "Ministers & envoys spoke of an armistice <img src=x onerror=alert(1)> <script>alert(2)</script> today."
    make_event("Envoy visit", evidence=[(make_article(title="Wire", text=sentence), sentence)])
    html = search_html(client, "armistice")
    assert "<img" not in html and "<script>alert" not in html
    assert "Ministers &amp; envoys" in html and "&lt;img src=x" in html and "<mark>armistice</mark>" in html


def test_a_found_actor_s_events_say_who_took_part(client, talks):
    event = make_event("Phone call", date=dt.date(2025, 12, 10), actors=[talks["putin"]])
    html = search_html(client, "Poutine")
    card = html[html.index('id="event-%d"' % event.pk):]
    card = card[: card.index("</article>")]
    assert '<span class="match-where">Took part</span>' in card and "Vladimir Putin" in card


def test_the_statements_page_finds_an_actor_s_quotes_by_another_name(client, talks):
    make_statement("We are ready for a lasting peace.", speaker=talks["putin"])
    make_statement("Nous voulons des garanties de sécurité.", speaker=make_actor("Emmanuel Macron"))
    make_statement("Nothing on that.")
    html = client.get(reverse("timeline:statements"), {"q": "Poutine"}).content.decode()
    assert "We are ready for a lasting peace." in html and "Nothing on that." not in html
    html = client.get(reverse("timeline:statements"), {"q": "security guarantees"}).content.decode()
    assert "Nous voulons des garanties de sécurité." in html and "Nothing on that." not in html


def test_the_exports_and_the_api_filter_use_the_same_meaning(talks):
    """filter_events (exports, feed, chart, API) and the page agree on what a search finds."""
    for q in ("garanties", "Poutine", "five hours"):
        exported = set(queries.filter_events(queries.TimelineFilters(q=q)).values_list("title", flat=True))
        assert exported == titles(q), q


def test_the_live_count_under_a_search_uses_the_same_meaning(talks):
    since = queries.latest_event_id()
    make_event("Talks on the backstop resume", topics=list(talks["english"].topics.all()))
    assert queries.new_event_count(queries.TimelineFilters(q="garanties"), since=since) == 1


def _search_queries(client, q: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        search_html(client, q)
    return len(captured)


def test_a_search_page_costs_no_more_queries_for_30_results_than_for_5(client, talks):
    """Where each result matched is found for the whole page at once, not card by card: a bounded
    number of queries (fewer when the first tier fills the page, as lower tiers are not read)."""
    def add(start: int, n: int):
        putin = talks["putin"]
        for i in range(start, start + n):
            article = make_article(title=f"Wire {i}", text=f"Poutine parle {i}.")
            make_event(f"Title Poutine {i}", date=dt.date(2025, 1, 1 + i % 28))
            make_event(f"Reported {i}", date=dt.date(2025, 2, 1 + i % 28), evidence=[(article, f"Poutine parle {i}.")])
            make_event(f"Took part {i}", date=dt.date(2025, 3, 1 + i % 28), actors=[putin])
            make_statement(f"Poutine a dit {i}.", event=make_event(f"Quoted {i}", date=dt.date(2025, 4, 1 + i % 28)))

    add(0, 1)
    few = _search_queries(client, "Poutine")
    add(1, 10)
    many = _search_queries(client, "Poutine")
    assert many <= few, (few, many)


def test_where_it_matched_is_said_in_french_too(client, talks):
    html = client.get(reverse("timeline:index"), {"q": "garanties"}, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<span class="match-where">Rapporté</span>' in html
    assert "recherche élargie à" in html and "#Garanties de sécurité" in html


def test_a_word_after_an_elision_names_its_topic():
    nato = make_topic("nato-membership", "NATO membership", "Adhésion à l'OTAN")
    assert search.expand("otan").topics == (nato,)
    assert search.expand("membership").topics == (nato,)
    assert search.expand("l'adhésion").topics == (nato,)
    assert search.expand("le").topics == ()  # a stop word names nothing
