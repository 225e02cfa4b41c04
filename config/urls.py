from django.contrib import admin
from django.urls import include, path

from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("ingest/", include("apps.ingestion.urls")),
    path("api/", include("apps.api.urls")),
    path("", include("apps.timeline.urls")),
]
