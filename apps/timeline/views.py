"""The analysts' dashboard: read-only views over the timeline, pages and their HTMX fragments.

One URL serves a page and its fragment: HTMX requests (not boosted, not a history restore) get
the partial they swap, everything else the full page, so every link works without JavaScript.
"""

from __future__ import annotations

import unicodedata
from functools import wraps

from babel import Locale, UnknownLocaleError

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, to_locale
from django.views.decorators.http import require_safe
from django_htmx.http import HTMX_STOP_POLLING, HttpResponseClientRedirect

from apps.accounts.models import User
from apps.timeline import cardcache, charts, freshness, queries, search, summary
from apps.timeline.pagecache import cached_page
from apps.records.models import Actor, Event
from apps.timeline.queries import InvalidQuery, TimelineFilters


def can_read(user) -> bool:
    """Analysts and editors read the dashboard; everyone does when it is public."""
    if settings.PARLEY_PUBLIC_TIMELINE:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=[User.ANALYSTS, User.EDITORS]).exists()


def reader_required(view):
    """Send anonymous visitors to the login page and refuse users in no reading group."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if can_read(request.user):
            return view(request, *args, **kwargs)
        if request.user.is_authenticated:
            raise PermissionDenied
        if request.htmx:
            # A fragment swap would put the login form inside the list; reload the page instead.
            page = request.htmx.current_url_abs_path or request.get_full_path()
            return HttpResponseClientRedirect(redirect_to_login(page).url)
        return redirect_to_login(request.get_full_path())

    return wrapper


def with_filters(view):
    """Hand the view the timeline's filters, parsed once from the query string (see queries).

    Unusable filter values are dropped there; a broken cursor answers 400 in plain words.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.htmx and any(value == "" for values in request.GET.lists() for value in values[1]):
            # A form submitted without JavaScript sends every field, empty or not: answer with
            # the same view at a URL that holds only the filters in use (htmx drops them itself).
            clean = _without_empty(request.GET).urlencode()
            return redirect(f"{request.path}?{clean}" if clean else request.path)
        try:
            filters = TimelineFilters.from_query(request.GET)
        except InvalidQuery as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        return view(request, *args, filters=filters, **kwargs)

    return wrapper


def wants_fragment(request) -> bool:
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request


def render(request, template: str, context: dict, *, partial: str | None = None, shows: tuple | None = None, **kwargs):
    """A full page, or one of its partials for an HTMX swap; Vary so caches keep them apart.

    `shows`: all the data the HTML shows, for the page cache to reuse an earlier rendering of
    the same (pagecache.shown_key)."""
    if partial and wants_fragment(request):
        template = f"{template}#{partial}"
    response = TemplateResponse(request, template, context, **kwargs)
    response.shows = shows
    patch_vary_headers(response, ["HX-Request"])
    return response


def _without_empty(query):
    """A copy of a QueryDict without its empty values: links and URLs carry only filters in use."""
    params = query.copy()
    for name, values in query.lists():
        kept = [value for value in values if value]
        if kept:
            params.setlist(name, kept)
        else:
            del params[name]
    return params


def _query_without(request, *names: str) -> str:
    params = _without_empty(request.GET)
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def country_choices(codes) -> list[tuple[str, str]]:
    """(code, name) in the interface language, by name; the names are CLDR's, through Babel.

    Babel (already used for event titles) rather than pycountry: CLDR says "Russia" and "Taiwan"
    where ISO 3166 says "Russian Federation" and "Taïwan, province de Chine", and it names the
    EU and Kosovo, which have no ISO code. A code it does not know shows as it is.
    """
    try:
        names = Locale.parse(to_locale(get_language() or settings.LANGUAGE_CODE)).territories
    except (UnknownLocaleError, ValueError):
        names = Locale("en").territories
    return sorted(((code, names.get(code, code)) for code in codes), key=lambda pair: locale_key(pair[1]))


