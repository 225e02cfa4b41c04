"""The article page of the review tool: its text with what the machine found in it, and its actions.

apps.records.admin mixes ArticleReviewMixin into apps.ingestion.admin.ArticleAdmin and registers
the result in its place: ingestion's admin knows nothing of records, and this module only adds
the review parts, so the two can change apart.
Article text is untrusted: every character goes through format_html/escape, never |safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from celery import current_app
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_htmx.http import HttpResponseClientRedirect

from apps.records import services
from apps.records.labels import NamedSplitInputsMixin, name_split_inputs
from apps.records.models import EventEvidence, ExtractionRun, Mention, Statement


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str  # "mention", "quote" or "evidence", plus the review state
    label: str  # shown on hover: the actor, speaker or event the machine linked
    url: str = ""  # the admin page of the row the span shows


def article_spans(article) -> list[Span]:
    """What the machine found in an article, as character spans (three queries)."""
    spans = [
        Span(m.start, m.end, f"hl-mention hl-{m.review_state}", f"{m.actor.name}",
             reverse("admin:records_mention_change", args=[m.pk]))
        for m in Mention.objects.filter(article=article).select_related("actor")
    ]
    spans += [
        Span(s.start, s.end, f"hl-quote hl-{s.review_state}",
             f"{s.speaker_label or _('unknown speaker')}: {'direct' if s.direct else 'reported'}",
             reverse("admin:records_statement_change", args=[s.pk]))
        for s in Statement.objects.filter(article=article).select_related("speaker")
    ]
    spans += [
        Span(e.start, e.end, f"hl-evidence hl-{e.event.review_state}", f"{_('event')}: {e.event.title}",
             reverse("admin:records_event_change", args=[e.event_id]))
        for e in EventEvidence.objects.filter(article=article).select_related("event")
    ]
    return spans


def highlight(text: str, spans: list[Span]) -> SafeString:
    """Escape the text and wrap each stretch covered by spans in one <mark> with all their classes.

    Spans overlap (a mention inside a quote inside an evidence sentence), so the text is cut at
    every span boundary and each piece carries the classes of all spans covering it: the markup
    stays well nested whatever the overlaps. A piece opens the row of the narrowest span over it
    that has a page (the mention inside a quote, the quote inside an evidence sentence): the
    editor clicks what they see, and the narrowest is the one drawn on top.
    """
    length = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= length]
    cuts = sorted({0, length, *(s.start for s in spans), *(s.end for s in spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s.start <= start and end <= s.end]
        if not covering:
            pieces.append(escape(text[start:end]))
            continue
        css = " ".join(sorted({c for s in covering for c in s.css.split()}))
        label = " · ".join(dict.fromkeys(s.label for s in covering))
        mark = format_html('<mark class="{}" title="{}">{}</mark>', css, label, text[start:end])
        linked = [s for s in covering if s.url]
        if linked:
            mark = format_html('<a class="hl-link" href="{}">{}</a>', min(linked, key=lambda s: s.end - s.start).url, mark)
        pieces.append(mark)
    return mark_safe("".join(str(p) for p in pieces))  # every piece above is escaped


def highlight_context(article, start: int, end: int, *, margin: int = 300) -> SafeString:
    """The stretch of the article around [start, end), highlighted, with that span marked as the focus.

    What an editor needs to judge a quote's speaker: the sentences before and after it.
    """
    text = article.text
    left, right = max(0, start - margin), min(len(text), end + margin)
    # Cut at spaces so the excerpt does not begin or end in the middle of a word.
    if left > 0 and not text[left - 1].isspace() and " " in text[left:start]:
        left = text.index(" ", left) + 1
    if right < len(text) and not text[right].isspace() and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    spans = [
        Span(max(sp.start, left) - left, min(sp.end, right) - left, sp.css, sp.label)
        for sp in [*article_spans(article), Span(start, end, "hl-focus", str(_("this statement")))]
        if sp.start < right and sp.end > left
    ]
    return format_html(
        '<div class="article-text article-excerpt">{}{}{}</div>',
        "… " if left > 0 else "", highlight(text[left:right], spans), " …" if right < len(text) else "",
    )


@dataclass(frozen=True)
class Progress:
    """Where an article's extraction stands, in the words the list and the page show."""

    state: str  # queued, extracting, done, failed, or the article's status
    text: str
    running: bool  # queued or extracting: the page asks again until it is not


