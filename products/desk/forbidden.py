"""The admin's one way to refuse: a real 403 page in the admin's frame, with the reason.

Raising ``PermissionDenied`` inside Wagtail's admin redirects to the dashboard with a flash
message, which answers 302 and tells neither a person nor a test what was refused. Every admin
view of the project (the desk, the importer, the audit, monitoring) answers with this instead.
"""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def forbidden(request, message=None, title=None):
    """A 403 response rendered in the admin's layout, saying ``message`` (or a general refusal)."""
    context = {
        "page_title": title or _("Không có quyền truy cập"),
        "message": message or _("Bạn không có quyền xem trang này."),
    }
    return TemplateResponse(request, "products/desk/forbidden.html", context, status=403)
