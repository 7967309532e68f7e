"""The index follows publish, unpublish, edit, move and delete once they commit; drafts never appear."""

from io import StringIO

import pytest
from django.core.management import call_command

from products.models import ProductPage, Unit
from products.sections import section_for
from search import store
from search.models import PendingIndexWrite
from search.queue import index_products, remove_products
from tests.factories import make_product
from tests.search.helpers import committed, find, ids, publish

pytestmark = pytest.mark.django_db


def test_draft_never_appears():
    with committed():
        draft = make_product(title="Bản nháp Sơn Tùng", live=False)
        index_products([draft.pk])  # asking to index a draft does not index it
    assert draft.pk not in ids("ban nhap son tung")


def test_nothing_is_indexed_before_the_commit():
    with committed() as callbacks:
        page = make_product(title="Chưa cam kết Kon Plông")
        assert page.pk not in ids("chua cam ket")
        assert PendingIndexWrite.objects.filter(page_id=page.pk).exists()
    assert callbacks  # the drain ran as the commit's callback
    assert page.pk in ids("chua cam ket")
    assert not PendingIndexWrite.objects.exists()  # drained once written


def test_unpublished_product_leaves_the_index():
    page = publish(title="Bài sắp gỡ Ngọc Hồi")
    assert page.pk in ids("ngoc hoi")
    with committed():
        page.unpublish()
    assert page.pk not in ids("ngoc hoi")
    assert page.pk not in ids("", filters={"language": "vi"})


def test_edit_of_live_product_is_indexed_on_publish_and_draft_edits_are_not():
    page = publish(title="Tiêu đề cũ Sa Thầy")
    with committed():
        page.title = "Tiêu đề mới Kon Rẫy"
        page.save_revision()  # a draft of the edit: the live text still answers
    assert page.pk in ids("sa thay")
    assert page.pk not in ids("kon ray")
    with committed():
        ProductPage.objects.get(pk=page.pk).get_latest_revision().publish()
    assert page.pk in ids("kon ray")
    assert page.pk not in ids("sa thay")


def test_move_updates_url():
    page = publish(title="Bài chuyển chuyên mục Tu Mơ Rông", unit="bao-kon-tum")
    (before,) = find("tu mo rong").hits
    with committed():
        page.move(section_for(Unit.objects.get(slug="cong-an-tinh"), "vi"), pos="last-child")
    (after,) = find("tu mo rong").hits
    assert after["url"] != before["url"]
    assert "/cong-an-tinh/" in after["url"]
    assert after["url"] == ProductPage.objects.get(pk=page.pk).get_url()


def test_delete_removes():
    page = publish(title="Bài sẽ xóa Đăk Glei")
    pk = page.pk
    assert pk in ids("dak glei")
    with committed():
        page.delete()
    assert pk not in ids("dak glei")


def test_index_and_remove_functions_queue_the_work():
    pages = [publish(title=f"Hàng loạt Ia H’Drai {n}") for n in range(3)]
    pks = [p.pk for p in pages]
    assert set(pks) <= ids("ia h'drai")
    assert set(pks) <= ids("ia hdrai")
    with committed():
        ProductPage.objects.filter(pk=pks[0]).update(live=False)  # behind Wagtail's back
        remove_products(pks[:1])
        index_products([10**9])  # unknown ids are ignored
    assert pks[0] not in ids("ia h'drai")
    assert set(pks[1:]) <= ids("ia h'drai")


def test_rebuild_command_builds_a_new_generation_and_swaps_it_in(archive):
    before = store.current_name()
    with committed():
        ProductPage.objects.filter(pk=archive["vi_dakto"]).update(title="Đổi tên lặng lẽ Măng Bút")
    assert archive["vi_dakto"] not in ids("mang but")  # changed behind the signals' back
    out = StringIO()
    call_command("rebuild_archive_index", "--no-progress", stdout=out, stderr=StringIO())
    assert store.current_name() != before
    assert not (store.root() / before).exists()
    assert archive["vi_dakto"] in ids("mang but")
    assert archive["vi_dakto"] in ids("quyen con nguoi")
    assert find("").count == ProductPage.objects.live().count()
    assert "Indexed 9 live products" in out.getvalue()


def test_a_renamed_section_gives_its_products_their_new_url():
    """Section URLs are remembered per process: a section whose slug changes is looked up again."""
    from search import documents

    page = publish(title="Bài trong chuyên mục đổi tên Đăk Hà", unit="bao-kon-tum")
    before = documents.load([page.pk])[page.pk]["url"]
    section = page.get_parent().specific
    section.slug = f"{section.slug}-moi"
    section.save_revision().publish()
    after = documents.load([page.pk])[page.pk]["url"]
    assert after != before and f"/{section.slug}/" in after
    assert after == ProductPage.objects.get(pk=page.pk).get_url()
