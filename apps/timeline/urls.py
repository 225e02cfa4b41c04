from django.urls import path

from apps.timeline import views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="index"),
]
