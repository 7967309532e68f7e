"""The exchange columns added for the national database (plan task 5.1).

``search_description``, ``status`` (published | draft), ``body_blocks`` (``products.importing.body``)
and ``attachments`` (``[{"file", "caption", "title"}]``, the ``files`` column with what it
could not say). Each is optional: a file without them imports exactly as before; an absent
``search_description`` leaves a re-imported product's own description alone.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from products.importing.body import clean_blocks
from products.importing.columns import STATUS_DRAFT, STATUS_PUBLISHED
from products.importing.limits import MAX_ITEMS
from products.text import nfc

MAX_SEARCH_DESCRIPTION = 5_000
MAX_CAPTION = 255


@dataclass
class ExchangeFile:
    """A checked file (as ``validation.CleanFile``) with the caption and title the exchange gave
    (None: the file's name, as for the ``files`` column)."""

    path: Path
    kind: str
    name: str
    caption: str | None = None
    title: str | None = None


def parse_structured(value):
    """A list from a JSONL list or from the JSON text of a CSV/XLSX cell; None when it is neither."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    if not isinstance(value, str):
        return None
    try:
        parsed = json.loads(value)
    except (json.JSONDecodeError, RecursionError):
        return None
    return parsed if isinstance(parsed, list) else None


def _structured(raw, name, error):
    items = parse_structured(raw.get(name))
    if items is None:
        error(name, _("cần một danh sách JSON (ví dụ [{…}, {…}])"))
        return []
    return items


def _status(raw, error):
    status = raw.get("status")
    status = status.strip() if isinstance(status, str) else status
    if status in (None, "", STATUS_PUBLISHED):
        return False
    if status == STATUS_DRAFT:
        return True
    error(
        "status",
        _("trạng thái không hợp lệ: «%(value)s» (dùng %(published)s hoặc %(draft)s)")
        % {"value": str(status)[:50], "published": STATUS_PUBLISHED, "draft": STATUS_DRAFT},
    )
    return False


def _search_description(raw, error):
    value = raw.get("search_description")
    if value is None:
        return None
    text = nfc(value if isinstance(value, str) else str(value))
    if len(text) > MAX_SEARCH_DESCRIPTION:
        error("search_description", _("dài quá %(limit)s ký tự") % {"limit": MAX_SEARCH_DESCRIPTION})
    return text


def _attachments(raw, check_file_ref, error):
    items = _structured(raw, "attachments", error)
    if items and raw.get("files") not in (None, "", []):
        error("attachments", _("dùng cột files hoặc attachments, không dùng cả hai"))
        return []
    if len(items) > MAX_ITEMS["files"]:
        error("attachments", _("nhiều quá %(limit)s mục") % {"limit": MAX_ITEMS["files"]})
        return []
    files = []
    for item in items:
        item = item if isinstance(item, dict) else {}
        name, caption, title = item.get("file"), item.get("caption"), item.get("title")
        if not isinstance(name, str) or not name.strip():
            error("attachments", _("mỗi tệp đính kèm cần tên tệp (file)"))
            continue
        if not all(v is None or (isinstance(v, str) and len(v) <= MAX_CAPTION) for v in (caption, title)):
            error("attachments", _("chú thích và tiêu đề phải là văn bản, tối đa 255 ký tự"))
            continue
        checked = check_file_ref(nfc(name), lambda _field, message: error("attachments", message))
        if checked:
            files.append(ExchangeFile(**vars(checked), caption=nfc(caption), title=nfc(title)))
    return files


def _body_blocks(raw, check_file_ref, error):
    items = _structured(raw, "body_blocks", error)
    if items and isinstance(raw.get("body"), str) and raw["body"].strip():
        error("body_blocks", _("dùng cột body hoặc body_blocks, không dùng cả hai"))
        return []

    def check_image(name):
        return check_file_ref(name, lambda _field, message: error("body_blocks", message))

    return clean_blocks(items, check_image, lambda message: error("body_blocks", message))


def clean_exchange_columns(raw, check_file_ref, error):
    """The CleanRow fields of the exchange columns; problems through ``error(field, message)``.

    ``attachments`` is a list of ``ExchangeFile`` to add to the row's files."""
    return {
        "search_description": _search_description(raw, error),
        "draft": _status(raw, error),
        "body_blocks": _body_blocks(raw, check_file_ref, error),
        "attachments": _attachments(raw, check_file_ref, error),
    }


def finish_stored_file(fields, item):
    """The attachment fields of ``Writer._stored_file`` with the exchange's caption and title."""
    if getattr(item, "caption", None) is not None:
        fields["caption"] = item.caption
    title = getattr(item, "title", None)
    stored = fields.get("document") or fields.get("image") or fields.get("media")
    if title and stored.title != title:
        stored.title = title
        stored.save(update_fields=["title"])
    return fields
