"""One after-commit callback per transaction: a thousand publishes in a batch drain the index once."""

import pytest
from django.db import transaction

from products.commit_hooks import on_commit_once


@pytest.mark.django_db(transaction=True)
def test_asked_for_many_times_in_one_transaction_it_runs_once_after_the_commit():
    ran = []

    def callback():
        ran.append(1)

    with transaction.atomic():
        for _ in range(1000):
            on_commit_once(callback)
        assert ran == []
    assert ran == [1]


@pytest.mark.django_db(transaction=True)
def test_a_registration_dropped_with_its_savepoint_is_made_again():
    ran = []

    def callback():
        ran.append(1)

    with transaction.atomic():
        try:
            with transaction.atomic():
                on_commit_once(callback)
                raise RuntimeError
        except RuntimeError:
            pass
        on_commit_once(callback)
    assert ran == [1]


@pytest.mark.django_db
def test_once_it_has_run_a_new_request_registers_it_again(django_capture_on_commit_callbacks):
    """A test's captured callbacks run and stay in the connection's list: asked again, it must wait again."""
    ran = []

    def callback():
        ran.append(1)

    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            on_commit_once(callback)
            on_commit_once(callback)
    assert ran == [1, 1]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_it_runs_at_once_each_time():
    ran = []
    on_commit_once(lambda: ran.append(1))
    on_commit_once(lambda: ran.append(1))
    assert ran == [1, 1]


@pytest.mark.django_db
def test_an_import_asks_for_one_index_drain_and_one_purge_not_one_per_product(
    django_capture_on_commit_callbacks,
):
    """Thirty products published by the importer (``page_published`` each) inside the test's
    transaction: one drain and one purge wait for its commit, not thirty of each."""
    import tempfile
    from pathlib import Path

    from home import cache
    from products.importing.run import run_import
    from search import queue
    from tests.importing.helpers import write_news_rows

    with django_capture_on_commit_callbacks() as callbacks:
        run_import(write_news_rows(Path(tempfile.mkdtemp()) / "rows.jsonl", 30, "Một lần"), batch_size=10)
    assert sum(getattr(callback, "__wrapped__", callback) is queue.drain for callback in callbacks) == 1
    assert sum(getattr(callback, "__wrapped__", callback) is cache.purge_now for callback in callbacks) == 1
