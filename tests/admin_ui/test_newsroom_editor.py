"""Issue 26: the product editor asks for the plan task, offers topics as checkboxes, never
shows "None", and the listing has a worklist of the unit's products without a plan task."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from products.models import ProductPage, Topic, Unit
from products.sections import section_for
from tests.factories import make_product

pytestmark = pytest.mark.django_db


def add_url(language="vi"):
    return f"/admin/pages/add/products/productpage/{section_for(Unit.objects.get(slug='bao-kon-tum'), language).pk}/"


def field_label(html, field_id):
    return re.search(rf'<label[^>]* for="{field_id}"[^>]*>(.*?)</label>', html, re.S).group(1)


def test_the_plan_task_is_required_for_a_new_product(client, people, registers):
    client.force_login(people.editor)
    html = client.get(add_url()).content.decode()
    assert "w-required-mark" in field_label(html, "id_task")
    data = nested_form_data(
        {
            "title": "Bài thiếu nhiệm vụ",
            "slug": "",
            "body": streamfield([]),
            "area": registers.area["III"].pk,
            "format": registers.format["article"].pk,
            "task": "",
            "publications": inline_formset(
                [{"channel": registers.channel["online-news"].pk, "date": "2024-03-01", "url": ""}], min=1
            ),
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            "action-submit": "Gửi duyệt",
        }
    )
    response = client.post(add_url(), data)
    assert response.status_code == 200
    assert "task" in response.context["form"].errors
    assert not ProductPage.objects.filter(title="Bài thiếu nhiệm vụ").exists()


def test_a_worklist_of_the_unit_s_products_without_a_plan_task(client, people):
    make_product(title="Có nhiệm vụ", task="3.2")
    make_product(title="Chưa có nhiệm vụ")
    make_product(title="Của đơn vị khác, chưa có nhiệm vụ", unit="dai-ptth-kon-tum")
    client.force_login(people.editor)
    html = client.get(reverse("product_listing:index")).content.decode()
    assert 'name="task_missing"' in html
    html = client.get(reverse("product_listing:index"), {"task_missing": "true"}).content.decode()
    assert "Chưa có nhiệm vụ" in html
    assert "Có nhiệm vụ" not in html.replace("Chưa có nhiệm vụ", "")
    assert "Của đơn vị khác" not in html


def test_topics_are_checkboxes(client, people):
    assert Topic.objects.exists()
    client.force_login(people.editor)
    html = client.get(add_url()).content.decode()
    assert re.search(r'<input type="checkbox" name="topics"', html)
    assert not re.search(r'<select[^>]*name="topics"', html)


@pytest.mark.parametrize("language", ["vi", "bdq"])
def test_the_editor_never_shows_none(client, people, language):
    client.force_login(people.editor)
    for url in (
        add_url(language),
        f"/admin/pages/{make_product(title='Bài cũ', language=language).pk}/edit/",
    ):
        html = client.get(url).content.decode()
        visible = re.sub(r"<script.*?</script>|<[^>]+>", " ", html, flags=re.S)
        assert not re.search(r"\bNone\b", visible), url
