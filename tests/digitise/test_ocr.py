"""Scans in, text out: a PDF without text, a TIFF, a mixed PDF; a failing page; the limits."""

import pytest
from pypdf import PdfReader

from digitise import ocr
from digitise.models import Scan, ScanPage
from digitise.pipeline import run_scan
from digitise.tasks import run_again, scan_for
from tests.digitise import scans
from tests.sample_files import pdf_bytes

pytestmark = pytest.mark.django_db


def read(name, data, language="vi"):
    scan = scan_for(document=scans.document(name, data), language=language)
    run_scan(scan.pk)
    scan.refresh_from_db()
    return scan, list(scan.pages.all())


def test_a_pdf_without_a_text_layer_becomes_text_words_and_a_searchable_pdf_a():
    scan, (first,) = read("cong-van.pdf", scans.image_pdf(scans.page(scans.FIRST, scans.SECOND)))
    assert scan.status == Scan.Status.DONE, scan.error
    assert (scan.page_count, scan.pages_done) == (1, 1)
    assert first.status == ScanPage.Status.DONE and first.attempts == 1
    assert scans.has_words(first.text, scans.FIRST) and scans.has_words(first.text, scans.SECOND)
    assert first.text == first.ocr_text
    assert "Quyền" in first.text or "người" in first.text  # Vietnamese letters, not stripped
    # Word boxes in the page image's pixels (300 dpi: the drawn page's size), in reading order.
    assert (first.width, first.height) == (scans.WIDTH, scans.HEIGHT)
    assert all(
        0 <= x0 < x1 <= first.width and 0 <= y0 < y1 <= first.height for x0, y0, x1, y1, _w in first.words
    )
    assert scans.plain(first.words[0][4]) == "quyen"
    assert first.image.name.endswith(".webp") and first.image.storage.exists(first.image.name)
    path = scan.searchable_pdf.path
    assert scans.has_words(scans.pdf_text(path), scans.FIRST)
    metadata = PdfReader(path).xmp_metadata
    assert metadata is not None and "pdfaid" in str(metadata.stream.get_data())
    assert first.seconds > 0


def test_a_two_frame_tiff_gives_two_pages():
    scan, pages = read("ban-tin.tif", scans.tiff(scans.page(scans.FIRST), scans.page(scans.THIRD)))
    assert scan.status == Scan.Status.DONE, scan.error
    assert [p.status for p in pages] == [ScanPage.Status.DONE] * 2
    assert scans.has_words(pages[0].text, scans.FIRST) and not scans.has_words(pages[0].text, scans.THIRD)
    assert scans.has_words(pages[1].text, scans.THIRD)
    assert len(PdfReader(scan.searchable_pdf.path).pages) == 2


def test_a_mixed_pdf_keeps_its_text_layer_and_ocrs_only_the_other_page():
    scan, (text_page, image_page) = read(
        "hon-hop.pdf", scans.mixed_pdf("Bao cao nhan quyen 2024", scans.page(scans.SECOND))
    )
    assert scan.status == Scan.Status.DONE, scan.error
    assert text_page.status == ScanPage.Status.TEXT_LAYER
    assert text_page.text == "Bao cao nhan quyen 2024" and text_page.words == []
    assert image_page.status == ScanPage.Status.DONE and scans.has_words(image_page.text, scans.SECOND)
    pdf = scans.pdf_text(scan.searchable_pdf.path)
    assert "Bao cao nhan quyen 2024" in pdf and scans.has_words(pdf, scans.SECOND)


def test_a_text_pdf_is_not_ocred():
    scan, (only,) = read("van-ban.pdf", pdf_bytes("Ke hoach 2023"))
    assert scan.status == Scan.Status.TEXT_LAYER and only.text == "Ke hoach 2023"
    assert not scan.searchable_pdf


def test_a_failing_page_loses_no_other_and_runs_again_alone(settings):
    small, large = scans.page(scans.FIRST), scans.page(scans.THIRD, size=(scans.WIDTH, 700))
    settings.OCR_MAX_PIXELS = scans.WIDTH * 500
    scan, (first, second) = read("hai-trang.tif", scans.tiff(small, large))
    assert scan.status == Scan.Status.PARTIAL
    assert first.status == ScanPage.Status.DONE and scans.has_words(first.text, scans.FIRST)
    assert second.status == ScanPage.Status.FAILED
    assert "735000" in second.error and "525000" in second.error  # the size and the limit, reported
    # The PDF/A has the page read; an image file's failed page has no original PDF page to keep.
    assert scan.pages_done == 1 and len(PdfReader(scan.searchable_pdf.path).pages) == 1

    settings.OCR_MAX_PIXELS = 10_000_000
    run_again(scan)
    assert Scan.objects.get(pk=scan.pk).status == Scan.Status.QUEUED
    run_scan(scan.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.status == ScanPage.Status.DONE and scans.has_words(second.text, scans.THIRD)
    assert (first.attempts, second.attempts) == (1, 2)  # the page read before was not read again
    assert Scan.objects.get(pk=scan.pk).status == Scan.Status.DONE


def test_the_page_limit_is_reported_and_the_first_pages_read(settings):
    settings.OCR_MAX_PAGES = 1
    scan, pages = read("dai.pdf", scans.image_pdf(scans.page(scans.FIRST), scans.page(scans.THIRD)))
    assert [p.number for p in pages] == [1] and pages[0].status == ScanPage.Status.DONE
    assert scan.status == Scan.Status.PARTIAL and scan.page_count == 2
    assert "vượt giới hạn 1 trang" in scan.error


def test_the_seconds_limit_fails_the_page_with_its_reason(settings):
    settings.OCR_PAGE_SECONDS = 0
    scan, (only,) = read("cham.png", scans.png(scans.page(scans.FIRST)))
    assert scan.status == Scan.Status.FAILED and only.status == ScanPage.Status.FAILED
    assert "0 giây" in only.error


def test_languages_follow_the_product_and_always_include_vietnamese():
    assert ocr.models_for("vi") == "vie"
    assert ocr.models_for("en") == "eng+vie"
    assert ocr.models_for("zh-hans") == "chi_sim+vie"
    assert ocr.models_for("bdq") == ocr.models_for("sed") == "vie"  # Bahnar, Sedang: the Vietnamese model
    models, warnings = ocr.usable_models("khm+vie", installed={"vie"})
    assert models == "vie" and "khm" in warnings[0]


def test_a_missing_model_is_dropped_with_a_warning_on_the_scan():
    scan = scan_for(document=scans.document("a.pdf", scans.image_pdf(scans.page(scans.FIRST))), language="vi")
    Scan.objects.filter(pk=scan.pk).update(languages="xyz+vie")
    run_scan(scan.pk)
    scan.refresh_from_db()
    assert scan.status == Scan.Status.DONE and "«xyz»" in scan.error
