from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.timeline.models import (
    Actor,
    Alias,
    Event,
    EventEvidence,
    EventParticipant,
    Mention,
    Statement,
    Topic,
)


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["name", "language", "origin"]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "role", "review_state", "confidence"]
    list_filter = ["review_state", "kind", "country"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    inlines = [AliasInline]
    raw_id_fields = ["merged_into", "first_seen_in"]
    show_full_result_count = False


@admin.register(Alias)
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "actor", "language", "origin"]
    list_filter = ["origin", "language"]
    search_fields = ["name", "normalized"]
    raw_id_fields = ["actor"]
    list_select_related = ["actor"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "slug"]
    search_fields = ["name_en", "name_fr", "keywords"]
    prepopulated_fields = {"slug": ["name_en"]}


class ParticipantInline(admin.TabularInline):
    model = EventParticipant
    extra = 1
    raw_id_fields = ["actor"]


class EvidenceInline(admin.TabularInline):
    model = EventEvidence
    extra = 0
    raw_id_fields = ["article"]
    readonly_fields = ["sentence", "start", "end", "extractor_version", "confidence"]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "date", "date_precision", "status", "location", "review_state", "confidence"]
    list_filter = ["review_state", "kind", "status", "date_precision"]
    search_fields = ["title", "location"]
    date_hierarchy = "date"
    inlines = [ParticipantInline, EvidenceInline]
    raw_id_fields = ["merged_into"]
    filter_horizontal = ["topics"]
    show_full_result_count = False


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "speaker", "direct", "said_on", "review_state", "confidence"]
    list_filter = ["review_state", "direct"]
    search_fields = ["text", "speaker__name"]
    raw_id_fields = ["speaker", "article", "event"]
    list_select_related = ["speaker"]
    filter_horizontal = ["topics"]
    show_full_result_count = False


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "actor", "article", "start", "end", "review_state"]
    list_filter = ["review_state"]
    search_fields = ["text", "actor__name"]
    raw_id_fields = ["actor", "article"]
    list_select_related = ["actor", "article"]
    show_full_result_count = False


@admin.register(EventParticipant)
class EventParticipantAdmin(SimpleHistoryAdmin):
    list_display = ["actor", "event", "role", "review_state"]
    list_filter = ["role", "review_state"]
    search_fields = ["actor__name", "event__title"]
    raw_id_fields = ["actor", "event"]
    list_select_related = ["actor", "event"]


@admin.register(EventEvidence)
class EventEvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "article", "start", "end", "confidence"]
    search_fields = ["sentence", "event__title"]
    raw_id_fields = ["event", "article"]
    list_select_related = ["event", "article"]
    show_full_result_count = False
