"""One scan read page by page, each page committed on its own (run by the ``ocr`` task).

A page already read (DONE or TEXT_LAYER) is skipped, so running a scan again, after a killed
worker or the admin's "run again", reads only what is left. A page that fails records its reason
and the others go on; the scan ends PARTIAL. Limits (pages, pixels, seconds) are reported where
they are hit: on the scan for the page count, on the page for the others.
"""

import logging
import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from digitise import ocr
from digitise.models import Scan, ScanPage
from digitise.signals import text_changed
from digitise.storage import ScanStorage

logger = logging.getLogger(__name__)
READ = (ScanPage.Status.DONE, ScanPage.Status.TEXT_LAYER)
FINISHED_FIELDS = ["status", "error", "finished_at", "pages_done", "searchable_pdf", "page_count"]


def page_pdf_name(scan_id, number):
    return f"work/{scan_id}/{number}.pdf"


def _copy_source(scan, folder):
    """The scan's file copied into the working folder (its storage may be remote)."""
    field = scan.document.file if scan.document_id else scan.image.file
    target = folder / f"source{Path(field.name).suffix.lower()}"
    with field.open("rb") as source, open(target, "wb") as out:
        shutil.copyfileobj(source, out)
    return target, ocr.scan_kind(field.name)


def _replace(storage, name, content):
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, content)


def _store_page(page, result, image_path):
    storage = ScanStorage()
    display = ocr.display_image(image_path, image_path.with_suffix(".webp"))
    if page.image:
        page.image.delete(save=False)
    page.image.save(f"{page.scan_id}/{page.number}.webp", ContentFile(display.read_bytes()), save=False)
    _replace(storage, page_pdf_name(page.scan_id, page.number), ContentFile(result.pdf.read_bytes()))


def read_page(page, source, kind, languages, folder):
    """Read one page and save it, whatever happens (the page's error says what did)."""
    started = time.monotonic()
    try:
        text = ocr.pdf_page_text(source, page.number) if kind == "pdf" else ""
        if text:
            page.status, page.words, page.ocr_text = ScanPage.Status.TEXT_LAYER, [], text
        else:
            image_path = ocr.page_image(source, kind, page.number, folder)
            result = ocr.ocr_page(image_path, languages)
            _store_page(page, result, image_path)
            page.status, page.ocr_text, page.words = ScanPage.Status.DONE, result.text, result.words
            page.width, page.height = result.width, result.height
        if not page.corrected:
            page.text = page.ocr_text
        page.error = ""
    except ocr.PageError as error:
        page.status, page.error = ScanPage.Status.FAILED, str(error)
    except Exception as error:  # noqa: BLE001 - one page's failure never loses the others
        logger.exception("OCR of page %s of scan %s failed", page.number, page.scan_id)
        page.status = ScanPage.Status.FAILED
        page.error = _("Lỗi không mong đợi: %(error)s") % {"error": error}
    page.seconds = round(time.monotonic() - started, 2)
    page.attempts += 1
    page.save()


def _ensure_pages(scan, count):
    ScanPage.objects.bulk_create(
        [ScanPage(scan=scan, number=n) for n in range(1, count + 1)], ignore_conflicts=True
    )


def _build_pdf(scan, source, kind, languages, folder):
    """The searchable PDF/A, when at least one page was OCR'd; its failure is the scan's message."""
    numbers = list(scan.pages.values_list("number", "status"))
    if not any(status == ScanPage.Status.DONE for _number, status in numbers):
        return None
    storage = ScanStorage()
    page_pdfs = {}
    for number, status in numbers:
        name = page_pdf_name(scan.pk, number)
        page_pdfs[number] = (
            storage.path(name) if status == ScanPage.Status.DONE and storage.exists(name) else None
        )
    try:
        out = ocr.searchable_pdf(source, kind, page_pdfs, languages, folder / "searchable.pdf")
    except ocr.PageError as error:
        return _("Không tạo được PDF/A: %(error)s") % {"error": error}
    if scan.searchable_pdf:
        scan.searchable_pdf.delete(save=False)
    scan.searchable_pdf.save(f"{scan.pk}.pdf", ContentFile(out.read_bytes()), save=False)
    return None


def _final_status(scan, page_limit_hit):
    statuses = set(scan.pages.values_list("status", flat=True))
    if statuses == {ScanPage.Status.TEXT_LAYER} and not page_limit_hit:
        return Scan.Status.TEXT_LAYER
    if ScanPage.Status.FAILED in statuses or page_limit_hit:
        return Scan.Status.PARTIAL if statuses & set(READ) else Scan.Status.FAILED
    return Scan.Status.DONE


def _progress(scan):
    scan.pages_done = scan.pages.filter(status__in=READ).count()
    Scan.objects.filter(pk=scan.pk).update(pages_done=scan.pages_done)


def run_scan(scan_id):
    """Read what is left of scan ``scan_id``; returns its final status (None: no such scan)."""
    scan = Scan.objects.select_related("document", "image").filter(pk=scan_id).first()
    if scan is None or not (scan.document_id or scan.image_id):
        return None
    Scan.objects.filter(pk=scan.pk).update(status=Scan.Status.RUNNING, started_at=timezone.now())
    languages, messages = ocr.usable_models(scan.languages)
    with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
        folder = Path(tmp)
        try:
            source, kind = _copy_source(scan, folder)
            total = ocr.count_pages(source, kind)
        except Exception as error:  # noqa: BLE001 - an unreadable file fails as a whole, with its reason
            return _finish(scan, Scan.Status.FAILED, [_("Không đọc được tệp: %(error)s") % {"error": error}])
        limit_hit = total > settings.OCR_MAX_PAGES
        if limit_hit:
            messages.append(
                _("Tệp có %(total)s trang, vượt giới hạn %(limit)s trang: chỉ nhận dạng %(limit)s trang đầu.")
                % {"total": total, "limit": settings.OCR_MAX_PAGES}
            )
        scan.page_count = total
        Scan.objects.filter(pk=scan.pk).update(page_count=total)
        _ensure_pages(scan, min(total, settings.OCR_MAX_PAGES))
        for page in scan.pages.filter(status=ScanPage.Status.PENDING):
            read_page(page, source, kind, languages, folder)
            _progress(scan)
        pdf_error = _build_pdf(scan, source, kind, languages, folder)
        if pdf_error:
            messages.append(pdf_error)
        return _finish(scan, _final_status(scan, limit_hit), messages)


def _finish(scan, status, messages):
    """Save the scan's outcome and announce its pages' text (search re-indexes the products
    carrying the file once this commits)."""
    scan.status, scan.error, scan.finished_at = status, "\n".join(messages), timezone.now()
    with transaction.atomic():
        read = list(scan.pages.filter(status__in=READ))
        scan.pages_done = len(read)
        scan.save(update_fields=FINISHED_FIELDS)
        text_changed(read)
    return status
