"""``on_commit_once``: one after-commit callback per transaction, however often it is asked for.

A bulk import publishes a thousand products in one batch transaction and Wagtail's
``page_published`` fires for each; the receivers that work after the commit (the archive
index's drain, the page cache's purge) need to run once for the batch, not a thousand times
(each drain opens the index writer: 16 s of a 600-row import). Django's ``on_commit`` keeps
every registration, so this registers a one-shot wrapper and asks for another only when the
last one has run or was dropped with a rolled-back savepoint.
"""

import functools

from django.db import DEFAULT_DB_ALIAS, connections, transaction


def on_commit_once(func, using=DEFAULT_DB_ALIAS, robust=True):
    """``transaction.on_commit(func)`` unless ``func`` already waits for this transaction's commit.

    Outside a transaction ``func`` runs at once, as with Django's ``on_commit``.
    """
    connection = connections[using]
    if not connection.in_atomic_block:
        transaction.on_commit(func, using=using, robust=robust)
        return
    waiting = connection.__dict__.setdefault("_commit_once", {})
    wrapper = waiting.get(func)
    if wrapper is not None and not wrapper.ran and any(e[1] is wrapper for e in connection.run_on_commit):
        return
    waiting[func] = wrapper = _one_shot(func)
    transaction.on_commit(wrapper, using=using, robust=robust)


def _one_shot(func):
    @functools.wraps(func)
    def wrapper():
        wrapper.ran = True
        return func()

    wrapper.ran = False
    return wrapper
