from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_csp_initialisers():
    """The runner of the admin's JSON initialisers (see ops.csp), on every admin page."""
    return format_html('<script src="{}"></script>', static("ops/js/admin-csp.js"))
