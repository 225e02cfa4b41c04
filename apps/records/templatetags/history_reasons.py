"""The history's reasons in the reader's language (they are stored in English: apps/records/reasons.py)."""

from __future__ import annotations

from django import template

from apps.records import reasons

register = template.Library()


@register.filter
def history_reason(stored: str | None) -> str:
    """A stored change reason, translated."""
    return reasons.shown(stored)
