"""Admin page: upload a file, see the row report, confirm the import.

The upload is stored in a private temporary folder under a random token kept in the
uploader's session; confirming imports that file and deletes it.
"""

import contextlib
import os
import re
import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from products.desk.forbidden import forbidden
from products.importing.limits import max_bytes, too_large_message
from products.importing.readers import EXTENSIONS
from products.importing.rights import ImportRights
from products.importing.run import run_import

TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")
SESSION_KEY = "products_import"
STALE_AFTER_SECONDS = 24 * 3600
NO_IMPORT_RIGHT = gettext_lazy(
    "Bạn không có quyền nhập sản phẩm: cần quyền biên tập sản phẩm của ít nhất một đơn vị."
)


def can_import(user):
    """Someone who may add products in at least one unit (``products.importing.rights``)."""
    return bool(user and user.is_authenticated and user.is_active and ImportRights(user).may_import())


def upload_dir():
    path = Path(getattr(settings, "PRODUCTS_IMPORT_DIR", "") or Path(tempfile.gettempdir()) / "ttnq-imports")
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _forget_stale_uploads(max_age=STALE_AFTER_SECONDS):
    """Uploads never confirmed are deleted after a day."""
    limit = time.time() - max_age
    for stale in upload_dir().iterdir():
        with contextlib.suppress(OSError):
            if stale.is_file() and stale.stat().st_mtime < limit:
                stale.unlink()


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp dữ liệu"),
        help_text=gettext_lazy("Tệp .jsonl, .csv (UTF-8) hoặc .xlsx, mỗi dòng một sản phẩm."),
    )
    skip_invalid = forms.BooleanField(
        label=gettext_lazy("Bỏ qua các dòng lỗi, chỉ nhập các dòng hợp lệ"), required=False
    )
    as_draft = forms.BooleanField(
        label=gettext_lazy("Nhập dưới dạng bản nháp (không xuất bản)"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        ext = os.path.splitext(upload.name)[1].lower()
        if ext not in EXTENSIONS:
            raise forms.ValidationError(_("Chỉ nhận tệp .jsonl, .csv hoặc .xlsx."))
        if upload.size > max_bytes():
            raise forms.ValidationError(too_large_message(upload.size))
        return upload


def _stored(request, token):
    if not TOKEN_RE.match(token):
        raise Http404
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry:
        raise Http404
    path = upload_dir() / f"{token}{entry['ext']}"
    if not path.is_file():
        raise Http404
    return entry, path


def _declared_too_large(request):
    """A body announced larger than the limit is refused before Django stores it anywhere."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > max_bytes() + 64 * 1024  # room for the form's other fields


def upload(request):
    if not can_import(request.user):
        return forbidden(request, NO_IMPORT_RIGHT, title=_("Nhập sản phẩm từ tệp"))
    if request.method == "POST" and _declared_too_large(request):
        form = UploadForm()
        form.cleaned_data = {}  # unbound: the body is never read
        form.add_error(None, too_large_message(int(request.META["CONTENT_LENGTH"])))
        return TemplateResponse(request, "products/importing/upload.html", {"form": form})
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        _forget_stale_uploads()
        token = secrets.token_hex(16)
        ext = os.path.splitext(upload_file.name)[1].lower()
        path = upload_dir() / f"{token}{ext}"
        with open(path, "wb") as out:
            for chunk in upload_file.chunks():
                out.write(chunk)
        entries = request.session.get(SESSION_KEY, {})
        entries[token] = {
            "ext": ext,
            "name": upload_file.name,
            "skip_invalid": form.cleaned_data["skip_invalid"],
            "as_draft": form.cleaned_data["as_draft"],
        }
        request.session[SESSION_KEY] = entries
        return redirect("products_import_review", token=token)
    return TemplateResponse(request, "products/importing/upload.html", {"form": form})


def review(request, token):
    """The row report of the uploaded file, and (when something can be imported) a confirm button."""
    if not can_import(request.user):
        return forbidden(request, NO_IMPORT_RIGHT, title=_("Nhập sản phẩm từ tệp"))
    entry, path = _stored(request, token)
    result = run_import(
        path, dry_run=True, skip_invalid=entry["skip_invalid"], user=request.user, source_name=entry["name"]
    )
    report = result.report
    can_confirm = not report.fatal and report.valid_rows > 0 and (report.ok or entry["skip_invalid"])
    return TemplateResponse(
        request,
        "products/importing/review.html",
        {
            "entry": entry,
            "token": token,
            "report": report,
            "lines": report.lines(),
            "can_confirm": can_confirm,
        },
    )


def confirm(request, token):
    if not can_import(request.user):
        return forbidden(request, NO_IMPORT_RIGHT, title=_("Nhập sản phẩm từ tệp"))
    if request.method != "POST":
        return redirect("products_import_review", token=token)
    entry, path = _stored(request, token)
    result = run_import(
        path,
        skip_invalid=entry["skip_invalid"],
        as_draft=entry["as_draft"],
        user=request.user,
        source_name=entry["name"],
    )
    if result.written:
        path.unlink(missing_ok=True)
        entries = request.session.get(SESSION_KEY, {})
        entries.pop(token, None)
        request.session[SESSION_KEY] = entries
    return TemplateResponse(
        request,
        "products/importing/done.html",
        {"entry": entry, "result": result, "summary": result.summary(), "lines": result.report.lines()},
    )
