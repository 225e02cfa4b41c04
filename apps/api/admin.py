from django.contrib import admin
from django.utils import timezone

from apps.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Editors see every token and may revoke one; nobody makes or reads one here (hashes only)."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    fields = readonly_fields
    actions = ["revoke"]

    def has_view_permission(self, request, obj=None):
        # Analysts hold the view right on everything in roles.EDITOR_RIGHTS; others' tokens are
        # editors' business only.
        return request.user.is_active and request.user.is_editor() and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False  # a token is made by its owner on /api/tokens/, where it is shown once

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, not deleted: the list keeps who had access and when

    @admin.action(description="Revoke selected tokens", permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"{count} token(s) revoked.")
