"""Who may open and who may write every URL of Parley: a table of every URL pattern, four personas.

The table is checked against the URL resolver itself, so a URL added without saying who may use
it fails `test_every_url_pattern_has_an_entry_in_the_access_matrix`. Each admin model's URLs
come from one line saying what analysts and editors may do with it (apps.accounts.roles).

Personas: an anonymous visitor, Otto (logged in, in no group), Ana the analyst (staff, Analysts:
view only) and Ed the editor (staff, Editors). Outcomes: a status code, LOGIN (a redirect to the
login page) or REDIRECT (any other redirect).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from apps.ingestion.models import Article
from apps.records.models import Actor, Event, EventEvidence, ReviewState
from tests.reliability.access_world import World, build_world

PERSONAS = ("anonymous", "outsider", "analyst", "editor")
LOGIN = "login"
REDIRECT = "redirect"


def walk(patterns, prefix: str = "") -> list[str]:
    """Every URL pattern of the project as its full route, in resolver order."""
    routes = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            routes += walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            assert isinstance(pattern, URLPattern)
            routes.append(prefix + str(pattern.pattern))
    return routes


@dataclass
class Case:
    """One URL to try, what each persona gets for GET and for POST."""

    url: Callable[[World], str]
    get: tuple  # outcomes for anonymous, outsider, analyst, editor
    post: tuple
    post_data: Callable[[World], dict] = field(default=lambda world: {})
    reader: bool = False  # a dashboard page: public when PARLEY_PUBLIC_TIMELINE is on
    gone: str | None = None  # a model key whose row a successful POST deletes


def fixed(url: str) -> Callable[[World], str]:
    return lambda world: url


# --- The dashboard, ingestion, the site's own URLs -------------------------------------------------

READ = (LOGIN, 403, 200, 200)  # reader pages when the timeline is private
NO_POST = (405, 405, 405, 405)
EDITORS_ONLY = (LOGIN, 403, 403, 200)


def reader(url) -> list[Case]:
    return [Case(url if callable(url) else fixed(url), READ, NO_POST, reader=True)]


MATRIX: dict[str, list[Case]] = {
    "healthz": [Case(fixed("/healthz"), (200, 200, 200, 200), NO_POST)],
    "i18n/setlang/": [
        # set_language only acts on POST; a GET just sends the visitor back.
        Case(fixed("/i18n/setlang/"), (REDIRECT,) * 4, (REDIRECT,) * 4,
             post_data=lambda world: {"language": "fr", "next": "/statements/"}),
    ],
    "ingest/": [Case(fixed("/ingest/"), EDITORS_ONLY, EDITORS_ONLY)],
    # An empty form is refused with 400 for editors: they got as far as the form's validation.
    "ingest/url": [Case(fixed("/ingest/url"), NO_POST, (LOGIN, 403, 403, 400))],
    "ingest/upload": [Case(fixed("/ingest/upload"), EDITORS_ONLY, (LOGIN, 403, 403, 400))],
    "ingest/articles/<int:pk>/": [
        Case(lambda world: f"/ingest/articles/{world.pk('ingestion/article')}/", EDITORS_ONLY, EDITORS_ONLY),
    ],
    "": reader("/?q=Putin&kind=meeting"),
    "activity": reader("/activity?chart=topic"),
    "summary": reader("/summary"),
    # Polled by htmx: someone who may not read is told to stop polling (286), not sent to log in.
    "events/new": [Case(fixed("/events/new?since=0"), (286, 286, 200, 200), NO_POST, reader=True)],
    "events/<int:pk>/": reader(lambda world: f"/events/{world.pk('records/event')}/"),
    "actors/search": reader("/actors/search?q=Put"),
    "actors/<int:pk>/": reader(lambda world: f"/actors/{world.pk('records/actor')}/"),
    "statements/": reader("/statements/"),
    "export.csv": reader("/export.csv"),
    "export.json": reader("/export.json"),
    "export.ics": reader("/export.ics"),
    "export.timelinejs.json": reader("/export.timelinejs.json"),
    "statements/export.csv": reader("/statements/export.csv"),
    "statements/export.json": reader("/statements/export.json"),
    "feed.atom": reader("/feed.atom"),
}

# --- The API: the readers' rule, answered in JSON (401, not a login page, for a script) ----------------

API_READ = (401, 403, 200, 200)
ANYONE = (200, 200, 200, 200)


def api_reader(url) -> list[Case]:
    return [Case(url if callable(url) else fixed(url), API_READ, NO_POST, reader=True)]


MATRIX.update({
    "api/v1/docs": [Case(fixed("/api/v1/docs"), ANYONE, NO_POST)],
    "api/v1/": [Case(fixed("/api/v1/"), (REDIRECT,) * 4, NO_POST)],
    "api/v1/openapi.json": [Case(fixed("/api/v1/openapi.json"), ANYONE, NO_POST)],
    "api/v1/events": api_reader("/api/v1/events?q=Putin&kind=meeting"),
    "api/v1/events/<event_id>": api_reader(lambda world: f"/api/v1/events/{world.pk('records/event')}"),
    "api/v1/events/<event_id>/evidence": api_reader(
        lambda world: f"/api/v1/events/{world.pk('records/event')}/evidence"),
    "api/v1/actors": api_reader("/api/v1/actors?q=Put"),
    "api/v1/actors/<actor_id>": api_reader(lambda world: f"/api/v1/actors/{world.pk('records/actor')}"),
    "api/v1/statements": api_reader("/api/v1/statements"),
    "api/v1/articles": api_reader("/api/v1/articles"),
    "api/v1/articles/<article_id>": api_reader(
        lambda world: f"/api/v1/articles/{world.pk('ingestion/article')}"),
    "api/v1/topics": api_reader("/api/v1/topics"),
    "api/v1/deleted": api_reader("/api/v1/deleted?type=actor"),
    # Everyone who may read makes their own tokens; an empty POST just shows the page again.
    "api/tokens/": [Case(fixed("/api/tokens/"), (LOGIN, 403, 200, 200), (LOGIN, 403, 200, 200))],
})

# --- The admin site's own views -------------------------------------------------------------------

STAFF = (LOGIN, LOGIN, 200, 200)
MATRIX.update({
    "admin/": [Case(fixed("/admin/"), STAFF, STAFF)],
    # Otto may see the login form (it tells him his account cannot enter); staff go to the index.
    "admin/login/": [Case(fixed("/admin/login/"), (200, 200, REDIRECT, REDIRECT), (200, 200, 200, 200))],
    "admin/logout/": [Case(fixed("/admin/logout/"), (REDIRECT, REDIRECT, 405, 405), (REDIRECT, REDIRECT, 200, 200))],
    "admin/password_change/": [Case(fixed("/admin/password_change/"), STAFF, STAFF)],
    "admin/password_change/done/": [Case(fixed("/admin/password_change/done/"), STAFF, (LOGIN, LOGIN, 405, 405))],
    "admin/autocomplete/": [
        # The speaker picker of the statement form: anyone who may view actors may search them.
        Case(fixed("/admin/autocomplete/?app_label=records&model_name=statement&field_name=speaker&term=Put"),
             STAFF, (LOGIN, LOGIN, 405, 405)),
        # Users are not for analysts or editors to list, even through a picker.
        Case(fixed("/admin/autocomplete/?app_label=auth&model_name=group&field_name=permissions&term=a"),
             (LOGIN, LOGIN, 403, 403), (LOGIN, LOGIN, 405, 405)),
    ],
    "admin/jsi18n/": [Case(fixed("/admin/jsi18n/"), STAFF, (LOGIN, LOGIN, 405, 405))],
    # No model has a public page of its own in the admin's sense: "view on site" finds nothing.
    "admin/r/<path:content_type_id>/<path:object_id>/": [
        Case(lambda world: f"/admin/r/{_content_type('records', 'event')}/{world.pk('records/event')}/",
             (LOGIN, LOGIN, 404, 404), (LOGIN, LOGIN, 404, 404)),
    ],
    "admin/^(?P<app_label>auth|axes|accounts|ingestion|records|api)/$": [
        Case(fixed("/admin/records/"), STAFF, STAFF),
        Case(fixed("/admin/ingestion/"), STAFF, STAFF),
        # An app none of whose models a persona may see does not exist for them.
        Case(fixed("/admin/auth/"), (LOGIN, LOGIN, 404, 404), (LOGIN, LOGIN, 404, 404)),
        Case(fixed("/admin/accounts/"), (LOGIN, LOGIN, 404, 404), (LOGIN, LOGIN, 404, 404)),
        Case(fixed("/admin/axes/"), (LOGIN, LOGIN, 404, 404), (LOGIN, LOGIN, 404, 404)),
        Case(fixed("/admin/api/"), (LOGIN, LOGIN, 404, 200), (LOGIN, LOGIN, 404, 200)),
    ],
    # Unknown admin URLs: non-staff are sent to log in, so they learn nothing about what exists.
    "admin/(?P<url>.*)$": [Case(fixed("/admin/no-such-page/"), (LOGIN, LOGIN, 404, 404), (LOGIN, LOGIN, 404, 404))],
})


def _content_type(app_label: str, model: str) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get(app_label=app_label, model=model).pk


# --- Every admin model: what analysts and editors may do with it ------------------------------------


@dataclass
class Rights:
    analyst: set
    editor: set
    simple_history: bool = False  # SimpleHistoryAdmin: has a history record page, which can revert
    extra_routes: tuple = ()


VIEW = {"view"}
ADMIN_MODELS = {
    # Only superusers manage accounts, groups and the login-attempt records.
    "auth/group": Rights(set(), set()),
    "accounts/user": Rights(set(), set(), extra_routes=("<id>/password/",)),
    "axes/accessattempt": Rights(set(), set()),
    "axes/accesslog": Rights(set(), set()),
    "axes/accessfailurelog": Rights(set(), set()),
    "ingestion/source": Rights(VIEW, {"view", "add", "change"}),
    # Written only by "Correct this article…", never edited: everyone with access reads them.
    "ingestion/articlecorrection": Rights(VIEW, VIEW),
    "ingestion/article": Rights(VIEW, {"view", "add", "change"},
                                extra_routes=("<int:pk>/correct/", "<int:pk>/rerun-extraction/",
                                              "<int:pk>/mark-irrelevant/", "<int:pk>/extraction-progress/")),
    "records/actor": Rights(VIEW, {"view", "add", "change"}, simple_history=True,
                               extra_routes=("<int:pk>/review/<str:verb>/",)),
    "records/alias": Rights(VIEW, {"view", "add", "change", "delete"}, simple_history=True,
                             extra_routes=("<int:pk>/split/",)),
    "records/topic": Rights(VIEW, {"view", "add", "change"}),
    "records/event": Rights(VIEW, {"view", "add", "change"}, simple_history=True,
                               extra_routes=("<int:pk>/review/<str:verb>/",)),
    "records/statement": Rights(VIEW, {"view", "add", "change"}, simple_history=True,
                               extra_routes=("<int:pk>/review/<str:verb>/",)),
    "records/mention": Rights(VIEW, {"view", "change"}),
    "records/eventparticipant": Rights(VIEW, {"view", "add", "change", "delete"}, simple_history=True),
    "records/eventevidence": Rights(VIEW, {"view", "change"}),
    # Merges are made from the actor and event lists and never deleted: the record is the undo.
    "records/mergerecord": Rights(VIEW, {"view", "change"}, extra_routes=("<int:pk>/undo/",)),
    # Tokens are made by their owners on /api/tokens/; editors see everyone's and may revoke them.
    "api/apitoken": Rights(set(), {"view", "change"}),
    # What /api/v1/deleted serves, written only by signals: readers look, nobody edits.
    "records/tombstone": Rights(VIEW, VIEW),
    # Written by every extraction run, for the re-run's estimate: readers look, nobody edits.
    "records/extractionrun": Rights(VIEW, VIEW),
}
NO_ADD = {"records/mergerecord", "records/tombstone", "records/extractionrun"}
NO_DELETE = {"records/mergerecord", "records/tombstone", "records/extractionrun"}
ALL_READ_ONLY = {"records/mergerecord", "api/apitoken"}  # nothing to fill in: an empty POST saves (nothing) and redirects


def _can(rights: set, *needed: str) -> bool:
    return bool(rights & set(needed))


def admin_model_cases(model: str, spec: Rights) -> dict[str, list[Case]]:
    base = f"admin/{model}/"

    def outcomes(ok, *, needs: tuple[str, ...], denied=403) -> tuple:
        return (LOGIN, LOGIN, *(ok if _can(r, *needs) else denied for r in (spec.analyst, spec.editor)))

    def obj(suffix: str = "") -> Callable[[World], str]:
        return lambda world: f"/{base}{world.pk(model)}/{suffix}"

    add_rights = () if model in NO_ADD else ("add",)
    delete_rights = () if model in NO_DELETE else ("delete",)
    cases = {
        base: [Case(fixed(f"/{base}"), outcomes(200, needs=("view", "change")), outcomes(200, needs=("view", "change")))],
        # An empty add form comes back with its errors (200): the persona got past the permission check.
        base + "add/": [Case(fixed(f"/{base}add/"), outcomes(200, needs=add_rights), outcomes(200, needs=add_rights))],
        base + "<path:object_id>/history/": [
            Case(obj("history/"), outcomes(200, needs=("view", "change")), outcomes(200, needs=("view", "change"))),
        ],
        base + "<path:object_id>/delete/": [
            Case(obj("delete/"), outcomes(200, needs=delete_rights), outcomes(REDIRECT, needs=delete_rights),
                 post_data=lambda world: {"post": "yes"}, gone=model),
        ],
        base + "<path:object_id>/change/": [
            Case(obj("change/"), outcomes(200, needs=("view", "change")),
                 outcomes(REDIRECT if model in ALL_READ_ONLY else 200, needs=("change",))),
        ],
        # The bare object URL redirects staff to the change page, which checks the rights.
        base + "<path:object_id>/": [Case(obj(), (LOGIN, LOGIN, REDIRECT, REDIRECT), (LOGIN, LOGIN, REDIRECT, REDIRECT))],
    }
    if spec.simple_history:
        # A past version of a row; POSTing it back reverts the row, so that needs "change".
        cases[base + "^([^/]+)/history/([^/]+)/$"] = [
            Case(lambda world: f"/{base}{world.pk(model)}/history/{world.history_ids[model]}/",
                 outcomes(200, needs=("view", "change")), outcomes(200, needs=("change",))),
        ]
    for route in spec.extra_routes:
        cases[base + route] = EXTRA_ROUTE_CASES[base + route]
    return cases


EXTRA_ROUTE_CASES = {
    # Changing a password is for superusers only.
    "admin/accounts/user/<id>/password/": [
        Case(lambda world: f"/admin/accounts/user/{world.pk('accounts/user')}/password/",
             (LOGIN, LOGIN, 403, 403), (LOGIN, LOGIN, 403, 403)),
    ],
    # "Correct this article…": its form for editors; an empty POST comes back with its errors.
    "admin/ingestion/article/<int:pk>/correct/": [
        Case(lambda world: f"/admin/ingestion/article/{world.pk('ingestion/article')}/correct/",
             (LOGIN, LOGIN, 403, 200), (LOGIN, LOGIN, 403, 200)),
    ],
    # The article page's buttons: POST only, for editors.
    "admin/ingestion/article/<int:pk>/rerun-extraction/": [
        Case(lambda world: f"/admin/ingestion/article/{world.pk('ingestion/article')}/rerun-extraction/",
             (LOGIN, LOGIN, 403, 405), (LOGIN, LOGIN, 403, REDIRECT)),
    ],
    "admin/ingestion/article/<int:pk>/mark-irrelevant/": [
        Case(lambda world: f"/admin/ingestion/article/{world.pk('ingestion/article')}/mark-irrelevant/",
             (LOGIN, LOGIN, 403, 405), (LOGIN, LOGIN, 403, REDIRECT)),
    ],
    # The progress line the article list and page ask for while a run goes on: whoever reads articles.
    "admin/ingestion/article/<int:pk>/extraction-progress/": [
        Case(lambda world: f"/admin/ingestion/article/{world.pk('ingestion/article')}/extraction-progress/",
             (LOGIN, LOGIN, 200, 200), (LOGIN, LOGIN, 405, 405)),
    ],
    # Split confirmation page (GET) and the split itself (POST).
    "admin/records/alias/<int:pk>/split/": [
        Case(lambda world: f"/admin/records/alias/{world.pk('records/alias')}/split/",
             (LOGIN, LOGIN, 403, 200), (LOGIN, LOGIN, 403, REDIRECT)),
    ],
    # The Verify / Reject buttons of the review lists and change pages: POST only, for editors.
    **{
        f"admin/records/{model}/<int:pk>/review/<str:verb>/": [
            Case(lambda world, model=model: f"/admin/records/{model}/{world.pk('records/' + model)}/review/verify/",
                 (LOGIN, LOGIN, 403, 405), (LOGIN, LOGIN, 403, REDIRECT)),
        ]
        for model in ("actor", "event", "statement")
    },
    "admin/records/mergerecord/<int:pk>/undo/": [
        Case(lambda world: f"/admin/records/mergerecord/{world.pk('records/mergerecord')}/undo/",
             (LOGIN, LOGIN, 403, 405), (LOGIN, LOGIN, 403, REDIRECT)),
    ],
}

for _model, _spec in ADMIN_MODELS.items():
    MATRIX.update(admin_model_cases(_model, _spec))


# --- Running the matrix ----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The personas' passwords are never typed here: skip a million PBKDF2 rounds per persona."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def personas(editor, analyst, outsider):
    return {"anonymous": None, "outsider": outsider, "analyst": analyst, "editor": editor}


@pytest.fixture
def world(editor) -> World:
    return build_world(by=editor)


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _outcome(response) -> int | str:
    if response.status_code in (301, 302):
        return LOGIN if response["Location"].startswith("/admin/login/") else REDIRECT
    return response.status_code


def _run_case(case: Case, world: World, personas: dict, *, public: bool, settings) -> list[str]:
    settings.PARLEY_PUBLIC_TIMELINE = public
    problems = []
    url = case.url(world)
    for method, expected in (("GET", case.get), ("POST", case.post)):
        for persona, want in zip(PERSONAS, expected):
            if case.reader and public and persona in ("anonymous", "outsider"):
                want = expected[2]  # a public timeline: everyone reads what the analyst reads
            client = _client(personas[persona])
            if method == "GET":
                response = client.get(url)
            else:
                response = client.post(url, case.post_data(world))
            got = _outcome(response)
            if got != want:
                problems.append(f"{method} {url} as {persona} (public={public}): expected {want}, got {got}")
            elif method == "POST" and case.gone and got == REDIRECT:
                model = world.rows[case.gone]
                if type(model).objects.filter(pk=model.pk).exists():
                    problems.append(f"POST {url} as {persona}: redirected but the row is still there")
    return problems


def test_every_url_pattern_has_an_entry_in_the_access_matrix():
    routes = walk(get_resolver().url_patterns)
    missing = [r for r in routes if r not in MATRIX]
    stale = [r for r in MATRIX if r not in routes]
    assert not missing, "URLs nobody said who may use; add them to MATRIX:\n" + "\n".join(missing)
    assert not stale, "MATRIX entries for URLs that no longer exist:\n" + "\n".join(stale)


def test_every_registered_admin_model_has_its_rights_written_down():
    registered = {f"{m._meta.app_label}/{m._meta.model_name}" for m in admin.site._registry}
    assert registered == set(ADMIN_MODELS)


@pytest.mark.parametrize("route", sorted(MATRIX))
def test_each_persona_gets_what_the_matrix_says(route, world, personas, settings):
    problems = []
    cases = MATRIX[route]
    for case in cases:
        for public in ((False, True) if case.reader else (False,)):
            problems += _run_case(case, world, personas, public=public, settings=settings)
    assert not problems, "\n".join(problems)


# --- Reverting from the history page -------------------------------------------------------------


@pytest.mark.parametrize("persona", ["analyst", "editor"])
def test_only_an_editor_can_revert_an_actor_from_its_history_page(persona, personas, editor):
    actor = Actor.objects.create(name="Steve Witkof", kind=Actor.Kind.PERSON)
    first = actor.history.get().history_id
    actor.name = "Steve Witkoff"
    actor.save()
    client = _client(personas[persona])
    page = client.get(f"/admin/records/actor/{actor.pk}/history/{first}/")
    assert page.status_code == 200  # both may look at the old version

    response = client.post(f"/admin/records/actor/{actor.pk}/history/{first}/", {
        "name": "Steve Witkof", "kind": Actor.Kind.PERSON, "review_state": ReviewState.UNREVIEWED,
        "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0",
    })
    actor.refresh_from_db()
    if persona == "editor":
        assert response.status_code == 302
        assert actor.name == "Steve Witkof"
    else:
        assert response.status_code == 403
        assert actor.name == "Steve Witkoff", "an analyst's POST reverted the actor"


# --- Every admin action, POSTed from its changelist by each persona ----------------------------------


@dataclass
class ActionCase:
    """What one admin action does when an editor runs it, and how to tell that it happened."""

    done: Callable[[World], bool]  # the action's effect can be seen in the database
    editor: object = REDIRECT  # the editor's outcome; None: editors may not run it either
    select: Callable[[World], list] | None = None  # pks to tick; default: the model's row
    data: Callable[[World], dict] = lambda world: {}  # the confirmation page's answer, for two-step actions
    prepare: Callable[[World], None] | None = None


def _reload(world: World, model: str):
    row = world.rows[model]
    return type(row).objects.filter(pk=row.pk).first()


def _state_is(model: str, state: str) -> ActionCase:
    return ActionCase(done=lambda world: _reload(world, model).review_state == state)


def _deleted(model: str, *, editor=None) -> ActionCase:
    return ActionCase(done=lambda world: _reload(world, model) is None, editor=editor, data=lambda world: {"post": "yes"})


def _review_actions(model: str) -> dict:
    return {
        (model, "verify_selected"): _state_is(model, ReviewState.VERIFIED),
        (model, "reject_selected"): _state_is(model, ReviewState.REJECTED),
        (model, "lock_selected"): _state_is(model, ReviewState.LOCKED),
    }


def _set(model: str, **values) -> Callable[[World], None]:
    def prepare(world: World) -> None:
        row = world.rows[model]
        type(row).objects.filter(pk=row.pk).update(**values)

    return prepare


ACTIONS: dict[tuple[str, str], ActionCase] = {
    **{(model, "delete_selected"): _deleted(model) for model in (
        "auth/group", "accounts/user", "axes/accessattempt", "axes/accesslog", "axes/accessfailurelog",
        "ingestion/source", "ingestion/article", "records/actor", "records/topic", "records/event",
        "records/statement", "records/mention", "records/eventevidence",
    )},
    ("records/alias", "delete_selected"): _deleted("records/alias", editor=REDIRECT),
    ("records/eventparticipant", "delete_selected"): _deleted("records/eventparticipant", editor=REDIRECT),
    **_review_actions("records/actor"),
    **_review_actions("records/event"),
    **_review_actions("records/statement"),
    **_review_actions("records/mention"),
    **_review_actions("records/eventparticipant"),
    ("records/actor", "merge_actors"): ActionCase(
        select=lambda world: [world.pk("records/actor"), Actor.objects.get(name="Steve Witkoff").pk],
        data=lambda world: {"post": "yes", "keep": world.pk("records/actor")},
        done=lambda world: Actor.objects.get(name="Steve Witkoff").merged_into_id == world.pk("records/actor"),
    ),
    ("records/event", "merge_events"): ActionCase(
        select=lambda world: [world.pk("records/event"), Event.objects.get(title="Putin receives Witkoff").pk],
        data=lambda world: {"post": "yes", "keep": world.pk("records/event")},
        done=lambda world: Event.objects.get(title="Putin receives Witkoff").merged_into_id == world.pk("records/event"),
    ),
    ("records/alias", "split_aliases"): ActionCase(
        done=lambda world: Actor.objects.filter(name="Poutine").exists(),
    ),
    ("records/eventevidence", "move_evidence"): ActionCase(
        # An event keeps at least one sentence: give it a second one to move off.
        prepare=lambda world: EventEvidence.objects.create(
            event=world.rows["records/event"], article=world.rows["ingestion/article"],
            sentence="“We are ready to talk,” Putin said.", start=44, end=80,
        ),
        data=lambda world: {"post": "yes", "title": "Witkoff and Putin, a second meeting"},
        done=lambda world: Event.objects.filter(title="Witkoff and Putin, a second meeting").exists(),
    ),
    ("records/mergerecord", "undo_merges"): ActionCase(
        done=lambda world: _reload(world, "records/mergerecord").undone_at is not None,
    ),
    ("ingestion/source", "poll_now"): ActionCase(
        # The poll itself is queued on commit, which never comes inside a test transaction.
        prepare=_set("ingestion/source", feed_url="https://wire.example/feed.xml",
                     next_poll_at=timezone.now() + dt.timedelta(hours=1)),
        done=lambda world: _reload(world, "ingestion/source").next_poll_at is None,
    ),
    ("ingestion/article", "retry_failed"): ActionCase(
        prepare=_set("ingestion/article", status=Article.Status.FAILED),
        done=lambda world: _reload(world, "ingestion/article").status != Article.Status.FAILED,
    ),
    ("ingestion/article", "refetch"): ActionCase(
        done=lambda world: _reload(world, "ingestion/article").status == Article.Status.PENDING,
    ),
    ("ingestion/article", "rerun_extraction"): ActionCase(
        done=lambda world: _reload(world, "ingestion/article").status == Article.Status.FETCHED,
    ),
    # django-axes' own action: only superusers, who alone may see login attempts at all.
    ("axes/accessattempt", "cleanup_expired_attempts"): ActionCase(
        # (It removes only expired attempts, and axes expires them itself on every login: what
        # this case shows is the refusal, not an effect.)
        done=lambda world: _reload(world, "axes/accessattempt") is None, editor=None,
    ),
    ("api/apitoken", "revoke"): ActionCase(done=lambda world: _reload(world, "api/apitoken").revoked_at is not None),
    ("ingestion/article", "mark_irrelevant"): ActionCase(
        done=lambda world: _reload(world, "ingestion/article").status == Article.Status.IRRELEVANT,
    ),
}


def _admin_actions(user) -> set[tuple[str, str]]:
    request = RequestFactory().get("/admin/")
    request.user = user
    found = set()
    for model, model_admin in admin.site._registry.items():
        key = f"{model._meta.app_label}/{model._meta.model_name}"
        found |= {(key, name) for name in model_admin.get_actions(request)}
    return found


def test_every_admin_action_has_an_entry_in_the_action_matrix(django_user_model):
    root = django_user_model.objects.create_superuser("root", password="not-used")
    found = _admin_actions(root)
    assert not found - set(ACTIONS), f"admin actions nobody said who may run: {sorted(found - set(ACTIONS))}"
    assert not set(ACTIONS) - found, f"ACTIONS entries for actions that no longer exist: {sorted(set(ACTIONS) - found)}"


@pytest.mark.parametrize("model,action", sorted(ACTIONS))
def test_only_editors_run_admin_actions_and_only_those_their_group_allows(model, action, world, personas):
    case = ACTIONS[(model, action)]
    if case.prepare:
        case.prepare(world)
    assert not case.done(world), "the effect is there before anyone acted"
    selected = case.select(world) if case.select else [world.pk(model)]
    data = {"action": action, "_selected_action": selected, "index": "0", "select_across": "0", **case.data(world)}
    spec = ADMIN_MODELS[model]
    for persona in PERSONAS:
        rights = {"anonymous": set(), "outsider": set(), "analyst": spec.analyst, "editor": spec.editor}[persona]
        if persona in ("anonymous", "outsider"):
            want = LOGIN
        elif persona == "editor" and case.editor is not None:
            want = case.editor
        else:
            # Without the view right the changelist is refused. With it, an action the persona may
            # not run is not offered: offered none at all, they get the list again (200); offered
            # others, they are sent back with "no action selected".
            offered = {name for key, name in _admin_actions(personas[persona]) if key == model}
            want = 403 if not rights else REDIRECT if offered else 200
        response = _client(personas[persona]).post(f"/admin/{model}/", data)
        assert _outcome(response) == want, f"{persona}: expected {want}, got {_outcome(response)}"
        should_be_done = persona == "editor" and case.editor is not None
        assert case.done(world) is should_be_done, f"{persona} running {action}: effect {'missing' if should_be_done else 'happened'}"


# --- The dashboard's fragments when the visitor may not read -------------------------------------


def test_an_anonymous_htmx_swap_on_a_private_timeline_reloads_the_page_into_the_login_form(world, settings):
    settings.PARLEY_PUBLIC_TIMELINE = False
    response = Client().get("/?kind=meeting", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://testserver/?kind=meeting")

    # Not a login form swapped into the event list: htmx is told to load the login page instead.
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/admin/login/?next=/%3Fkind%3Dmeeting"
    assert b"Witkoff" not in response.content


def test_an_outsider_gets_no_fragment_of_a_private_timeline_either(world, personas, settings):
    settings.PARLEY_PUBLIC_TIMELINE = False
    client = _client(personas["outsider"])
    for url in ("/?kind=meeting", f"/events/{world.pk('records/event')}/", "/statements/?cursor=x"):
        response = client.get(url, HTTP_HX_REQUEST="true")
        assert response.status_code == 403, url
        assert b"Witkoff" not in response.content and b"ready to talk" not in response.content
