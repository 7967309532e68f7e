"""What the public may see: live pages that no Wagtail view restriction covers.

A view restriction (password, login, groups) on a page covers the page and everything below
it. Wagtail's ``PageQuerySet.public()`` builds one ``NOT path LIKE …`` clause per restriction
(SQLite refuses expressions nested more than 1,000 deep). Here one correlated ``NOT EXISTS``
asks whether the restricted pages include one of the page's ancestors, found by their
tree paths: a page's ancestor at depth ``d`` has the first ``d`` steps of its path. Only the
depths at which restrictions exist are asked (usually one or two), each an index lookup on
``path``, so the cost does not grow with the number of restrictions.

"Public" ignores who is asking: a login restriction is not lifted for a signed-in reader.
Listings, the API and the front server's cache then answer everyone alike.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Page, PageViewRestriction


def restricted():
    """True for a page (the outer query's row) that a view restriction covers; None if none can."""
    depths = PageViewRestriction.objects.values_list("page__depth", flat=True).distinct()
    ancestor_paths = Q()
    for depth in sorted(depths):
        ancestor_paths |= Q(page__path=Substr(OuterRef("path"), 1, depth * Page.steplen))
    return Exists(PageViewRestriction.objects.filter(ancestor_paths)) if ancestor_paths else None


def public_pages(queryset, live=None):
    """``queryset`` reduced to live pages that no view restriction covers.

    ``live`` replaces Wagtail's ``live()`` condition with an equivalent one (a page type's own
    copy of ``Page.live``)."""
    queryset = queryset.live() if live is None else queryset.filter(live)
    covered = restricted()
    return queryset if covered is None else queryset.exclude(covered)
