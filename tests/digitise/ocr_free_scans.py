"""Scans for tests, made as the OCR pipeline leaves them: pages with text, word boxes and an image.

No OCR runs: the words and their positions are known, and the page image is a small real PNG
(Pillow) with a dark block where each word is, so a box drawn from the coordinates can be checked.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

from digitise.models import Scan, ScanPage
from products.models import ProductAttachment
from tests.factories import make_product
from tests.search.helpers import committed

WIDTH, HEIGHT = 400, 300


def words_in_lines(lines, width=WIDTH):
    """[[x0, y0, x1, y1, word], …] for ``lines`` of words set 12 px per letter, 30 px per line."""
    boxes = []
    for row, line in enumerate(lines):
        x = 20
        for word in line.split():
            boxes.append([x, 20 + 30 * row, x + 12 * len(word), 40 + 30 * row, word])
            x += 12 * len(word) + 10
    return boxes


def page_png(boxes, width=WIDTH, height=HEIGHT):
    image = PILImage.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for x0, y0, x1, y1, _word in boxes:
        draw.rectangle([x0, y0, x1, y1], fill=0)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def new_scan_image(title="Báo Kon Tum số 12 năm 1995"):
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(io.BytesIO(page_png([])), name="bao.png"),
        collection=Collection.get_first_root_node(),
    )


def make_scan(pages, file=None, languages="vie"):
    """A Scan of ``file`` (a new image by default) with ``pages``: a list of lists of lines."""
    file = file or new_scan_image()
    field = "image" if isinstance(file, get_image_model()) else "document"
    scan = Scan.objects.create(
        **{field: file}, languages=languages, status=Scan.Status.DONE, page_count=len(pages)
    )
    for number, lines in enumerate(pages, start=1):
        boxes = words_in_lines(lines)
        text = "\n".join(lines)
        page = ScanPage(
            scan=scan,
            number=number,
            status=ScanPage.Status.DONE,
            ocr_text=text,
            text=text,
            words=boxes,
            width=WIDTH,
            height=HEIGHT,
        )
        page.image.save(f"scan-{scan.pk}-{number}.png", ContentFile(page_png(boxes)), save=False)
        page.save()
    return scan


def product_with_scan(pages, live=True, **fields):
    """A product (Báo Kon Tum by default) with a scanned image attached, published and indexed."""
    with committed():
        scan = make_scan(pages)
        product = make_product(attachments=[ProductAttachment(image=scan.image)], live=live, **fields)
    return product, scan
