"""Wagtail's admin search entries of imported products, written a batch at a time.

The admin's page search reads Wagtail's database search backend. On SQLite, its
``add_bulk`` (modelsearch's ``SQLiteIndex.add_items``) prepares every search field three
times per page, inserts the entries, then sets each new entry's ``title_norm`` (the average
title length of all entries over this title's length) with an UPDATE that scans the whole
entry table and rewrites every new row's full-text entry through its update trigger: a
cost per batch that grows with the archive, a seventh of a 100,000-row import.

``AdminSearchEntries`` writes the same rows: each page's fields prepared once by modelsearch's
own ``ObjectIndexer``, ``title_norm`` computed before the insert from the title lengths
(read once per import, then kept up to date as batches go in), one ``executemany``; the
full-text table is filled by modelsearch's insert trigger as for any entry. Pages that
already have an entry, and every other backend (PostgreSQL, Elasticsearch), go through the
backend's own ``add_bulk``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Sum
from django.db.models.functions import Length
from modelsearch.index import AutocompleteField, SearchField
from wagtail.search.backends import get_search_backends

from products.importing import inserts


def _sqlite_backend():
    """modelsearch's SQLite backend class, or None (its module only loads on SQLite with FTS5)."""
    if connection.vendor != "sqlite":
        return None
    try:
        from modelsearch.backends.database.sqlite import sqlite
    except (ImportError, LookupError):  # SQLite without FTS5: modelsearch falls back
        return None
    return sqlite


class AdminSearchEntries:
    """The admin search entries of new pages, for one import run."""

    def __init__(self):
        self._title_lengths = None  # (sum, count) of the entries' non-empty title lengths

    def add(self, model, pages):
        sqlite = _sqlite_backend()
        for backend in get_search_backends(with_auto_update=True):
            if sqlite is not None and isinstance(backend, sqlite.SQLiteSearchBackend):
                self._add_sqlite(backend, sqlite, model, pages)
            else:
                backend.add_bulk(model, pages)

    def _add_sqlite(self, backend, sqlite, model, pages):
        if not pages or not model.get_search_fields():
            return
        content_type_id = ContentType.objects.get_for_model(model).pk
        indexed = set(
            sqlite.IndexEntry.objects.filter(
                content_type_id=content_type_id, object_id__in=[str(page.pk) for page in pages]
            ).values_list("object_id", flat=True)
        )
        if indexed:  # modelsearch updates those in place
            backend.add_bulk(model, [page for page in pages if str(page.pk) in indexed])
        new = [page for page in pages if str(page.pk) not in indexed]
        if not new:
            return
        indexer = sqlite.ObjectIndexer(new[0], backend)
        texts = [(page, *entry_texts(indexer, page)) for page in new]
        lengths = [len(title) for _page, title, _auto, _body in texts if title]
        total, count = self._lengths(sqlite.IndexEntry)
        total, count = self._title_lengths = (total + sum(lengths), count + len(lengths))
        inserts.insert_values(
            sqlite.IndexEntry,
            [
                {
                    "content_type_id": content_type_id,
                    "object_id": str(page.pk),
                    "title": title,
                    "autocomplete": autocomplete,
                    "body": body,
                    "title_norm": (total / count) / len(title) if title else 1.0,
                }
                for page, title, autocomplete, body in texts
            ],
        )

    def _lengths(self, entries):
        if self._title_lengths is None:
            found = (
                entries.objects.annotate(title_length=Length("title"))
                .filter(title_length__gt=0)
                .aggregate(total=Sum("title_length"), count=Count("pk"))
            )
            self._title_lengths = (found["total"] or 0, found["count"])
        return self._title_lengths


def entry_texts(indexer, obj):
    """(title, autocomplete, body) of ``obj``'s entry, as ``ObjectIndexer``'s three properties
    give them, from one pass over its search fields."""
    title, autocomplete, body = [], [], []
    for field in indexer.search_fields:
        for current, value in indexer.prepare_field(obj, field):
            if isinstance(current, SearchField):
                (title if current.field_name == "title" else body).append(value)
            elif isinstance(current, AutocompleteField):
                autocomplete.append(value)
    return " ".join(title), " ".join(autocomplete), " ".join(body)
