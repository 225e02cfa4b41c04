"""Editors' forms: submit one article URL, upload a file of articles."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.ingestion.models import Source

# An upload is imported inside the request; bigger batches belong to `manage.py import_articles`.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class SubmitURLForm(forms.Form):
    url = forms.URLField(label=_("Article URL"), max_length=2000, assume_scheme="https")
    source = forms.ModelChoiceField(
        label=_("Source"), queryset=Source.objects.filter(active=True), required=False,
        help_text=_("Optional: who published it."),
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("JSON Lines, CSV or JSON with the fields id, url, source, language, published, title, text."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)d bytes; the limit is %(limit)d. Use manage.py import_articles for bigger files."),
                params={"size": upload.size, "limit": MAX_UPLOAD_BYTES},
            )
        return upload
