"""Search reaches into scans: a word only on a scanned page finds its product, on both engines,
and the snippet names the page and links to the product page showing it."""

from urllib.parse import parse_qs, urlsplit

import pytest

from digitise.signals import text_changed
from search import documents
from search.engines.base import FACETS, SearchQuery
from search.engines.elastic import ElasticEngine, document_body, result_from_response
from search.service import hits
from search.text import analyze, query_groups
from tests.digitise.ocr_free_scans import product_with_scan
from tests.search.helpers import committed, find, publish

pytestmark = pytest.mark.django_db

PAGES = [
    ["Tin tức tỉnh Kon Tum", "Hội nghị tổng kết năm"],
    ["Quyền trẻ em được bảo đảm", "ở các xã vùng cao"],
    ["Xã Đăk Rơ Wa khánh thành", "trường học mới cho con em"],
]


def test_a_word_only_in_a_scan_finds_the_product_and_names_its_page():
    product, scan = product_with_scan(PAGES, title="Số báo tháng Mười", summary="Số báo in năm 1995.")
    result = find("khanh thanh")  # typed without marks
    assert result.ids == [product.pk]
    [hit] = hits(result, "khanh thanh")
    assert str(hit["snippet"]).startswith("Trang 3: ")
    assert "<mark>khánh</mark> <mark>thành</mark>" in str(hit["snippet"])
    assert "Tin tức" not in str(hit["snippet"])  # cut from page 3, not from the start of the text
    assert hit["scan_page"]["number"] == 3 and hit["scan_page"]["scan"] == scan.pk
    address = urlsplit(hit["scan_page"]["url"])
    assert address.path == product.url
    assert parse_qs(address.query) == {"q": ["khanh thanh"], "scan": [str(scan.pk)], "p": ["3"]}
    assert address.fragment == f"scan-{scan.pk}"


def test_a_hit_in_the_products_own_text_names_no_page():
    product, _scan = product_with_scan(PAGES, title="Khánh thành trường", summary="Lễ khánh thành.")
    [hit] = hits(find("khánh thành"), "khánh thành")
    assert hit["id"] == product.pk and hit["scan_page"] is None
    assert not str(hit["snippet"]).startswith("Trang")


def test_search_page_and_api_link_to_the_scan_page(client):
    product, scan = product_with_scan(PAGES)
    page = client.get("/vi/search/", {"q": "vùng cao"})
    assert "Trang 2: " in page.content.decode()
    assert (
        f'href="{product.url}?q=v%C3%B9ng+cao&amp;scan={scan.pk}&amp;p=2#scan-{scan.pk}"'
        in page.content.decode()
    )
    api = client.get("/api/search/", {"q": "vùng cao"}).json()
    [result] = api["results"]
    assert result["snippet"].startswith("Trang 2: ")
    assert result["scan_page"]["number"] == 2 and result["scan_page"]["url"].endswith(f"#scan-{scan.pk}")


def test_draft_products_scans_are_not_searchable():
    product_with_scan(PAGES, live=False)
    assert find("khánh thành").ids == []


def test_elasticsearch_carries_the_same_pages_and_snippet():
    """The Elasticsearch document stores the same hit (with the pages' places), so its answer
    is dressed into the same snippet naming the page."""
    product, scan = product_with_scan(PAGES)
    doc = documents.load([product.pk])[product.pk]
    body = document_body(doc, analyze(doc["title"], doc["parts"]))
    assert "khánh thành" in body["body"]  # indexed like a transcript
    assert [p[:2] for p in body["hit"]["pages"]] == [[scan.pk, 1], [scan.pk, 2], [scan.pk, 3]]
    search = ElasticEngine("http://127.0.0.1:9").faceted_search(SearchQuery(q="khánh")).build_search()
    raw = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "hits": [{"_id": str(product.pk), "_score": 1.0, "_source": {"hit": body["hit"]}}],
        },
        "aggregations": {f"_filter_{f}": {"doc_count": 1, f: {"buckets": []}} for f in FACETS},
    }
    result = result_from_response(search._response_class(search, raw), query_groups("khánh"))
    [hit] = hits(result, "khánh")
    assert str(hit["snippet"]).startswith("Trang 3: ") and "<mark>khánh</mark>" in str(hit["snippet"])


def test_products_without_scans_keep_their_index_document():
    """A product with no scan has no ``pages`` in its document: its content hash is unchanged,
    so the repair after deploying this does not rewrite the whole index."""
    product, _scan = product_with_scan(PAGES)
    plain = publish(title="Không có bản quét")
    docs = documents.load([product.pk, plain.pk])
    assert "pages" in docs[product.pk] and "pages" not in docs[plain.pk]


def test_new_ocr_text_reaches_search_through_the_signal():
    """The OCR pipeline writes a page's text and calls ``digitise.signals.text_changed``: the
    products carrying the scan are re-indexed after the commit."""
    product, scan = product_with_scan(PAGES)
    page = scan.pages.get(number=1)
    with committed():
        page.text = page.ocr_text = "Mùa lúa nước ở Sa Thầy"
        page.save()
        text_changed([page])
    [hit] = hits(find("lua nuoc"), "lua nuoc")
    assert hit["id"] == product.pk and str(hit["snippet"]).startswith("Trang 1: ")
    assert find("tổng kết").ids == []  # the page's old text is gone from the index
