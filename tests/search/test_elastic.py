"""The Elasticsearch engine: mapping, analyzer, query bodies; fallback when unreachable; live tests.

No Elasticsearch server can run on these machines: the live tests at the end run when
ELASTICSEARCH_URL points at one and are skipped with the reason otherwise.
"""

import datetime
import logging
import os
import socket

import pytest

from search.engines.base import SearchQuery
from search.engines.elastic import ArchiveFacetedSearch, ElasticEngine, document_body, index_definition

DEAD_URL = "http://127.0.0.1:9"  # the discard port: nothing listens


def _closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_index_definition_uses_the_prepared_words_analyzer():
    definition = index_definition("test-archive-products-v1")
    analyzer = definition["settings"]["analysis"]["analyzer"]["archive_prepared"]
    assert analyzer == {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}
    props = definition["mappings"]["properties"]
    for field in ("title_words", "body_words", "chars"):
        assert props[field] == {"type": "text", "analyzer": "archive_prepared"}
    for field in ("language", "area", "unit", "format", "channel", "topic", "external_id"):
        assert props[field]["type"] == "keyword"
    assert props["year"]["type"] == "integer"
    assert props["first_published"]["type"] == "date"


def test_document_body_holds_the_same_prepared_words_as_the_embedded_index():
    doc = {
        "page_id": 1,
        "language": "bdq",
        "area": "III",
        "year": 2025,
        "unit": "bao-kon-tum",
        "format": "radio-feature",
        "channels": ["radio"],
        "topics": [],
        "first_published": datetime.date(2025, 3, 3),
        "title": "’Bok Bơ̆n ở Đăk Tô",
        "url": "/bdq/x/",
        "external_id": "",
        "text": "人人生而自由",
    }
    body = document_body(doc)
    assert body["title_words"] == "bok bon o dak to"
    assert "自由" in body["body_words"].split()
    assert body["chars"] == "人 人 生 而 自 由"
    assert body["channel"] == ["radio"] and body["year"] == 2025
    assert body["title"] == "’Bok Bơ̆n ở Đăk Tô"  # stored text untouched


def _body(**kwargs):
    engine = ElasticEngine(DEAD_URL)
    return engine.request_body(SearchQuery(**kwargs))


def test_query_body_words_chars_filters_facets():
    body = _body(q="Dak To 人人", filters={"area": ["I"], "language": ["vi", "en"]}, reader_language="vi")
    must = body["query"]["bool"]["must"]
    assert {
        "multi_match": {"query": "dak", "fields": ["title_words^5", "body_words"], "type": "phrase"}
    } in must
    assert {"match_phrase": {"chars": "人 人"}} in must
    assert {"terms": {"area": ["I"]}} in body["query"]["bool"]["filter"]
    assert {"terms": {"language": ["en", "vi"]}} in body["query"]["bool"]["filter"]
    assert body["query"]["bool"]["should"] == [{"term": {"language": {"value": "vi", "boost": 0.001}}}]
    for facet in ("language", "area", "year", "unit", "format", "channel"):
        agg = body["aggs"][f"_filter_{facet}"]
        assert agg["filter"] == {"match_all": {}}  # counts within the filtered hits, as the embedded engine
        assert agg["aggs"][facet]["terms"]["field"] == facet
    assert body["sort"][0] == "_score"
    assert body["track_total_hits"] is True
    assert "highlight" not in body


def test_query_body_sort_date_paging_and_browse():
    body = _body(q="", sort="relevance", page=3, page_size=10)
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["sort"] == [{"first_published": {"order": "desc"}}]
    assert body["from"] == 20 and body["size"] == 10
    assert _body(q="quyen", sort="date")["sort"] == [{"first_published": {"order": "desc"}}]


def test_faceted_search_is_an_elasticsearch_dsl_faceted_search():
    from elasticsearch.dsl import FacetedSearch

    assert issubclass(ArchiveFacetedSearch, FacetedSearch)


@pytest.mark.django_db
def test_unreachable_elasticsearch_falls_back_to_embedded(settings, client, archive, caplog):
    from search import service

    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    service._down_until.clear()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/api/search/", {"q": "quyen con nguoi", "year": "2024"})
    assert response.status_code == 200
    data = response.json()
    assert data["engine"] == "database"
    assert data["count"] == 1
    assert "Elasticsearch" in data["notice"]
    assert any("unreachable" in r.getMessage() for r in caplog.records)
    html = client.get("/vi/search/", {"q": "quyen"}).content.decode()
    assert "Elasticsearch" in html and 'class="notice"' in html


@pytest.mark.django_db
def test_publishing_with_elasticsearch_down_still_indexes_embedded(settings, caplog):
    from tests.factories import make_product
    from tests.search.conftest import ids

    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    with caplog.at_level(logging.WARNING, logger="search.indexing"):
        page = make_product(title="Xuất bản khi Elasticsearch ngừng")
    assert any("Elasticsearch index not updated" in r.getMessage() for r in caplog.records)
    settings.ELASTICSEARCH_URL = ""
    assert page.pk in ids("elasticsearch ngung")


LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")


def _live():
    if not LIVE_URL:
        return False
    return ElasticEngine(LIVE_URL).ping()


live = pytest.mark.skipif(
    not _live(), reason="no Elasticsearch server: set ELASTICSEARCH_URL to a reachable server to run these"
)


@live
@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_same_matches_as_embedded(settings, archive):
    """The matching query set of test_matching against a real server gives the same ids."""
    from django.core.management import call_command

    from search.engines.embedded import EmbeddedEngine
    from tests.search.test_matching import test_finds

    settings.ELASTICSEARCH_URL = LIVE_URL
    call_command("rebuild_archive_index", "--no-progress")
    elastic = ElasticEngine(LIVE_URL)
    embedded = EmbeddedEngine.for_connection()
    for params in test_finds.pytestmark[0].args[1]:
        query = SearchQuery(q=params[0], page_size=100)
        assert set(elastic.search(query).ids) == set(embedded.search(query).ids), params[0]
        assert elastic.search(query).facets == embedded.search(query).facets, params[0]
