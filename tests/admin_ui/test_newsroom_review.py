"""Issue 26: a reviewer opening a product in review sees "Duyệt" as the main button, and after
approving is told the product was published, not merely "updated"."""

import re

import pytest
from django.contrib.messages import get_messages
from wagtail.test.utils.form_data import nested_form_data, streamfield

from products.models import ProductPage
from tests.admin_ui.newsroom_forms import form_data
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def in_review(people, title):
    product = make_product(title=title, unit="bao-kon-tum", task="3.2", live=False)
    product.get_workflow().start(product, people.editor)
    return product


def primary_button(html):
    """The action menu's default item: the first button of the footer's dropdown button."""
    footer = html[html.index('<footer class="footer') :]
    return re.search(r"<button[^>]*>.*?</button>", footer, re.S).group(0)


def test_the_reviewer_s_main_button_approves(client, people):
    product = in_review(people, "Bài chờ Duyệt")
    client.force_login(people.reviewer)
    html = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    button = primary_button(html)
    assert 'data-workflow-action-name="approve"' in button
    assert "data-workflow-action-modal-url" not in button  # approve at once, no comment step


def test_the_editor_s_main_button_still_saves_the_draft(client, people):
    product = make_product(title="Bản nháp của phóng viên", unit="bao-kon-tum", live=False)
    client.force_login(people.editor)
    html = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    assert "Lưu bản nháp" in primary_button(html)
    assert "data-workflow-action-name" not in primary_button(html)


def test_approving_says_the_product_was_published(client, people):
    product = in_review(people, "Bài được duyệt")
    client.force_login(people.reviewer)
    url = f"/admin/pages/{product.pk}/edit/"
    data = form_data(client.get(url).content.decode())
    data.update({"action-workflow-action": ["true"], "workflow-action-name": ["approve"]})
    data.update(nested_form_data({"body": streamfield([])}))  # drawn by the browser's script
    response = client.post(url, data)
    if response.status_code != 302:
        form = response.context["form"]
        pytest.fail(f"{form.errors} {[(n, f.errors, f.non_form_errors()) for n, f in form.formsets.items()]}")
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert ProductPage.objects.get(pk=product.pk).live, texts
    assert any("đã được duyệt và xuất bản" in text for text in texts), texts
    assert not any("Đã cập nhật trang" in text for text in texts), texts
