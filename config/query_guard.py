"""Refuse query strings holding a NUL character, for every URL, before any view reads them."""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


def refuse_nul_in_query_string(get_response):
    """Answer 400 when the query string holds a NUL character (%00), which no Parley link has.

    PostgreSQL cannot hold NUL in text, so psycopg raises DataError (a 500) for any value with
    one that reaches a query, whatever the column: the admin's own list filters (?status=%00)
    as much as the timeline's search. One rule here, rather than one in every view and filter.
    Decoding cannot make a NUL out of anything else (an overlong %C0%80 becomes U+FFFD).
    """

    def middleware(request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            message = _("The address holds a NUL character (%00), which no link of Parley's has.")
            if request.path.startswith("/api/"):
                return _api_error(message)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        if request.path.startswith("/api/") and "" in request.GET:
            # "?=x": no script means it; answering as if it were not there would hide the mistake.
            return _api_error("A query parameter has no name.")
        return get_response(request)

    return middleware


def _api_error(message: str) -> JsonResponse:
    """The API's error shape (apps/api/v1.py), for what is refused before the API sees it."""
    return JsonResponse(
        {"error": {"status": 400, "code": "bad_request", "message": str(message), "details": []}}, status=400
    )
