"""Cached or not, the next request after a write shows it (issue 14).

Pages, fragments and API pages are served from the cache while the data version holds; every
write to the records bumps it. These tests write the way Parley does (extraction, the editors'
admin, a bulk update with no signal) between two requests of the same view, and check that the
second shows the change. They run on SQLite and on PostgreSQL (DATABASE_URL).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from apps.extraction import services as extraction
from apps.ingestion.models import Article
from apps.records.models import Event
from apps.timeline import freshness
from tests.timeline import review_data as make

SENTENCE = "Vladimir Putin met Steve Witkoff in Moscow on Thursday."
NEW_TEXT = ("Emmanuel Macron met Volodymyr Zelensky in Paris on Monday to discuss security guarantees. "
            "“We will stand by Ukraine,” Macron said.")


@pytest.fixture
def talks(db):
    article = make.article()
    putin, witkoff = make.actor("Vladimir Putin"), make.actor("Steve Witkoff")
    event = make.event("Moscow round of talks")
    make.evidence(event, article, SENTENCE)
    make.participant(event, putin, "host")
    make.participant(event, witkoff, "participant")
    return {"event": event, "putin": putin}


@pytest.fixture
def ana(client, analyst):
    client.force_login(analyst)
    return client


def views(talks) -> list[str]:
    """Every view that shows the talks: pages, fragments and the API."""
    event, putin = talks["event"], talks["putin"]
    return [
        "/", f"/?actor={putin.pk}", "/?q=Witkoff",
        reverse("timeline:event", args=[event.pk]),
        reverse("timeline:actor", args=[putin.pk]),
        "/api/v1/events", f"/api/v1/events/{event.pk}",
    ]


def served_twice(client, url: str, **headers) -> str:
    """The view's body, after a first request that filled the cache."""
    first = client.get(url, headers=headers)
    second = client.get(url, headers=headers)
    assert first.status_code == second.status_code == 200, url
    assert without_tokens(second) == without_tokens(first), f"{url}: the cached copy differs from the page"
    return second.content.decode()


