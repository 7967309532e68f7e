"""'Translate into…' makes linked drafts in the same unit's section of each target language."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale

from products.desk import roles
from products.models import ProductPage
from tests.factories import make_product


def translate(client, page, *codes):
    locales = [Locale.objects.get(language_code=code).pk for code in codes]
    return client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]), {"locales": locales}
    )


def test_vi_product_translated_into_bahnar_and_english_links_on_the_portal(admin_client, client, registers):
    source = make_product(title="Quyền trẻ em ở vùng cao", language="vi", unit="bao-kon-tum")
    response = translate(admin_client, source, "bdq", "en")
    assert response.status_code == 302

    versions = {}
    for code in ("bdq", "en"):
        draft = ProductPage.objects.get(translation_key=source.translation_key, locale__language_code=code)
        assert not draft.live  # a draft for the translator to write
        parent = draft.get_parent().specific
        assert parent.unit.slug == "bao-kon-tum" and parent.locale.language_code == code
        assert draft.unit.slug == "bao-kon-tum" and draft.language == code
        draft.title = {"bdq": "Tơdrong hơ̆k 'Bok kon hiăp", "en": "Children's rights in the highlands"}[code]
        draft.save_revision().publish()
        versions[code] = ProductPage.objects.get(pk=draft.pk)
    versions["vi"] = source

    for code, page in versions.items():
        html = client.get(page.url).content.decode()
        for other_code, other in versions.items():
            if other_code != code:
                assert f'href="{other.url}"' in html, (code, other_code)


def test_translation_counts_as_a_product_of_its_own(admin_client, registers):
    source = make_product(title="Tin gốc", language="vi", unit="bao-kon-tum")
    translate(admin_client, source, "en")
    draft = ProductPage.objects.get(translation_key=source.translation_key, locale__language_code="en")
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert draft.pk != source.pk and draft.first_published == source.first_published


def translator_for(django_user_model, *language_names):
    translator = django_user_model.objects.create_user("dich", password="pw")
    translator.groups.add(Group.objects.get(name=roles.TRANSLATOR))
    for name in language_names:
        translator.groups.add(Group.objects.get(name=roles.TRANSLATOR_INTO.format(language=name)))
    return translator


def test_translator_translates_into_assigned_languages_only(client, django_user_model, registers):
    translator = translator_for(django_user_model, "Bahnar")
    assert translator.has_perm("simple_translation.submit_translation")
    assert not Group.objects.get(name=roles.TRANSLATOR).permissions.filter(codename="publish_page").exists()
    source = make_product(title="Tin cần dịch", language="vi", unit="bao-kon-tum")
    client.force_login(translator)

    response = client.get(reverse("simple_translation:submit_page_translation", args=[source.pk]))
    offered = response.context["form"].fields["locales"].queryset
    assert list(offered.values_list("language_code", flat=True)) == ["bdq"]

    translate(client, source, "en")
    assert not ProductPage.objects.filter(
        translation_key=source.translation_key, locale__language_code="en"
    ).exists()
    assert translate(client, source, "bdq").status_code == 302
    draft = ProductPage.objects.get(translation_key=source.translation_key, locale__language_code="bdq")
    assert not draft.live


def test_translator_without_languages_gets_403(client, django_user_model, registers):
    source = make_product(title="Tin", language="vi", unit="bao-kon-tum")
    client.force_login(translator_for(django_user_model))
    assert translate(client, source, "en").status_code == 403
    assert not Permission.objects.filter(codename="translate_into_en", group__name=roles.TRANSLATOR).exists()
