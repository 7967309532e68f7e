"""Records follow a change once it commits (``oai.queue``): queued inside the transaction,
refreshed in bulk after it; a queue a killed process left is drained by ``oai_sync``."""

import io

import pytest
from django.core.management import call_command

from oai.models import PendingRefresh, Record
from tests.factories import make_product


@pytest.fixture
def records_follow_at_once():
    """The real order here: nothing drains before the commit (overrides the conftest's)."""


def test_a_publish_writes_its_record_after_the_commit_not_before(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = make_product(title="Một")
        second = make_product(title="Hai", language="bdq", translation_of=first)
        assert not Record.objects.exists()
        assert set(PendingRefresh.objects.values_list("page_id", flat=True)) >= {first.pk, second.pk}
    records = Record.objects.filter(deleted=False)
    assert set(records.values_list("page_id", flat=True)) == {first.pk, second.pk}
    assert not PendingRefresh.objects.exists()


def test_what_a_killed_process_left_queued_is_written_by_oai_sync(db):
    product = make_product(title="Bị ngắt")  # committed, then killed before its drain ran
    assert PendingRefresh.objects.filter(page_id=product.pk).exists()
    call_command("oai_sync", stdout=io.StringIO())
    assert Record.objects.filter(page_id=product.pk, deleted=False).exists()
    assert not PendingRefresh.objects.exists()
