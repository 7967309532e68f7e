"""Reading scans by product: which products carry a scan's file, and the page texts of products.

A scan is keyed by its file (a Wagtail document or image); products attach files through
``ProductAttachment``. The same file attached to a product and its translation belongs to both.
"""

from django.db.models import Q

from digitise.models import Scan, ScanPage
from products.models import ProductAttachment, ProductPage


def _attached_to(scans):
    """ProductAttachment rows that carry one of these scans' files."""
    documents = [s.document_id for s in scans if s.document_id]
    images = [s.image_id for s in scans if s.image_id]
    return ProductAttachment.objects.filter(Q(document_id__in=documents) | Q(image_id__in=images))


def product_ids_for_pages(pages):
    """Ids of every product (any state) whose attachments carry the scans of these pages."""
    scans = Scan.objects.filter(pk__in={page.scan_id for page in pages})
    return sorted(set(_attached_to(list(scans)).values_list("page_id", flat=True)))


def products_of(scan):
    """Every product (any state) that carries this scan's file as an attachment."""
    return ProductPage.objects.filter(pk__in=_attached_to([scan]).values("page_id"))


def scans_of(product):
    """The product's scans, in its attachments' order (scans with at least one page)."""
    attachments = list(product.attachments.all().values_list("document_id", "image_id"))
    if not any(d or i for d, i in attachments):  # most products: one query, none for scans
        return []
    by_file = {}
    for scan in Scan.objects.filter(
        Q(document_id__in=[d for d, _i in attachments if d])
        | Q(image_id__in=[i for _d, i in attachments if i])
    ).select_related("document", "image"):
        by_file[("d", scan.document_id) if scan.document_id else ("i", scan.image_id)] = scan
    ordered = [by_file.get(("d", d) if d else ("i", i)) for d, i in attachments]
    return [scan for scan in ordered if scan is not None and scan.pages.exists()]


def page_texts(product_ids):
    """{product id: [(scan id, page number, text), …]} of the products' attached scans, in the
    attachments' order and page order; pages without text are left out. One query for the
    attachments, one for the pages."""
    rows = list(
        ProductAttachment.objects.filter(page_id__in=list(product_ids))
        .filter(Q(document__scan__isnull=False) | Q(image__scan__isnull=False))
        .order_by("page_id", "sort_order")
        .values_list("page_id", "document__scan", "image__scan")
    )
    scan_ids = {d or i for _p, d, i in rows}
    pages = {}
    for scan_id, number, text in (
        ScanPage.objects.filter(scan_id__in=scan_ids)
        .exclude(text="")
        .order_by("scan_id", "number")
        .values_list("scan_id", "number", "text")
    ):
        pages.setdefault(scan_id, []).append((scan_id, number, text))
    out = {}
    for product_id, document_scan, image_scan in rows:
        out.setdefault(product_id, []).extend(pages.get(document_scan or image_scan, []))
    return out
