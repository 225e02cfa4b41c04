"""The actor page, the statements page and the actor autocomplete."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_actor, make_article, make_event, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A French request leaves French active in this thread (LocaleMiddleware): not for the next test."""
    yield
    translation.deactivate()


@pytest.fixture
def people():
    zelensky = make_actor("Volodymyr Zelensky", country="UA", role="President of Ukraine", aliases=["Zelenskyy", "Зеленський"])
    macron = make_actor("Emmanuel Macron", country="FR", aliases=["Macron"])
    starmer = make_actor("Keir Starmer", country="GB")
    for day in (1, 2, 3):
        make_event(f"Zelensky and Macron, day {day}", date=dt.date(2025, 9, day), actors=[zelensky, macron])
    make_event("Zelensky and Starmer", date=dt.date(2025, 9, 5), actors=[zelensky, starmer])
    article = make_article(title="Interview", text="Zelensky said things.")
    make_statement("Peace must be just.", speaker=zelensky, article=article, said_on=dt.date(2025, 8, 10))
    make_statement("Guarantees first.", speaker=zelensky, article=article, said_on=dt.date(2025, 9, 10))
    make_statement("Europe stands ready.", speaker=macron, said_on=dt.date(2025, 9, 11))
    return {"zelensky": zelensky, "macron": macron, "starmer": starmer}


def test_the_actor_page_shows_who_they_are_what_they_said_and_whom_they_met(client, people):
    html = client.get(reverse("timeline:actor", args=[people["zelensky"].pk])).content.decode()
    assert "President of Ukraine" in html
    assert "Zelenskyy" in html and "Зеленський" in html
    assert html.index("Guarantees first.") < html.index("Peace must be just.")
    assert "Europe stands ready." not in html
    assert "Zelensky and Macron, day 3" in html
    co = html[html.index("Most often with"):]
    assert co.index("Emmanuel Macron") < co.index("Keir Starmer")
    assert f'?actor={people["zelensky"].pk}&amp;actor={people["macron"].pk}' in co


def test_a_merged_actor_page_leads_to_the_actor_it_was_merged_into(client, people):
    duplicate = make_actor("V. Zelensky", merged_into=people["zelensky"])
    response = client.get(reverse("timeline:actor", args=[duplicate.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("timeline:actor", args=[people["zelensky"].pk])


def test_the_statements_page_lists_quotes_with_speaker_date_and_source(client, people):
    html = client.get(reverse("timeline:statements")).content.decode()
    assert html.index("Europe stands ready.") < html.index("Guarantees first.") < html.index("Peace must be just.")
    assert "Interview" in html and f'/actors/{people["macron"].pk}/' in html


def test_the_statements_page_filters_by_speaker_and_date(client, people):
    html = client.get(reverse("timeline:statements"), {"actor": people["zelensky"].pk, "from": "2025-09-01"}).content.decode()
    assert "Guarantees first." in html
    assert "Peace must be just." not in html and "Europe stands ready." not in html


def test_the_autocomplete_finds_actors_by_name_or_alias_and_keeps_the_other_filters(client, people):
    response = client.get(reverse("timeline:actor-search"), {"q": ["zelenskyy", "guarantees"], "topic": "ceasefire"},
                          HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Volodymyr Zelensky" in html and "Emmanuel Macron" not in html
    assert "<html" not in html
    assert f"topic=ceasefire" in html and "q=guarantees" in html and f'actor={people["zelensky"].pk}' in html


def test_the_autocomplete_works_as_a_page_without_javascript(client, people):
    html = client.get(reverse("timeline:actor-search"), {"q": "macr", "for": "statements"}).content.decode()
    assert "<html" in html and f'href="/statements/?actor={people["macron"].pk}"' in html


def test_a_surname_lists_the_person_before_the_institutions_named_after_them(db):
    from apps.records.models import Actor
    from apps.timeline import queries

    admin = make_actor("Trump administration", kind=Actor.Kind.ORGANIZATION, country="US")
    make_event("Tariffs announced", actors=[admin])
    make_event("Sanctions renewed", actors=[admin])  # the institution is the more frequent of the two
    trump = make_actor("Donald Trump", country="US")
    tower = make_actor("Trumpington Council", kind=Actor.Kind.ORGANIZATION)
    assert [a.name for a in queries.search_actors("trump")] == [trump.name, admin.name, tower.name]
    # An exact name or alias comes first whatever its kind.
    nato = make_actor("NATO", kind=Actor.Kind.ORGANIZATION, aliases=["Otan"])
    make_actor("Natalia Natova")
    assert queries.search_actors("nato")[0] == nato and queries.search_actors("otan")[0] == nato


def test_the_suggestions_under_the_box_are_a_listbox_of_options(client, people):
    html = client.get(reverse("timeline:actor-search"), {"q": "zelen"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="actor-options" role="listbox"' in html
    assert f'role="option" id="actor-option-{people["zelensky"].pk}" aria-selected="false"' in html
    page = client.get(reverse("timeline:actor-search"), {"q": "zelen"}).content.decode()
    assert 'role="listbox"' not in page and 'role="option"' not in page  # alone on its page: plain links
    empty = client.get(reverse("timeline:actor-search"), {"q": "nobody"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'role="status"' in empty and "No actor by that name." in empty and "listbox" not in empty


def test_the_picker_says_what_several_actors_mean_on_each_page(client, people):
    timeline = client.get(reverse("timeline:index")).content.decode()
    statements = client.get(reverse("timeline:statements")).content.decode()
    assert "events where they all took part" in timeline
    assert "quotes by any of them" in statements and "all took part" not in statements
    french = client.get(reverse("timeline:statements"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "les citations de l’un ou l’autre" in french


def test_a_quote_of_someone_the_article_only_describes_says_who_it_was_as_the_article_does(client, people):
    meeting = make_event("Zelensky and Macron in Paris", date=dt.date(2025, 9, 12), actors=[people["zelensky"]])
    make_statement("Nothing is decided <yet>.", speaker_description="une porte-parole <de l'Élysée>",
                   said_on=dt.date(2025, 9, 12), event=meeting)
    html = client.get(reverse("timeline:statements")).content.decode()
    card = html[html.index("Nothing is decided"):]
    card = card[:card.index("</li>")]
    assert "une porte-parole &lt;de l&#x27;Élysée&gt;" in card  # the article's words, escaped
    assert "Unknown speaker" not in card and "/actors/" not in card
    # the event's card lists what was said there, with the same description
    detail = client.get(reverse("timeline:event", args=[meeting.pk])).content.decode()
    said = detail[detail.index("Nothing is decided"):]
    assert "une porte-parole &lt;de l&#x27;Élysée&gt;" in said[:said.index("</li>")]
