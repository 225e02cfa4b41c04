"""The "Changes" column of a row's history, in the words an editor uses.

simple-history shows a foreign key that was empty as "Deleted user (pk=None)", a choice by its
stored value ("unreviewed") and a time as Python prints it; each is said plainly here instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


class PlainHistoryHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value: Any) -> Any:
        field = self.model._meta.get_field(change.field)
        if isinstance(value, DeletedObject):
            if value.pk is None:
                return EMPTY  # the key was empty: nothing was deleted
            return _("a deleted %(type)s") % {"type": value.model._meta.verbose_name}
        if value is None or value == "":
            return EMPTY
        if field.choices and not isinstance(field, models.ManyToManyField):
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, dt.datetime):
            return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value,
                                       "DATETIME_FORMAT")
        if isinstance(value, dt.date):
            return formats.date_format(value, "DATE_FORMAT")
        return super().prepare_delta_change_value(change, value)
