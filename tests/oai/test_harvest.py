"""Harvesting with real clients: a full harvest is the public archive, an incremental one its changes."""

import datetime

import pytest
from lxml import etree

from tests.factories import make_product
from tests.oai.conftest import RoutedSickle, next_second, page_id, restrict

DC = "{http://purl.org/dc/elements/1.1/}"
P = "{urn:ttnq:oai:product:1.0}"


@pytest.fixture
def archive(db):
    vi = make_product(title="Quyền trẻ em", area="I", summary="Tóm tắt")
    bdq = make_product(title="Hơ̆k 'Bok ŭnh", language="bdq", area="III", translation_of=vi)
    radio = make_product(title="Phóng sự phát thanh", area="II", unit="dai-ptth-kon-tum")
    draft = make_product(title="Bản nháp chưa đăng", live=False)
    secret = make_product(title="Bí mật", area="IV")
    restrict(secret)
    return {"public": [vi, bdq, radio], "draft": draft, "secret": secret}


def public_view(products):
    return {(p.pk, p.title, p.language, p.area.slug) for p in products}


def test_a_full_sickle_harvest_is_the_public_archive(sickle, archive):
    records = list(sickle.ListRecords(metadataPrefix="ttnq", ignore_deleted=False))

    live = [r for r in records if not r.deleted]
    seen = set()
    for record in live:
        product = record.xml.find(f".//{P}product")
        seen.add(
            (
                page_id(record.header.identifier),
                product.findtext(f"{P}title"),
                product.findtext(f"{P}language"),
                product.find(f"{P}area").get("code"),
            )
        )
    assert seen == public_view(archive["public"])
    withdrawn = [r for r in records if r.deleted]
    assert [page_id(r.header.identifier) for r in withdrawn] == [archive["secret"].pk]
    assert withdrawn[0].xml.find(".//{http://www.openarchives.org/OAI/2.0/}metadata") is None
    assert archive["draft"].pk not in {page_id(r.header.identifier) for r in records}


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_full_oai_dc_harvest_carries_titles_and_languages(client, archive, method):
    sickle = RoutedSickle(client, http_method=method)
    records = [r for r in sickle.ListRecords(metadataPrefix="oai_dc") if not r.deleted]
    seen = {
        (page_id(r.header.identifier), r.metadata["title"][0], r.metadata["language"][0]) for r in records
    }
    assert seen == {(p.pk, p.title, p.language) for p in archive["public"]}


def test_an_incremental_harvest_returns_exactly_the_changes(sickle, archive):
    vi, bdq, radio = archive["public"]
    untouched = make_product(title="Không đổi")
    next_second()
    full = sickle.ListIdentifiers(metadataPrefix="oai_dc")
    last = etree.fromstring(full.oai_response.raw.encode()).findtext(
        "{http://www.openarchives.org/OAI/2.0/}responseDate"
    )
    assert {page_id(h.identifier) for h in full if not h.deleted} == {vi.pk, bdq.pk, radio.pk, untouched.pk}
    next_second()

    vi.title = "Quyền trẻ em (sửa)"
    vi.save_revision().publish()
    bdq.unpublish()
    radio_pk = radio.pk
    radio.delete()
    restrict(untouched)
    draft = archive["draft"]
    draft.title = "Bản nháp sửa"
    draft.save_revision()  # a draft: nothing a harvester sees

    changes = {
        page_id(r.header.identifier): (r.deleted, r.metadata["title"][0] if not r.deleted else None)
        for r in sickle.ListRecords(**{"metadataPrefix": "oai_dc", "from": last, "ignore_deleted": False})
    }
    assert changes == {
        vi.pk: (False, "Quyền trẻ em (sửa)"),
        bdq.pk: (True, None),
        radio_pk: (True, None),
        untouched.pk: (True, None),
    }
    stamp = datetime.datetime.fromisoformat(last.replace("Z", "+00:00"))
    assert stamp.microsecond == 0
