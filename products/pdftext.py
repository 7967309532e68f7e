"""Text of a PDF, for search: ``extract_pdf_text(path_or_file) -> str``.

Never raises on a broken or encrypted PDF: it returns what it could read (maybe "").
The text is NFC-normalised so it matches how the rest of the archive is stored.
"""

import contextlib
import logging

from products.text import nfc

logger = logging.getLogger(__name__)

MAX_CHARS = 2_000_000  # a scanned book can be huge; search does not need more


def extract_pdf_text(path_or_file) -> str:
    """All text pypdf can read from the PDF at ``path_or_file`` (a path, or a binary file object)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    position = None
    if hasattr(path_or_file, "seek"):
        try:
            position = path_or_file.tell()
            path_or_file.seek(0)
        except (OSError, ValueError):
            position = None
    parts, size = [], 0
    try:
        reader = PdfReader(path_or_file)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001 - an encrypted PDF we cannot open has no text for us
                return ""
        for page in reader.pages:
            try:
                text = page.extract_text() or ""
            except Exception:  # noqa: BLE001 - one bad page must not lose the others
                logger.warning("pdftext: could not read a page of %s", path_or_file, exc_info=True)
                continue
            if text:
                parts.append(text)
                size += len(text)
                if size >= MAX_CHARS:
                    break
    except (PdfReadError, OSError, ValueError) as error:
        logger.warning("pdftext: unreadable PDF %s: %s", path_or_file, error)
    finally:
        if position is not None:
            with contextlib.suppress(OSError, ValueError):
                path_or_file.seek(position)
    return nfc("\n".join(parts).replace("\x00", "")[:MAX_CHARS])
