"""Every write refuses a POST without the CSRF token and accepts the same POST with it.

The client checks CSRF as a browser's server would (`enforce_csrf_checks=True`). The token is
taken from the page the write starts on: the form's hidden field, or for HTMX the X-CSRFToken
header that base.html sends from `<body hx-headers=...>`. A refused write must also leave the
database as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from apps.ingestion.models import Article
from apps.records.models import Actor, Event, EventEvidence, ReviewState
from tests.reliability.access_world import World, build_world


@dataclass
class Write:
    page: Callable[[World], str]  # where the form is
    url: Callable[[World], str]  # where it posts
    data: Callable[[World], dict]
    done: Callable[[World], bool]  # the write happened
    persona: str = "editor"
    accepted: tuple = (302,)  # status codes of a successful write


def _row(world: World, model: str):
    row = world.rows[model]
    return type(row).objects.filter(pk=row.pk).first()


def _action(model: str, action: str, selected: Callable[[World], list], **extra) -> tuple:
    url = lambda world: f"/admin/{model}/"  # noqa: E731
    data = lambda world: {"action": action, "_selected_action": selected(world), "index": "0", **extra}  # noqa: E731
    return url, url, data


def _witkoff_pk(world: World) -> int:
    return Actor.objects.get(name="Steve Witkoff").pk


WRITES: dict[str, Write] = {
    "choose a language": Write(
        page=lambda world: "/", url=lambda world: "/i18n/setlang/", persona="anonymous",
        data=lambda world: {"language": "fr", "next": "/"},
        done=lambda world: False,  # the effect is the cookie; checked in the test itself
    ),
    "log in": Write(
        page=lambda world: "/admin/login/", url=lambda world: "/admin/login/", persona="anonymous",
        data=lambda world: {"username": "ed", "password": "not-used-in-tests", "next": "/admin/"},
        done=lambda world: False,
    ),
    "log out": Write(
        page=lambda world: "/admin/", url=lambda world: "/admin/logout/", data=lambda world: {},
        done=lambda world: False, accepted=(200,),
    ),
    "submit an article URL": Write(
        page=lambda world: "/ingest/", url=lambda world: "/ingest/url",
        data=lambda world: {"url": "https://news.example.org/2025/09/04/talks"},
        done=lambda world: Article.objects.filter(url="https://news.example.org/2025/09/04/talks").exists(),
    ),
    "upload a file of articles": Write(
        page=lambda world: "/ingest/upload", url=lambda world: "/ingest/upload",
        data=lambda world: {"file": SimpleUploadedFile("talks.jsonl", json.dumps(
            {"id": "csrf-1", "title": "Uploaded talks", "language": "en",
             "text": "Envoys met in Geneva on Thursday to discuss a ceasefire."}).encode())},
        done=lambda world: Article.objects.filter(title="Uploaded talks").exists(), accepted=(200,),
    ),
    "paste an article in the admin": Write(
        page=lambda world: "/admin/ingestion/article/add/", url=lambda world: "/admin/ingestion/article/add/",
        data=lambda world: {"title": "Pasted statement", "language": "en",
                            "text": "The foreign ministers said on Friday that talks would resume."},
        done=lambda world: Article.objects.filter(title="Pasted statement").exists(),
    ),
    "rename a topic": Write(
        page=lambda world: f"/admin/records/topic/{world.pk('records/topic')}/change/",
        url=lambda world: f"/admin/records/topic/{world.pk('records/topic')}/change/",
        data=lambda world: {"name_en": "Truce", "name_fr": "Trêve", "slug": "ceasefire", "keywords": "truce"},
        done=lambda world: _row(world, "records/topic").name_en == "Truce",
    ),
    "verify an event (admin action)": Write(
        *_action("records/event", "verify_selected", lambda world: [world.pk("records/event")]),
        done=lambda world: _row(world, "records/event").review_state == ReviewState.VERIFIED,
    ),
    "merge two actors": Write(
        page=lambda world: "/admin/records/actor/", url=lambda world: "/admin/records/actor/",
        data=lambda world: {"action": "merge_actors", "index": "0", "post": "yes", "keep": world.pk("records/actor"),
                            "_selected_action": [world.pk("records/actor"), _witkoff_pk(world)]},
        done=lambda world: Actor.objects.get(name="Steve Witkoff").merged_into_id is not None,
    ),
    "split an alias into its own actor": Write(
        page=lambda world: f"/admin/records/alias/{world.pk('records/alias')}/split/",
        url=lambda world: f"/admin/records/alias/{world.pk('records/alias')}/split/",
        data=lambda world: {"kind": "person"},
        done=lambda world: Actor.objects.filter(name="Poutine").exists(),
    ),
    "verify a row from the review list": Write(
        page=lambda world: "/admin/records/event/?state=all",
        url=lambda world: f"/admin/records/event/{world.pk('records/event')}/review/verify/?back=list",
        data=lambda world: {}, done=lambda world: _row(world, "records/event").review_state == "verified",
    ),
    "undo a merge": Write(
        page=lambda world: f"/admin/records/mergerecord/{world.pk('records/mergerecord')}/change/",
        url=lambda world: f"/admin/records/mergerecord/{world.pk('records/mergerecord')}/undo/",
        data=lambda world: {}, done=lambda world: _row(world, "records/mergerecord").undone_at is not None,
    ),
    "re-run extraction of an article": Write(
        page=lambda world: f"/admin/ingestion/article/{world.pk('ingestion/article')}/change/",
        url=lambda world: f"/admin/ingestion/article/{world.pk('ingestion/article')}/rerun-extraction/",
        data=lambda world: {}, done=lambda world: _row(world, "ingestion/article").status == Article.Status.FETCHED,
    ),
    "mark an article irrelevant": Write(
        page=lambda world: f"/admin/ingestion/article/{world.pk('ingestion/article')}/change/",
        url=lambda world: f"/admin/ingestion/article/{world.pk('ingestion/article')}/mark-irrelevant/",
        data=lambda world: {}, done=lambda world: _row(world, "ingestion/article").status == Article.Status.IRRELEVANT,
    ),
    "delete an alias": Write(
        page=lambda world: f"/admin/records/alias/{world.pk('records/alias')}/delete/",
        url=lambda world: f"/admin/records/alias/{world.pk('records/alias')}/delete/",
        data=lambda world: {"post": "yes"}, done=lambda world: _row(world, "records/alias") is None,
    ),
    "move evidence to a new event": Write(
        *_action("records/eventevidence", "move_evidence",
                 lambda world: [EventEvidence.objects.get(event=world.rows["records/event"], start=44).pk],
                 post="yes", title="A second meeting"),
        done=lambda world: Event.objects.filter(title="A second meeting").exists(),
    ),
}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PARLEY_PUBLIC_TIMELINE = True  # the language switcher is on the public timeline


@pytest.fixture
def world(editor) -> World:
    world = build_world(by=editor)
    # A second sentence on the event, so one can be moved off it.
    EventEvidence.objects.create(event=world.rows["records/event"], article=world.rows["ingestion/article"],
                                 sentence="“We are ready to talk,” Putin said.", start=44, end=80)
    return world


def _client(persona: str, editor) -> Client:
    client = Client(enforce_csrf_checks=True)
    if persona == "editor":
        client.force_login(editor)
    return client


def _form_token(client: Client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200, f"GET {url}: {page.status_code}"
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert match, f"{url} has no form with a CSRF token"
    return match.group(1)


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_write_without_the_csrf_token_is_refused_and_changes_nothing(name, world, editor):
    write = WRITES[name]
    client = _client(write.persona, editor)
    client.get(write.page(world))  # the CSRF cookie is set; only the token in the form is missing

    response = client.post(write.url(world), write.data(world))

    assert response.status_code == 403
    assert "CSRF" in response.content.decode()
    assert not write.done(world)
    assert "django_language" not in response.cookies and "sessionid" not in response.cookies


@pytest.mark.parametrize("name", sorted(WRITES))
def test_the_same_write_with_the_token_from_its_page_is_accepted(name, world, editor):
    write = WRITES[name]
    client = _client(write.persona, editor)
    token = _form_token(client, write.page(world))

    response = client.post(write.url(world), {**write.data(world), "csrfmiddlewaretoken": token})

    assert response.status_code in write.accepted, response.content.decode()[:2000]
    if name == "choose a language":
        assert response.cookies["django_language"].value == "fr"
    elif name == "log in":
        assert response["Location"] == "/admin/" and response.cookies["sessionid"].value
    elif name == "log out":
        assert client.get("/admin/").status_code == 302  # back to the login page
    else:
        assert write.done(world)


def _hx_headers_token(client: Client, url: str) -> str:
    """The token as htmx sends it: from `<body hx-headers='{"X-CSRFToken": ...}'>`."""
    html = client.get(url).content.decode()
    match = re.search(r"<body hx-headers='([^']+)'", html)
    assert match, "base.html no longer sends the CSRF token to htmx"
    return json.loads(match.group(1))["X-CSRFToken"]


def test_an_htmx_post_with_the_header_from_base_html_is_accepted(world, editor):
    client = _client("editor", editor)
    token = _hx_headers_token(client, "/")

    response = client.post("/ingest/url", {"url": "https://news.example.org/htmx"},
                           HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)

    assert response.status_code == 302
    assert Article.objects.filter(url="https://news.example.org/htmx").exists()


def test_an_htmx_post_without_the_header_or_with_a_forged_one_is_refused(world, editor):
    client = _client("editor", editor)
    _hx_headers_token(client, "/")

    without = client.post("/ingest/url", {"url": "https://news.example.org/htmx"}, HTTP_HX_REQUEST="true")
    forged = client.post("/ingest/url", {"url": "https://news.example.org/htmx"}, HTTP_HX_REQUEST="true",
                         HTTP_X_CSRFTOKEN="x" * 64)

    assert without.status_code == 403 and forged.status_code == 403
    assert not Article.objects.filter(url="https://news.example.org/htmx").exists()


def test_a_token_from_another_session_is_refused(world, editor):
    stranger = Client(enforce_csrf_checks=True)
    token = _form_token(stranger, "/admin/login/")
    client = _client("editor", editor)
    client.get("/ingest/")

    response = client.post("/ingest/url", {"url": "https://news.example.org/other", "csrfmiddlewaretoken": token})

    assert response.status_code == 403
    assert not Article.objects.filter(url="https://news.example.org/other").exists()
