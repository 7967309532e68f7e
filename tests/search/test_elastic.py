"""The Elasticsearch engine: mapping, analyzers, query bodies, responses; fallback; live tests.

No Elasticsearch server can run on these machines: the live tests at the end run when
ELASTICSEARCH_URL points at a reachable server and are skipped with the reason otherwise
(the server is asked only when they run, never when this module is imported).
"""

import datetime
import logging
import re
import socket

import pytest

import search.indexing
from search.engines.base import EXACT_BONUS, SearchQuery
from search.engines.elastic import ElasticEngine, document_body, index_definition, result_from_response
from search.text import analyze, normalize, prepare
from tests.search.helpers import committed, publish

DEAD_URL = "http://127.0.0.1:9"  # the discard port: nothing listens


def _closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_analyzers_fold_with_the_embedded_engines_table():
    analysis = index_definition("test-archive-products-v1")["settings"]["analysis"]
    folded = analysis["analyzer"]["archive_folded"]
    assert folded == {
        "type": "custom",
        "tokenizer": "whitespace",
        "char_filter": ["archive_fold_marks", "archive_fold_letters"],
    }
    assert analysis["analyzer"]["archive_exact"] == {"type": "custom", "tokenizer": "whitespace"}
    marks = analysis["char_filter"]["archive_fold_marks"]
    mapping = dict(m.split(" => ") for m in analysis["char_filter"]["archive_fold_letters"]["mappings"])

    def es_fold(text):  # what the two char filters do, in order
        return "".join(mapping.get(ch, ch) for ch in re.sub(marks["pattern"], marks["replacement"], text))

    samples = ["Quyền con người ở Đăk Tô", "Bơ̆n ư̆ ŏ ĭ ĕ ă", "Déclaration française", "ꞌBok"]
    for text in samples + [chr(c) for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]]:
        assert es_fold(normalize(text)) == prepare(text), text  # documents carry normalize(text)


def test_mapping_has_an_exact_sub_field_beside_the_folded_one():
    props = index_definition("test-archive-products-v1")["mappings"]["properties"]
    for field in ("title", "body"):
        assert props[field]["analyzer"] == "archive_folded"
        assert props[field]["fields"]["exact"] == {
            "type": "text",
            "analyzer": "archive_exact",
            "index_options": "docs",
        }
    assert props["chars"] == {"type": "text", "analyzer": "archive_exact"}
    for field in ("language", "area", "unit", "format", "channel", "topic", "external_id"):
        assert props[field]["type"] == "keyword"
    assert props["hit"] == {"type": "object", "enabled": False}  # stored, never indexed
    assert props["content"] == {"type": "keyword", "index": False}


def test_document_body_holds_the_embedded_engines_words():
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
        "text": "人人生而自由 l’homme",
        "content": 0xC0FFEE,
    }
    body = document_body(doc, analyze(doc["title"], [doc["text"]]))
    assert body["title"] == "bok bơ̆n ở đăk tô"  # exact; the analyzer folds it
    assert body["body"].split()[-3:] == ["自由", "lhomme", "homme"]  # ICU words, elision split
    assert body["chars"] == "人 人 生 而 自 由"
    assert body["pairs"].startswith("bok_bon bon_o o_dak dak_to ")  # words side by side, folded
    assert body["channel"] == ["radio"] and body["year"] == 2025
    assert body["hit"]["title"] == "’Bok Bơ̆n ở Đăk Tô"  # stored text untouched
    assert body["hit"]["first_published"] == "2025-03-03"
    assert body["content"] == "0000000000c0ffee"  # the hash the repair compares, as for the embedded index


def _body(**kwargs):
    return ElasticEngine(DEAD_URL).request_body(SearchQuery(**kwargs))


def test_query_body_words_chars_filters_bonuses_facets():
    body = _body(q="bán Dak 人人", filters={"area": ["I"], "language": ["vi", "en"]}, reader_language="vi")
    query = body["query"]["bool"]
    title, text = query["must"][0]["bool"]["should"]
    assert title == {"match_phrase": {"title": {"query": "ban", "boost": 5.0}}}
    assert text == {"match_phrase": {"body": {"query": "ban"}}}
    assert {"match_phrase": {"chars": {"query": "人 人"}}} in query["must"]
    assert {"terms": {"area": ["I"]}} in query["filter"]
    assert {"terms": {"language": ["en", "vi"]}} in query["filter"]
    exact = query["should"][0]["constant_score"]
    assert exact["boost"] == EXACT_BONUS  # "bán" typed with marks: the exact form ranks first
    assert {"terms": {"title.exact": ["bán"]}} in exact["filter"]["bool"]["should"]
    assert query["should"][1] == {
        "constant_score": {"filter": {"term": {"pairs": "ban_dak"}}, "boost": 1000.0}
    }
    assert query["should"][-1] == {"term": {"language": {"value": "vi", "boost": 0.001}}}
    for facet in ("language", "area", "year", "unit", "format", "channel"):
        agg = body["aggs"][f"_filter_{facet}"]
        assert agg["filter"] == {"match_all": {}}  # counts within the filtered hits, as the embedded engine
        assert agg["aggs"][facet]["terms"] == {"field": facet, "size": 1000}
    assert body["sort"] == ["_score", {"first_published": {"order": "desc"}}, {"page_id": {"order": "desc"}}]
    assert body["track_total_hits"] is True
    assert "highlight" not in body


