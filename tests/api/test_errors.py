"""Bad parameters answer 400 or 422 with one JSON shape, never 500."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status
    return body["error"]


@pytest.mark.parametrize("query", [
    "limit=0", "limit=201", "limit=ten", "from=2025-02-30", "to=yesterday", "kind=party", "status=maybe",
    "actor=Putin", "country=France", "topic=a%20b", "updated_since=soon", "verified=perhaps",
    "actor=99999999999999999999999", "q=" + "x" * 201,
])
def test_a_bad_parameter_is_a_422_naming_it(api, world, query):
    error = _error(api.get(f"/api/v1/events?{query}"), 422)
    name = query.split("=")[0]
    assert any(name in detail["loc"] for detail in error["details"]), error


def test_a_broken_cursor_is_a_400(api, world):
    error = _error(api.get("/api/v1/events?cursor=not-a-cursor"), 400)
    assert "first page" in error["message"]


@pytest.mark.parametrize("path", [
    "/api/v1/events/0", "/api/v1/events/99999999999999999999", "/api/v1/actors/-1", "/api/v1/articles/abc",
])
def test_an_impossible_id_is_a_422(api, path):
    _error(api.get(path), 422)


@pytest.mark.parametrize("path", ["/api/v1/events/123456", "/api/v1/actors/123456", "/api/v1/articles/123456",
                                  "/api/v1/events/123456/evidence"])
def test_a_missing_row_is_a_404(api, path):
    assert _error(api.get(path), 404)["code"] == "not_found"


def test_only_get_is_allowed(api):
    assert api.post("/api/v1/events", {}).status_code == 405
