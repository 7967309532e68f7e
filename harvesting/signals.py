"""What harvesting announces: remote records written or withdrawn (their primary keys).

Sent inside the harvest's transaction; the archive search queues them for its index.
"""

from django.dispatch import Signal

remote_records_changed = Signal()  # kwargs: ids (a list of RemoteRecord primary keys)
