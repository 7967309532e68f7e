"""Issue 26: a reporter chooses the language and unit of a new product before writing it.

The product's language is its section's locale; a reporter who starts "Thêm sản phẩm" from the
dashboard, the products listing or the explorer must see (and choose) the language, so that a
Bahnar product is never added as a Vietnamese one by accident.
"""

import re
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from products.models import ProductPage, Unit
from products.sections import section_for
from tests.roles import role_group

pytestmark = pytest.mark.django_db

OWN = "bao-kon-tum"


def _href(html, pattern):
    match = re.search(rf'href="({pattern})"', html)
    assert match, f"no link matching {pattern}"
    return match.group(1).replace("&amp;", "&")


def language_shown(html):
    """The language block the add form shows above the fields (data-product-language)."""
    match = re.search(r'data-product-language="([^"]+)"[^>]*>(.*?)</', html, re.S)
    return (match.group(1), re.sub(r"\s+", " ", match.group(2)).strip()) if match else None


def save_draft(client, add_url, title):
    data = nested_form_data(
        {
            "title": title,
            "slug": "",
            "summary": "",
            "body": streamfield([]),
            "transcript": "",
            "area": "",
            "format": "",
            "task": "",
            "publications": inline_formset([], min=1),
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ProductPage.objects.get(title=title)


def choose(client, chooser_url, language):
    """The chooser asks first (it never jumps straight to an add form), then redirects."""
    response = client.get(chooser_url)
    assert response.status_code == 200, response.get("Location")
    html = response.content.decode()
    assert 'name="language"' in html and 'name="unit"' in html
    unit = Unit.objects.get(slug=OWN)
    response = client.post(chooser_url, {"language": language, "unit": unit.pk})
    assert response.status_code == 302
    return response["Location"]


def add_bahnar_through(client, add_url, title):
    section = section_for(Unit.objects.get(slug=OWN), "bdq")
    assert urlparse(add_url).path == f"/admin/pages/add/products/productpage/{section.pk}/"
    html = client.get(add_url).content.decode()
    assert language_shown(html)[0] == "bdq"
    assert "Bahnar" in language_shown(html)[1]
    product = save_draft(client, add_url, title)
    assert product.language == "bdq"
    assert product.get_parent().pk == section.pk


def test_from_the_listing(client, people):
    client.force_login(people.editor)
    html = client.get(reverse("product_listing:index")).content.decode()
    chooser = _href(html, re.escape(reverse("product_listing:choose_parent")) + r"[^\"]*")
    add_bahnar_through(client, choose(client, chooser, "bdq"), "Tin Ba Na từ danh sách")


def test_from_the_dashboard(client, people):
    client.force_login(people.editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    chooser = _href(html, re.escape(reverse("product_listing:choose_parent")) + r"[^\"]*")
    add_bahnar_through(client, choose(client, chooser, "bdq"), "Tin Ba Na từ bảng điều khiển")


def test_from_the_explorer(client, people):
    section = section_for(Unit.objects.get(slug=OWN), "bdq")
    client.force_login(people.editor)
    html = client.get(reverse("wagtailadmin_explore", args=[section.pk])).content.decode()
    add_subpage = _href(html, re.escape(reverse("wagtailadmin_pages:add_subpage", args=[section.pk])))
    response = client.get(add_subpage)
    assert response.status_code == 302
    add_bahnar_through(client, response["Location"], "Tin Ba Na từ cây trang")


def test_the_vietnamese_add_form_says_vietnamese_and_offers_a_change(client, people):
    section = section_for(Unit.objects.get(slug=OWN), "vi")
    client.force_login(people.editor)
    html = client.get(f"/admin/pages/add/products/productpage/{section.pk}/").content.decode()
    code, text = language_shown(html)
    assert code == "vi" and "Tiếng Việt" in text
    change = _href(html, re.escape(reverse("product_listing:choose_parent")) + r"[^\"]*")
    assert "language=vi" in change


def test_the_chooser_refuses_a_unit_the_reporter_does_not_write_for(client, people):
    client.force_login(people.editor)
    other = Unit.objects.get(slug="dai-ptth-kon-tum")
    response = client.post(reverse("product_listing:choose_parent"), {"language": "bdq", "unit": other.pk})
    assert response.status_code == 200
    assert not ProductPage.objects.filter(unit=other, language="bdq").exists()


def test_the_chooser_says_when_the_unit_does_not_publish_in_the_language(client, people):
    """A reporter of two units sees the languages of both; Báo Kon Tum has no Sedang section."""
    people.editor.groups.add(role_group("editor", "dai-ptth-kon-tum"))
    client.force_login(people.editor)
    unit = Unit.objects.get(slug=OWN)
    response = client.post(reverse("product_listing:choose_parent"), {"language": "sed", "unit": unit.pk})
    assert response.status_code == 200
    assert "không xuất bản bằng ngôn ngữ này" in response.content.decode()
