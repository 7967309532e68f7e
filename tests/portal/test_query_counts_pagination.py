"""Paging through the archive without counting it: the products API's ``after`` cursor.

The national shared database harvests ``/api/v2/products/`` page by page. With ``offset``
each page counts every match and skips ``offset`` rows (issue 27: p95 1.6 s at a random offset
of 100,000 products on SQLite); with ``after=<id>`` a page is one index range and no count.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_product

pytestmark = pytest.mark.django_db

PRODUCTS = "/api/v2/products/"


@pytest.fixture
def products(registers):
    return [make_product(title=f"Tin {n}", area="III" if n % 2 else "I") for n in range(7)]


def harvest(client, url):
    """Follow ``meta.next`` from ``url`` to the end: (ids in the order received, pages)."""
    ids, pages = [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        body = response.json()
        ids += [item["id"] for item in body["items"]]
        url, pages = body["meta"]["next"], pages + 1
    return ids, pages


def test_after_walks_every_product_once_in_id_order(client, products):
    ids, pages = harvest(client, f"{PRODUCTS}?after=0&limit=3")
    assert ids == sorted(p.pk for p in products)
    assert pages == 3  # 3 + 3 + 1


def test_after_keeps_the_filters_and_follows_from_an_offset_page(client, products):
    first = client.get(f"{PRODUCTS}?area=III&limit=2").json()
    assert first["meta"]["total_count"] == 3
    assert "after=" in first["meta"]["next"] and "area=III" in first["meta"]["next"]
    rest, _ = harvest(client, first["meta"]["next"])
    assert [item["id"] for item in first["items"]] + rest == sorted(
        p.pk for p in products if p.area.slug == "III"
    )


def test_a_product_published_during_a_harvest_is_neither_skipped_nor_repeated(client, products):
    first = client.get(f"{PRODUCTS}?after=0&limit=4").json()
    make_product(title="Mới trong lúc thu thập")
    rest, _ = harvest(client, first["meta"]["next"])
    ids = [item["id"] for item in first["items"]] + rest
    assert len(ids) == len(set(ids)) == len(products) + 1


def test_an_after_page_counts_nothing(client, products):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"{PRODUCTS}?after={products[2].pk}&limit=2&area=III")
    assert response.status_code == 200, response.content[:300]
    assert "total_count" not in response.json()["meta"]
    assert not [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


@pytest.mark.parametrize("extra", ["offset=2", "order=title", "search=tin", "after=abc", "after=-1"])
def test_after_with_offset_order_search_or_a_bad_id_is_a_bad_request(client, products, extra):
    response = client.get(
        f"{PRODUCTS}?after=1&{extra}" if not extra.startswith("after") else f"{PRODUCTS}?{extra}"
    )
    assert response.status_code == 400
    assert "after" in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_every_endpoint_takes_after(client, products, endpoint):
    response = client.get(f"{endpoint}?after=0&limit=2")
    assert response.status_code == 200, response.content[:300]
    assert "next" in response.json()["meta"]
