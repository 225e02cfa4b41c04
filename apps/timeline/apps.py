from django.apps import AppConfig


class TimelineConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.timeline"

    def ready(self):
        from apps.timeline import freshness

        freshness.install()  # every process that writes (web, worker, shell) bumps the data version
