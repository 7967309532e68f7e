"""The index follows publish, unpublish, edit, move and delete at once; drafts never appear."""

import pytest

from products.models import ProductPage, Unit
from products.sections import section_for
from search.indexing import index_products, remove_products
from search.models import ArchiveEntry
from tests.factories import make_product
from tests.search.conftest import ids

pytestmark = pytest.mark.django_db


def test_draft_never_appears():
    draft = make_product(title="Bản nháp Sơn Tùng", live=False)
    assert draft.pk not in ids("ban nhap son tung")
    assert not ArchiveEntry.objects.filter(page_id=draft.pk).exists()
    index_products([draft.pk])  # asking to index a draft does not index it
    assert draft.pk not in ids("ban nhap son tung")


def test_unpublished_product_leaves_the_index():
    page = make_product(title="Bài sắp gỡ Ngọc Hồi")
    assert page.pk in ids("ngoc hoi")
    page.unpublish()
    assert page.pk not in ids("ngoc hoi")
    assert page.pk not in ids("", filters={"language": "vi"})


def test_edit_of_live_product_is_indexed_on_publish_and_draft_edits_are_not():
    page = make_product(title="Tiêu đề cũ Sa Thầy")
    page.title = "Tiêu đề mới Kon Rẫy"
    page.save_revision()  # a draft of the edit: the live text still answers
    assert page.pk in ids("sa thay")
    assert page.pk not in ids("kon ray")
    ProductPage.objects.get(pk=page.pk).get_latest_revision().publish()
    assert page.pk in ids("kon ray")
    assert page.pk not in ids("sa thay")


def test_move_updates_url():
    page = make_product(title="Bài chuyển chuyên mục Tu Mơ Rông", unit="bao-kon-tum")
    before = ArchiveEntry.objects.get(page_id=page.pk).url
    target = section_for(Unit.objects.get(slug="cong-an-tinh"), "vi")
    page.move(target, pos="last-child")
    after = ArchiveEntry.objects.get(page_id=page.pk).url
    assert after != before
    assert "/cong-an-tinh/" in after
    assert page.pk in ids("tu mo rong")


def test_delete_removes():
    page = make_product(title="Bài sẽ xóa Đăk Glei")
    pk = page.pk
    assert pk in ids("dak glei")
    page.delete()
    assert pk not in ids("dak glei")
    assert not ArchiveEntry.objects.filter(page_id=pk).exists()


def test_bulk_index_and_remove_functions():
    pages = [make_product(title=f"Hàng loạt Ia H’Drai {n}") for n in range(3)]
    pks = [p.pk for p in pages]
    remove_products(pks)
    assert ids("ia h'drai").isdisjoint(pks)
    assert index_products(pks) == 3
    assert set(pks) <= ids("ia h'drai")
    assert set(pks) <= ids("ia hdrai")
    remove_products(pks[:1])
    assert pks[0] not in ids("ia h'drai")
    assert remove_products([]) is None
    assert index_products([10**9]) == 0  # unknown ids are ignored


def test_rebuild_command_reindexes_everything(archive):
    from io import StringIO

    from django.core.management import call_command

    ArchiveEntry.objects.all().delete()
    from search.indexing import clear_index

    clear_index()
    assert ids("quyen con nguoi") == set()
    out = StringIO()
    call_command("rebuild_archive_index", "--no-progress", stdout=out, stderr=StringIO())
    assert "Indexed" in out.getvalue()
    assert archive["vi_dakto"] in ids("quyen con nguoi")
    assert ArchiveEntry.objects.count() == ProductPage.objects.live().count()
