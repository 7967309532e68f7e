"""The two metadata formats: oai_dc, and ttnq (every plan field) valid against its schema in the repository."""

import datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from lxml import etree
from wagtail.documents.models import Document

from products.models import ProductAttachment, Topic
from products.site_root import absolute_url
from tests.factories import make_product

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "oai" / "schema" / "ttnq-product-1.0.xsd"
P = "{urn:ttnq:oai:product:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def full_product(db):
    original = make_product(
        title="Tuyên truyền <CEDAW> & quyền phụ nữ",
        summary="Tóm tắt\x0bcó ký tự điều khiển",
        area="I",
        task="3.3",
        format="radio-feature",
        publications=(
            ("radio", datetime.date(2024, 5, 2)),
            ("facebook", datetime.date(2024, 5, 1), "https://facebook.com/x"),
        ),
    )
    original.topics.set(Topic.objects.all()[:2])
    document = Document.objects.create(title="Bản PDF", file=ContentFile(b"%PDF-1.4\n", name="ban.txt"))
    original.attachments = [ProductAttachment(document=document, caption="Toàn văn")]
    original.save_revision().publish()
    make_product(title="Bok", language="bdq", translation_of=original)
    original.refresh_from_db()
    return original


def get_record(client, product, prefix):
    from oai.models import Record

    identifier = Record.objects.get(page_id=product.pk).identifier
    tree = etree.fromstring(
        client.get("/oai/", {"verb": "GetRecord", "metadataPrefix": prefix, "identifier": identifier}).content
    )
    return tree.find(".//{http://www.openarchives.org/OAI/2.0/}metadata")[0]


def test_the_rich_format_carries_every_plan_field_and_validates(client, full_product):
    product = get_record(client, full_product, "ttnq")
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    schema.assertValid(product)
    assert product.findtext(f"{P}title") == full_product.title
    assert product.findtext(f"{P}url") == absolute_url(full_product.get_url())
    assert product.find(f"{P}area").get("code") == "I"
    assert product.find(f"{P}task").get("code") == "3.3"
    assert product.find(f"{P}format").get("code") == "radio-feature"
    assert product.find(f"{P}unit").get("code") == "bao-kon-tum"
    assert [p.get("channel") for p in product.findall(f"{P}publication")] == ["radio", "facebook"]
    assert product.find(f"{P}publication[@channel='facebook']").get("digital") == "true"
    assert product.findtext(f"{P}firstPublished") == "2024-05-01"
    assert product.findtext(f"{P}language") == "vi"
    assert len(product.findall(f"{P}topic")) == 2
    assert [t.get("language") for t in product.findall(f"{P}translation")] == ["bdq"]
    files = product.findall(f"{P}file")
    assert [(f.get("kind"), f.findtext(f"{P}caption")) for f in files] == [("document", "Toàn văn")]
    assert files[0].findtext(f"{P}url").startswith("http")
    assert product.findtext(f"{P}summary") == "Tóm tắtcó ký tự điều khiển"


def test_oai_dc_names_the_product_in_dublin_core(client, full_product):
    dc = get_record(client, full_product, "oai_dc")
    assert dc.findtext(f"{DC}title") == full_product.title
    assert dc.findtext(f"{DC}language") == "vi"
    assert dc.findtext(f"{DC}date") == "2024-05-01"
    assert dc.findtext(f"{DC}creator").startswith("Báo")
    assert any(i.startswith("http") for i in dc.xpath("dc:identifier/text()", namespaces={"dc": DC[1:-1]}))


def test_the_schema_is_served_from_the_repository_file(client, db):
    response = client.get("/oai/schema/ttnq-product-1.0.xsd")
    assert response.status_code == 200
    assert response.content == SCHEMA.read_bytes()
