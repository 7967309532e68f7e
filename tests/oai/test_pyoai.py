"""Harvesting with pyoai, the second real client: a full harvest is the public archive, an
incremental one its changes (as ``test_harvest`` does with Sickle).

pyoai 2.5.0 (the last release, 2020) calls ``XPathEvaluator(...).evaluate(expr)``, an alias
of calling the evaluator that lxml deprecated long ago and removed in lxml 5.0 ("AttributeError:
'lxml.etree.XPathElementEvaluator' object has no attribute 'evaluate'"; lxml 4.9.4 works, 5.0.0,
5.4.0 and 6.1.3 fail). The project keeps lxml 6 (python-docx and Sickle use it too, and a
parser of XML fetched from other servers should keep its security fixes), so these tests give
pyoai's two modules an ``etree`` whose evaluators have the alias back, and nothing else changed:
pyoai's own code parses the provider's real answers.
"""

import datetime

import pytest
from lxml import etree
from oaipmh import client as pyoai_client
from oaipmh import metadata as pyoai_metadata
from oaipmh.client import BaseClient
from oaipmh.metadata import MetadataReader, MetadataRegistry, oai_dc_reader

from tests.factories import make_product
from tests.oai.conftest import next_second, page_id, restrict
from tests.oai.test_harvest import archive, public_view  # noqa: F401 - the archive fixture

TTNQ_READER = MetadataReader(
    fields={
        "title": ("textList", "ttnq:product/ttnq:title/text()"),
        "language": ("textList", "ttnq:product/ttnq:language/text()"),
        "area": ("textList", "ttnq:product/ttnq:area/@code"),
    },
    namespaces={"ttnq": "urn:ttnq:oai:product:1.0"},
)


class _Evaluator:
    """lxml's XPathEvaluator with the ``evaluate`` alias lxml 5 removed."""

    def __init__(self, *args, **kwargs):
        self._evaluate = etree.XPathEvaluator(*args, **kwargs)

    def evaluate(self, *args, **kwargs):
        return self._evaluate(*args, **kwargs)

    __call__ = evaluate


class _Etree:
    XPathEvaluator = _Evaluator

    def __getattr__(self, name):
        return getattr(etree, name)


@pytest.fixture(autouse=True)
def lxml_alias(monkeypatch):
    if not hasattr(etree.XPathEvaluator(etree.Element("x")), "evaluate"):
        for module in (pyoai_client, pyoai_metadata):
            monkeypatch.setattr(module, "etree", _Etree())


class DjangoClient(BaseClient):
    """pyoai's client, each request answered by the Django test client (in the test's transaction)."""

    def __init__(self, client):
        registry = MetadataRegistry()
        registry.registerReader("oai_dc", oai_dc_reader)
        registry.registerReader("ttnq", TTNQ_READER)
        super().__init__(registry)
        self.client = client

    def makeRequest(self, **kwargs):
        response = self.client.get("/oai/", kwargs)
        assert response.status_code == 200
        return response.content


def test_a_full_pyoai_harvest_is_the_public_archive(client, archive):  # noqa: F811
    records = list(DjangoClient(client).listRecords(metadataPrefix="ttnq"))

    seen = {
        (page_id(h.identifier()), m["title"][0], m["language"][0], m["area"][0])
        for h, m, _about in records
        if not h.isDeleted()
    }
    assert seen == public_view(archive["public"])
    withdrawn = [(page_id(h.identifier()), m) for h, m, _about in records if h.isDeleted()]
    assert withdrawn == [(archive["secret"].pk, None)]


def test_an_incremental_pyoai_harvest_returns_exactly_the_changes(client, archive):  # noqa: F811
    vi, bdq, radio = archive["public"]
    untouched = make_product(title="Không đổi")
    pyoai = DjangoClient(client)
    next_second()
    identify = pyoai.identify()
    assert identify.granularity() == "YYYY-MM-DDThh:mm:ssZ"
    full = {
        page_id(h.identifier()) for h in pyoai.listIdentifiers(metadataPrefix="oai_dc") if not h.isDeleted()
    }
    assert full == {vi.pk, bdq.pk, radio.pk, untouched.pk}
    next_second()
    since = datetime.datetime.now(datetime.UTC).replace(
        microsecond=0, tzinfo=None
    )  # after every datestamp so far

    vi.title = "Quyền trẻ em (sửa)"
    vi.save_revision().publish()
    bdq.unpublish()
    radio_pk = radio.pk
    radio.delete()
    restrict(untouched)

    changes = {
        page_id(h.identifier()): (h.isDeleted(), m["title"][0] if m else None)
        for h, m, _about in pyoai.listRecords(metadataPrefix="oai_dc", from_=since)
    }
    assert changes == {
        vi.pk: (False, "Quyền trẻ em (sửa)"),
        bdq.pk: (True, None),
        radio_pk: (True, None),
        untouched.pk: (True, None),
    }
