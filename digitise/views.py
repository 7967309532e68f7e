"""The scan pages' public side: their images (asked of the file's privacy rule) and corrections.

A page image is the scan file's content: it is served exactly when the file would be
(``products.media_access.may_serve``: a public product carries it, or the requester may see
the private file), and is "not found" otherwise, as a draft's page is.
"""

import mimetypes

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from digitise import corrections
from digitise.forms import CorrectionForm
from digitise.models import ScanPage
from products import media_access
from products.media_views import with_cache_headers


def _page(scan_id, number):
    return get_object_or_404(
        ScanPage.objects.select_related("scan__document", "scan__image"), scan_id=scan_id, number=number
    )


def _file(page):
    return page.scan.document or page.scan.image


def page_image(request, scan_id, number):
    page = _page(scan_id, number)
    if not page.image or not media_access.may_serve(request, _file(page)):
        raise Http404
    content_type = mimetypes.guess_type(page.image.name)[0] or "application/octet-stream"
    response = FileResponse(page.image.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return with_cache_headers(response, media_access.is_public(_file(page)))


def correct_page(request, scan_id, number):
    """One page's text, to correct: the form, the machine's original and the history."""
    page = _page(scan_id, number)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    if not corrections.may_correct(request.user, page.scan):
        raise PermissionDenied
    form = CorrectionForm(request.POST or None, initial={"text": page.text})
    if request.method == "POST" and form.is_valid():
        corrections.correct(page, form.cleaned_data["text"], request.user)
        messages.success(request, _("Đã lưu bản hiệu đính trang %(number)s.") % {"number": page.number})
        return redirect(request.path)
    context = {
        "page": page,
        "form": form,
        "history": corrections.history(page),
        "image_url": reverse("digitise:page_image", args=[scan_id, number]) if page.image else "",
    }
    return render(request, "digitise/correct_page.html", context)
