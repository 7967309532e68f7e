"""A NUL character in a query string gets a 400 with a message, never a 500."""

import pytest

pytestmark = pytest.mark.django_db

URLS = [
    "/api/search/?unit=a%00b",
    "/api/search/?channel=%00",
    "/api/search/?q=quy%00en",
    "/vi/search/?topic=%00",
    "/api/v2/products/?unit=%00",
    "/api/v2/pages/?search=%00",
    "/vi/?area=%00",
    "/vi/search/?q=1&%00=x",
]


@pytest.mark.parametrize("url", URLS)
def test_nul_in_query_string_is_a_bad_request(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_ordinary_query_strings_pass(client):
    assert client.get("/api/search/?q=quyen&unit=bao-kon-tum").status_code == 200
