"""Translators: translation drafts in their languages only; never delete, move, publish (issue 12)."""

from django.urls import reverse
from wagtail.models import Locale

from products.models import ProductPage, UnitSectionPage
from tests.factories import make_product
from tests.products.test_product_pages import product_form


def section(unit, language="vi"):
    return UnitSectionPage.objects.get(unit__slug=unit, locale__language_code=language)


def add_url(unit, language="vi"):
    return reverse("wagtailadmin_pages:add", args=("products", "productpage", section(unit, language).pk))


def translate(client, page, *codes):
    locales = [Locale.objects.get(language_code=code).pk for code in codes]
    return client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]), {"locales": locales}
    )


def edit(client, page, registers, **fields):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), product_form(registers, **fields))


def test_translator_without_language_cannot_create_a_product(client, people, registers):
    client.force_login(people.translator_without_language)
    assert client.get(add_url("bao-kon-tum", "en")).status_code != 200
    client.post(add_url("bao-kon-tum", "en"), product_form(registers, title="Tin lạ", action="action-save"))
    assert not ProductPage.objects.filter(title="Tin lạ").exists()


def test_translator_without_language_cannot_delete_another_units_draft(client, people):
    draft = make_product(title="Bản nháp của Đài", unit="dai-ptth-kon-tum", live=False)
    client.force_login(people.translator_without_language)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert ProductPage.objects.filter(pk=draft.pk).exists()


def test_translator_without_language_cannot_move_a_draft_into_another_unit(client, people):
    draft = make_product(title="Bản nháp của Báo", unit="bao-kon-tum", live=False)
    client.force_login(people.translator_without_language)
    destination = section("dai-ptth-kon-tum")
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, destination.pk]))
    assert ProductPage.objects.get(pk=draft.pk).get_parent().pk == section("bao-kon-tum").pk


def test_translator_without_language_cannot_translate(client, people):
    source = make_product(title="Tin đã đăng")
    client.force_login(people.translator_without_language)
    translate(client, source, "bdq")
    assert not ProductPage.objects.filter(translation_key=source.translation_key, locale__language_code="bdq")


def test_translator_translates_a_published_product_edits_and_submits_the_draft(client, people, registers):
    source = make_product(title="Quyền trẻ em", unit="dai-ptth-kon-tum")
    client.force_login(people.translator)
    assert translate(client, source, "bdq").status_code == 302
    draft = ProductPage.objects.get(translation_key=source.translation_key, locale__language_code="bdq")
    assert draft.get_parent().specific.unit.slug == "dai-ptth-kon-tum" and not draft.live

    response = edit(client, draft, registers, title="Tơdrong 'Bok ơ̆", action="action-save")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.draft_title == "Tơdrong 'Bok ơ̆" and not draft.live

    edit(client, draft, registers, title="Tơdrong 'Bok ơ̆", action="action-publish")
    draft.refresh_from_db()
    assert not draft.live
    edit(client, draft, registers, title="Tơdrong 'Bok ơ̆", action="action-submit")
    draft.refresh_from_db()
    assert not draft.live and draft.workflow_in_progress


def test_translator_never_deletes_moves_or_unpublishes(client, people, registers):
    source = make_product(title="Tin gốc", unit="bao-kon-tum")
    live_bdq = make_product(title="Tin Bahnar đã đăng", unit="bao-kon-tum", language="bdq")
    client.force_login(people.translator)
    translate(client, source, "bdq")
    draft = ProductPage.objects.get(translation_key=source.translation_key, locale__language_code="bdq")

    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert ProductPage.objects.filter(pk=draft.pk).exists()
    destination = section("dai-ptth-kon-tum", "bdq")
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, destination.pk]))
    assert ProductPage.objects.get(pk=draft.pk).get_parent().pk == section("bao-kon-tum", "bdq").pk
    client.post(reverse("wagtailadmin_pages:unpublish", args=[live_bdq.pk]))
    assert ProductPage.objects.get(pk=live_bdq.pk).live


def test_translator_edits_only_translation_drafts_in_their_languages(client, people, registers):
    units_own_bdq_draft = make_product(
        title="Bản nháp Bahnar của Đài", unit="dai-ptth-kon-tum", language="bdq", live=False
    )
    live_bdq = make_product(title="Tin Bahnar đã đăng", unit="dai-ptth-kon-tum", language="bdq")
    source = make_product(title="Tin cho tiếng Anh", unit="bao-kon-tum")
    client.force_login(people.superuser)
    translate(client, source, "en")
    english_draft = ProductPage.objects.get(
        translation_key=source.translation_key, locale__language_code="en"
    )

    client.force_login(people.translator)
    for page in (units_own_bdq_draft, live_bdq, english_draft):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code != 200, page.title
        edit(client, page, registers, title="Sửa trộm", action="action-save")
        assert ProductPage.objects.get(pk=page.pk).get_latest_revision().content["title"] != "Sửa trộm"


def test_translator_cannot_translate_a_draft(client, people):
    draft = make_product(title="Bản nháp chưa đăng", unit="dai-ptth-kon-tum", live=False)
    client.force_login(people.translator)
    translate(client, draft, "bdq")
    assert not ProductPage.objects.filter(translation_key=draft.translation_key, locale__language_code="bdq")
