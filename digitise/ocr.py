"""The OCR itself: which files are scans, their pages as images, Tesseract's words, the PDF/A.

Pure functions on files in a working folder; no database. Tesseract, pdftoppm and OCRmyPDF are
Debian programs run as subprocesses (OCRmyPDF is a Debian Python package, outside the venv),
each with a timeout. A page is OCR'd once: Tesseract writes its hOCR (the words and their
boxes) and a one-page PDF with the text layer in one run; the searchable PDF/A is those pages
(and the original's pages that had text) put together, which OCRmyPDF only converts to PDF/A
(``--skip-text --tesseract-timeout 0``: it OCRs nothing again).
"""

import logging
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from lxml import html as lxml_html
from PIL import Image

from products.text import nfc

logger = logging.getLogger(__name__)

DPI = 300
SCAN_SUFFIXES = {
    ".pdf": "pdf",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
}
# Product language → Tesseract models. Bahnar, Sedang, Jarai and the other ethnic languages of the
# province are written in a Latin script with Vietnamese-like marks: the Vietnamese model reads them.
MODELS = {"vi": ["vie"], "en": ["eng"], "fr": ["fra"], "zh-hans": ["chi_sim"], "lo": ["lao"], "km": ["khm"]}
FALLBACK = "vie"


class PageError(Exception):
    """A page that could not be read, with the reason in the admin's language."""


@dataclass
class PageResult:
    text: str = ""
    words: list = field(default_factory=list)
    width: int = 0
    height: int = 0
    pdf: Path | None = None
    image: Path | None = None
    text_layer: bool = False


def scan_kind(name):
    """``pdf``, ``tiff`` or ``image`` for a file that can be a scan, else None."""
    return SCAN_SUFFIXES.get(Path(name or "").suffix.lower())


def installed_models():
    try:
        out = subprocess.run(  # noqa: S603 - the configured program, fixed arguments
            [settings.OCR_TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.strip() for line in out.splitlines()[1:] if line.strip()}


def models_for(language_code):
    """The Tesseract models for a product language, Vietnamese always among them: ``eng+vie``."""
    return "+".join(dict.fromkeys([*MODELS.get(language_code or "", []), FALLBACK]))


def usable_models(models, installed=None):
    """(``eng+vie``, warnings): ``models`` without those not installed on this machine."""
    installed = installed_models() if installed is None else installed
    kept, warnings = [], []
    for model in models.split("+"):
        if model in installed:
            kept.append(model)
        elif model:
            warnings.append(_("Chưa cài mô hình Tesseract «%(model)s»: bỏ qua.") % {"model": model})
    return "+".join(kept) or FALLBACK, warnings


def count_pages(path, kind):
    if kind == "pdf":
        from pypdf import PdfReader

        return len(PdfReader(path).pages)
    with Image.open(path) as image:
        return getattr(image, "n_frames", 1)


def pdf_page_text(path, number):
    """The text layer of PDF page ``number`` (1-based), NFC; empty when it has none."""
    from pypdf import PdfReader

    try:
        return nfc((PdfReader(path).pages[number - 1].extract_text() or "").strip())
    except Exception:  # noqa: BLE001 - an unreadable text layer is no text layer: OCR the page
        return ""


def _pdf_page_pixels(path, number):
    from pypdf import PdfReader

    box = PdfReader(path).pages[number - 1].mediabox
    return int(float(box.width) * DPI / 72) * int(float(box.height) * DPI / 72)


def _check_pixels(pixels):
    limit = settings.OCR_MAX_PIXELS
    if pixels > limit:
        raise PageError(
            _("Trang quá lớn: %(pixels)s điểm ảnh (giới hạn %(limit)s).") % {"pixels": pixels, "limit": limit}
        )


def _run(command, seconds):
    try:
        return subprocess.run(command, capture_output=True, timeout=seconds, check=True)  # noqa: S603
    except subprocess.TimeoutExpired as error:
        raise PageError(
            _("Quá thời gian cho phép: %(seconds)s giây mỗi trang.") % {"seconds": seconds}
        ) from error
    except subprocess.CalledProcessError as error:
        detail = error.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise PageError(
            _("Chương trình %(name)s báo lỗi: %(detail)s")
            % {"name": Path(command[0]).name, "detail": detail[0]}
        ) from error


def page_image(path, kind, number, folder):
    """Page ``number`` as a PNG at 300 dpi in ``folder`` (the pixel limit checked before rendering)."""
    out = folder / f"page-{number}.png"
    if kind == "pdf":
        _check_pixels(_pdf_page_pixels(path, number))
        prefix = folder / f"render-{number}"
        _run(
            [
                settings.OCR_PDFTOPPM,
                "-r",
                str(DPI),
                "-f",
                str(number),
                "-l",
                str(number),
                "-png",
                "-singlefile",
            ]
            + [str(path), str(prefix)],
            settings.OCR_PAGE_SECONDS,
        )
        Path(f"{prefix}.png").rename(out)
        return out
    try:
        with Image.open(path) as image:
            image.seek(number - 1)
            _check_pixels(image.width * image.height)
            dpi = image.info.get("dpi") or (DPI, DPI)
            image.convert("L" if image.mode in ("1", "L", "I;16") else "RGB").save(
                out, dpi=tuple(round(float(d) or DPI) for d in dpi)
            )
    except PageError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged frame fails its page only
        raise PageError(_("Không đọc được trang: %(error)s") % {"error": error}) from error
    return out


def parse_hocr(markup):
    """(text, words) from Tesseract's hOCR: one line of text per ``ocr_line``, a blank line between
    paragraphs; words ``[x0, y0, x1, y1, "word"]`` in the page image's pixels, NFC."""
    if not markup.strip():
        return "", []
    root = lxml_html.fromstring(markup.encode() if isinstance(markup, str) else markup)
    paragraphs, words = [], []
    for paragraph in root.xpath("//*[contains(@class, 'ocr_par')]"):
        lines = []
        for line in paragraph.xpath(".//*[contains(@class, 'ocr_line') or contains(@class, 'ocrx_line')]"):
            tokens = []
            for span in line.xpath(".//*[contains(@class, 'ocrx_word')]"):
                word = nfc(span.text_content().strip())
                if not word:
                    continue
                box = next(
                    part for part in span.get("title", "").split(";") if part.strip().startswith("bbox")
                )
                words.append([*(int(n) for n in box.split()[1:5]), word])
                tokens.append(word)
            if tokens:
                lines.append(" ".join(tokens))
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs), words


