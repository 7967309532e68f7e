"""Drafts, unpublished and restricted products appear on no public page, listing, feed,
sitemap or API."""

import pytest

from tests.portal.conftest import HIDDEN_TITLES

PUBLIC_URLS = [
    "/vi/",
    "/bdq/",
    "/vi/san-pham/",
    "/vi/san-pham/?area=III",
    "/vi/san-pham/?year=2024",
    "/vi/san-pham/bao-kon-tum/",
    "/vi/feeds/rss/",
    "/vi/feeds/atom/",
    "/vi/feeds/rss/?unit=bao-kon-tum",
    "/sitemap-pages.xml",
    "/vi/search/?q=b%E1%BA%A3n",
    "/vi/search/?q=n%E1%BB%99i+b%E1%BB%99",
    "/vi/search/?year=2024",
    "/api/search/?q=n%E1%BB%99i+b%E1%BB%99",
    "/api/search/?year=2024",
    "/api/v2/pages/?type=products.ProductPage&limit=100",
    "/api/v2/pages/?search=n%E1%BB%99i",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_hidden_products_are_nowhere(client, hidden, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    assert not [title for title in HIDDEN_TITLES if title in body]
    for page in hidden.values():
        assert page.url not in body and f'"id": {page.pk},' not in body


def test_hidden_products_own_urls(client, hidden):
    assert client.get(hidden["draft"].url or "/vi/san-pham/bao-kon-tum/ban-nhap-bi-mat/").status_code == 404
    assert client.get("/vi/san-pham/bao-kon-tum/da-go-xuong/").status_code == 404
    assert client.get(hidden["restricted"].url).status_code == 302