def extraction_progress(article, *, now=None) -> Progress:
    """Read the article's pipeline status as a run's progress: queued, extracting, then done or failed."""
    Status = type(article).Status
    seconds = int(((now or timezone.now()) - article.status_changed_at).total_seconds())
    since = _("%(n)s s") % {"n": seconds} if seconds < 120 else _("%(n)s min") % {"n": seconds // 60}
    if article.status == Status.FETCHED:
        return Progress("queued", _("Queued for extraction (%(since)s)") % {"since": since}, True)
    if article.status == Status.EXTRACTING:
        return Progress("extracting", _("Extracting (%(since)s)") % {"since": since}, True)
    if article.status == Status.EXTRACTED:
        when = timezone.localtime(article.extracted_at or article.status_changed_at)
        return Progress("done", _("Extracted, %(when)s") % {"when": f"{when:%Y-%m-%d %H:%M}"}, False)
    if article.status == Status.FAILED:
        return Progress("failed", _("Failed: %(error)s") % {"error": article.error or "—"}, False)
    return Progress(article.status, str(article.get_status_display()), False)


def progress_html(article, *, finished_link: bool = False) -> SafeString:
    """The progress line; while it runs, it names the URL the page's script asks again (no inline script)."""
    progress = extraction_progress(article)
    poll = (format_html(' data-progress-url="{}"', reverse("admin:ingestion_article_extraction_progress",
                                                          args=[article.pk]))
            if progress.running else "")
    link = ""
    if finished_link and not progress.running:
        link = format_html(' · <a href="{}">{}</a>', reverse("admin:ingestion_article_change", args=[article.pk]),
                           _("Reload to see what it found"))
    return format_html('<span class="extraction-progress progress-{}"{}>{}{}</span>', progress.state, poll,
                       progress.text, link)


def _queued_message(count: int) -> str:
    if current_app.conf.task_always_eager:
        # No worker here (the quickstart): the run happened in this request, before the answer.
        return ngettext(
            "%(n)d article extracted again (no worker here: it ran in this request). Its state below says how it went.",
            "%(n)d articles extracted again (no worker here: they ran in this request). Their state below says how "
            "each went.", count,
        ) % {"n": count}
    return ngettext(
        "%(n)d article queued for extraction by the workers. Its state below shows when it is done.",
        "%(n)d articles queued for extraction by the workers. Their state below shows when they are done.", count,
    ) % {"n": count}


def _duration(seconds: float) -> str:
    if seconds < 120:
        return _("%(n)s s") % {"n": max(1, round(seconds))}
    return _("%(n)s min") % {"n": round(seconds / 60)}


def rerun_estimate(article) -> str:
    """Said beside "Re-run extraction" before the click: where the run goes and how long it takes."""
    inline = current_app.conf.task_always_eager
    estimate = ExtractionRun.objects.estimate(len(article.text))
    if estimate is None:
        return str(_("It runs in this request, as there is no worker here; no run has been timed yet to say how "
                     "long it takes.") if inline else
                   _("It is queued for the workers; no run has been timed yet to say how long it takes."))
    figures = {
        "duration": _duration(estimate.seconds),
        "characters": number_format(estimate.characters, force_grouping=True),
        "per_1000": number_format(estimate.per_1000, decimal_pos=2),
        "basis": ngettext("from the last run", "the median of the last %(n)s runs", estimate.runs) % {"n": estimate.runs},
    }
    if not inline:
        return _("It is queued for the workers, which take about %(duration)s to read its %(characters)s characters "
                 "(%(per_1000)s s per 1,000 characters, %(basis)s).") % figures
    said = _("It runs in this request, as there is no worker here: about %(duration)s for its %(characters)s "
             "characters (%(per_1000)s s per 1,000 characters, %(basis)s).") % figures
    if estimate.load_seconds:
        said += " " + _("The first run after the server starts also loads the language models: about %(duration)s "
                        "more.") % {"duration": _duration(estimate.load_seconds)}
    return said


@admin.action(description=_("Re-run extraction"), permissions=["change"])
def rerun_extraction(modeladmin, request, queryset):
    done = 0
    for article in queryset:
        try:
            # With a worker the run is only sent; inline it runs when this request's writes commit.
            services.rerun_extraction(article=article, user=request.user)
        except services.CorrectionError as error:
            modeladmin.message_user(request, str(error), messages.WARNING)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, _queued_message(done), messages.SUCCESS)


