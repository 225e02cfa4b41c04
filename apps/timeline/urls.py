from django.urls import path

from apps.timeline import exports, feeds, views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="index"),
    path("activity", views.activity, name="activity"),
    path("summary", views.week_summary, name="summary"),
    path("events/new", views.new_events, name="new-events"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("actors/search", views.actor_search, name="actor-search"),
    path("actors/<int:pk>/", views.actor_detail, name="actor"),
    path("statements/", views.statements, name="statements"),
    path("export.csv", exports.export_csv, name="export-csv"),
    path("export.json", exports.export_json, name="export-json"),
    path("export.ics", exports.export_ics, name="export-ics"),
    path("export.timelinejs.json", exports.export_timelinejs, name="export-timelinejs"),
    path("statements/export.csv", exports.export_statements_csv, name="export-statements-csv"),
    path("statements/export.json", exports.export_statements_json, name="export-statements-json"),
    path("feed.atom", feeds.atom_feed, name="feed"),
]