def locale_key(name: str) -> str:
    """Sort "Égypte" with the E's, not after Z."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def _filter_context(request, filters: TimelineFilters) -> dict:
    """What the filter form shows: choices, current values, links to share and export."""
    countries = (
        Actor.objects.exclude(country="").order_by("country").values_list("country", flat=True).distinct()
    )
    return {
        "filters": filters,
        "selected_actors": queries.actors_by_id(filters.actors),
        "topics": queries.topics(),
        "kinds": Event.Kind.choices,
        "statuses": Event.Status.choices,
        "countries": country_choices(countries),
        "languages": queries.ARTICLE_LANGUAGES,
        "filter_query": _query_without(request, "cursor", "since", "chart"),
        "active_filter_count": len(filters.actors) + sum(map(bool, (
            filters.topic, filters.kind, filters.country, filters.date_from, filters.date_to, filters.language,
            filters.status, filters.verified, filters.q,
        ))),
    }


def remembers_visit(view):
    """Note a signed-in reader's visit before the page cache answers, so a page served from the
    cache still counts as a visit; the week summary, loaded next, reads the previous one."""

    @wraps(view)
    def wrapper(request, *args, filters: TimelineFilters, **kwargs):
        if request.user.is_authenticated and not wants_fragment(request) and not filters.cursor:
            request.user.record_timeline_visit()
        return view(request, *args, filters=filters, **kwargs)

    return wrapper


@require_safe
@reader_required
@with_filters
@remembers_visit
@cached_page("timeline")
def timeline(request, *, filters: TimelineFilters):
    """Events newest first (most relevant first when searching), filtered, a page at a time."""
    page = queries.event_page(filters)
    if page.terms:  # say where each result matched: for the cards, not for exports or the API
        search.explain(page.items, page.terms)
    chart_by = "topic" if request.GET.get("chart") == "topic" else "kind"
    context = {
        "page": page,
        "filters": filters,
        # One line per event, kept in the URL (filter form, load more, links) like a filter.
        "compact": request.GET.get("view") == "compact",
        "view_query": _query_without(request, "cursor", "since", "view"),
        # A page appended under the previous one (htmx) continues its headings; a page opened on
        # its own (the "load more" link without JavaScript) starts with its week and day.
        "sections": None if filters.searching else queries.group_by_week_and_day(
            page.items, previous=_previous_event(page) if wants_fragment(request) else None
        ),
        "filter_query": _query_without(request, "cursor", "since", "chart"),
    }
    if filters.cursor and wants_fragment(request):
        return render(request, "timeline/index.html", context, partial="event-page", shows=_timeline_shows(context))
    context.update(_filter_context(request, filters))
    context.update(_chart_context(request, chart_by))
    # The week summary and the live poll's newest event change with every write to any event: they
    # come in requests of their own (`week_summary`, `new_events`), so this page changes only
    # when what it lists does.
    context["summary_slot"] = not wants_fragment(request) and not filters.cursor
    context["oob"] = wants_fragment(request)  # the chart and export links follow the filters too
    return render(request, "timeline/index.html", context, partial="event-list", shows=_timeline_shows(context))


def _timeline_shows(context: dict) -> tuple:
    """The data the timeline's page or fragment shows; the rest of its context comes from the
    query string (in the page's key already) or is fixed (kinds, statuses, languages).

    A new event stored outside this view's filters or past its page leaves all of it as it was,
    so the page is not rendered again for it (issue 14)."""
    page, terms = context["page"], context["page"].terms
    return (
        tuple(cardcache.shown(event) for event in page.items),  # sections are made of these dates
        page.next_cursor,
        terms and (terms.text, terms.phrases, tuple((t.slug, t.name_en, t.name_fr) for t in terms.topics),
                   tuple((a.pk, a.name) for a in terms.actors)),
        tuple((a.pk, a.name) for a in context.get("selected_actors", ())),
        tuple((t.slug, t.name_en, t.name_fr) for t in context.get("topics", ())),
        tuple(context.get("countries", ())),
    )


def _visit_part(request) -> tuple:
    # "Since your last visit" depends on the reader's previous visit and nothing else of theirs:
    # readers whose previous visits ended at the same time may share the summary.
    user = request.user
    return (user.previous_visit_at if user.is_authenticated else None,)


@require_safe
@reader_required
@cached_page("week-summary", vary=_visit_part)
def week_summary(request):
    """The week at a glance; "since your last visit" for a signed-in reader (anonymous readers of a
    public timeline have no visits to remember, and get this week only).

    Loaded by the timeline's first page after it (htmx), or opened alone without JavaScript. The
    page recorded the visit before (`remembers_visit`), so the reader's row holds the previous one.
    """
    previous_visit = _visit_part(request)[0]
    context = {"summary": summary.summary(previous_visit=previous_visit)}
    if wants_fragment(request):
        return render(request, "timeline/_week_summary.html", context)
    return render(request, "timeline/summary.html", context)


def _chart_context(request, chart_by: str) -> dict:
    query = _query_without(request, "cursor", "since", "chart")
    return {
        "chart_by": chart_by,
        "chart_query": f"{query}&chart={chart_by}" if query else f"chart={chart_by}",
        "filter_query": query,
    }


# The chart counts every event and statement of half a year: kept until the next write (the data
# version is in the key), shared by the chart's fragment and its page without JavaScript.
ACTIVITY_CACHE_SECONDS = 600


@require_safe
@reader_required
@with_filters
@cached_page("activity")
def activity(request, *, filters: TimelineFilters):
    """The weekly activity chart for the current filters (loaded after the page, or alone)."""
    chart_by = "topic" if request.GET.get("chart") == "topic" else "kind"
    # `view` (cards or compact) changes the list, not the chart: one cached chart for both.
    key = freshness.key("activity-data", chart_by, _query_without(request, "cursor", "since", "chart", "view"))
    data = cache.get(key) if key else None
    if data is None:
        data = queries.activity(filters, by=chart_by)
        if key:
            cache.set(key, data, ACTIVITY_CACHE_SECONDS)
    context = {"filters": filters, "chart": charts.activity_chart(data, by=chart_by), **_chart_context(request, chart_by)}
    if wants_fragment(request):
        return render(request, "timeline/index.html#activity", context)
    return render(request, "timeline/activity.html", context)


def _previous_event(page):
    """A stand-in for the last event of the previous page, to continue its section headers."""
    if not page.after or "d" not in page.after:
        return None
    return Event(date=page.previous_date, date_precision=page.after.get("p") or "day")


@require_safe
@reader_required
@cached_page("event")
def event_detail(request, pk: int):
    """One event with its evidence sentences, statements and source articles."""
    event = get_object_or_404(Event.objects.prefetch_related("participants__actor", "topics"), pk=pk)
    if event.merged_into_id:  # an old link to an event an editor merged: follow the merge
        return redirect("timeline:event", pk=event.merged_into_id)
    if not Event.objects.visible().filter(pk=pk).exists():
        raise Http404("No such event.")
    # Articles' titles and links, not their (long) texts.
    evidence = list(
        event.evidence.select_related("article", "article__source").defer("article__text")
        .order_by("article__published_at", "pk")
    )
    statements = list(
        event.statements.visible().select_related("speaker", "article", "article__source")
        .defer("article__text").order_by("said_on", "pk")
    )
    articles = list({e.article_id: e.article for e in evidence}.values())
    context = {"event": event, "evidence": evidence, "statements": statements, "articles": articles}
    return render(request, "timeline/event.html", context, partial="event-detail")


@require_safe
def new_events(request):
    """How many events the current view would gain since the page was loaded (polled)."""
    if not can_read(request.user):
        return HttpResponse(status=HTMX_STOP_POLLING)  # logged out meanwhile: stop asking
    return _new_events(request)


# Every open tab asks every 30 s: while no write happened, the browser's copy is still right (304).
@cached_page("new-events")
def _new_events(request):
    if "since" not in request.GET:
        # The page asks once it is shown: the newest event now is where its polling starts. Not in
        # the page itself, which would then change with every event added anywhere.
        context = {"latest_id": queries.latest_event_id(), "filter_query": _query_without(request, "cursor", "chart")}
        return TemplateResponse(request, "timeline/index.html#live", context)
    # A poll that makes no sense (a broken `since` or cursor) stops rather than errs every 30 s.
    try:
        since = int(request.GET.get("since", ""))
        filters = TimelineFilters.from_query(request.GET)
    except (ValueError, InvalidQuery):
        return HttpResponse(status=HTMX_STOP_POLLING)
    if not 0 <= since <= queries.MAX_ID:  # 0: the page showed no event yet
        return HttpResponse(status=HTMX_STOP_POLLING)
    count = queries.new_event_count(filters, since=since)
    context = {"count": count, "filter_query": _query_without(request, "cursor", "since", "chart")}
    # Only ever polled by htmx: always the notice, never a page.
    return TemplateResponse(request, "timeline/index.html#live-notice", context)


@require_safe
@reader_required
@cached_page("actor")
def actor_detail(request, pk: int):
    """Who an actor is, what they said over time, where they went and with whom."""
    actor = get_object_or_404(Actor.objects.prefetch_related("aliases"), pk=pk)
    if actor.merged_into_id:
        return redirect("timeline:actor", pk=actor.merged_into_id)
    events = queries.event_page(TimelineFilters(actors=[actor.pk]), size=15)
    statements = queries.statement_page(TimelineFilters(actors=[actor.pk]), size=15)
    # The counts come from the rollups on PostgreSQL (records 0007): ~340 ms of SQL for the busiest
    # actor at 100k events when counted live.
    per_month = queries.actor_statements_per_month(actor)
    context = {
        "actor": actor,
        "aliases": sorted({a.name for a in actor.aliases.all()} - {actor.name}),
        "events": events,
        "statements": statements,
        "co_participants": queries.co_participants(actor),
        "statement_chart": charts.monthly_chart(per_month),
        "event_count": queries.actor_event_count(actor),
        "statement_count": sum(n for _month, n in per_month),
    }
    shows = (
        (actor.pk, actor.kind, actor.country, actor.name, actor.display_role, actor.description, actor.wikidata_id),
        tuple(context["aliases"]), context["event_count"], tuple(per_month),
        tuple(cardcache.shown(event) for event in events.items), events.next_cursor,
        tuple(_statement_shows(statement) for statement in statements.items), statements.next_cursor,
        tuple((other.pk, other.name, other.shared) for other in context["co_participants"]),
    )
    # Kept by what it shows: an extraction that does not name this actor leaves the page as it was.
    return render(request, "timeline/actor.html", context, shows=shows)


def _statement_shows(statement) -> tuple:
    """What the actor page's quote shows: its words, date and article (`_article_link.html`)."""
    article = statement.article
    return (
        statement.pk, statement.text, statement.direct, statement.said_on, statement.said_on_precision,
        article.url, article.title, article.source.name if article.source_id else None,
        article.published_at, article.language,
    )


@require_safe
@reader_required
@with_filters
@cached_page("statements")
def statements(request, *, filters: TimelineFilters):
    """Quotes with speaker, date and source, filtered like the timeline."""
    page = queries.statement_page(filters)
    context = {"page": page, "filters": filters, "filter_query": _query_without(request, "cursor", "since")}
    if filters.cursor and wants_fragment(request):
        return render(request, "timeline/statements.html", context, partial="statement-page")
    context.update(_filter_context(request, filters))
    return render(request, "timeline/statements.html", context, partial="statement-list")


@require_safe
@reader_required
def actor_search(request):
    """Actor suggestions for the filter: links that add the actor to the current filters."""
    # The picker's own `q` comes first; a second `q` is the timeline's search, carried along.
    words = request.GET.getlist("q")
    text = words[0] if words else ""
    target = "timeline:statements" if request.GET.get("for") == "statements" else "timeline:index"
    params = _without_empty(request.GET)
    for name in ("for", "cursor", "since"):
        params.pop(name, None)
    params.setlist("q", [w for w in words[1:2] if w])
    suggestions = []
    for actor in queries.search_actors(text):
        link = params.copy()
        if str(actor.pk) not in link.getlist("actor"):
            link.appendlist("actor", str(actor.pk))
        suggestions.append((actor, link.urlencode()))
    context = {"text": text, "suggestions": suggestions, "target": target, "hidden": params.lists(),
               "listbox": wants_fragment(request)}
    return render(request, "timeline/actor_search.html", context, partial="suggestions")
