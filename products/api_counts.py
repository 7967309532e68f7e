"""``meta.total_count`` of the API's offset pages, counted once per state of the archive.

Wagtail's offset pages carry the count of every match. At a million products that is a
second of PostgreSQL's time on each page, and an old harvester reads thousands of pages.
The count is kept in the cache (shared by every worker and server) under the request's
filters and the archive's state: the newest Wagtail log entry (every publish, unpublish,
move, delete and privacy change made through Wagtail writes one, the importer too) and the
view restrictions (their number and newest id, for restrictions written without a log
entry). Any change to what is public gives a new key, so a kept count is never stale.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import PageLogEntry, PageViewRestriction

SECONDS = 24 * 3600
# Parameters that do not change which items match.
PAGING = {"offset", "limit", "fields", "format"}


def archive_state():
    latest = PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    restrictions = PageViewRestriction.objects.aggregate(n=Count("pk"), newest=Max("pk"))
    return f"{latest}:{restrictions['n']}:{restrictions['newest']}"


def total_count(queryset, request):
    """``queryset.count()``, or the count kept for the same filters and archive state."""
    params = sorted((name, values) for name, values in request.GET.lists() if name not in PAGING)
    key = f"{request.get_host()}|{request.path}|{params}|{archive_state()}"
    key = "api-total:" + hashlib.sha256(key.encode()).hexdigest()
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, SECONDS)
    return count
