"""Wagtail's admin search entries of imported products, through the search backends' public API.

The admin's page search reads Wagtail's search backends (the database backend here). Each
batch of new or updated products goes to every auto-updating backend's ``add_bulk``, as
Wagtail's own ``insert_or_update_object`` would send them one at a time: the entries are the
backend's own, however it computes them (modelsearch's SQLite title norms, PostgreSQL's
tsvectors, Elasticsearch documents). An earlier version wrote the SQLite backend's entry rows
itself through a private modelsearch module; ``bench/import_bench.py`` no longer shows the gain
worth that (see the report of issue 25).
"""

from wagtail.search.backends import get_search_backends


class AdminSearchEntries:
    """The admin search entries of the pages one import writes."""

    def add(self, model, pages):
        if not pages or not model.get_search_fields():
            return
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, pages)
