"""The editors' review tool: queues of what the machine extracted, corrections, merges, history.

Every save and action goes through apps.records.services, which locks what it corrected so
re-extraction leaves it alone. Rights follow the group permissions (apps.accounts.roles):
Editors change, Analysts only view; every custom view checks them itself.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from apps.ingestion import admin as ingestion_admin
from apps.ingestion.models import Article
from apps.records import reasons, services
from apps.records.article_review import ArticleReviewMixin, highlight_context
from apps.records.history_display import PlainHistoryHelper
from apps.records.labels import LabelledInlineFormSet, NamedSplitInputsMixin
from apps.records.models import (
    ExtractionRun,
    Actor,
    Alias,
    DatePrecision,
    Event,
    EventEvidence,
    EventParticipant,
    MergeRecord,
    Mention,
    ReviewState,
    Statement,
    Tombstone,
    Topic,
)

REVIEW_MEDIA_CSS = {"all": ["css/review.css"]}


# --- The review queue: a state filter that starts on "unreviewed", with counts ----------------


class ReviewStateFilter(admin.SimpleListFilter):
    """Unreviewed rows unless the editor picks another state; each choice shows its count."""

    title = _("review state")
    parameter_name = "state"
    ALL = "all"

    def lookups(self, request, model_admin):
        # One grouped query for all the counts, whatever the number of rows.
        counts = dict(
            model_admin.get_queryset(request).order_by().values_list("review_state").annotate(n=Count("pk"))
        )
        choices = [(value, f"{label} ({counts.get(value, 0)})") for value, label in ReviewState.choices]
        return [*choices, (self.ALL, f"{_('All')} ({sum(counts.values())})")]

    def current(self) -> str:
        return self.value() or ReviewState.UNREVIEWED

    def queryset(self, request, queryset):
        if self.current() == self.ALL:
            return queryset
        return queryset.filter(review_state=self.current())

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.current() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


def _reviewed_message(modeladmin, request, count: int, state: str) -> None:
    modeladmin.message_user(
        request,
        ngettext("%(count)d row marked %(state)s.", "%(count)d rows marked %(state)s.", count)
        % {"count": count, "state": ReviewState(state).label.lower()},
        messages.SUCCESS,
    )


@admin.action(description=_("Verify selected"), permissions=["change"])
def verify_selected(modeladmin, request, queryset):
    count = services.set_review_state(objects=queryset, state=ReviewState.VERIFIED, user=request.user)
    _reviewed_message(modeladmin, request, count, ReviewState.VERIFIED)


@admin.action(description=_("Reject selected"), permissions=["change"])
def reject_selected(modeladmin, request, queryset):
    count = services.set_review_state(objects=queryset, state=ReviewState.REJECTED, user=request.user)
    _reviewed_message(modeladmin, request, count, ReviewState.REJECTED)


@admin.action(description=_("Lock selected against re-extraction"), permissions=["change"])
def lock_selected(modeladmin, request, queryset):
    count = services.set_review_state(objects=queryset, state=ReviewState.LOCKED, user=request.user)
    _reviewed_message(modeladmin, request, count, ReviewState.LOCKED)


REVIEW_ACTIONS = [verify_selected, reject_selected, lock_selected]
REVIEW_READONLY = ["extractor_version", "confidence", "reviewed_by", "reviewed_at", "created_at", "updated_at"]


class HistoryAdmin(NamedSplitInputsMixin, SimpleHistoryAdmin):
    """simple_history saves a POSTed past version for anyone who may *view* the row: reverting needs change."""

    def get_historical_record_context_helper(self, request, historical_record):
        return PlainHistoryHelper(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


# The one-click decisions of the review buttons (list rows and the change page), by URL segment.
REVIEW_BUTTONS = {"verify": (ReviewState.VERIFIED, _("Verify")), "reject": (ReviewState.REJECTED, _("Reject"))}


class ReviewableAdmin(HistoryAdmin):
    """Shared by actors, events and statements: the queue, the review actions, locking on save."""

    actions = REVIEW_ACTIONS
    show_full_result_count = False
    list_per_page = 50
    change_form_template = "admin/records/review_change_form.html"

    class Media:
        css = REVIEW_MEDIA_CSS

    def get_list_display(self, request):
        # What the editor decides on comes right after the row's name: at 1366 px, with the admin's
        # menu and the filters open, the table shows about 700 px, and columns past that scroll.
        first, *rest = super().get_list_display(request)
        review = ["review_state", "confidence"]
        display = [first, *review, *(c for c in rest if c not in review)]
        if not self.has_change_permission(request):
            return display
        # The buttons need the list's filters to come back to it, and a list_display callable
        # sees only the row: this one is made for the request.
        filters = self.get_preserved_filters(request)

        @admin.display(description=_("review"))
        def review_buttons(obj):
            return self.review_buttons(obj, filters=filters, back="list")

        return [*display[:3], review_buttons, *display[3:]]

    def review_buttons(self, obj, *, filters: str, back: str) -> str:
        """Verify and Reject as buttons that POST the row's new state (the page's form carries the CSRF token).

        On the list they sit inside the changelist form, which cannot hold a form of its own: each
        button posts that form to its own formaction, and the review view reads nothing else of it.
        """
        buttons = []
        for verb, (state, label) in REVIEW_BUTTONS.items():
            if obj.review_state == state:
                continue
            url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_review", args=[obj.pk, verb])
            query = "&".join(q for q in (f"back={back}", filters) if q)
            buttons.append((f"{url}?{query}", verb, f"{label} “{obj}”"[:200], label))
        return format_html_join(
            "", '<button type="submit" class="review-button review-{1}" formaction="{0}" formmethod="post" '
            'aria-label="{2}">{3}</button>', buttons,
        )

    def get_urls(self):
        return [
            path("<int:pk>/review/<str:verb>/", self.admin_site.admin_view(self.review_view),
                 name=f"{self.opts.app_label}_{self.opts.model_name}_review"),
            *super().get_urls(),
        ]

    def review_view(self, request, pk: int, verb: str):
        """Verify or reject one row (POST), then go back to the list with its filters, or to the row."""
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if verb not in REVIEW_BUTTONS:
            raise Http404
        state = REVIEW_BUTTONS[verb][0]
        services.set_review_state(objects=[obj], state=state, user=request.user)
        self.log_change(request, obj, reasons.marked(state))
        self.message_user(
            request, _("“%(row)s” marked %(state)s.") % {"row": obj, "state": ReviewState(state).label.lower()},
            messages.SUCCESS,
        )
        # Only our own pages: the filters are a query string put after our own URL, never a URL.
        filters = request.GET.get("_changelist_filters", "")
        info = self.opts.app_label, self.opts.model_name
        if request.GET.get("back") == "change":
            url = reverse("admin:%s_%s_change" % info, args=[obj.pk])
            return HttpResponseRedirect(f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url)
        url = reverse("admin:%s_%s_changelist" % info)
        return HttpResponseRedirect(f"{url}?{filters}" if filters else url)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_change_permission(request, obj):
            context["review_buttons"] = self.review_buttons(
                obj, filters=self.get_preserved_filters(request), back="change"
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *REVIEW_READONLY]

    def save_model(self, request, obj, form, change):
        # An explicit choice of state wins; any other edit locks the row against the machine.
        if "review_state" in form.changed_data:
            services.record_review(obj=obj, state=obj.review_state, user=request.user,
                                   reason=reasons.marked(obj.review_state))
        elif change and form.changed_data:
            services.lock_correction(obj=obj, user=request.user, reason=_correction_reason(form))
        elif not change:
            services.record_review(obj=obj, state=ReviewState.LOCKED, user=request.user, reason=reasons.CREATED)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if change and not form.changed_data and any(f.has_changed() for f in formsets):
            # A participant or alias changed: the parent is corrected too.
            services.lock_correction(obj=obj, user=request.user, reason=reasons.CORRECTED_RELATED)
            obj.save(update_fields=["review_state", "reviewed_by", "reviewed_at", "updated_at"])

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            deleted.delete()
        for instance in instances:
            if isinstance(instance, Alias):
                if instance.pk is not None:
                    services.ensure_baseline_history(instance)
                instance.origin = Alias.Origin.EDITOR  # added or respelled: the editor vouches for it now
            if isinstance(instance, EventParticipant):
                if instance.pk is not None:
                    services.ensure_baseline_history(instance)
                instance.review_state = ReviewState.LOCKED
            instance.save()
        formset.save_m2m()


def _correction_reason(form) -> str:
    changes = []
    for name in form.changed_data:
        before = form.initial.get(name)
        if name in ("speaker", "event") and before:
            before = form.fields[name].queryset.filter(pk=before).first()
        after = form.cleaned_data.get(name)
        if name in ("text", "description") or isinstance(after, (QuerySet, list, tuple)):
            changes.append(f"{name} edited")
        else:
            changes.append(f"{name}: {before if before not in (None, '') else '—'} → {after if after not in (None, '') else '—'}")
    return reasons.written(reasons.CORRECTED_FIELDS, changes="; ".join(changes))


def _confirm_selected(modeladmin, request, queryset, *, template: str, action: str, title: str, extra=None):
    """Render an intermediate page that posts the selection back to the same action."""
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "action": action,
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
        **(extra or {}),
    }
    return TemplateResponse(request, template, context)


# --- Actors ---------------------------------------------------------------------------------


class AliasInline(admin.TabularInline):
    model = Alias
    formset = LabelledInlineFormSet
    extra = 1
    fields = ["name", "language", "origin", "split_link"]
    readonly_fields = ["origin", "split_link"]

    @admin.display(description=_("split"))
    def split_link(self, alias):
        if not alias.pk:
            return ""
        url = reverse("admin:records_alias_split", args=[alias.pk])
        return format_html('<a href="{}">{}</a>', url, _("Split into its own actor…"))


@admin.action(description=_("Merge selected actors…"), permissions=["change"])
def merge_actors(modeladmin, request, queryset):
    actors = list(queryset.order_by("name"))
    if len(actors) < 2:
        modeladmin.message_user(request, _("Select at least two actors to merge."), messages.WARNING)
        return None
    if request.POST.get("post") == "yes":
        keep = next((a for a in actors if str(a.pk) == request.POST.get("keep")), None)
        if keep is None:
            modeladmin.message_user(request, _("Pick the actor to keep."), messages.ERROR)
            return None
        try:
            records = [services.merge_actors(keep=keep, merge=other, user=request.user) for other in actors if other != keep]
            for record in records:  # "Recent actions" on the admin home
                modeladmin.log_change(request, keep, f"Merged “{record.merged_actor}” into it (merge #{record.pk})")
        except services.CorrectionError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
            return None
        modeladmin.message_user(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                ngettext("Merged %(n)d actor into “%(keep)s”.", "Merged %(n)d actors into “%(keep)s”.", len(records))
                % {"n": len(records), "keep": keep.name},
                reverse("admin:records_mergerecord_changelist") + f"?kept_actor__id__exact={keep.pk}",
                _("Undo from the merge history"),
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:records_actor_change", args=[keep.pk]))
    counts = {
        a.pk: a
        for a in queryset.annotate(
            n_mentions=Count("mentions", distinct=True),
            n_statements=Count("statements", distinct=True),
            n_aliases=Count("aliases", distinct=True),
        )
    }
    choices = [counts[a.pk] for a in actors]
    proposed = _actor_to_keep(choices)
    choices.sort(key=lambda a: a != proposed)  # the proposed one first, the rest by name
    return _confirm_selected(
        modeladmin, request, choices, template="admin/records/actor/merge_confirmation.html",
        action="merge_actors", title=_("Merge actors"), extra={"proposed": proposed},
    )


def _actor_to_keep(actors: list[Actor]) -> Actor:
    """The actor an editor most likely means to keep: one already vouched for, then the most mentioned.

    A stray short form ("Volodymyr", unreviewed, one mention) sorts first by name; keeping it would
    rename the well-attested actor to the junk one.
    """
    vouched = (ReviewState.VERIFIED, ReviewState.LOCKED)
    return max(actors, key=lambda a: (
        a.review_state != ReviewState.REJECTED, a.review_state in vouched, a.n_mentions, a.n_statements,
    ))


@admin.register(Actor)
class ActorAdmin(ReviewableAdmin):
    list_display = ["name", "kind", "country", "role", "wikidata_id", "review_state", "confidence"]
    list_filter = [ReviewStateFilter, "kind", "country", ("first_seen_in__source", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    ordering = ["confidence", "name"]
    inlines = [AliasInline]
    actions = [*REVIEW_ACTIONS, merge_actors]
    raw_id_fields = ["first_seen_in"]
    fields = [
        "name", "kind", "country", "role", "wikidata_id", "description", "review_state", "merged_into",
        "merge_history", "gazetteer_key", "first_seen_in", *REVIEW_READONLY,
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "merged_into", "merge_history", "gazetteer_key"]

    def get_search_results(self, request, queryset, search_term):
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            # The speaker autocomplete offers only actors that still stand.
            queryset = queryset.filter(merged_into__isnull=True).exclude(review_state=ReviewState.REJECTED)
        return queryset, duplicates

    @admin.display(description=_("merges"))
    def merge_history(self, actor):
        records = MergeRecord.objects.filter(kind=MergeRecord.Kind.ACTOR).filter(
            kept_actor=actor
        ) | MergeRecord.objects.filter(merged_actor=actor)
        records = records.select_related("kept_actor", "merged_actor")
        if not records:
            return "—"
        return format_html(
            "<ul class=\"merge-history\">{}</ul>",
            format_html_join(
                "", '<li><a href="{}">{}</a> {}</li>',
                (
                    (reverse("admin:records_mergerecord_change", args=[r.pk]), str(r),
                     _("(undone)") if r.is_undone else "")
                    for r in records
                ),
            ),
        )


@admin.action(description=_("Split selected aliases into their own actors"), permissions=["change"])
def split_aliases(modeladmin, request, queryset):
    for alias in queryset:
        try:
            actor = services.split_alias(alias=alias, user=request.user)
            modeladmin.log_change(request, alias, f"Split off into the actor “{actor}”")
        except services.CorrectionError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
        else:
            modeladmin.message_user(request, _("“%(name)s” is now its own actor.") % {"name": actor.name}, messages.SUCCESS)


@admin.register(Alias)
class AliasAdmin(HistoryAdmin):
    list_display = ["name", "actor", "language", "origin"]
    list_filter = ["origin", "language"]
    search_fields = ["name", "normalized", "actor__name"]
    autocomplete_fields = ["actor"]
    list_select_related = ["actor"]
    actions = [split_aliases]
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        return ["origin"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        if not change:
            obj.origin = Alias.Origin.EDITOR
        super().save_model(request, obj, form, change)

    def get_urls(self):
        return [
            path("<int:pk>/split/", self.admin_site.admin_view(self.split_view), name="records_alias_split"),
            *super().get_urls(),
        ]

    def split_view(self, request, pk: int):
        """Confirm, then make one alias its own actor with the mentions written that way."""
        alias = get_object_or_404(Alias.objects.select_related("actor"), pk=pk)
        if not self.has_change_permission(request, alias):
            raise PermissionDenied
        if request.method == "POST":
            try:
                actor = services.split_alias(alias=alias, user=request.user, kind=request.POST.get("kind") or None)
                self.log_change(request, alias, f"Split off into the actor “{actor}”")
            except services.CorrectionError as error:
                self.message_user(request, str(error), messages.ERROR)
                return HttpResponseRedirect(reverse("admin:records_actor_change", args=[alias.actor_id]))
            self.message_user(request, _("“%(name)s” is now its own actor.") % {"name": actor.name}, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:records_actor_change", args=[actor.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Split an alias into its own actor"),
            "opts": self.model._meta,
            "alias": alias,
            "kinds": Actor.Kind.choices,
            "mentions": Mention.objects.filter(actor=alias.actor).count(),
            "media": self.media,
        }
        return TemplateResponse(request, "admin/records/alias/split_confirmation.html", context)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "slug"]
    search_fields = ["name_en", "name_fr", "keywords"]
    prepopulated_fields = {"slug": ["name_en"]}


# --- Events ---------------------------------------------------------------------------------


class ParticipantInline(admin.TabularInline):
    model = EventParticipant
    formset = LabelledInlineFormSet
    extra = 1
    autocomplete_fields = ["actor"]
    fields = ["actor", "role", "review_state"]
    readonly_fields = ["review_state"]


class EvidenceInline(admin.TabularInline):
    model = EventEvidence
    formset = LabelledInlineFormSet
    extra = 0
    fields = ["article", "sentence", "start", "end", "confidence"]
    readonly_fields = ["article", "sentence", "start", "end", "confidence"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # evidence comes from articles; editors move it, they do not type it


@admin.action(description=_("Merge selected duplicate events…"), permissions=["change"])
def merge_events(modeladmin, request, queryset):
    events = list(queryset.order_by("date", "pk"))
    if len(events) < 2:
        modeladmin.message_user(request, _("Select at least two events to merge."), messages.WARNING)
        return None
    if request.POST.get("post") == "yes":
        keep = next((e for e in events if str(e.pk) == request.POST.get("keep")), None)
        if keep is None:
            modeladmin.message_user(request, _("Pick the event to keep."), messages.ERROR)
            return None
        try:
            for other in events:
                if other != keep:
                    record = services.merge_events(keep=keep, merge=other, user=request.user)
                    modeladmin.log_change(request, keep, f"Merged “{other}” into it (merge #{record.pk})")
        except services.CorrectionError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
            return None
        modeladmin.message_user(
            request,
            ngettext("Merged %(n)d event into “%(keep)s”.", "Merged %(n)d events into “%(keep)s”.", len(events) - 1)
            % {"n": len(events) - 1, "keep": keep.title},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:records_event_change", args=[keep.pk]))
    annotated = {e.pk: e for e in queryset.annotate(n_evidence=Count("evidence", distinct=True))}
    return _confirm_selected(
        modeladmin, request, [annotated[e.pk] for e in events], template="admin/records/event/merge_confirmation.html",
        action="merge_events", title=_("Merge duplicate events"),
    )


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        # Said before the database constraint (event_dated_or_unknown) says it in its own words.
        if not cleaned.get("date") and cleaned.get("date_precision") not in (None, "", DatePrecision.UNKNOWN):
            self.add_error("date", _("Give a date, or set the precision to “Unknown”."))
        return cleaned


@admin.register(Event)
class EventAdmin(ReviewableAdmin):
    form = EventForm
    list_display = ["title", "kind", "date", "date_precision", "status", "location", "review_state", "confidence"]
    list_filter = [
        ReviewStateFilter, "kind", "status", "date", "topics",
        ("evidence__article__source", admin.RelatedOnlyFieldListFilter), "evidence__article__language",
    ]
    search_fields = ["title", "location", "participants__actor__name"]
    ordering = ["confidence", "-date", "-id"]
    inlines = [ParticipantInline, EvidenceInline]
    actions = [*REVIEW_ACTIONS, merge_events]
    filter_horizontal = ["topics"]
    fields = [
        "title", "kind", "plover_category", "date", "date_precision", "status", "location", "topics",
        "review_state", "merged_into", "evidence_link", *REVIEW_READONLY,
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "merged_into", "evidence_link"]

    @admin.display(description=_("evidence"))
    def evidence_link(self, event):
        if not event.pk:
            return "—"
        url = reverse("admin:records_eventevidence_changelist") + f"?event__id__exact={event.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Move evidence off into a new event…"))


@admin.register(Statement)
class StatementAdmin(ReviewableAdmin):
    list_display = ["__str__", "speaker", "speaker_description", "direct", "said_on", "event", "review_state",
                    "confidence"]
    list_filter = [
        ReviewStateFilter, "direct", "said_on", "topics",
        ("article__source", admin.RelatedOnlyFieldListFilter), "article__language",
    ]
    search_fields = ["text", "speaker__name", "speaker_description", "article__title"]
    ordering = ["confidence", "-id"]
    autocomplete_fields = ["speaker", "event"]
    list_select_related = ["speaker", "event"]
    filter_horizontal = ["topics"]
    fields = [
        "in_context", "text", "speaker", "speaker_description", "direct", "event", "said_on", "said_on_precision",
        "topics", "review_state",
        "article_link", "start", "end", *REVIEW_READONLY,
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "in_context", "article_link", "start", "end"]

    @admin.display(description=_("in the article"))
    def save_model(self, request, obj, form, change):
        previous = Statement.objects.select_related("speaker").get(pk=obj.pk).speaker if change else None
        super().save_model(request, obj, form, change)
        if change and "speaker" in form.changed_data:
            # A misspelt name fixed to the person it meant is learned as that person's alias.
            record = services.learn_from_speaker_fix(previous=previous, corrected=obj.speaker, user=request.user)
            if record is not None:
                self.message_user(request, _("“%(old)s” is now known as an alias of %(new)s (undoable from the merge history).")
                                  % {"old": previous.name, "new": obj.speaker.name})

    def in_context(self, statement):
        if not statement.pk:
            return "—"
        return highlight_context(statement.article, statement.start, statement.end)

    @admin.display(description=_("article"))
    def article_link(self, statement):
        if not statement.article_id:
            return "—"
        url = reverse("admin:ingestion_article_change", args=[statement.article_id])
        return format_html('<a href="{}">{}</a>', url, statement.article)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "actor", "article", "start", "end", "review_state", "confidence"]
    list_filter = [ReviewStateFilter]
    search_fields = ["text", "actor__name"]
    ordering = ["confidence", "-id"]
    autocomplete_fields = ["actor"]
    raw_id_fields = ["article"]
    list_select_related = ["actor", "article"]
    actions = REVIEW_ACTIONS
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        if change and form.changed_data and "review_state" not in form.changed_data:
            obj.review_state = ReviewState.LOCKED
        super().save_model(request, obj, form, change)


@admin.register(EventParticipant)
class EventParticipantAdmin(HistoryAdmin):
    list_display = ["actor", "event", "role", "review_state"]
    list_filter = [ReviewStateFilter, "role"]
    search_fields = ["actor__name", "event__title"]
    autocomplete_fields = ["actor", "event"]
    list_select_related = ["actor", "event"]
    actions = REVIEW_ACTIONS
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        if form.changed_data and "review_state" not in form.changed_data:
            if change:
                services.ensure_baseline_history(obj)
            obj.review_state = ReviewState.LOCKED
        super().save_model(request, obj, form, change)


@admin.action(description=_("Move selected evidence to a new event…"), permissions=["change"])
def move_evidence(modeladmin, request, queryset):
    rows = list(queryset.select_related("event", "article"))
    if request.POST.get("post") == "yes":
        try:
            event = services.move_evidence_to_new_event(
                evidence=rows, user=request.user, title=request.POST.get("title", "").strip()
            )
        except services.CorrectionError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
            return None
        modeladmin.log_change(request, event, "Created from evidence moved off another event")
        modeladmin.message_user(request, _("Created “%(title)s” from the selected evidence.") % {"title": event.title}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:records_event_change", args=[event.pk]))
    events = {row.event for row in rows}
    return _confirm_selected(
        modeladmin, request, rows, template="admin/records/eventevidence/move_confirmation.html",
        action="move_evidence", title=_("Move evidence to a new event"),
        extra={"source_event": next(iter(events)) if len(events) == 1 else None},
    )


@admin.register(EventEvidence)
class EventEvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "article", "start", "end", "confidence"]
    list_filter = [("article__source", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["sentence", "event__title"]
    autocomplete_fields = ["event"]
    raw_id_fields = ["article"]
    list_select_related = ["event", "article"]
    actions = [move_evidence]
    # The sentence is what the article says; an editor only decides which event it reports.
    readonly_fields = ["article", "sentence", "start", "end", "extractor_version", "confidence"]
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "event" in form.changed_data:
            # Both events were corrected: neither may be rebuilt by the machine now.
            previous = Event.objects.filter(pk=form.initial.get("event")).first()
            services.set_review_state(
                objects=[e for e in (previous, obj.event) if e is not None and not e.is_protected],
                state=ReviewState.LOCKED, user=request.user,
            )


# --- Merge history --------------------------------------------------------------------------


@admin.action(description=_("Undo selected merges"), permissions=["change"])
def undo_merges(modeladmin, request, queryset):
    for record in queryset.order_by("-performed_at", "-pk"):  # newest first: chains unwind in order
        try:
            services.undo_merge(record=record, user=request.user)
            modeladmin.log_change(request, record, "Undone")
        except services.CorrectionError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
        else:
            modeladmin.message_user(request, _("Undid the merge “%(merge)s”.") % {"merge": record}, messages.SUCCESS)


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "performed_by", "performed_at", "undone_at"]
    list_filter = ["kind", "undone_at"]
    list_select_related = ["kept_actor", "merged_actor", "kept_event", "merged_event", "performed_by"]
    search_fields = ["kept_actor__name", "merged_actor__name", "kept_event__title", "merged_event__title"]
    actions = [undo_merges]
    change_form_template = "admin/records/mergerecord/change_form.html"
    fields = ["kind", "kept_actor", "merged_actor", "kept_event", "merged_event", "moved_summary",
              "performed_by", "performed_at", "undone_by", "undone_at"]
    readonly_fields = fields
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # merges are made from the actor and event lists

    def has_delete_permission(self, request, obj=None):
        return False  # the record is what makes a merge undoable

    MOVED_LABELS = {
        "mentions": _("mentions moved"),
        "statements": _("statements moved"),
        "participations": _("event participations moved"),
        "dropped_participations": _("participations folded into the kept actor's (restored on undo)"),
        "aliases": _("aliases moved"),
        "evidence": _("evidence sentences moved"),
        "dropped_evidence": _("duplicate evidence sentences folded (restored on undo)"),
        "participants": _("participants moved"),
        "dropped_participants": _("duplicate participants folded (restored on undo)"),
        "topics": _("topics added"),
        "chained": _("earlier merges re-pointed"),
    }

    def get_fields(self, request, obj=None):
        if obj is not None and obj.kind == MergeRecord.Kind.ACTOR:
            return [f for f in self.fields if not f.endswith("_event")]
        if obj is not None:
            return [f for f in self.fields if not f.endswith("_actor")]
        return self.fields

    @admin.display(description=_("what moved"))
    def moved_summary(self, record):
        moved = record.moved or {}
        rows = [(label, len(moved[key])) for key, label in self.MOVED_LABELS.items() if moved.get(key)]
        if moved.get("created_alias"):
            rows.append((_("alias added to the kept actor"), record.merged_actor.name if record.merged_actor else ""))
        if moved.get("filled"):
            rows.append((_("fields filled on the kept actor"), ", ".join(moved["filled"])))
        if not rows:
            return _("nothing but the row itself")
        return format_html('<ul class="moved-summary">{}</ul>', format_html_join("", "<li>{}: {}</li>", rows))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "show_save": False, "show_save_and_continue": False,
                         "show_save_and_add_another": False, "show_delete": False}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            path("<int:pk>/undo/", self.admin_site.admin_view(self.undo_view), name="records_mergerecord_undo"),
            *super().get_urls(),
        ]

    def undo_view(self, request, pk: int):
        """Undo one merge (POST only: the change page's button)."""
        record = get_object_or_404(MergeRecord, pk=pk)
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            services.undo_merge(record=record, user=request.user)
            self.log_change(request, record, "Undone")
        except services.CorrectionError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, _("Undid the merge “%(merge)s”.") % {"merge": record}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:records_mergerecord_change", args=[record.pk]))


# --- The article review screen ----------------------------------------------------------------
# ingestion.Article belongs to ingestion, whose admin knows nothing of records: the review parts
# of its page (highlighted text, extracted rows, re-run extraction, mark irrelevant, correct) are
# added here, to ingestion's own ArticleAdmin, registered in its place.

class ArticleReviewAdmin(ArticleReviewMixin, ingestion_admin.ArticleAdmin):
    pass


admin.site.unregister(Article)
admin.site.register(Article, ArticleReviewAdmin)


# Django's own user admin shows "Last login" and "Date joined" as split date-time inputs named by
# nothing but the plain text "Date:" and "Time:"; accounts imports no other app, so they are named here.
_UserAdmin = type(admin.site._registry[get_user_model()])


class NamedUserAdmin(NamedSplitInputsMixin, _UserAdmin):
    pass


# In its place rather than unregistered and registered again, which would move Accounts to the end
# of the admin's menu and of its app-index URL.
admin.site._registry[get_user_model()] = NamedUserAdmin(get_user_model(), admin.site)

# Editors land here from the timeline's "Review" link: the same name, not "Django administration".
admin.site.site_header = "Parley"
admin.site.site_title = _("Parley review")
admin.site.index_title = _("Review what the machine extracted")


class WrittenByTheMachineAdmin(admin.ModelAdmin):
    """Rows Parley writes itself (signals, extraction runs): browsed, never added or edited by hand."""

    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Tombstone)
class TombstoneAdmin(WrittenByTheMachineAdmin):
    """What /api/v1/deleted serves, to check a client's sync; written only by signals, so read-only."""

    list_display = ["kind", "object_id", "reason", "replaced_by", "at"]
    list_filter = ["kind", "reason"]
    search_fields = ["=object_id"]
    show_full_result_count = False

    def has_delete_permission(self, request, obj=None):
        return False  # a client would never learn the row was gone


@admin.register(ExtractionRun)
class ExtractionRunAdmin(WrittenByTheMachineAdmin):
    """The timings "Re-run extraction" estimates from; written by every extraction, so read-only."""

    list_display = ["finished_at", "articles", "characters", "seconds", "load_seconds", "extractor_version"]
    list_filter = ["extractor_version"]
    date_hierarchy = "finished_at"
    show_full_result_count = False

    def has_delete_permission(self, request, obj=None):
        return False  # the estimate would lose its history
