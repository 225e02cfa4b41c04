from django.contrib import admin

from apps.ingestion.models import Article, Source
# The review parts of the article page (highlighted text, re-run extraction, mark irrelevant).
from apps.timeline.article_review import ArticleReviewMixin


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "language", "active", "poll_interval", "last_polled_at", "last_error"]
    list_filter = ["kind", "active", "language"]
    search_fields = ["name", "feed_url", "homepage"]


@admin.register(Article)
class ArticleAdmin(ArticleReviewMixin, admin.ModelAdmin):
    list_display = ["title", "source", "language", "published_at", "status", "via", "error"]
    list_filter = ["status", "language", "via", "source"]
    search_fields = ["title", "url", "external_id"]
    list_select_related = ["source"]
    raw_id_fields = ["duplicate_of"]
    readonly_fields = ["content_hash", "simhash", "created_at", "updated_at", "extracted_at", "extractor_version"]
    date_hierarchy = "published_at"
    show_full_result_count = False
