"""A harvest cut off half-way loses nothing: the next run asks for the same changes again.

The source here is this instance's own /oai/ through the Django test client (Sickle's HTTP goes
through ``tests.oai.conftest.RoutedSickle``), with pages of two records; the connection drops
when the harvester follows the first resumption token.
"""

import io

import pytest
import requests
from django.core.management import CommandError, call_command

from harvesting import harvest
from harvesting.models import RemoteRecord, Source
from tests.factories import make_product
from tests.oai.conftest import ENDPOINT, RoutedSickle

pytestmark = pytest.mark.django_db


class DroppingSickle(RoutedSickle):
    drop = True

    def _request(self, kwargs):
        if "resumptionToken" in kwargs and DroppingSickle.drop:
            raise requests.ConnectionError("Connection reset by peer")
        return super()._request(kwargs)


def test_a_harvest_cut_off_half_way_is_finished_by_the_next_run(
    client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.OAI_PAGE_SIZE = 2
    with django_capture_on_commit_callbacks(execute=True):  # the OAI records are written after the commit
        titles = {make_product(title=f"Sản phẩm số {n}").title for n in range(5)}
    monkeypatch.setattr(harvest, "client", lambda source: DroppingSickle(client))
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("harvest_oai", "--url", ENDPOINT, "--name", "Nguồn", stdout=io.StringIO(), stderr=err)

    assert "Connection reset by peer" in err.getvalue()
    source = Source.objects.get()
    assert (source.last_ok, source.last_datestamp) == (False, "")  # the next run starts from scratch
    assert RemoteRecord.objects.count() == 2  # the first page was kept: written again, it changes nothing

    DroppingSickle.drop = False
    try:
        out = io.StringIO()
        call_command("harvest_oai", "Nguồn", stdout=out)
    finally:
        DroppingSickle.drop = True
    assert "Nguồn: 3 mới, 0 cập nhật, 0 bị rút, 2 không đổi" in out.getvalue()
    assert set(RemoteRecord.objects.values_list("title", flat=True)) == titles
    source.refresh_from_db()
    assert source.last_ok and source.last_datestamp
