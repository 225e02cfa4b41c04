"""The analysts' dashboard."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from apps.timeline.models import Event


def _can_read(request) -> bool:
    return settings.PARLEY_PUBLIC_TIMELINE or request.user.is_authenticated


def timeline(request):
    """Events newest first, with their participants and sources."""
    if not _can_read(request):
        return redirect_to_login(request.get_full_path())
    events = (
        Event.objects.visible()
        .prefetch_related("participants__actor", "topics")
        .order_by("-date", "-id")[:50]
    )
    return TemplateResponse(request, "timeline/index.html", {"events": events})
