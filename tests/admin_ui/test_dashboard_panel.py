"""The review-queue panel is laid out like Wagtail's own dashboard panels: its heading sits in
the header's heading column (after the anchor and the toggle), not in the gutter outside it."""

import re

from tests.factories import make_product


def panel_html(html):
    return re.search(
        r'<section class="w-panel w-panel--dashboard" id="unit-review-queue-section".*?</section>', html, re.S
    )


def test_review_queue_panel_has_wagtails_panel_header(client, reporter):
    product = make_product(title="Bài đang chờ duyệt", live=False)
    product.get_workflow().start(product, reporter)
    client.force_login(reporter)
    html = client.get("/admin/").content.decode()
    panel = panel_html(html)
    assert panel, "the panel is a dashboard w-panel"
    header = re.search(
        r'<div class="w-panel__header">(.*?)<div class="w-panel__divider">', panel.group(0), re.S
    ).group(1)
    toggle, heading = header.find("data-panel-toggle"), header.find('id="unit-review-queue-heading"')
    assert 0 <= toggle < heading
    assert "Sản phẩm của đơn vị đang chờ duyệt" in header
    assert 'class="listing listing--dashboard"' in panel.group(0)
    assert "Bài đang chờ duyệt" in panel.group(0)


def test_empty_queue_says_so_inside_the_panel(client, reporter):
    client.force_login(reporter)
    panel = panel_html(client.get("/admin/").content.decode())
    assert "Không có sản phẩm nào đang chờ duyệt." in panel.group(0)
