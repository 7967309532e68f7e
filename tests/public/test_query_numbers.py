"""Every number read from a query string: ASCII digits 0–9 in the parameter's range, else a 400.

``str.isdigit()`` and ``int()`` take much more than a person types as a number: "²" passes
``isdigit()`` and then crashes ``int()`` (issue 24: ``/vi/san-pham/?page=²`` was a 500),
"١٢" (Arabic-Indic digits) is read as 12, and so is " 12", "1_2" or "+12": each another URL
for the same page. Here each such value is a 400 with a message, on every public view that
reads a number: listings, feeds, the sitemap, the products API and the archive search.
"""

import pytest

from tests.factories import make_product

pytestmark = pytest.mark.django_db

NOT_NUMBERS = ["²", "١٢", "-1", "99999999999999999999", "+2", " 2", "1_0", "2.0", "0x1", "٢", "𝟚"]


@pytest.fixture
def product(db):
    return make_product(title="Quyền con người")


def assert_bad_request(client, url, *, json_key=None):
    response = client.get(url)
    assert response.status_code == 400, (url, response.status_code, response.content[:300])
    if json_key:
        assert response.json()[json_key], url
    else:
        assert response.content.strip(), url
    return response


@pytest.mark.parametrize("value", NOT_NUMBERS)
@pytest.mark.parametrize("path", ["/vi/san-pham/", "/vi/san-pham/bao-kon-tum/", "/en/san-pham/"])
def test_listing_page_that_is_not_a_number_is_a_400(client, product, path, value):
    html = assert_bad_request(client, f"{path}?page={value}").content.decode()
    assert "Số trang không hợp lệ" in html or "Invalid page number" in html


@pytest.mark.parametrize("value", [*NOT_NUMBERS, "٢٠٢٤"])
@pytest.mark.parametrize("path", ["/vi/san-pham/", "/vi/feeds/rss/", "/vi/feeds/atom/"])
def test_listing_and_feed_year_that_is_not_a_number_is_a_400(client, product, path, value):
    assert "Năm" in assert_bad_request(client, f"{path}?year={value}").content.decode()


def test_listing_still_reads_plain_numbers(client, product):
    assert client.get("/vi/san-pham/?page=1&year=2024").status_code == 200
    assert client.get("/vi/san-pham/?page=2").status_code == 404  # past the end


@pytest.mark.parametrize("value", NOT_NUMBERS)
@pytest.mark.parametrize("name", ["offset", "limit"])
def test_api_offset_and_limit_that_are_not_numbers_are_a_400(client, product, name, value):
    message = assert_bad_request(client, f"/api/v2/products/?{name}={value}", json_key="message").json()
    assert name in message["message"]


def test_api_offset_and_limit_together(client, product):
    assert (
        "offset"
        in assert_bad_request(client, "/api/v2/pages/?offset=²&limit=²", json_key="message").json()["message"]
    )


@pytest.mark.parametrize("value", ["²", "١٢", "-1", "99999999999999999999"])
@pytest.mark.parametrize(
    ("path", "name"),
    [
        *(
            ("/api/v2/pages/", name)
            for name in ("child_of", "descendant_of", "ancestor_of", "translation_of")
        ),
        ("/api/v2/pages/find/", "id"),  # find by id
        ("/api/v2/pages/", "id"),  # a field filter on an integer column
        ("/api/v2/images/", "width"),
    ],
)
def test_api_ids_and_integer_filters_that_are_not_numbers_are_a_400(client, product, path, name, value):
    message = assert_bad_request(client, f"{path}?{name}={value}", json_key="message").json()["message"]
    assert name in message


def test_api_reads_plain_ids(client, product):
    assert client.get(f"/api/v2/pages/?child_of={product.get_parent().pk}").status_code == 200
    assert client.get(f"/api/v2/pages/find/?id={product.pk}").status_code == 302


@pytest.mark.parametrize("value", NOT_NUMBERS)
@pytest.mark.parametrize("name", ["page", "page_size", "year"])
def test_search_numbers_that_are_not_numbers_are_a_400(client, product, name, value):
    assert_bad_request(client, f"/api/search/?q=quyen&{name}={value}", json_key="error")
    assert_bad_request(client, f"/vi/search/?q=quyen&{name}={value}")


@pytest.mark.parametrize("value", ["²", "١٢", "-1", "99999999999999999999"])
def test_sitemap_page_that_is_not_a_number_is_a_400(client, product, value):
    assert_bad_request(client, f"/sitemap-pages.xml?p={value}")


def test_sitemap_reads_plain_page_numbers(client, product):
    assert client.get("/sitemap-pages.xml?p=1").status_code == 200
    assert client.get("/sitemap-pages.xml?p=2").status_code == 404  # past the end
