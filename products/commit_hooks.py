"""``on_commit_once``: one after-commit callback per transaction, however often it is asked for.

A bulk import publishes a thousand products in one batch transaction and Wagtail's
``page_published`` fires for each; the receivers that work after the commit (the archive
index's drain, the page cache's purge) need to run once for the batch, not a thousand times
(each drain opens the index writer: 16 s of a 600-row import). Django's ``on_commit`` keeps
every registration, so this looks in the connection's pending callbacks first.
"""

from django.db import DEFAULT_DB_ALIAS, connections, transaction


def on_commit_once(func, using=DEFAULT_DB_ALIAS, robust=True):
    """``transaction.on_commit(func)`` unless ``func`` already waits for this transaction's commit.

    A callback registered inside a savepoint that rolls back is dropped by Django, so a later
    request registers it again; outside a transaction ``func`` runs at once, as with Django's.
    """
    connection = connections[using]
    if connection.in_atomic_block and any(entry[1] is func for entry in connection.run_on_commit):
        return
    transaction.on_commit(func, using=using, robust=robust)
