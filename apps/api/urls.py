from django.urls import path
from django.views.generic import RedirectView

from apps.api import views
from apps.api.v1 import api

urlpatterns = [
    # Before ninja's own root, which only answers 404 (it exists to name the API's prefix).
    path("v1/", RedirectView.as_view(pattern_name="api-docs", http_method_names=["get", "head"]), name="api-home"),
    path("v1/docs", views.docs, name="api-docs"),
    path("v1/", api.urls),
    path("tokens/", views.tokens, name="api-tokens"),
]
