"""Small scans made by the tests: Vietnamese sentences drawn at 300 dpi with a font of the machine."""

import io
import unicodedata
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model

from tests.sample_files import pdf_bytes

FONT = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"
FIRST = "Quyền con người được tôn trọng"
SECOND = "Đồng bào dân tộc ở Đăk Tô"
THIRD = "Bảo đảm quyền trẻ em"


# Just wide enough for the longest sentence (867 px at 56 px type, from x = 90) with a margin: OCR
# time grows with the pixels, and Tesseract reads the same words on a page without empty space.
WIDTH, HEIGHT = 1050, 340


def page(*lines, size=(WIDTH, HEIGHT)):
    """A white page with ``lines`` in black, 300 dpi (large type: fewer pixels, faster OCR).
    Two lines fit the default height."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 56)
    for n, line in enumerate(lines):
        draw.text((90, 90 + n * 120), line, font=font, fill=0)
    return image


def image_pdf(*pages):
    """A PDF of images only: no text layer."""
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=300, save_all=True, append_images=list(pages[1:]))
    return out.getvalue()


def tiff(*pages):
    out = io.BytesIO()
    pages[0].save(
        out, "TIFF", dpi=(300, 300), compression="tiff_lzw", save_all=True, append_images=list(pages[1:])
    )
    return out.getvalue()


def png(image):
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(300, 300))
    return out.getvalue()


def mixed_pdf(text, image):
    """Page 1 with a text layer (``text``, ASCII), page 2 an image without one."""
    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(pdf_bytes(text))).pages[0])
    writer.add_page(PdfReader(io.BytesIO(image_pdf(image))).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def document(name, data, title=None):
    doc = get_document_model()(title=title or name)
    doc.file.save(name, ContentFile(data), save=False)
    doc.save()
    return doc


def plain(text):
    """Lower case without marks (đ → d): for OCR noise on a diacritic, the words still compared."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_words(text, sentence, at_least=0.75):
    """Whether most of ``sentence``'s words are in ``text`` (ignoring marks)."""
    found = set(plain(text).split())
    words = plain(sentence).split()
    return sum(word in found for word in words) >= at_least * len(words)


def pdf_text(path):
    return "\n".join(p.extract_text() or "" for p in PdfReader(Path(path)).pages)
