"""The files a row names: checked before anything is written, stored when the row is written.

A row names files relative to the import's files folder (``--files``). Each must stay inside
that folder, have a known extension and open as what it claims to be (a PDF that parses, an
image that verifies); it is then stored in Wagtail's documents, images or media.
"""

import os
import uuid
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtailmedia.models import get_media_model

from products.importing.exchange import finish_stored_file
from products.importing.rows import CleanFile
from products.models import ProductAttachment
from products.pdftext import extract_pdf_text

KINDS = {
    **dict.fromkeys([".pdf", ".tif", ".tiff"], "document"),  # TIFF: scans, OCR'd by digitise
    **dict.fromkeys([".jpg", ".jpeg", ".png", ".gif", ".webp"], "image"),
    **dict.fromkeys([".mp3", ".wav", ".ogg", ".oga", ".m4a", ".aac", ".flac"], "audio"),
    **dict.fromkeys([".mp4", ".webm", ".mov", ".mkv", ".avi", ".ogv", ".m4v"], "video"),
}


def check_file_ref(files_dir, name, error):
    """A ``CleanFile`` for a usable file named ``name``, else None (the reason reported)."""
    if files_dir is None:
        error("files", _("không tìm thấy tệp «%(name)s»: chưa chỉ thư mục tệp (--files)") % {"name": name})
        return None
    path = (files_dir / name).resolve()
    if not path.is_relative_to(files_dir):
        error("files", _("tệp «%(name)s» nằm ngoài thư mục tệp") % {"name": name})
        return None
    if not path.is_file():
        error("files", _("không tìm thấy tệp «%(name)s»") % {"name": name})
        return None
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        error(
            "files",
            _("loại tệp không được hỗ trợ: «%(name)s» (chỉ nhận PDF, ảnh, âm thanh, video)") % {"name": name},
        )
        return None
    if not readable(path, kind):
        error("files", _("không đọc được tệp «%(name)s» (tệp hỏng hoặc không đúng loại)") % {"name": name})
        return None
    return CleanFile(path=path, kind=kind, name=name)


def readable(path: Path, kind):
    """Whether the file opens as its kind (audio and video: only that it is not empty)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if not head:
                return False
            if kind == "document" and head[:4] in (b"II*\x00", b"MM\x00*"):  # a TIFF scan
                handle.seek(0)
                with Image.open(handle) as image:
                    image.verify()
            elif kind == "document":
                if not head.startswith(b"%PDF-"):
                    return False
                handle.seek(0)
                from pypdf import PdfReader  # heavy (~20 MB per process): loaded on the first PDF

                return len(PdfReader(handle).pages) >= 0
            if kind == "image":
                handle.seek(0)
                with Image.open(handle) as image:
                    image.verify()
        return True
    except Exception:  # noqa: BLE001 - any failure to read means "unreadable"
        return False


def attach(page_id, files, user, start=0):
    """Store ``files`` and attach them, in order, to the page ``page_id``."""
    return ProductAttachment.objects.bulk_create(
        [
            ProductAttachment(
                page_id=page_id,
                sort_order=order,
                **finish_stored_file(stored_file(item, user), item),
            )
            for order, item in enumerate(files, start=start)
        ]
    )


def _log_created(stored, user):
    """The admin's add view's log entry (its request's uuid: one per file, as one upload each)."""
    log(instance=stored, action="wagtail.create", user=user, uuid=uuid.uuid4(), content_changed=True)


def stored_file(item, user, title=None):
    """Store one file in Wagtail's documents, images or media, as their admin's add views do
    (size and hash set, a ``wagtail.create`` log entry for documents and images; wagtailmedia's
    view logs nothing); the attachment's fields. ``title``: the item's, else the file's name."""
    name = os.path.basename(item.name)
    title = title or getattr(item, "title", None) or name  # an exchange file's attachment has its own
    with open(item.path, "rb") as handle:
        if item.kind == "document":
            document = get_document_model()(title=title, uploaded_by_user=user)
            document.file.save(name, File(handle), save=False)
            document._set_document_file_metadata()
            document.save()
            _log_created(document, user)
            return {
                "document": document,
                "caption": name[:255],
                "extracted_text": extract_pdf_text(item.path),
            }
        if item.kind == "image":
            image = get_image_model()(title=title, uploaded_by_user=user)
            image.file.save(name, ImageFile(handle, name=name), save=False)
            image._set_image_file_metadata()
            image.save()
            _log_created(image, user)
            return {"image": image, "caption": name[:255]}
        media = get_media_model()(title=title, type=item.kind, uploaded_by_user=user)
        media.file.save(name, File(handle), save=False)
        media.save()
        return {"media": media, "caption": name[:255]}
