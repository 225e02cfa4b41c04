from django.urls import path

from apps.ingestion import views

app_name = "ingestion"

urlpatterns = [
    path("", views.index, name="index"),
    path("url", views.submit, name="submit"),
    path("upload", views.upload, name="upload"),
    path("articles/<int:pk>/", views.article, name="article"),
]
