"""The whole road: a scanned PDF attached to a product is OCR'd by its task, and the archive
search then finds a word that is only on the scan, naming its page (no hand-made OCR text)."""

import pytest

from digitise.models import Scan
from digitise.pipeline import run_scan
from products.models import ProductAttachment
from search.service import hits
from tests.digitise import scans
from tests.factories import make_product
from tests.search.helpers import committed, find

pytestmark = pytest.mark.django_db


def test_ocr_of_an_attached_scan_reaches_the_archive_search():
    doc = scans.document("so-bao.pdf", scans.image_pdf(scans.page(scans.FIRST), scans.page(scans.SECOND)))
    with committed():
        product = make_product(title="Số báo in năm 1995", attachments=[ProductAttachment(document=doc)])
    assert find("dak to").ids == []  # "Đăk Tô" is only on the scan's second page, not read yet
    scan = Scan.objects.get(document=doc)
    with committed():
        assert run_scan(scan.pk) == Scan.Status.DONE
    result = find("dak to")  # typed without marks
    assert result.ids == [product.pk]
    [hit] = hits(result, "dak to")
    assert str(hit["snippet"]).startswith("Trang 2: ")
    assert hit["scan_page"]["scan"] == scan.pk and hit["scan_page"]["number"] == 2
