"""Importing activities in the admin: upload, check every row, write all or nothing."""

import os
import tempfile

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from monitoring.importing import FileReadError, import_activities
from monitoring.permissions import sees_all_units, user_unit_ids
from products.desk.forbidden import forbidden


class ActivityImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp .csv, .xlsx hoặc .jsonl"))
    dry_run = forms.BooleanField(label=gettext_lazy("Chỉ kiểm tra, không ghi"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = os.path.splitext(upload.name)[1].lower()
        if suffix not in (".csv", ".xlsx", ".jsonl"):
            raise forms.ValidationError(_("Chỉ nhận tệp .csv, .xlsx hoặc .jsonl."))
        return upload


def import_view(request):
    if not request.user.has_perm("monitoring.add_activity"):
        return forbidden(request)
    form = ActivityImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        allowed = None if sees_all_units(request.user) else user_unit_ids(request.user)
        result, error = _run(form.cleaned_data["file"], allowed, form.cleaned_data["dry_run"])
        context.update(result=result, file_error=error)
        if result and not result.errors and not form.cleaned_data["dry_run"]:
            messages.success(
                request,
                _("Đã tạo %(c)s, cập nhật %(u)s hoạt động.") % {"c": result.created, "u": result.updated},
            )
            return redirect(reverse("plan_activities:index"))
        status = 400 if error or (result and result.errors) else 200
        return TemplateResponse(request, "monitoring/import.html", context, status=status)
    return TemplateResponse(request, "monitoring/import.html", context)


def _run(upload, allowed, dry_run):
    suffix = os.path.splitext(upload.name)[1].lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            return import_activities(handle.name, allowed_units=allowed, dry_run=dry_run), None
        except FileReadError as error:
            return None, str(error)
