"""Records harvested from another instance (``harvesting``) are found beside products, marked.

They are written as ``manage.py harvest_oai`` writes them (a RemoteRecord, then
``remote_records_changed`` in the same transaction; tests/harvesting harvests a real server);
here the search's side: both engines' documents, the page, the API, the repair.
"""

import datetime
import io

import pytest
from django.core.management import call_command

import search.indexing
from harvesting.models import RemoteRecord, Source
from harvesting.signals import remote_records_changed
from search.engines.base import FACETS, SearchQuery
from search.engines.elastic import ElasticEngine, document_body, result_from_response
from search.indexing import repair_index
from search.remote import REMOTE_BASE
from tests.search.helpers import committed, find, ids, publish

pytestmark = pytest.mark.django_db
ORIGINAL = "https://gialai.example.vn/vi/san-pham/quyen-tre-em-o-pleiku/"


def harvested(title="Quyền trẻ em ở Pleiku", **fields):
    """A remote record as a harvest writes it (and announces it), committed."""
    source, _ = Source.objects.get_or_create(base_url="https://gialai.example.vn/oai/", name="Tỉnh Gia Lai")
    values = {
        "url": ORIGINAL,
        "language": "vi",
        "area": "I",
        "unit": "bao-gia-lai",
        "unit_name": "Báo Gia Lai",
        "format": "article",
        "summary": "Bảo vệ quyền trẻ em vùng cao Gia Lai.",
        "first_published": datetime.date(2024, 6, 1),
        "datestamp": datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC),
        **fields,
    }
    with committed():
        record = RemoteRecord.objects.create(
            source=source, identifier=f"oai:gialai:{title}", title=title, **values
        )
        remote_records_changed.send(sender=RemoteRecord, ids=[record.pk])
    return record


def withdraw(record):
    with committed():
        record.deleted = True
        record.save()
        remote_records_changed.send(sender=RemoteRecord, ids=[record.pk])


def test_a_remote_record_is_found_beside_products_with_its_source():
    local = publish(title="Quyền trẻ em ở Kon Tum", area="I")
    record = harvested()

    result = find("quyen tre em")
    assert set(result.ids) == {local.pk, REMOTE_BASE + record.pk}
    by_id = {hit["id"]: hit for hit in result.hits}
    assert by_id[REMOTE_BASE + record.pk]["source"] == "Tỉnh Gia Lai"
    assert by_id[REMOTE_BASE + record.pk]["url"] == ORIGINAL
    assert "source" not in by_id[local.pk]  # the province's own product is not marked
    assert result.facets["area"]["I"] == 2 and result.facets["unit"]["bao-gia-lai"] == 1
    assert ids("Gia Lai vung cao") == {REMOTE_BASE + record.pk}  # its summary and unit are searched


def test_the_page_and_the_api_mark_remote_hits_and_link_the_original(client):
    publish(title="Quyền trẻ em ở Kon Tum", area="I")
    harvested()

    html = client.get("/vi/search/", {"q": "quyen tre em"}).content.decode()
    assert "Bản ghi thu thập từ Tỉnh Gia Lai" in html
    assert f'<a href="{ORIGINAL}" rel="external">' in html
    results = client.get("/api/search/", {"q": "quyen tre em"}).json()["results"]
    assert [(r["source"], r["url"]) for r in results if "source" in r] == [("Tỉnh Gia Lai", ORIGINAL)]
    assert len(results) == 2
    home = client.get("/vi/").content.decode()
    assert "Quyền trẻ em ở Pleiku" not in home  # the portal's own pages never list it


def test_a_withdrawn_record_leaves_the_search():
    record = harvested()
    assert ids("pleiku") == {REMOTE_BASE + record.pk}
    withdraw(record)
    assert ids("pleiku") == set()


def test_the_repair_and_the_rebuild_keep_remote_records():
    record = harvested()
    assert str(repair_index()) == "0 written, 0 removed"  # the repair wants them too
    call_command("rebuild_archive_index", "--no-progress", stdout=io.StringIO())
    assert ids("pleiku") == {REMOTE_BASE + record.pk}


def test_elasticsearch_gets_the_remote_document_and_its_withdrawal(monkeypatch):
    """Contract-tested as the rest of the Elasticsearch engine: what it is sent, what it reads back."""
    written, gone = [], []

    class Recorder:
        def write(self, pairs, gone_ids):
            written.extend(pairs)
            gone.extend(gone_ids)

    monkeypatch.setattr(search.indexing, "configured_engine", Recorder)
    record = harvested()
    [(doc, analysis)] = written
    body = document_body(doc, analysis)
    assert body["page_id"] == REMOTE_BASE + record.pk < 2**31  # an Elasticsearch integer
    assert (body["language"], body["area"], body["unit"], body["year"]) == ("vi", "I", "bao-gia-lai", 2024)
    assert body["hit"]["source"] == "Tỉnh Gia Lai" and body["hit"]["url"] == ORIGINAL
    withdraw(record)
    assert gone == [REMOTE_BASE + record.pk]

    engine = ElasticEngine("http://127.0.0.1:9")
    response = engine.faceted_search(SearchQuery(q="pleiku")).build_search()
    raw = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "hits": [{"_id": str(body["page_id"]), "_score": 1.0, "_source": {"hit": body["hit"]}}],
        },
        "aggregations": {f"_filter_{facet}": {"doc_count": 1, facet: {"buckets": []}} for facet in FACETS},
    }
    result = result_from_response(response._response_class(response, raw), [])
    assert result.hits[0]["source"] == "Tỉnh Gia Lai" and result.hits[0]["url"] == ORIGINAL
