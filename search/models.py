"""The archive index's work queue: the database stays the source of truth.

The index itself lives on disk (``search.store``); the database only holds the queue of
products whose index entry must be rewritten. A row is written in the same transaction
as the change that needs it (publish, unpublish, move, delete, a privacy restriction), so
a change cannot commit without its row, and the row is deleted only after the index has
committed the new entry: a process that dies in between leaves the row for the next one.
"""

from django.db import models


class PendingIndexWrite(models.Model):
    page_id = models.IntegerField()
    queued_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "pending archive index write"

    def __str__(self):
        return f"{self.page_id} @ {self.queued_at:%Y-%m-%d %H:%M:%S}"


class DatabaseIdentity(models.Model):
    """Which database this is: a random key made once (migration ``0007``, or at first use),
    stored in the database itself, never derived from its URL (one database can be reached by
    several URLs, and two databases by the same one on two hosts). The archive index lives in
    a folder named by it (``search.owner``), so two databases never share an index."""

    key = models.CharField(max_length=32, unique=True)

    class Meta:
        verbose_name = "database identity"

    def __str__(self):
        return self.key
