"""Names for the admin inputs that Django leaves without one.

A tabular inline heads its columns with the field labels, but a column heading names no input: a
screen reader announces a bare "edit text" for each cell. A split date-time field is a <fieldset>
whose <legend> names the pair, while "Date:" and "Time:" beside its two inputs are plain text.
Both get an aria-label.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils.text import capfirst
from django.utils.translation import gettext as _


def name_split_inputs(field: forms.Field) -> None:
    """Each half of a split date-time input says what it is: "Publication date: time"."""
    if isinstance(field.widget, AdminSplitDateTime):
        date_input, time_input = field.widget.widgets
        date_input.attrs.setdefault("aria-label", _("%(field)s: date") % {"field": capfirst(field.label or "")})
        time_input.attrs.setdefault("aria-label", _("%(field)s: time") % {"field": capfirst(field.label or "")})


class LabelledInlineFormSet(forms.BaseInlineFormSet):
    """Each input of an inline row is named after its column and its row ("Name, alias 2")."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = capfirst(self.model._meta.verbose_name)
        # The empty form is the template the admin's script copies for "Add another": no number in it.
        if index is not None:
            row = f"{row} {index + 1}"
        for field in form.fields.values():
            if isinstance(field.widget, forms.MultiWidget):
                name_split_inputs(field)  # an aria-label on the pair would override both halves' own
            else:
                # Not the admin's wrapper (related-object links): its copies share the first form's attrs.
                widget = getattr(field.widget, "widget", field.widget)
                widget.attrs.setdefault("aria-label", f"{capfirst(field.label or '')}, {row}")


class NamedSplitInputsMixin:
    """For a ModelAdmin: the split date-time inputs of its form are named."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            name_split_inputs(field)
        return field
