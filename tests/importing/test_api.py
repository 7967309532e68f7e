"""Wagtail API v2: live products with tags, publications and language; filter by locale; never drafts."""

import datetime

import pytest

from tests.factories import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def products():
    vi = make_product(title="Bản tin tiếng Việt", external_id="api-vi", topics=[])
    bdq = make_product(
        title="'Bok ơ̆ ư̆",
        language="bdq",
        unit="dai-ptth-kon-tum",
        external_id="api-bdq",
        translation_of=vi,
        publications=[("facebook", datetime.date(2024, 8, 1), "https://facebook.com/x/1")],
    )
    draft = make_product(title="Bản nháp chưa đăng", language="bdq", external_id="api-draft", live=False)
    return vi, bdq, draft


def _items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_pages_endpoint_lists_live_products_by_locale(client, products):
    vi, bdq, draft = products
    fields = "language,external_id,first_published,area,format,unit,topics,publications"
    items = _items(client, f"/api/v2/pages/?type=products.ProductPage&locale=bdq&fields={fields}")
    ids = {item["id"] for item in items}
    assert bdq.pk in ids and vi.pk not in ids and draft.pk not in ids
    item = next(item for item in items if item["id"] == bdq.pk)
    assert item["language"] == "bdq" and item["external_id"] == "api-bdq"
    assert item["title"] == "'Bok ơ̆ ư̆"
    assert item["area"] == "III" and item["unit"] == "dai-ptth-kon-tum"
    assert item["publications"][0]["channel"] == "facebook"
    assert item["publications"][0]["date"] == "2024-08-01"


def test_products_endpoint_lists_fields_and_never_drafts(client, products):
    vi, bdq, draft = products
    items = _items(client, "/api/v2/products/?limit=100")
    ids = {item["id"] for item in items}
    assert {vi.pk, bdq.pk} <= ids and draft.pk not in ids
    item = next(item for item in items if item["id"] == vi.pk)
    assert item["language"] == "vi" and item["topics"] == [] and item["format"] == "article"
    assert item["publications"][0]["channel"] == "online-news"
    assert item["meta"]["locale"] == "vi"
    bdq_only = _items(client, "/api/v2/products/?locale=bdq&limit=100")
    assert {i["id"] for i in bdq_only} & {vi.pk, bdq.pk, draft.pk} == {bdq.pk}
    by_channel = _items(client, "/api/v2/products/?channel=facebook&published_from=2024-07-01&limit=100")
    assert bdq.pk in {i["id"] for i in by_channel} and vi.pk not in {i["id"] for i in by_channel}
    assert client.get(f"/api/v2/products/{bdq.pk}/").json()["language"] == "bdq"
    assert client.get(f"/api/v2/products/{draft.pk}/", follow=True).status_code == 404
    assert client.get("/api/v2/products/?published_from=30-07-2024").status_code == 400


def test_unpublishing_removes_a_product(client, products):
    vi, _bdq, _draft = products
    vi.unpublish()
    assert vi.pk not in {i["id"] for i in _items(client, "/api/v2/products/?limit=100")}
