"""Upload checks for documents and audio/video: type by content, size limit, clear errors.

An extension alone proves nothing: a file is accepted only when its first bytes carry
the signature of the format its extension names, so an HTML page or an executable
renamed ``.pdf`` or ``.mp3`` is refused. Images are checked by Wagtail itself (Pillow
must decode them) with the same size limit (``WAGTAILIMAGES_MAX_UPLOAD_SIZE``).
"""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtailmedia.forms import BaseMediaForm


def _riff(kind):
    return lambda head: head[:4] == b"RIFF" and head[8:12] == kind


def _ftyp(head):
    return head[4:8] == b"ftyp"


def _ogg(head):
    return head.startswith(b"OggS")


def _matroska(head):
    return head.startswith(b"\x1aE\xdf\xa3")


def _mpeg_audio(head):
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


SIGNATURES = {
    "pdf": lambda head: head.startswith(b"%PDF-"),
    # Scanned pages (digitise/ OCRs them): little- or big-endian TIFF.
    "tif": lambda head: head[:4] in (b"II*\x00", b"MM\x00*"),
    "tiff": lambda head: head[:4] in (b"II*\x00", b"MM\x00*"),
    "wav": _riff(b"WAVE"),
    "avi": _riff(b"AVI "),
    "mp3": _mpeg_audio,
    "aac": lambda head: len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0,
    "flac": lambda head: head.startswith(b"fLaC"),
    "aiff": lambda head: head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"),
    "ogg": _ogg,
    "oga": _ogg,
    "ogv": _ogg,
    "m4a": _ftyp,
    "m4b": _ftyp,
    "mp4": _ftyp,
    "m4v": _ftyp,
    "mov": _ftyp,
    "webm": _matroska,
    "mkv": _matroska,
}
DOCUMENT_EXTENSIONS = ("pdf", "tif", "tiff")
MEDIA_EXTENSIONS = tuple(ext for ext in SIGNATURES if ext not in DOCUMENT_EXTENSIONS)


def check_upload(upload, allowed):
    """Raise ValidationError unless ``upload`` is an allowed type, by content, within the size limit."""
    if upload is None or not hasattr(upload, "read"):
        return upload
    extension = PurePath(upload.name).suffix.lower().lstrip(".")
    if extension not in allowed:
        raise forms.ValidationError(
            _("Không nhận tệp .%(ext)s. Chỉ nhận: %(allowed)s.")
            % {"ext": extension or "?", "allowed": ", ".join(allowed)}
        )
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("Tệp %(size)s, vượt giới hạn %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(position)
    if not SIGNATURES[extension](head):
        raise forms.ValidationError(
            _("Nội dung tệp không phải định dạng .%(ext)s như phần mở rộng của nó; tệp bị từ chối.")
            % {"ext": extension}
        )
    return upload


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        return check_upload(self.cleaned_data.get("file"), DOCUMENT_EXTENSIONS)


class CheckedMediaForm(BaseMediaForm):
    def clean_file(self):
        return check_upload(self.cleaned_data.get("file"), MEDIA_EXTENSIONS)
