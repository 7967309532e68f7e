"""The write queue: how every process's changes reach the one index, and none is lost.

1. A change queues the products it touches (``enqueue``) inside its own transaction: the
   row commits with the change or not at all.
2. After the commit (``transaction.on_commit``), the same process drains the queue: it
   takes the index writer (Tantivy's lock file; another process holding it is waited for,
   with back-off), writes the current state of the queued products, commits the index,
   and only then deletes the rows it wrote. It keeps draining until the queue is empty,
   so rows queued by processes that gave up waiting are written by the one that holds
   the writer.
3. A process killed between its commit and its drain (even by SIGKILL: the operating
   system releases the lock file) leaves its rows: the next search of any process drains
   rows older than ``STALE_AFTER`` seconds (``drain_stale``). ``rebuild_archive_index
   --repair`` compares every entry with the database and fixes only the difference. A bulk
   import's batch queues its products with Wagtail's ``page_published`` inside the batch's
   transaction, like an editor's publish, and drains once after it commits.
"""

import ctypes
import datetime
import logging
import threading
import time

from django.db import connection, transaction
from django.utils import timezone

from products.bulk_sql import insert_values
from search import store
from search.indexing import write
from search.models import PendingIndexWrite

logger = logging.getLogger(__name__)
BATCH = 1000  # rows per index commit: the importer announces 1,000 at a time
DRAIN_ROUNDS = 3
STALE_AFTER = 10  # seconds: a row this old was left by a process that did not drain it
STALE_CHECK_EVERY = 5.0  # seconds between two looks at the queue from the search path
_last_stale_check = [0.0]
_state = threading.local()
try:  # glibc's; elsewhere there is nothing to give back (see release_writer_memory)
    _malloc_trim = ctypes.CDLL(None).malloc_trim
except (OSError, AttributeError):
    _malloc_trim = None


def index_products(page_ids):
    """(Re)index these products after the transaction commits; ones not indexable leave."""
    enqueue(page_ids)


def remove_products(page_ids):
    """Take these products out of the index after the commit (unless they are indexable)."""
    enqueue(page_ids)


def enqueue(page_ids):
    """Queue these products for (re)indexing, in the current transaction; drained after it."""
    ids = sorted({int(i) for i in page_ids})
    if not ids:
        return
    _state.maybe_queued = True
    _queue(ids)
    transaction.on_commit(_drain_after_commit, robust=True)


def _drain_after_commit():
    """``drain``, but the second and later after the same commit ask nothing: a bulk import's
    batch queues once per product (Wagtail's ``page_published`` each), and the first drain after
    its commit took every row this thread had queued. Each ``enqueue`` registers its own
    callback (a test's captured callbacks must each find theirs)."""
    if getattr(_state, "maybe_queued", True):
        drain()


def _queue(ids):
    """One queue row per id, in one prepared INSERT (``bulk_create`` builds a model and compiles a
    statement per chunk: about 2 % of a bulk import)."""
    queued_at = timezone.now()
    insert_values(PendingIndexWrite, [{"page_id": page_id, "queued_at": queued_at} for page_id in ids])


def _next_batch():
    return list(PendingIndexWrite.objects.order_by("pk").values_list("pk", "page_id")[:BATCH])


def drain(wait=None, batches=None):
    """Write every queued product to the index (or only ``batches`` batches of them);
    returns how many rows were handled.

    Leaves the rows queued (and returns) when another process holds the writer for more
    than ``wait`` seconds (default ``store.LOCK_WAIT``): that process drains them before
    it lets go.
    """
    _state.maybe_queued = False
    if not PendingIndexWrite.objects.exists():
        # Drained already: a bulk import's batch asks for a drain per product it publishes
        # (Wagtail's page_published each), and the first one wrote them all.
        return 0
    wait = store.LOCK_WAIT if wait is None else wait
    handled, left = 0, batches
    for _round in range(DRAIN_ROUNDS):
        try:
            with store.writer(wait=wait) as writer:
                while left != 0 and (batch := _next_batch()):
                    write(writer, [page_id for _pk, page_id in batch])
                    writer.commit()
                    store.announce()
                    PendingIndexWrite.objects.filter(pk__in=[pk for pk, _page_id in batch]).delete()
                    handled += len(batch)
                    left = None if left is None else left - 1
        except store.WriterBusy:
            logger.info("Archive index writer busy: %s rows left to its holder", len(_next_batch()))
            break
        # Rows committed by a process that gave up waiting just before we let go.
        if left == 0 or not PendingIndexWrite.objects.exists():
            break
    release_writer_memory()
    return handled


def release_writer_memory():
    """Give back to the system the memory the index writer's threads freed.

    glibc keeps a malloc arena per thread, and Tantivy's writer threads (indexing, merging)
    allocate the writer's heap (``store.WRITER_HEAP``) and its segments in theirs: what they
    free stays in this process. A bulk import, which drains after every batch, grew by about
    100 MB this way in its first 15,000 rows; ``malloc_trim`` (a few milliseconds) keeps it flat.
    """
    if _malloc_trim is not None:
        _malloc_trim(0)


def drain_stale():
    """From the search path: drain rows a dead process left behind (see the module docstring).

    Looks at most every ``STALE_CHECK_EVERY`` seconds per process, never inside a
    transaction (only committed changes are indexed), and writes one batch at most: a
    search never stalls on a large backlog (``rebuild_archive_index --repair`` drains all).
    """
    now = time.monotonic()
    if connection.in_atomic_block or now - _last_stale_check[0] < STALE_CHECK_EVERY:
        return 0
    _last_stale_check[0] = now
    cutoff = timezone.now() - datetime.timedelta(seconds=STALE_AFTER)
    if not PendingIndexWrite.objects.filter(queued_at__lt=cutoff).exists():
        return 0
    try:
        return drain(wait=0.2, batches=1)
    except Exception:
        logger.exception("Archive index: draining the queue left by another process failed")
        return 0
