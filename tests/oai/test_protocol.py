"""The six verbs and every error code a bad request earns (OAI-PMH 2.0, section 3.6)."""

import time

import pytest
from django.test import override_settings
from lxml import etree

from oai.models import Record
from tests.factories import make_product
from tests.oai.conftest import restrict

NS = {"o": "http://www.openarchives.org/OAI/2.0/"}


def ask(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    return etree.fromstring(response.content)


def error_code(tree):
    errors = tree.xpath("/o:OAI-PMH/o:error/@code", namespaces=NS)
    return errors[0] if errors else None


@pytest.fixture
def product(db):
    return make_product(title="Quyền phụ nữ", area="II")


def identifier(page):
    return Record.objects.get(page_id=page.pk).identifier


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "ListEverything"}, "badVerb"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-13-01"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01T00:00:00"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2024-01-01",
                "until": "2024-01-01T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-01-02", "until": "2025-01-01"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2999-01-01"}, "noRecordsMatch"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "area:V"}, "noRecordsMatch"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "bad set!"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elsewhere:product-1"},
            "idDoesNotExist",
        ),
        ({"verb": "ListMetadataFormats", "identifier": "oai:nowhere:x"}, "idDoesNotExist"),
    ],
)
def test_bad_requests_earn_their_error_code(client, product, params, code):
    assert error_code(ask(client, **params)) == code


def test_a_repeated_argument_is_a_bad_argument(client, product):
    tree = etree.fromstring(client.get("/oai/?verb=ListSets&verb=ListSets").content)
    assert error_code(tree) == "badVerb"
    tree = etree.fromstring(
        client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc").content
    )
    assert error_code(tree) == "badArgument"


def test_an_error_response_echoes_no_attributes_of_the_bad_request(client, product):
    tree = ask(client, verb="Nope", metadataPrefix="oai_dc")
    assert tree.xpath("/o:OAI-PMH/o:request", namespaces=NS)[0].attrib == {}


def test_identify_declares_persistent_deletions_and_seconds(client, product):
    tree = ask(client, verb="Identify")
    get = lambda name: tree.findtext(f"o:Identify/o:{name}", namespaces=NS)  # noqa: E731
    assert get("protocolVersion") == "2.0"
    assert get("deletedRecord") == "persistent"
    assert get("granularity") == "YYYY-MM-DDThh:mm:ssZ"
    assert get("baseURL").endswith("/oai/")
    assert get("earliestDatestamp") == Record.objects.get().datestamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_get_record_of_a_product_and_of_a_withdrawn_one(client, product):
    tree = ask(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier(product))
    assert tree.findtext(".//{http://purl.org/dc/elements/1.1/}title") == "Quyền phụ nữ"
    restrict(product)
    tree = ask(client, verb="GetRecord", metadataPrefix="ttnq", identifier=identifier(product))
    header = tree.find("o:GetRecord/o:record/o:header", namespaces=NS)
    assert header.get("status") == "deleted"
    assert tree.find("o:GetRecord/o:record/o:metadata", namespaces=NS) is None
    assert "Quyền phụ nữ" not in etree.tostring(tree, encoding="unicode")


def test_a_product_never_public_does_not_exist(client, db):
    draft = make_product(title="Nháp", live=False)
    assert not Record.objects.filter(page_id=draft.pk).exists()
    tree = ask(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=Record.identifier_for(draft.pk))
    assert error_code(tree) == "idDoesNotExist"


def test_list_metadata_formats_of_a_withdrawn_record_has_none(client, product):
    tree = ask(client, verb="ListMetadataFormats", identifier=identifier(product))
    prefixes = tree.xpath("//o:metadataPrefix/text()", namespaces=NS)
    assert prefixes == ["oai_dc", "ttnq"]
    product.unpublish()
    assert (
        error_code(ask(client, verb="ListMetadataFormats", identifier=identifier(product)))
        == "noMetadataFormats"
    )


def test_list_sets_names_areas_units_languages_and_formats(client, product):
    specs = ask(client, verb="ListSets").xpath("//o:setSpec/text()", namespaces=NS)
    for spec in (
        "area",
        "area:I",
        "area:V",
        "unit",
        "unit:bao-kon-tum",
        "language",
        "language:bdq",
        "format",
    ):
        assert spec in specs
    assert "format:article" in specs


@override_settings(OAI_PAGE_SIZE=2)
def test_resumption_tokens_page_with_complete_list_size_and_cursor(client, product):
    for n in range(4):
        make_product(title=f"Sản phẩm {n}")
    tree, seen, cursors = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc"), [], []
    while True:
        seen += tree.xpath("//o:header/o:identifier/text()", namespaces=NS)
        token = tree.find(".//o:resumptionToken", namespaces=NS)
        assert token.get("completeListSize") == "5"
        cursors.append(token.get("cursor"))
        if not token.text:
            break
        assert token.get("expirationDate").endswith("Z")
        tree = ask(client, verb="ListIdentifiers", resumptionToken=token.text)
    assert cursors == ["0", "2", "4"]
    assert sorted(seen) == sorted(Record.objects.values_list("identifier", flat=True)) and len(set(seen)) == 5


@override_settings(OAI_PAGE_SIZE=1, OAI_RESUMPTION_TOKEN_SECONDS=1)
def test_an_expired_or_borrowed_token_is_refused(client, product):
    make_product(title="Thêm")
    token = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc").findtext(
        ".//o:resumptionToken", namespaces=NS
    )
    assert error_code(ask(client, verb="ListRecords", resumptionToken=token)) == "badResumptionToken"
    time.sleep(2.1)
    assert error_code(ask(client, verb="ListIdentifiers", resumptionToken=token)) == "badResumptionToken"


def test_post_is_answered_like_get(client, product):
    tree = etree.fromstring(client.post("/oai/", {"verb": "Identify"}).content)
    assert tree.findtext("o:Identify/o:deletedRecord", namespaces=NS) == "persistent"
