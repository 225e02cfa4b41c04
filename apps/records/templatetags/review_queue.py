"""The review queue's summary on the admin home page: what is waiting for an editor, per kind."""

from __future__ import annotations

from django import template
from django.db.models import Count, Min, Q
from django.urls import reverse

from apps.ingestion.models import Article
from apps.records.models import Actor, Event, Mention, ReviewState, Statement

register = template.Library()

QUEUES = [(Statement, "statement"), (Event, "event"), (Actor, "actor"), (Mention, "mention")]


@register.simple_tag
def review_queue(user) -> list[dict]:
    """Unreviewed count and lowest confidence of each kind the user may view (one query per kind)."""
    rows = []
    for model, name in QUEUES:
        if not user.has_perm(f"records.view_{name}"):
            continue
        figures = model.objects.aggregate(
            waiting=Count("pk", filter=Q(review_state=ReviewState.UNREVIEWED)),
            lowest=Min("confidence", filter=Q(review_state=ReviewState.UNREVIEWED)),
        )
        rows.append({
            "label": model._meta.verbose_name_plural,
            "url": reverse(f"admin:records_{name}_changelist"),
            **figures,
        })
    return rows


@register.simple_tag
def failed_articles(user) -> dict | None:
    """How many articles failed to be fetched or extracted, with a link to them and their reasons."""
    if not user.has_perm("ingestion.view_article"):
        return None
    return {
        "count": Article.objects.filter(status=Article.Status.FAILED).count(),
        "url": f"{reverse('admin:ingestion_article_changelist')}?status__exact={Article.Status.FAILED}",
    }
