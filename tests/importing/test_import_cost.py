"""What an import costs per product, commit included: Wagtail's paths batched, never a query or
a refresh per product beyond the queue rows its ``page_published`` receivers write.

Issue 25 measured 19 rows/s: each product's ``page_published`` refreshed its OAI record (its
facts read, its translations', a digest) inside the batch, ten queries and 20 ms a product. The
counts below are the queries of importing ``SMALL`` and then ``LARGE`` more products, the
drains after the commit included (``django_capture_on_commit_callbacks`` runs them, and those
they register).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oai.models import Record
from products.models import ProductPage
from tests.importing.helpers import row, run, write_file

pytestmark = pytest.mark.django_db

SMALL, LARGE = 6, 30  # each covers the four sections (two units, two languages)
# What each product may cost, at most, in queries of its own: its archive-search queue row and its
# OAI queue row, the receivers of its page_published. (Its reference-index rows, the page cache's
# purge and the drains after the commit are one statement per batch.)
PER_PRODUCT = 2
SLACK = 4  # statements per section or chunk, which the larger file may touch once more


def _import(tmp_path, name, first, count, capture):
    rows = [
        row(
            f"cost-{i}", language="vi" if i % 2 else "en", unit="bao-kon-tum" if i % 3 else "dai-ptth-kon-tum"
        )
        for i in range(first, first + count)
    ]
    path = write_file(tmp_path / f"{name}.jsonl", rows)
    with CaptureQueriesContext(connection) as queries, capture(execute=True):
        run(path)
    return len(queries)


def test_queries_do_not_grow_per_product_beyond_the_queue_rows(tmp_path, django_capture_on_commit_callbacks):
    _import(tmp_path, "warm", 0, 4, django_capture_on_commit_callbacks)  # every section, caches
    small = _import(tmp_path, "small", 100, SMALL, django_capture_on_commit_callbacks)
    large = _import(tmp_path, "large", 200, LARGE, django_capture_on_commit_callbacks)
    assert large - small <= PER_PRODUCT * (LARGE - SMALL) + SLACK, (small, large)
    # and the records were written, after the commit
    imported = ProductPage.objects.filter(external_id__startswith="cost-").values_list("pk", flat=True)
    assert Record.objects.filter(page_id__in=imported, deleted=False).count() == 4 + SMALL + LARGE
