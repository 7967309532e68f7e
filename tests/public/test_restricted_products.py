"""A product under a Wagtail view restriction (password, login, groups) is not public anywhere we list.

The product's own URL asks for the password or a login (Wagtail does that); the portal listings
and the pages/products API must not show it, not even its title, whoever asks.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from products.models import UnitSectionPage
from tests.factories import make_product

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Bí mật có mật khẩu"


def restrict(page, kind="password"):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="mat-khau" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name="Nhóm riêng")])
    return restriction


@pytest.fixture
def secret(db):
    make_product(title="Tin công khai")
    return make_product(title=SECRET_TITLE, summary="Tóm tắt bí mật")


PORTAL_LISTINGS = ["/vi/", "/vi/san-pham/", "/vi/san-pham/bao-kon-tum/"]


@pytest.mark.parametrize("url", PORTAL_LISTINGS)
@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_portal_listings_leave_out_restricted_products(client, secret, url, kind):
    before = client.get(url)
    assert before.status_code == 200 and SECRET_TITLE in before.content.decode()
    restrict(secret, kind)
    after = client.get(url).content.decode()
    assert "Tin công khai" in after
    assert SECRET_TITLE not in after and "Tóm tắt bí mật" not in after


@pytest.mark.parametrize("url", PORTAL_LISTINGS)
def test_listings_leave_out_restricted_products_even_for_a_logged_in_reader(client, secret, url, admin_user):
    restrict(secret, "login")
    client.force_login(admin_user)
    assert SECRET_TITLE not in client.get(url).content.decode()


def test_a_restricted_unit_section_hides_its_products(client, secret):
    restrict(UnitSectionPage.objects.get(unit__slug="bao-kon-tum", locale__language_code="vi"))
    for url in ["/vi/", "/vi/san-pham/"]:
        assert SECRET_TITLE not in client.get(url).content.decode()


def test_lifting_the_restriction_lists_the_product_again(client, secret):
    restriction = restrict(secret)
    restriction.delete()
    assert SECRET_TITLE in client.get("/vi/san-pham/").content.decode()


def test_the_restricted_page_itself_asks_for_the_password(client, secret):
    restrict(secret)
    response = client.get(secret.url)
    assert response.status_code == 200
    assert "Tóm tắt bí mật" not in response.content.decode()
    assert "password" in response.content.decode().lower()


def test_translations_box_leaves_out_a_restricted_translation(client, secret):
    bdq = make_product(title="Bản Ba Na bí mật", language="bdq", translation_of=secret)
    assert "Bản Ba Na bí mật" in client.get(secret.url).content.decode()
    restrict(bdq)
    assert "Bản Ba Na bí mật" not in client.get(secret.url).content.decode()


API_LISTINGS = [
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?type=products.ProductPage&limit=100",
    "/api/v2/products/?limit=100",
    "/api/v2/products/?search=m%E1%BA%ADt",
]


def api_ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("url", API_LISTINGS)
@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_api_leaves_out_restricted_products(client, secret, url, kind):
    restrict(secret, kind)
    assert secret.pk not in api_ids(client, url)


@pytest.mark.parametrize("endpoint", ["pages", "products"])
def test_api_detail_of_a_restricted_product_is_not_found(client, secret, endpoint):
    assert client.get(f"/api/v2/{endpoint}/{secret.pk}/").status_code == 200
    restrict(secret)
    assert client.get(f"/api/v2/{endpoint}/{secret.pk}/", follow=True).status_code == 404


@pytest.mark.parametrize("endpoint", ["pages", "products"])
def test_api_is_public_only_even_for_a_logged_in_caller(client, secret, endpoint, admin_user):
    """The API is what the national database pulls: a session never widens it."""
    restrict(secret, "login")
    client.force_login(admin_user)
    assert secret.pk not in api_ids(client, f"/api/v2/{endpoint}/?limit=100")
    assert client.get(f"/api/v2/{endpoint}/{secret.pk}/", follow=True).status_code == 404


def test_api_child_of_a_restricted_section_is_refused(client, secret):
    section = UnitSectionPage.objects.get(unit__slug="bao-kon-tum", locale__language_code="vi")
    restrict(section, "login")
    response = client.get(f"/api/v2/pages/?child_of={section.pk}")
    assert response.status_code == 400
    assert secret.pk not in api_ids(client, "/api/v2/products/?limit=100")
