"""Sources and remote records in the admin: listed and inspected, never added, edited or deleted."""

import datetime

import pytest

from harvesting.models import RemoteRecord, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    source = Source.objects.create(name="Tỉnh Gia Lai", base_url="https://gialai.example.vn/oai/")
    return RemoteRecord.objects.create(
        source=source,
        identifier="oai:gialai.example.vn:product-7",
        title="Quyền trẻ em ở Pleiku",
        url="https://gialai.example.vn/vi/san-pham/quyen-tre-em/",
        datestamp=datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC),
    )


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "mat-khau-dai-123")
    client.force_login(user)
    return client


def test_an_administrator_can_list_and_inspect_but_not_change(admin, record):
    listing = admin.get("/admin/remote_records/")
    assert listing.status_code == 200 and "Quyền trẻ em ở Pleiku" in listing.content.decode()
    inspect = admin.get(f"/admin/remote_records/inspect/{record.pk}/")
    assert inspect.status_code == 200 and record.url in inspect.content.decode()
    assert admin.get("/admin/harvest_sources/").status_code == 200
    for url in (
        "/admin/remote_records/add/",
        f"/admin/remote_records/edit/{record.pk}/",
        f"/admin/remote_records/delete/{record.pk}/",
        "/admin/harvest_sources/add/",
        f"/admin/harvest_sources/edit/{record.source.pk}/",
    ):
        assert admin.get(url).status_code in (302, 403), url
    assert admin.post(f"/admin/remote_records/edit/{record.pk}/", {"title": "Sửa"}).status_code in (302, 403)
    record.refresh_from_db()
    assert record.title == "Quyền trẻ em ở Pleiku"
