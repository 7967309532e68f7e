"""Copying or translating a product with an external id (every imported and demo product) works.

The copy is a draft in the right unit's section, without the source's external id (which is
unique: the copy used to violate the constraint and answer 500).
"""

from django.urls import reverse
from wagtail.models import Locale

from products.models import ProductPage
from tests.factories import make_product


def test_copy_of_a_product_with_an_external_id_is_a_draft_without_it(admin_client, registers):
    source = make_product(title="Sản phẩm nhập", external_id="nhap-0001", unit="bao-kon-tum")
    section = source.get_parent()
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": section.pk, "publish_copies": ""},
    )
    assert response.status_code == 302, response.content[:500]
    copy = ProductPage.objects.get(slug="ban-sao")
    assert copy.external_id is None
    assert not copy.live
    assert copy.get_parent().pk == section.pk and copy.unit.slug == "bao-kon-tum"
    assert ProductPage.objects.get(pk=source.pk).external_id == "nhap-0001"


def test_translating_a_product_with_an_external_id_makes_a_draft_without_it(admin_client, registers):
    source = make_product(title="Sản phẩm nhập", external_id="nhap-0002", unit="dai-ptth-kon-tum")
    response = admin_client.post(
        reverse("simple_translation:submit_page_translation", args=[source.pk]),
        {"locales": [Locale.objects.get(language_code="en").pk]},
    )
    assert response.status_code == 302, response.content[:500]
    draft = ProductPage.objects.get(translation_key=source.translation_key, locale__language_code="en")
    assert draft.external_id is None and not draft.live
    assert draft.unit.slug == "dai-ptth-kon-tum"
