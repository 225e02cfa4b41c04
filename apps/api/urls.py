from django.urls import path

from apps.api import views
from apps.api.v1 import api

urlpatterns = [
    path("v1/docs", views.docs, name="api-docs"),
    path("v1/", api.urls),
    path("tokens/", views.tokens, name="api-tokens"),
]
