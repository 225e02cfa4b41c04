"""A property-based run of schemathesis over the whole API: no 500, no answer outside the schema.

Short and deterministic (derandomized, few examples per operation) so it belongs in every run;
it goes through Django's WSGI handler in this process, so it sees the test database's world.
"""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from apps.api.models import ApiToken
from apps.api.v1 import api

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
schema.app = WSGIHandler()  # requests go through Django in this process, on the test database


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test Client does: a request must not close the connection holding the test's transaction."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def token(world, analyst, settings):
    # Private, so schemathesis' "ignored auth" check sees a request without the token refused.
    settings.PARLEY_PUBLIC_TIMELINE = False
    return ApiToken.issue(user=analyst, name="schemathesis")[1]


@schema.parametrize()
@settings(max_examples=25, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_the_api_honours_its_schema(case, token):
    # Every check but "positive data acceptance": a cursor is opaque, and no schema can say which
    # strings of its alphabet are cursors Parley wrote; a made-up one answers 400 (tests/api/test_errors.py).
    case.call_and_validate(base_url="http://localhost", headers={"Authorization": f"Bearer {token}"},
                           excluded_checks=[positive_data_acceptance])
