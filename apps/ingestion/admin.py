from django import forms
from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.ingestion import services
from apps.ingestion.models import Article, ArticleCorrection, Source


@admin.action(description=_("Poll the feed now"), permissions=["change"])
def poll_now(modeladmin, request, queryset):
    from apps.ingestion.tasks import poll_source

    ids = list(queryset.exclude(feed_url="").values_list("pk", flat=True))
    with transaction.atomic():
        Source.objects.filter(pk__in=ids).update(next_poll_at=None)
        for source_id in ids:
            transaction.on_commit(lambda source_id=source_id: poll_source.delay(source_id))
    modeladmin.message_user(request, ngettext("%d feed queued for polling.", "%d feeds queued for polling.", len(ids)) % len(ids))


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "language", "active", "poll_interval", "last_polled_at", "last_error"]
    list_filter = ["kind", "active", "language"]
    search_fields = ["name", "feed_url", "homepage"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "next_poll_at", "last_error"]
    actions = [poll_now]


class PasteArticleForm(forms.ModelForm):
    """An article whose text an editor pastes: a press release, a transcript, a paywalled story."""

    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 20}))
    url = forms.URLField(label=_("URL"), required=False, max_length=1000, assume_scheme="https")

    class Meta:
        model = Article
        fields = ["source", "title", "url", "published_at", "language", "byline", "text"]
        help_texts = {"language": _("Blank: the source's language, else detected from the text.")}

    def clean_url(self):
        url = self.cleaned_data.get("url")
        try:
            return services.clean_url(url)
        except services.InvalidArticle as exc:
            raise forms.ValidationError(str(exc)) from None


@admin.action(description=_("Retry failed articles"), permissions=["change"])
def retry_failed(modeladmin, request, queryset):
    count = services.retry_articles(articles=queryset)
    modeladmin.message_user(
        request, ngettext("%d failed article queued again.", "%d failed articles queued again.", count) % count,
        messages.SUCCESS if count else messages.WARNING,
    )


@admin.action(description=_("Fetch again from their URL"), permissions=["change"])
def refetch(modeladmin, request, queryset):
    count = services.refetch_articles(articles=queryset)
    modeladmin.message_user(
        request, ngettext("%d article queued for fetching.", "%d articles queued for fetching.", count) % count,
        messages.SUCCESS if count else messages.WARNING,
    )


class StatusFilter(admin.SimpleListFilter):
    """Where articles stand in the pipeline, each choice with its count, so failures stand out."""

    title = Article._meta.get_field("status").verbose_name
    parameter_name = "status__exact"  # the field filter's name: links to it keep working

    def lookups(self, request, model_admin):
        # One grouped query for all the counts (article_status_idx leads with the status).
        counts = dict(model_admin.get_queryset(request).order_by().values_list("status").annotate(n=Count("pk")))
        return [(value, f"{label} ({counts.get(value, 0)})") for value, label in Article.Status.choices]

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


# Never changed in place on an existing article. Every stored offset points into the text, and
# relative dates were resolved against the publication date: "Correct this article…" changes
# those two with a record of the old values and a new extraction. The URL is the story's
# identity (one row per URL), and the status belongs to the pipeline and the list actions.
LOCKED_FIELDS = ["text", "url", "status", "published_at"]


# The review parts of the article page (highlighted text, extracted rows, re-run extraction, mark
# irrelevant, correct) are added by apps.records.admin, which registers its subclass in place of this.
@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "language", "published_at", "status", "via", "error"]
    list_filter = [StatusFilter, "language", "via", "source"]
    search_fields = ["title", "url", "external_id"]
    list_select_related = ["source"]
    raw_id_fields = ["duplicate_of"]
    readonly_fields = ["content_hash", "simhash", "created_at", "updated_at", "extracted_at", "extractor_version",
                       "attempts", "extraction_attempts", "submitted_url", "status_changed_at"]
    date_hierarchy = "published_at"
    show_full_result_count = False
    actions = [retry_failed, refetch]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            # Adding an article through the admin is pasting one: the service stores it once and
            # queues its extraction, like every other way in.
            kwargs["form"] = PasteArticleForm
            kwargs["fields"] = PasteArticleForm.Meta.fields
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return PasteArticleForm.Meta.fields
        # The text is on the page already, highlighted: shown twice it would only be longer.
        return [f for f in super().get_fields(request, obj) if f != "text"]

    def get_readonly_fields(self, request, obj=None):
        # Read-only fields are left out of the form, so a POST that carries them anyway changes nothing.
        return [] if obj is None else [*super().get_readonly_fields(request, obj), *LOCKED_FIELDS]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        stored = services.store_article(
            text=data["text"], title=data.get("title", ""), via=Article.Via.PASTE, source=data.get("source"),
            url=data.get("url"), language=data.get("language", ""), published=data.get("published_at"),
            byline=data.get("byline", ""),
        )
        obj.pk = stored.article.pk
        obj._state.adding = False
        if not stored.created:
            self.message_user(request, _("This text or URL was already stored; nothing was added."), messages.WARNING)
        elif stored.article.status == Article.Status.DUPLICATE:
            self.message_user(request, _("Stored as a near-copy of an earlier article; it will not be extracted again."), messages.WARNING)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)


@admin.register(ArticleCorrection)
class ArticleCorrectionAdmin(admin.ModelAdmin):
    """Every correction of an article's text or date, as "Correct this article…" recorded it: read-only."""

    list_display = ["article", "corrected_fields", "corrected_by", "corrected_at", "reextracted"]
    list_select_related = ["article", "corrected_by"]
    search_fields = ["article__title", "reason"]
    fields = ["article", "corrected_by", "corrected_at", "reason", "reextracted", "old_and_new"]
    readonly_fields = fields
    show_full_result_count = False

    # The record is the history: nobody adds one by hand, edits or deletes it, superusers included.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("corrected"))
    def corrected_fields(self, correction):
        return ", ".join(correction.changes)

    @admin.display(description=_("old and new values"))
    def old_and_new(self, correction):
        # Article text is untrusted: escaped by format_html, shown as it was, line breaks kept.
        return format_html_join(
            "", '<h3>{}</h3><p>{}</p><div class="article-text">{}</div><p>{}</p><div class="article-text">{}</div>',
            ((name, _("before"), values.get("old") or "—", _("after"), values.get("new") or "—")
             for name, values in correction.changes.items()),
        )