@admin.action(description=_("Mark irrelevant"), permissions=["change"])
def mark_irrelevant(modeladmin, request, queryset):
    count = 0
    for article in queryset:
        services.mark_article_irrelevant(article=article, user=request.user)
        count += 1
    modeladmin.message_user(
        request, ngettext("%d article marked irrelevant.", "%d articles marked irrelevant.", count) % count,
        messages.SUCCESS,
    )


ARTICLE_REVIEW_ACTIONS = {"rerun_extraction": rerun_extraction, "mark_irrelevant": mark_irrelevant}


class ArticleCorrectionForm(forms.Form):
    """A new text or publication date for a stored article, and why."""

    published_at = forms.SplitDateTimeField(
        label=_("Publication date"), required=False, widget=widgets.AdminSplitDateTime,
        help_text=_("UTC. Relative dates in the text (“on Thursday”) are read against it."),
    )
    text = forms.CharField(label=_("Text"), strip=False, widget=forms.Textarea(attrs={"rows": 20, "cols": 100}))
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2, "cols": 100}),
        help_text=_("Kept with the correction, beside the old and new values."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_split_inputs(self.fields["published_at"])

    def clean_text(self):
        # Browsers send a textarea's line breaks as CRLF: unchanged text must compare equal.
        return self.cleaned_data["text"].replace("\r\n", "\n")


class ArticleReviewMixin(NamedSplitInputsMixin):
    """Adds the highlighted text, the extracted rows and the two review actions to ArticleAdmin."""

    change_form_template = "admin/ingestion/article/review_change_form.html"
    review_readonly_fields = ["highlighted_text", "extracted_rows", "correction_history"]

    class Media:
        css = {"all": ["css/review.css"]}
        js = ["js/extraction-progress.js"]

    def get_list_display(self, request):
        # "Fetched, waiting for extraction" says little once an editor asked for a new run.
        return [self.extraction if f == "status" else f for f in super().get_list_display(request)]

    @admin.display(description=_("state"), ordering="status")
    def extraction(self, article):
        return progress_html(article)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["extraction_progress"] = progress_html(obj)
            context["extraction_running"] = extraction_progress(obj).running
            context["rerun_estimate"] = rerun_estimate(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def extraction_progress_view(self, request, pk: int):
        """The progress line alone, which the page's script asks for until the run is over."""
        from apps.ingestion.models import Article

        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return HttpResponse(progress_html(article, finished_link=True))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields + [f for f in self.review_readonly_fields if f not in fields]

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is None:
            return [f for f in fields if f not in self.review_readonly_fields]
        # The highlighted text first: it is what the editor came to read.
        rest = [f for f in fields if f not in self.review_readonly_fields]
        return [*self.review_readonly_fields, *rest]

    def get_actions(self, request):
        # Added here rather than in `actions`, which ArticleAdmin sets for its own actions.
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            for name, func in ARTICLE_REVIEW_ACTIONS.items():
                actions[name] = (func, name, func.short_description)
        return actions

    @admin.display(description=_("text as read by the machine"))
    def highlighted_text(self, article):
        if not article.pk or not article.text:
            return "—"
        return format_html(
            '<div class="article-text">{}</div>{}',
            highlight(article.text, article_spans(article)),
            format_html(
                '<p class="highlight-legend"><mark class="hl-mention">{}</mark> <mark class="hl-quote">{}</mark> '
                '<mark class="hl-evidence">{}</mark> <mark class="hl-rejected">{}</mark></p>',
                _("actor mention"), _("statement"), _("event evidence"), _("rejected"),
            ),
        )

    @admin.display(description=_("extracted"))
    def extracted_rows(self, article):
        if not article.pk:
            return "—"
        statements = Statement.objects.filter(article=article).select_related("speaker").order_by("start")
        evidence = EventEvidence.objects.filter(article=article).select_related("event").order_by("start")
        items = [
            (reverse("admin:records_statement_change", args=[s.pk]), _("Statement"),
             f"{s.speaker_label or _('unknown speaker')}: {s.text[:120]}", s.get_review_state_display())
            for s in statements
        ] + [
            (reverse("admin:records_event_change", args=[e.event_id]), _("Event"), e.event.title,
             e.event.get_review_state_display())
            for e in evidence
        ]
        if not items:
            return "—"
        return format_html(
            '<ul class="extracted-rows">{}</ul>',
            format_html_join("", '<li><a href="{}">{}</a> {} <span class="state">({})</span></li>', items),
        )

    @admin.display(description=_("corrections"))
    def correction_history(self, article):
        corrections = article.corrections.select_related("corrected_by") if article.pk else []
        items = [
            (f"{c.corrected_at:%Y-%m-%d %H:%M}", c.corrected_by or _("unknown"), ", ".join(c.changes), c.reason)
            for c in corrections
        ]
        if not items:
            return "—"
        return format_html(
            '<ul class="corrections">{}</ul>',
            format_html_join("", "<li>{} · {} · {}: {}</li>", items),
        )

    def get_urls(self):
        return [
            path("<int:pk>/correct/", self.admin_site.admin_view(self.correct_view), name="ingestion_article_correct"),
            path("<int:pk>/rerun-extraction/", self.admin_site.admin_view(self.rerun_extraction_view),
                 name="ingestion_article_rerun_extraction"),
            path("<int:pk>/mark-irrelevant/", self.admin_site.admin_view(self.mark_irrelevant_view),
                 name="ingestion_article_mark_irrelevant"),
            path("<int:pk>/extraction-progress/", self.admin_site.admin_view(self.extraction_progress_view),
                 name="ingestion_article_extraction_progress"),
            *super().get_urls(),
        ]

    def _article_action(self, request, pk: int, action):
        from apps.ingestion.models import Article

        article = get_object_or_404(Article, pk=pk)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        action(self, request, Article.objects.filter(pk=article.pk))
        url = reverse("admin:ingestion_article_change", args=[article.pk])
        # Sent by htmx (which showed its indicator meanwhile): the browser loads the page, messages and all.
        return HttpResponseClientRedirect(url) if request.htmx else HttpResponseRedirect(url)

    def rerun_extraction_view(self, request, pk: int):
        """The change page's "Re-run extraction" button."""
        return self._article_action(request, pk, rerun_extraction)

    def mark_irrelevant_view(self, request, pk: int):
        """The change page's "Mark irrelevant" button."""
        return self._article_action(request, pk, mark_irrelevant)

    def correct_view(self, request, pk: int):
        """“Correct this article…”: a new text or publication date with a reason, recorded, then extracted again."""
        from apps.ingestion.models import Article

        article = get_object_or_404(Article, pk=pk)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        initial = {"published_at": article.published_at, "text": article.text}
        form = ArticleCorrectionForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                correction = services.correct_article(
                    article=article, user=request.user, reason=data["reason"], text=data["text"],
                    published_at=data["published_at"],
                )
            except services.CorrectionError as error:
                form.add_error(None, str(error))
            else:
                article.refresh_from_db()
                self.log_change(request, article, f"Corrected {', '.join(correction.changes)}: {correction.reason}")
                self._report_correction(request, article, correction)
                return HttpResponseRedirect(reverse("admin:ingestion_article_change", args=[article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Correct “%(article)s”") % {"article": article},
            "opts": self.model._meta,
            "article": article,
            "form": form,
            "media": self.media + form.media,
            "corrections": article.corrections.select_related("corrected_by"),
        }
        return TemplateResponse(request, "admin/ingestion/article/correct.html", context)

    def _report_correction(self, request, article, correction) -> None:
        if correction.reextracted:
            self.message_user(request, _("Correction recorded.") + " " + _queued_message(1), messages.SUCCESS)
        else:
            self.message_user(
                request, _("Correction recorded. The article is %(status)s, so it was not extracted again.")
                % {"status": article.get_status_display().lower()}, messages.WARNING,
            )
        off_text = services.reviewed_rows_off_text(article)
        if off_text:
            self.message_user(request, ngettext(
                "%d row an editor reviewed no longer matches the text at its characters: check it below.",
                "%d rows editors reviewed no longer match the text at their characters: check them below.",
                off_text,
            ) % off_text, messages.WARNING)
