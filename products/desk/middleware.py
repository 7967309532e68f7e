"""Admin views that would show another unit's draft titles, guarded before they run.

Most of Wagtail's page views check the user's rights on the page, but some show the page they
are given whatever those rights: the explorer and the page chooser show the title of any page
id in the URL (as heading and breadcrumb), and the "page types usage" report names the last
edited page of each type in every unit. Here a page the user may not see (another unit's
draft: ``products.desk.permissions.visible_pages``) answers 404 in every admin view naming it,
and the report is for superusers.
"""

from django.http import Http404
from wagtail.models import Page

from products.desk.permissions import visible_pages

SUPERUSER_ONLY_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id")


class DraftTitleGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        if not match.view_name.startswith("wagtailadmin"):
            return None
        if match.view_name in SUPERUSER_ONLY_VIEWS:
            raise Http404
        page_ids = [view_kwargs[name] for name in PAGE_ID_KWARGS if name in view_kwargs]
        if page_ids:
            named = Page.objects.filter(pk__in=page_ids)
            if visible_pages(named, user).count() != named.count():
                raise Http404
        return None
