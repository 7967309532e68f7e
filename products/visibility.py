"""What the public may see: live pages that no Wagtail view restriction covers.

A view restriction (password, login, groups) on a page covers the page and everything below
it. Wagtail's ``PageQuerySet.public()`` builds one ``NOT path LIKE …`` clause per restriction
in Python; here one correlated ``NOT EXISTS`` does the same in SQL, so the query keeps its
shape however many restrictions the editors add (SQLite refuses expressions nested more
than 1,000 deep).

"Public" ignores who is asking: a login restriction is not lifted for a signed-in reader.
Listings, the API and the front server's cache then answer everyone alike.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def restricted():
    """True for a page (the outer query's row) that a view restriction covers."""
    covering = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path")),
    )
    return Exists(covering)


def public_pages(queryset):
    """``queryset`` reduced to live pages that no view restriction covers."""
    return queryset.live().exclude(restricted())
