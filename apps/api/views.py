"""The pages around the API: its interactive documentation and each user's tokens."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from apps.api.models import ApiToken
from apps.timeline.views import can_read

MAX_ACTIVE_TOKENS = 20


@require_safe
def docs(request):
    """Swagger UI from the vendored assets under static/ (no CDN: the CSP stays strict)."""
    return TemplateResponse(request, "api/docs.html", {"openapi_url": reverse("api-v1:openapi-json")})


@require_http_methods(["GET", "HEAD", "POST"])
def tokens(request):
    """Create and revoke one's own API tokens; a new token is shown on this response only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_read(request.user):
        raise PermissionDenied
    context = {"docs_url": reverse("api-docs")}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            name = " ".join(request.POST.get("name", "").split())[:100]
            if not name:
                context["error"], status = "Give the token a name, so you know later what it is for.", 400
            elif ApiToken.objects.active().filter(user=request.user).count() >= MAX_ACTIVE_TOKENS:
                context["error"], status = f"You have {MAX_ACTIVE_TOKENS} active tokens: revoke one first.", 400
            else:
                context["new_token"], context["raw_token"] = ApiToken.issue(user=request.user, name=name)
        elif action == "revoke":
            # Only one's own: another user's id finds nothing, as if it did not exist.
            token = ApiToken.objects.filter(user=request.user, pk=_int(request.POST.get("token"))).first()
            if token is not None:
                token.revoke()
    context["tokens"] = list(ApiToken.objects.filter(user=request.user))
    response = TemplateResponse(request, "api/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the page may hold a token in clear
    return response


def _int(value) -> int:
    try:
        return max(0, min(int(value), 2**63 - 1))
    except (TypeError, ValueError):
        return 0
