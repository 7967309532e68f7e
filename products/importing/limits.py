"""Bounds on what an import file may hold, and the shape every row must have.

A file is refused whole when it is larger than ``PRODUCTS_IMPORT_MAX_BYTES`` or has more than
``PRODUCTS_IMPORT_MAX_ROWS`` rows (both settings). Within it, each row is checked on its own:
a line or cell longer than ``MAX_LINE_BYTES`` is skipped unread, JSON nested deeper than a row
needs is refused, and each field has a length or item limit. Every refusal is a row message;
nothing raises.
"""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_LINE_BYTES = 8 * 1024 * 1024  # one JSONL line or one CSV line
MAX_XLSX_EXPANSION = 20  # an XLSX may unzip to at most this many times the upload limit
MAX_CHARS = {
    "summary": 20_000,
    "body": 1_000_000,
    "body_blocks": 2_000_000,
    "attachments": 100_000,
    "transcript": 1_000_000,
    "translation_of": 100,
}
MAX_ITEMS = {"topics": 50, "publications": 200, "files": 50}
LIST_FIELDS = ("topics", "files")
STRUCTURED_FIELDS = ("body_blocks", "attachments")  # checked item by item by the row form
SCALARS = (str, int, float, bool, type(None))


def max_bytes():
    return settings.PRODUCTS_IMPORT_MAX_BYTES


def max_rows():
    return settings.PRODUCTS_IMPORT_MAX_ROWS


def too_large_message(size):
    return _("Tệp %(size)s, vượt giới hạn %(limit)s.") % {
        "size": filesizeformat(size),
        "limit": filesizeformat(max_bytes()),
    }


def too_many_rows_message():
    return _("Tệp có hơn %(max)s dòng: hãy chia thành nhiều tệp nhỏ hơn.") % {"max": max_rows()}


def line_too_long_message():
    return _("dòng dài quá %(limit)s: không đọc dòng này") % {"limit": filesizeformat(MAX_LINE_BYTES)}


def nested_message():
    return _("giá trị lồng nhau không được nhận (chỉ nhận văn bản, hoặc danh sách văn bản)")


def _is_publication(item):
    return isinstance(item, str) or (
        isinstance(item, dict) and all(isinstance(value, SCALARS) for value in item.values())
    )


def shape_errors(raw):
    """[(field, message)] for values of the wrong shape: only the list fields hold lists, and
    a publication is text or an object of plain values."""
    errors = []
    for name, value in raw.items():
        if isinstance(value, SCALARS):
            continue
        if name in LIST_FIELDS and isinstance(value, list) and all(isinstance(v, SCALARS) for v in value):
            continue
        if name == "publications" and isinstance(value, list) and all(map(_is_publication, value)):
            continue
        if name in STRUCTURED_FIELDS and isinstance(value, list):
            continue
        errors.append((str(name)[:100], nested_message()))
    return errors
