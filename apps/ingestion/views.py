"""Editors bring articles in by hand: one URL, or a file of articles."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.ingestion.forms import SubmitURLForm, UploadForm
from apps.ingestion.models import Article
from apps.ingestion.records import UnreadableFile, iter_records
from apps.ingestion.services import InvalidArticle, import_records, submit_url

# Statuses after which nothing changes by itself: the status fragment stops polling.
SETTLED = {Article.Status.EXTRACTED, Article.Status.DUPLICATE, Article.Status.FAILED, Article.Status.IRRELEVANT}


def editor_required(view):
    """Anonymous visitors go to the login page; logged-in non-editors get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_editor():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@editor_required
def index(request):
    """The two ways in for editors, and the latest articles they submitted."""
    recent = Article.objects.select_related("source").filter(via__in=[Article.Via.URL, Article.Via.UPLOAD]).order_by("-id")[:15]
    return TemplateResponse(request, "ingestion/index.html", {
        "url_form": SubmitURLForm(), "upload_form": UploadForm(), "recent": recent,
    })


@require_POST
@editor_required
def submit(request):
    """Queue one article URL for fetching, then show where it stands."""
    form = SubmitURLForm(request.POST)
    if form.is_valid():
        try:
            stored = submit_url(url=form.cleaned_data["url"], source=form.cleaned_data["source"])
        except InvalidArticle as exc:
            form.add_error("url", str(exc))
        else:
            if not stored.created:
                messages.info(request, _("This article was already submitted; here is where it stands."))
            return redirect("ingestion:article", pk=stored.article.pk)
    recent = Article.objects.select_related("source").filter(via__in=[Article.Via.URL, Article.Via.UPLOAD]).order_by("-id")[:15]
    return TemplateResponse(request, "ingestion/index.html", {
        "url_form": form, "upload_form": UploadForm(), "recent": recent,
    }, status=400)


@require_http_methods(["GET", "POST"])
@editor_required
def upload(request):
    """Import a JSON Lines, CSV or JSON file and show what became of each record."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            summary = import_records(iter_records(upload_file.read(), name=upload_file.name), via=Article.Via.UPLOAD)
        except UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            failures = [_("line %(line)d: %(reason)s") % {"line": line, "reason": reason} for line, reason in summary.failures]
            return TemplateResponse(request, "ingestion/upload_result.html", {
                "name": upload_file.name, "counts": summary.counts, "failures": failures,
            })
    return TemplateResponse(request, "ingestion/upload.html", {"upload_form": form}, status=400 if request.method == "POST" else 200)


@vary_on_headers("HX-Request")
@editor_required
def article(request, pk: int):
    """Where one article stands; the status fragment polls until it settles."""
    article = get_object_or_404(Article.objects.select_related("source", "duplicate_of"), pk=pk)
    context = {"article": article, "settled": article.status in SETTLED}
    if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
        response = TemplateResponse(request, "ingestion/article.html#article-status", context)
        if context["settled"]:
            response.status_code = 286  # htmx: stop polling
        return response
    return TemplateResponse(request, "ingestion/article.html", context)
