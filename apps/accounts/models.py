import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

# Page views closer together than this are one visit: reloading the timeline, or coming back
# from an event page, must not empty "since your last visit".
VISIT_GAP = dt.timedelta(minutes=30)


class User(AbstractUser):
    """Parley's user; its own model from day one so fields can be added without a rewrite."""

    EDITORS = "Editors"
    ANALYSTS = "Analysts"

    # When the timeline was last looked at, and when the visit before the current one ended:
    # the week summary's "since your last visit" counts from the latter.
    timeline_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    previous_visit_at = models.DateTimeField(null=True, blank=True, editable=False)

    def is_editor(self) -> bool:
        return self.is_active and (self.is_superuser or self.groups.filter(name=self.EDITORS).exists())

    def record_timeline_visit(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """Note that the timeline is being read; return when the previous visit ended (None: first visit).

        One UPDATE at most per few minutes of reading, by queryset so no other field is written.
        """
        now = now or timezone.now()
        seen = self.timeline_seen_at
        if seen is not None and now - seen < dt.timedelta(minutes=5):
            return self.previous_visit_at
        if seen is not None and now - seen >= VISIT_GAP:
            self.previous_visit_at = seen
        self.timeline_seen_at = now
        type(self).objects.filter(pk=self.pk).update(
            timeline_seen_at=now, previous_visit_at=self.previous_visit_at
        )
        return self.previous_visit_at
