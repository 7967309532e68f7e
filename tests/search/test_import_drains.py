"""A bulk import asks for a drain per product it publishes; only the first opens the index writer."""

import tempfile
from pathlib import Path

import pytest

from products.importing.run import run_import
from search import store
from tests.importing.helpers import write_news_rows

pytestmark = pytest.mark.django_db


def test_thirty_published_products_open_the_index_writer_once(
    monkeypatch, django_capture_on_commit_callbacks
):
    opened = []
    real_writer = store.writer

    def counting_writer(*args, **kwargs):
        opened.append(1)
        return real_writer(*args, **kwargs)

    monkeypatch.setattr(store, "writer", counting_writer)
    rows = write_news_rows(Path(tempfile.mkdtemp()) / "rows.jsonl", 30, "Một lần mở")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run_import(rows, batch_size=10)
    assert len(callbacks) >= 30  # Wagtail's page_published per product asked for a drain each
    assert len(opened) == 1
