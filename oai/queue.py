"""The refresh queue: records follow a change once it commits, in one bulk pass per commit.

1. A receiver of a page signal queues the products concerned (``enqueue``), inside the change's
   own transaction: the rows commit with the change or not at all. A queued row is cheap; a
   refresh (``records.refresh``: the products' facts, their translations', a digest each) was
   about 20 ms a product, and a bulk import sends Wagtail's ``page_published`` for each product
   of a batch.
2. After the commit, the same process drains the queue: the products queued, and their
   translations (whose lists of translations show them), are refreshed in chunks, each chunk in
   one transaction with the deletion of its queue rows. A record's datestamp is the time of
   that refresh, after the change committed: a harvester never holds a datestamp older than a
   change it could not yet see.
3. A process killed between its commit and its drain leaves its rows: the next drain of any
   process takes them, a harvest drains rows older than ``STALE_AFTER`` before it answers
   (``drain_stale``), and ``oai_sync`` drains everything.

``transaction.on_commit`` gets a drain per ``enqueue`` (a test's captured callbacks must each
find theirs); ``_maybe_pending`` only spares the second and later drains after the same commit
their query: the first drain took every row this thread had queued.
"""

import datetime
import logging
import threading

from django.db import connection, transaction
from django.utils import timezone

from oai import records
from oai.models import PendingRefresh
from products.bulk_sql import insert_values

logger = logging.getLogger(__name__)
CHUNK = records.CHUNK
STALE_AFTER = 10  # seconds: a row this old was left by a process that did not drain it
_state = threading.local()


def enqueue(page_ids):
    """Queue these products' records (and their translations') for a refresh after the commit."""
    ids = sorted({int(i) for i in page_ids})
    if not ids:
        return
    _state.maybe_pending = True
    queued_at = timezone.now()
    insert_values(PendingRefresh, [{"page_id": page_id, "queued_at": queued_at} for page_id in ids])
    transaction.on_commit(_drain_after_commit, robust=True)


def _drain_after_commit():
    if getattr(_state, "maybe_pending", True):
        drain()


def drain(older_than=None):
    """Refresh every queued product (only rows queued before ``older_than``, if given); returns
    how many queue rows were handled."""
    queue = PendingRefresh.objects.order_by("pk")
    if older_than is None:
        _state.maybe_pending = False
    else:
        queue = queue.filter(queued_at__lt=older_than)
    handled = 0
    while chunk := list(queue.values_list("pk", "page_id")[:CHUNK]):
        with transaction.atomic():
            records.refresh(records.with_translations({page_id for _pk, page_id in chunk}))
            PendingRefresh.objects.filter(pk__in=[pk for pk, _page_id in chunk]).delete()
        handled += len(chunk)
    return handled


def drain_stale():
    """Before a harvest: rows a dead process left behind (never inside a transaction)."""
    if connection.in_atomic_block:
        return 0
    cutoff = timezone.now() - datetime.timedelta(seconds=STALE_AFTER)
    if not PendingRefresh.objects.filter(queued_at__lt=cutoff).exists():
        return 0
    try:
        return drain(older_than=cutoff)
    except Exception:
        logger.exception("OAI: draining the refresh queue left by another process failed")
        return 0
