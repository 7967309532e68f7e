"""Imported products get the admin search entries Wagtail's own backend would give them."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from products.models import ProductPage
from tests.importing.helpers import row, run, write_file

pytestmark = pytest.mark.django_db

COLUMNS = ("object_id", "title", "autocomplete", "body", "title_norm")


def _entries(pages):
    found = IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).order_by("object_id")
    if connection.vendor == "postgresql":  # tsvectors: compare what they match instead
        return list(found.values_list("object_id", "title_text", "body_text"))
    return list(found.values_list(*COLUMNS))


def _import(tmp_path, count, batch_size):
    rows = [
        row(
            f"as-{i:02d}",
            title="Quyền con người " + "ở vùng cao " * (i % 4) + f"số {i}",
            summary=f"Tóm tắt về giáo dục {i}",
            transcript="Bơ̆n 'Năr pơm jang" if i % 2 else "",
            status="draft" if i % 5 == 0 else "published",
        )
        for i in range(count)
    ]
    ok, output = run(write_file(tmp_path / "as.jsonl", rows), "--batch-size", str(batch_size))
    assert ok, output
    return list(ProductPage.objects.filter(external_id__startswith="as-").order_by("pk"))


def test_entries_equal_those_of_wagtails_own_add_bulk(tmp_path):
    """Titles, bodies, autocomplete text and title norms, batch after batch, as modelsearch
    writes them when it is given the same batches."""
    pages = _import(tmp_path, 13, batch_size=5)
    assert len(pages) == 13
    imported = _entries(pages)
    assert len(imported) == 13
    IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).delete()
    backend = get_search_backend()
    for start in range(0, len(pages), 5):
        backend.add_bulk(ProductPage, pages[start : start + 5])
    stock = _entries(pages)
    assert [entry[:-1] for entry in imported] == [entry[:-1] for entry in stock]
    if connection.vendor == "sqlite":
        assert [entry[-1] for entry in imported] == pytest.approx([entry[-1] for entry in stock], rel=1e-12)
        assert len({entry[-1] for entry in imported}) > 1  # the norms differ with the title lengths


def test_the_admin_page_search_finds_imported_products_with_and_without_marks(tmp_path):
    pages = _import(tmp_path, 6, batch_size=4)
    backend = get_search_backend()
    found = {p.pk for p in backend.search("giáo dục", ProductPage.objects.all())}
    assert found == {p.pk for p in pages}
    assert {p.pk for p in backend.search("pơm", ProductPage.objects.all())} == {
        p.pk for p in pages if int(p.external_id[3:]) % 2
    }


def test_a_product_imported_again_keeps_one_entry(tmp_path):
    pages = _import(tmp_path, 3, batch_size=3)
    pages = _import(tmp_path, 3, batch_size=3)
    assert IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).count() == 3