def without_tokens(response) -> str:
    """The body with its CSRF tokens blanked: each response masks the visitor's token afresh."""
    return re.sub(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', r"\1", response.content.decode())


def extract(text: str) -> Article:
    article = Article.objects.create(
        via=Article.Via.PASTE, title="Macron receives Zelensky", text=text, language="en",
        published_at=dt.datetime(2025, 9, 8, tzinfo=dt.timezone.utc), status=Article.Status.FETCHED,
    )
    assert extraction.extract_and_store([article.pk]).extracted == [article.pk]
    return article


def check_a_correction_shows_everywhere(ana, editor, talks):
    pages = {url: served_twice(ana, url) for url in views(talks)}
    assert all("Moscow round of talks" in page for page in pages.values())

    editors = Client()
    editors.force_login(editor)
    url = reverse("admin:records_event_change", args=[talks["event"].pk])
    data = make.change_form_data(editors.get(url))
    data["title"] = "Putin receives Witkoff in the Kremlin"
    assert editors.post(url, data).status_code == 302

    for page_url in views(talks):
        if page_url == "/?q=Witkoff":
            continue  # still matches by its evidence sentence, checked below
        page = ana.get(page_url).content.decode()
        assert "Putin receives Witkoff in the Kremlin" in page, page_url
        assert "Moscow round of talks" not in page, page_url
    assert "Putin receives Witkoff in the Kremlin" in ana.get("/?q=Witkoff").content.decode()


def check_an_extracted_event_shows_everywhere(ana, talks):
    before = {url: served_twice(ana, url) for url in ["/", "/api/v1/events", "/statements/"]}
    assert "Volodymyr Zelensky" not in before["/"] and "Volodymyr Zelensky" not in before["/api/v1/events"]

    extract(NEW_TEXT)

    new = Event.objects.get(participants__actor__name="Volodymyr Zelensky")
    assert new.title in ana.get("/").content.decode()
    assert new.pk in [item["id"] for item in ana.get("/api/v1/events").json()["items"]]
    assert "We will stand by Ukraine" in ana.get("/statements/").content.decode()


# --- In a test transaction (the version is bumped as each write runs) ------------------------------


@pytest.mark.django_db
def test_an_editors_correction_shows_on_the_next_request_of_every_view(ana, editor, talks):
    check_a_correction_shows_everywhere(ana, editor, talks)


@pytest.mark.django_db
def test_a_newly_extracted_event_shows_on_the_next_request(ana, talks):
    check_an_extracted_event_shows_everywhere(ana, talks)


# --- Committed for real (the bump on commit) ------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_committed_corrections_and_extractions_show_on_the_next_request(ana, editor, talks):
    check_a_correction_shows_everywhere(ana, editor, talks)
    check_an_extracted_event_shows_everywhere(ana, talks)


@pytest.mark.django_db(transaction=True)
def test_a_page_cached_while_a_write_was_uncommitted_is_retired_by_the_commit(ana, talks):
    # Another process may render between the write and its commit, see the old rows, and store
    # them under the version the write's first bump made: the commit must bump again.
    served_twice(ana, "/")
    with transaction.atomic():
        Event.objects.filter(pk=talks["event"].pk).update(title="Putin hosts Witkoff")
        mid_transaction_key = freshness.key("probe")
        cache.set(mid_transaction_key, "the rows before the commit")
    assert freshness.key("probe") != mid_transaction_key
    assert "Putin hosts Witkoff" in ana.get("/").content.decode()


@pytest.mark.django_db
def test_a_bulk_update_without_signals_still_shows(ana, talks):
    served_twice(ana, "/")
    Event.objects.filter(pk=talks["event"].pk).update(title="Putin hosts Witkoff")
    assert "Putin hosts Witkoff" in ana.get("/").content.decode()


@pytest.mark.django_db
def test_a_rolled_back_write_shows_nothing_new(ana, talks):
    served_twice(ana, "/")
    with pytest.raises(RuntimeError), transaction.atomic():
        Event.objects.filter(pk=talks["event"].pk).update(title="Putin hosts Witkoff")
        raise RuntimeError
    page = ana.get("/").content.decode()
    assert "Moscow round of talks" in page and "Putin hosts Witkoff" not in page


# --- Conditional GET --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_unchanged_view_answers_304_and_a_changed_one_the_new_page(ana, talks):
    first = ana.get("/")
    etag = first["ETag"]
    assert "no-cache" in first["Cache-Control"] and "private" in first["Cache-Control"]

    again = ana.get("/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""

    Event.objects.filter(pk=talks["event"].pk).update(title="Putin hosts Witkoff")
    changed = ana.get("/", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Putin hosts Witkoff" in changed.content.decode()
    assert changed["ETag"] != etag


@pytest.mark.django_db
def test_the_live_poll_answers_304_until_an_event_is_added(ana, talks):
    poll = f"{reverse('timeline:new-events')}?since={talks['event'].pk}"
    hx = {"HX-Request": "true"}
    first = ana.get(poll, headers=hx)
    assert first.status_code == 200 and "new event" not in first.content.decode()
    assert ana.get(poll, headers={**hx, "If-None-Match": first["ETag"]}).status_code == 304

    make.event("Witkoff meets Umerov")
    fresh = ana.get(poll, headers={**hx, "If-None-Match": first["ETag"]})
    assert fresh.status_code == 200 and "1 new event" in fresh.content.decode()


@pytest.mark.django_db
def test_a_304_is_only_for_the_visitor_who_had_the_page(ana, talks, editor):
    etag = ana.get("/")["ETag"]
    other = Client()
    other.force_login(editor)
    assert other.get("/", headers={"If-None-Match": etag}).status_code == 200


# --- What differs between visitors ------------------------------------------------------------------


def _token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.mark.django_db
def test_a_page_from_the_cache_carries_the_visitors_own_csrf_token(analyst, talks, django_user_model):
    from django.contrib.auth.models import Group

    second = django_user_model.objects.create_user(username="bea", password="x", is_staff=True)
    second.groups.add(Group.objects.get(name="Analysts"))
    ana, bea = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    ana.force_login(analyst)
    bea.force_login(second)
    ana.get("/")
    page = bea.get("/").content.decode()  # from the cache Ana's request filled

    assert freshness_placeholder() not in page
    token = _token(page)
    assert bea.post(reverse("set_language"), {"language": "fr", "next": "/", "csrfmiddlewaretoken": token}).status_code == 302


def freshness_placeholder() -> str:
    from apps.timeline.pagecache import CSRF_PLACEHOLDER

    return CSRF_PLACEHOLDER


@pytest.mark.django_db
def test_an_editor_gets_the_editors_header_from_a_page_an_analyst_filled(ana, editor, talks):
    assert "Add articles" not in ana.get("/").content.decode()
    editors = Client()
    editors.force_login(editor)
    assert "Add articles" in editors.get("/").content.decode()


@pytest.mark.django_db
def test_each_language_gets_its_own_page(ana, talks):
    assert 'lang="en"' in ana.get("/").content.decode()
    assert 'lang="fr"' in ana.get("/", headers={"Accept-Language": "fr"}).content.decode()


@pytest.mark.django_db
def test_a_page_and_its_fragment_are_kept_apart(ana, talks):
    page = ana.get("/").content.decode()
    fragment = ana.get("/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" in page and "<html" not in fragment


# --- How often the cache is emptied, and by whom it is filled ------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_process_that_serves_no_page_empties_the_cache_once_per_transaction(talks):
    # A worker's extraction batch writes dozens of rows: one bump, at commit, not one per row.
    freshness.bump()
    before = cache.get(freshness.VERSION_KEY)
    with transaction.atomic():
        for title in ("One", "Two", "Three"):
            Event.objects.filter(pk=talks["event"].pk).update(title=title)
        assert cache.get(freshness.VERSION_KEY) == before
    assert cache.get(freshness.VERSION_KEY) == before + 1


def test_one_request_renders_a_missed_page_while_the_others_wait_for_it():
    import threading

    key = "parley:test:a-page"
    cache.delete(key)
    assert freshness.claim(key)
    assert not freshness.claim(key)  # a second analyst asking at the same moment
    threading.Timer(0.05, lambda: cache.set(key, "rendered once")).start()
    assert freshness.wait_for(key) == "rendered once"
    freshness.release(key)
    assert freshness.claim(key)
    freshness.release(key)


@pytest.mark.django_db
def test_a_worker_claiming_an_article_keeps_the_pages_but_marking_one_irrelevant_retires_them(ana, editor, talks):
    from apps.records import services

    article = Article.objects.create(via=Article.Via.PASTE, title="Waiting", text=NEW_TEXT, language="en",
                                     status=Article.Status.FETCHED)
    ana.get("/")
    version = cache.get(freshness.VERSION_KEY)
    assert extraction.claim([article.pk]) == [article.pk]
    assert cache.get(freshness.VERSION_KEY) == version

    source = talks["event"].evidence.get().article
    services.mark_article_irrelevant(article=source, user=editor)
    assert cache.get(freshness.VERSION_KEY) != version


@pytest.mark.django_db
def test_an_analyst_made_editor_gets_the_editors_header_on_the_next_request(ana, analyst, talks):
    from django.contrib.auth.models import Group

    assert "Add articles" not in ana.get("/").content.decode()
    analyst.groups.add(Group.objects.get(name="Editors"))
    assert "Add articles" in ana.get("/").content.decode()


def test_a_readers_visit_stamp_keeps_everyone_elses_pages(talks, ana, analyst):
    """Recording "since your last visit" writes the reader's row: it must not retire every page."""
    ana.get("/")  # the first visit stamps timeline_seen_at
    before = freshness.current()
    type(analyst).objects.get(pk=analyst.pk).record_timeline_visit(
        now=dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2))
    assert freshness.current() == before
    type(analyst).objects.filter(pk=analyst.pk).update(first_name="Ana")  # any other change does
    assert freshness.current() != before


def summary_after_visit(client) -> str:
    """The timeline's first page (which records the visit), then the summary it loads."""
    assert client.get("/").status_code == 200
    return served_twice(client, reverse("timeline:summary"), **{"HX-Request": "true"})


def test_each_reader_gets_the_summary_of_their_own_last_visit_from_the_cache(talks, client, django_user_model):
    """The summary holds "since your last visit": a cached copy is never another's."""
    from django.contrib.auth.models import Group

    now = dt.datetime.now(dt.timezone.utc)
    readers = []
    for name, away in (("back", dt.timedelta(hours=2)), ("first", None)):
        user = django_user_model.objects.create_user(name, password="x")
        user.groups.add(Group.objects.get_or_create(name="Analysts")[0])
        if away:  # read the timeline two hours ago, then left
            django_user_model.objects.filter(pk=user.pk).update(timeline_seen_at=now - away)
        readers.append(Client())
        readers[-1].force_login(user)
    back, first = readers
    assert 'id="summary-visit"' in summary_after_visit(back)
    assert 'id="summary-visit"' not in summary_after_visit(first)  # a first visit has nothing to compare
    assert 'id="summary-visit"' in summary_after_visit(back)


def test_a_page_served_from_the_cache_still_counts_as_a_visit(talks, ana, analyst):
    served_twice(ana, "/")
    seen = type(analyst).objects.get(pk=analyst.pk).timeline_seen_at
    assert seen is not None
    later = seen - dt.timedelta(hours=1)
    type(analyst).objects.filter(pk=analyst.pk).update(timeline_seen_at=later)  # as if an hour ago
    assert 'id="summary-visit"' in summary_after_visit(ana)
    assert type(analyst).objects.get(pk=analyst.pk).previous_visit_at == later


# --- Pages kept by what they show (pagecache.shown_key) ---------------------------------------------


@pytest.mark.django_db
def test_a_new_event_outside_a_views_filters_leaves_its_rendering_and_one_inside_renders_it_again(ana, talks):
    # Every write retires every page's key by data version; a view whose events, filter choices
    # and search terms read the same afterwards is served its earlier rendering (no template
    # rendered), one that the write changed is rendered again.
    putin = talks["putin"]
    by_putin = f"/?actor={putin.pk}"
    assert "Moscow round of talks" in ana.get(by_putin).content.decode()
    # Pages are kept by what they show, whichever test rendered them: titles of this test's own.
    make.event("Odesa talks")  # no Putin in it
    again = ana.get(by_putin)
    assert again.templates == [] and "Moscow round of talks" in again.content.decode()
    assert "Odesa talks" in ana.get("/").content.decode()
    minsk = make.event("Putin in Minsk")
    make.participant(minsk, putin)
    again = ana.get(by_putin)
    assert again.templates and "Putin in Minsk" in again.content.decode()


@pytest.mark.django_db
def test_a_filtered_page_kept_by_what_it_shows_follows_every_correction_of_what_it_shows(ana, talks):
    """The filter panel's chips and choices are data too: a rename or a new country shows at once."""
    from apps.records.models import Actor, Topic

    putin, event = talks["putin"], talks["event"]
    by_putin = f"/?actor={putin.pk}"
    served_twice(ana, by_putin)
    Actor.objects.filter(pk=putin.pk).update(name="V. V. Putin")  # the card's chip and the filter's
    page = ana.get(by_putin).content.decode()
    assert page.count("V. V. Putin") >= 2 and "Vladimir Putin" not in page
    Topic.objects.create(slug="truce-talks", name_en="Truce talks", name_fr="Pourparlers de trêve")
    assert '<option value="truce-talks">Truce talks</option>' in ana.get(by_putin).content.decode()
    make.actor("Recep Erdogan", country="TR")
    assert '<option value="TR">' in ana.get(by_putin).content.decode()
    Event.objects.filter(pk=event.pk).update(title="Putin hosts Witkoff")
    load_more = ana.get(by_putin, headers={"HX-Request": "true"}).content.decode()
    assert "Putin hosts Witkoff" in load_more


@pytest.mark.django_db
def test_an_actors_page_is_rendered_again_only_for_what_names_them(ana, talks):
    putin, witkoff = talks["putin"], make.actor("Rustem Umerov (page-key test)")
    page = reverse("timeline:actor", args=[putin.pk])
    assert "Moscow round of talks" in ana.get(page).content.decode()
    elsewhere = make.event("Umerov in Doha (page-key test)")
    make.participant(elsewhere, witkoff)
    again = ana.get(page)
    assert again.templates == [] and "Moscow round of talks" in again.content.decode()
    make.participant(elsewhere, putin)  # now an event of his: a count, a card and a co-participant change
    again = ana.get(page).content.decode()
    assert "Umerov in Doha (page-key test)" in again and "Rustem Umerov (page-key test)" in again


# --- Cards kept by what they show (apps.timeline.cardcache) ----------------------------------------


def kept_card_key(response, event_pk: int, *, under_day_header=True, can_edit=False) -> str:
    """The key the timeline stored this event's card under, for the page's language."""
    from django.utils import translation

    from apps.timeline import cardcache, queries

    event = queries.with_card_data(Event.objects.filter(pk=event_pk)).get()
    with translation.override(response["Content-Language"]):
        return cardcache.key("event-card", event, under_day_header, can_edit)


@pytest.mark.django_db
def test_a_card_survives_a_write_elsewhere_and_changes_with_what_it_shows(ana, talks):
    # After every extraction the page is rendered again, but its unchanged cards are not: the
    # stored card (marked here to tell it apart) is what the rebuilt page shows...
    first = ana.get("/")
    card_key = kept_card_key(first, talks["event"].pk)
    stored = cache.get(card_key)
    assert stored is not None and "Moscow round of talks" in stored
    cache.set(card_key, stored.replace("Moscow round of talks", "Moscow round (kept card)"))
    try:
        make.event("Kyiv talks")  # a write elsewhere: every page is retired
        page = ana.get("/").content.decode()
        assert "Kyiv talks" in page and "Moscow round (kept card)" in page
        # ...until something the card shows changes, even in a row that is not the event's own.
        talks["putin"].name = "V. Putin"
        talks["putin"].save()
        page = ana.get("/").content.decode()
        assert "Moscow round (kept card)" not in page and "Moscow round of talks" in page and "V. Putin" in page
    finally:
        cache.delete(card_key)  # the same card, in a later test, must not come out marked


@pytest.mark.django_db
def test_a_new_source_and_a_renamed_topic_show_on_the_card(ana, talks):
    from apps.records.models import Topic

    event = talks["event"]
    event.topics.add(Topic.objects.create(slug="truce-talks", name_en="Ceasefire", name_fr="Cessez-le-feu"))
    served_twice(ana, "/")
    make.evidence(event, make.article(f"A second report. {SENTENCE}"), SENTENCE)  # a second source: the card's count changes
    assert "2 sources" in ana.get("/").content.decode()
    Topic.objects.filter(slug="truce-talks").update(name_en="Truce", name_fr="Trêve")
    page = ana.get("/").content.decode()
    assert "#Truce" in page or "#Trêve" in page


@pytest.mark.django_db
def test_a_card_shows_the_machine_title_of_the_readers_language_when_only_that_title_changed(ana, talks):
    from apps.records.models import Event

    event = talks["event"]
    Event.objects.filter(pk=event.pk).update(titles={"en": event.title, "fr": "Pourparlers de Moscou"})
    assert "Pourparlers de Moscou" in ana.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    # Only the French title changes (the stored title, the English one, stays): the French card follows.
    Event.objects.filter(pk=event.pk).update(titles={"en": event.title, "fr": "Cycle de Moscou"})
    page = ana.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Cycle de Moscou" in page and "Pourparlers de Moscou" not in page