def test_query_body_sort_date_paging_and_browse():
    body = _body(q="", sort="relevance", page=3, page_size=10)
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["sort"] == [{"first_published": {"order": "desc"}}, {"page_id": {"order": "desc"}}]
    assert body["from"] == 20 and body["size"] == 10
    assert _body(q="quyen", sort="date")["sort"][0] == {"first_published": {"order": "desc"}}


def test_faceted_search_response_becomes_the_result():
    """What Elasticsearch answers to the faceted search is read back into counts and hits."""
    engine = ElasticEngine(DEAD_URL)
    query = SearchQuery(q="bon", filters={"language": ["bdq"]})
    search = engine.faceted_search(query).build_search()
    payload = {"id": 7, "title": "Bơ̆n", "url": "/bdq/x/", "language": "bdq", "first_published": "2025-03-03"}
    aggregations = {
        f"_filter_{facet}": {"doc_count": 1, facet: {"buckets": [{"key": value, "doc_count": 1}]}}
        for facet, value in [("language", "bdq"), ("area", "III"), ("year", 2025)]
        + [("unit", "bao-kon-tum"), ("format", "news"), ("channel", "radio")]
    }
    raw = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "hits": [{"_id": "7", "_score": 1.0, "_source": {"hit": payload}}],
        },
        "aggregations": aggregations,
    }
    result = result_from_response(search._response_class(search, raw), [])
    assert (result.count, result.ids, result.engine) == (1, [7], "elasticsearch")
    assert result.facets["year"] == {"2025": 1} and result.facets["channel"] == {"radio": 1}
    assert result.hits[0]["first_published"] == datetime.date(2025, 3, 3)
    assert search.to_dict()["query"]["bool"]["filter"] == [{"terms": {"language": ["bdq"]}}]
    assert "post_filter" not in search.to_dict()  # so the facets count within the filter


@pytest.mark.django_db
def test_each_document_is_prepared_once_for_both_engines(monkeypatch, settings):
    written = []

    class Recorder:
        def write(self, pairs, gone):
            written.extend(pairs)

    calls = []
    monkeypatch.setattr(search.indexing, "configured_engine", Recorder)
    monkeypatch.setattr(search.indexing, "analyze", lambda *a: calls.append(a) or analyze(*a))
    page = publish(title="Một lần chuẩn bị Kon Plông")
    assert len(calls) == 1
    assert [doc["page_id"] for doc, _analysis in written] == [page.pk]
    assert written[0][1].title_folded == "mot lan chuan bi kon plong"


@pytest.mark.django_db
def test_unreachable_elasticsearch_falls_back_to_embedded(settings, client, archive, caplog):
    from search import service

    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    service._down_until.clear()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/api/search/", {"q": "quyen con nguoi", "year": "2024"})
    assert response.status_code == 200
    data = response.json()
    assert data["engine"] == "tantivy"
    assert data["count"] == 1
    assert "Elasticsearch" in data["notice"]
    assert any("unreachable: the embedded Tantivy index answers" in r.getMessage() for r in caplog.records)
    html = client.get("/vi/search/", {"q": "quyen"}).content.decode()
    assert "Elasticsearch" in html and 'class="notice"' in html


@pytest.mark.django_db
def test_publishing_with_elasticsearch_down_still_indexes_embedded(settings, caplog):
    from tests.search.helpers import ids

    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    with caplog.at_level(logging.WARNING, logger="search.indexing"), committed():
        page = publish(title="Xuất bản khi Elasticsearch ngừng")
    assert any("Elasticsearch index not updated" in r.getMessage() for r in caplog.records)
    settings.ELASTICSEARCH_URL = ""
    assert page.pk in ids("elasticsearch ngung")


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_same_answers_as_embedded(live_url, settings, archive):
    """The matching and ranking queries against a real server give the embedded engine's answers."""
    from django.core.management import call_command

    from search.engines.tantivy_engine import TantivyEngine

    settings.ELASTICSEARCH_URL = live_url
    call_command("rebuild_archive_index", "--no-progress")
    elastic, local = ElasticEngine(live_url), TantivyEngine()
    for q in [
        "quyen con nguoi",
        "Dak To",
        "bơ̆n",
        "’Bok",
        "人人",
        "ສິດ",
        "droits de l'homme",
        '"con nguoi"',
        "homme",
    ]:
        query = SearchQuery(q=q, page_size=100)
        assert set(elastic.search(query).ids) == set(local.search(query).ids), q
        assert elastic.search(query).facets == local.search(query).facets, q
