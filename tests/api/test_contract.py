"""Every endpoint's answers, successes and errors, validate against the schema Parley publishes."""

from __future__ import annotations

import json

import jsonschema_rs
import pytest
from django.apps import apps as django_apps
from django.db import models
from ninja.responses import NinjaJSONEncoder

from apps.api import v1
from apps.records import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _validate(openapi: dict, path: str, response) -> None:
    """The body against the schema declared for this path and status (OpenAPI 3.1: JSON Schema 2020-12)."""
    operation = openapi["paths"][path]["get"]
    declared = operation["responses"].get(str(response.status_code))
    assert declared, f"{path} answered {response.status_code}, which its schema does not declare"
    schema = dict(declared["content"]["application/json"]["schema"])
    schema["components"] = openapi["components"]
    validator = jsonschema_rs.Draft202012Validator(schema)
    errors = [f"{e.instance_path}: {e.message}" for e in validator.iter_errors(response.json())]
    assert not errors, f"{path} {response.status_code}: " + "; ".join(errors[:5])


def _calls(world) -> dict[str, list[str]]:
    return {
        "/api/v1/events": ["/api/v1/events", "/api/v1/events?limit=2", "/api/v1/events?q=Istanbul",
                           "/api/v1/events?limit=0", "/api/v1/events?cursor=broken"],
        "/api/v1/events/{event_id}": [f"/api/v1/events/{world.day.pk}", f"/api/v1/events/{world.undated.pk}",
                                      "/api/v1/events/424242"],
        "/api/v1/events/{event_id}/evidence": [f"/api/v1/events/{world.day.pk}/evidence?limit=1"],
        "/api/v1/actors": ["/api/v1/actors", "/api/v1/actors?kind=person&country=fr", "/api/v1/actors?kind=x"],
        "/api/v1/actors/{actor_id}": [f"/api/v1/actors/{world.putin.pk}", "/api/v1/actors/0"],
        "/api/v1/statements": ["/api/v1/statements", f"/api/v1/statements?actor={world.putin.pk}"],
        "/api/v1/articles": ["/api/v1/articles", "/api/v1/articles?limit=1"],
        "/api/v1/articles/{article_id}": [f"/api/v1/articles/{world.open_article.pk}",
                                          f"/api/v1/articles/{world.closed_article.pk}"],
        "/api/v1/topics": ["/api/v1/topics"],
        "/api/v1/deleted": ["/api/v1/deleted", "/api/v1/deleted?type=event&limit=1&since=2025-01-01T00:00:00Z",
                            "/api/v1/deleted?type=x"],
    }


def test_the_schema_is_openapi_3_1_and_every_endpoint_is_covered_here(openapi, world):
    assert openapi["openapi"].startswith("3.1")
    assert set(openapi["paths"]) == set(_calls(world))


def test_every_answer_validates_against_the_published_schema(api, openapi, world, editor):
    services.merge_events(keep=world.day, merge=world.week, user=editor)  # an entry for /deleted
    world.year.delete()
    for path, urls in _calls(world).items():
        for url in urls:
            _validate(openapi, path, api.get(url))


def test_refusals_validate_against_the_published_schema(client, openapi, world, settings):
    settings.PARLEY_PUBLIC_TIMELINE = False
    _validate(openapi, "/api/v1/events", client.get("/api/v1/events"))
    _validate(openapi, "/api/v1/topics", client.get("/api/v1/topics", HTTP_AUTHORIZATION="Bearer parley_nope"))



def _to_whole_milliseconds() -> None:
    """Every stored time of Parley's own tables cut to its millisecond.

    The JSON encoder writes times to the millisecond and without a fraction when the microseconds
    are 0: a time stored at 08.000123 is sent as "08.000Z", read back as 08.000000 and written
    again as "08Z". Times cut to the millisecond come back from that round trip as they left.
    """
    for model in django_apps.get_models():
        if not model.__module__.startswith("apps."):
            continue
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, models.DateTimeField)]
        for row in model.objects.values("pk", *fields) if fields else ():
            cut = {f: row[f].replace(microsecond=row[f].microsecond // 1000 * 1000) for f in fields if row[f]}
            model.objects.filter(pk=row["pk"]).update(**cut)


def test_pages_sent_unvalidated_are_byte_for_byte_what_their_schema_renders(api, world, editor):
    """Lists skip ninja's response validation (v1._json): their dicts must already be the schema's."""
    services.merge_events(keep=world.day, merge=world.week, user=editor)  # an entry for /deleted
    _to_whole_milliseconds()
    schemas = {
        "/api/v1/events": v1.EventPage, f"/api/v1/events/{world.day.pk}": v1.EventDetail,
        f"/api/v1/events/{world.day.pk}/evidence": v1.EvidencePage, "/api/v1/actors": v1.ActorPage,
        "/api/v1/statements": v1.StatementPage, "/api/v1/articles": v1.ArticlePage, "/api/v1/deleted": v1.DeletedPage,
    }
    for url, schema in schemas.items():
        body = api.get(url, {"limit": 2}).content
        rendered = json.dumps(schema.model_validate(json.loads(body)).model_dump(), cls=NinjaJSONEncoder).encode()
        assert body == rendered, url
