"""Reading scripts on the portal: a printable page and a .txt for e-bulletin boards (task 3.3).

Only products the reader may see: for anyone, a live product that no view restriction hides
(its live version); for a user who may edit it in the admin, its latest draft. Anything else
is a 404, whether it exists or not.
"""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from monitoring.scripts import script_for
from products.models import ProductPage


def visible_version(request, page_id):
    page = ProductPage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404
    user = request.user
    if (
        user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and page.permissions_for_user(user).can_edit()
    ):
        return page.get_latest_revision_as_object()
    if page.live and not page.get_view_restrictions().exists():
        return page
    raise Http404


def script_page(request, page_id):
    page = visible_version(request, page_id)
    script = script_for(page)
    minutes, seconds = divmod(script.seconds, 60)
    context = {"page": page, "script": script, "minutes": minutes, "seconds": seconds}
    return TemplateResponse(request, "monitoring/script.html", context)


def script_text(request, page_id):
    """The script as text; its first line, in brackets, is the reading time (a note, not read out)."""
    page = visible_version(request, page_id)
    script = script_for(page)
    minutes, seconds = divmod(script.seconds, 60)
    duration = _("Thời lượng đọc ước tính: %(minutes)s phút %(seconds)s giây") % {
        "minutes": minutes,
        "seconds": seconds,
    }
    body = f"[{duration}]\n\n{script.text}"
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug or page.pk}.txt"'
    return response
