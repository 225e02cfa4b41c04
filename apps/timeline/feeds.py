"""An Atom feed of the current filtered view: the newest events Parley found, first."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from apps.timeline import queries
from apps.timeline.queries import TimelineFilters
from apps.timeline.views import reader_required, with_filters

FEED_SIZE = 50


@require_safe
@reader_required
@with_filters
def atom_feed(request, *, filters: TimelineFilters):
    # Newest found first (not newest dated): a feed reader wants what is new to Parley.
    events = queries.with_card_data(queries.filter_events(filters)).order_by("-pk")[:FEED_SIZE]
    query = request.GET.copy()
    query.pop("cursor", None)
    page_url = request.build_absolute_uri(reverse("timeline:index") + (f"?{query.urlencode()}" if query else ""))
    feed = Atom1Feed(
        title=_("Parley timeline"),
        link=page_url,
        description=_("Events of the diplomatic talks, from the news."),
        language=get_language() or "en",
        feed_url=request.build_absolute_uri(),
    )
    for event in events:
        participants = ", ".join(p.actor.name for p in event.participants.all())
        when = event.date.isoformat() if event.date else _("date unknown")
        updated = event.updated_at or dt.datetime.now(dt.timezone.utc)
        feed.add_item(
            title=event.title,
            link=request.build_absolute_uri(reverse("timeline:event", args=[event.pk])),
            description=f"{when} · {event.get_kind_display()} · {participants}",
            unique_id=f"tag:{request.get_host().split(':')[0]},2025:event-{event.pk}",
            updateddate=updated,
            pubdate=event.created_at,
            categories=[t.slug for t in event.topics.all()],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
