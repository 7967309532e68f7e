"""Every content language has its URL prefix, its Django language info and its locale."""

import pytest
from django.utils.translation import get_language_info
from wagtail.models import Locale

from products import languages


@pytest.mark.parametrize("code", languages.CODES)
def test_prefix_activates_language(client, db, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert code == response.wsgi_request.LANGUAGE_CODE
    assert f'<html lang="{code}"' in response.content.decode()


@pytest.mark.parametrize("code", ["bdq", "lo", "zh-hans"])
def test_django_knows_language(code):
    info = get_language_info(code)
    assert info["code"] == code
    assert info["name_local"] == languages.get(code).local_name or code == "zh-hans"


def test_root_redirects_to_vietnamese(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/vi/"


def test_one_locale_per_language(db):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(languages.CODES)


def test_categories():
    assert languages.ETHNIC_CODES == ("bdq", "sed", "jra", "jeh", "tdf", "brb", "rmx")
    assert languages.FOREIGN_CODES == ("en", "fr", "zh-hans", "lo", "km")
    assert languages.category("vi") == languages.NATIONAL


def test_admin_is_vietnamese_by_default(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()
    assert "Trang tổng quan" in response.content.decode()  # "Dashboard"


def test_admin_english_selectable(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    response = admin_client.get("/admin/")
    assert '<html lang="en"' in response.content.decode()


def test_admin_login_is_vietnamese_even_for_an_english_browser(client, db):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi"' in response.content.decode()
