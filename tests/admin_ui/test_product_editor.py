"""The product editor, grouped for the job: tabs in order, Vietnamese help, required fields
marked, and errors in Vietnamese when a reporter saves an incomplete product."""

import re

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from products.models import ProductPage, Unit
from products.sections import section_for
from tests.factories import make_product

TABS = ["Nội dung", "Phân loại", "Đăng tải", "Tệp đính kèm", "Quảng bá"]


def tab_labels(html):
    tabs = re.findall(r'<a id="tab-label-[^"]+"[^>]*role="tab"[^>]*>\s*([^<]+?)\s*<', html)
    return [label.strip() for label in tabs]


def field_label(html, field_id):
    return re.search(rf'<label[^>]* for="{field_id}"[^>]*>(.*?)</label>', html, re.S).group(1)


def test_editor_tabs_in_the_order_of_the_job(client, reporter):
    product = make_product(title="Bài có tab")
    client.force_login(reporter)
    html = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    assert tab_labels(html) == TABS


def test_wagtails_settings_panels_stay_bound_in_vietnamese(client, administrator):
    """The settings tab keeps Wagtail's publishing schedule and comments; Wagtail 8 shows them
    in the status side panel and the comment toggle, so the tab itself stays hidden."""
    product = make_product(title="Bài có lịch xuất bản")
    client.force_login(administrator)
    html = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    assert tab_labels(html) == TABS
    assert "Đặt lịch xuất bản" in html
    assert "Set publishing schedule" not in html
    assert 'data-side-panel-toggle="comments"' in html


def test_required_fields_are_marked_and_help_is_in_vietnamese(client, reporter):
    product = make_product(title="Bài có hướng dẫn")
    client.force_login(reporter)
    html = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    for required in ("id_title", "id_area", "id_format"):
        assert "w-required-mark" in field_label(html, required), required
    assert "w-required-mark" not in field_label(html, "id_task")
    assert "Nội dung tuyên truyền I–V theo mục III của Kế hoạch." in html
    assert "cần ít nhất một lần" in html
    assert "The page title as you'd like it to be seen by the public" not in html


def test_an_incomplete_product_is_refused_in_vietnamese(client, reporter):
    section = section_for(Unit.objects.get(slug="bao-kon-tum"), "vi")
    client.force_login(reporter)
    url = f"/admin/pages/add/products/productpage/{section.pk}/"
    data = nested_form_data(
        {
            "title": "Bài thiếu phân loại",
            "slug": "bai-thieu-phan-loai",
            "summary": "",
            "body": streamfield([]),
            "transcript": "",
            "area": "",
            "format": "",
            "publications": inline_formset([], min=1),
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            # Wagtail defers required fields for drafts; submitting for review checks them all.
            "action-submit": "Gửi duyệt",
        }
    )
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Không tạo được trang vì có lỗi nhập liệu." in html
    assert not ProductPage.objects.filter(title="Bài thiếu phân loại").exists()
    assert "Trường này là bắt buộc." in html
    assert "Vui lòng gửi ít nhất 1 mục." in html  # no publication: Django's formset error, in Vietnamese
    assert "This field is required." not in html
    assert "could not be created" not in html