def ocr_page(image_path, languages):
    """Tesseract on one page image: its hOCR parsed and a one-page PDF with the text layer."""
    base = image_path.with_suffix("")
    _run(
        [
            settings.OCR_TESSERACT,
            str(image_path),
            str(base),
            "-l",
            languages,
            "--dpi",
            str(DPI),
            "hocr",
            "pdf",
        ],
        settings.OCR_PAGE_SECONDS,
    )
    text, words = parse_hocr(Path(f"{base}.hocr").read_text(encoding="utf-8"))
    with Image.open(image_path) as image:
        width, height = image.size
    return PageResult(text=text, words=words, width=width, height=height, pdf=Path(f"{base}.pdf"))


def display_image(image_path, out_path, longest=1600):
    """A smaller copy of the page for the public page view (WebP); the words' boxes are scaled by
    the view from ``ScanPage.width``/``height``, which stay those of the OCR'd image."""
    with Image.open(image_path) as image:
        image.thumbnail((longest, longest))
        image.convert("RGB" if image.mode not in ("L", "RGB") else image.mode).save(
            out_path, "WEBP", quality=80
        )
    return out_path


def searchable_pdf(source, kind, page_pdfs, languages, out_path):
    """The PDF/A: per page, Tesseract's page (OCR'd) or the original's (text layer, or failed);
    OCRmyPDF makes it PDF/A without OCRing again. ``page_pdfs``: {number: path or None}."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    original = PdfReader(source) if kind == "pdf" else None
    for number in sorted(page_pdfs):
        if page_pdfs[number]:
            writer.add_page(PdfReader(page_pdfs[number]).pages[0])
        elif original is not None:
            writer.add_page(original.pages[number - 1])
    if not writer.pages:
        return None
    merged = out_path.with_name("merged.pdf")
    with open(merged, "wb") as handle:
        writer.write(handle)
    command = [settings.OCR_OCRMYPDF, "--skip-text", "--tesseract-timeout", "0", "--output-type", "pdfa"]
    command += ["-l", languages, "--quiet", str(merged), str(out_path)]
    _run(command, settings.OCR_PAGE_SECONDS * len(page_pdfs) + 60)
    return out_path


def tools_missing():
    """The OCR programs not found on this machine (the admin and the worker say so)."""
    names = (settings.OCR_TESSERACT, settings.OCR_PDFTOPPM, settings.OCR_OCRMYPDF)
    return [name for name in names if shutil.which(name) is None]
