"""A product's body (a StreamField) ⇄ the ``body_blocks`` column of the exchange file.

The column holds the StreamField's own raw blocks, ``{"type", "value", "id"}``, so that block
ids and the stored HTML come back byte for byte; only an image differs: instead of a database
id (meaningless on another server) it names its file in the files folder, with the image's
title, ``{"file": "original_images/anh.png", "title": …, "decorative": …, "alt_text": …}``.
Embeds are their URL; quotes their text and source.

Paragraph HTML from outside is untrusted. HTML that the sanitiser would leave as it is (the
editor's ``<br/>`` read as ``<br>``) is kept byte for byte; anything else is cleaned as the
``body`` column is (``products.importing.html``).
"""

import uuid

import nh3
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from products.importing.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, keep_block_boundaries
from products.text import nfc

BLOCK_TYPES = ("paragraph", "image", "embed", "quote")
MAX_BLOCKS = 500
MAX_BLOCK_ID = 64
MAX_URL = 2000
# The editor marks each block-level element with data-block-key (Draftail's block ids).
PARAGRAPH_ATTRIBUTES = {
    **ALLOWED_ATTRIBUTES,
    **{tag: {"data-block-key"} for tag in ("p", "h2", "h3", "ol", "ul", "li")},
}
_url_validator = URLValidator(schemes=["http", "https"])


def clean_paragraph(html):
    """Sanitised rich-text HTML, block boundaries kept (``keep_block_boundaries``); the input
    itself when it is already in sanitised form."""
    candidate = html.replace("<br/>", "<br>")
    cleaned = nh3.clean(
        keep_block_boundaries(candidate, PARAGRAPH_ATTRIBUTES),
        tags=ALLOWED_TAGS,
        attributes=PARAGRAPH_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return html if cleaned == candidate else cleaned


# -- export -------------------------------------------------------------------------------


def export_blocks(stream_value, file_name):
    """The exchange's blocks for a body; ``file_name(stored)`` names (and collects) an image's file.

    An image block whose image was deleted renders nothing on the site and is left out.
    """
    images = get_image_model().objects
    blocks = []
    for block in stream_value.raw_data:
        block = dict(block)
        if block.get("type") == "image":
            value = block.get("value") or {}
            image = images.filter(pk=value.get("image")).first() if value.get("image") else None
            if image is None or not image.file:
                continue
            block["value"] = {
                "file": file_name(image),
                "title": image.title,
                "decorative": bool(value.get("decorative")),
                "alt_text": value.get("alt_text") or "",
            }
        blocks.append(block)
    return blocks


# -- import: validation -------------------------------------------------------------------


def _text(value):
    return nfc(value) if isinstance(value, str) else None


def _paragraph(value, check_image, error):
    text = _text(value)
    if text is None:
        error(_("đoạn văn phải là văn bản HTML"))
        return None
    return nfc(clean_paragraph(text))


def _image(value, check_image, error):
    value = value if isinstance(value, dict) else {}
    name, title, alt_text = _text(value.get("file")), value.get("title", ""), value.get("alt_text", "")
    decorative = value.get("decorative", False)
    if not name or not name.strip():
        error(_("ảnh cần tên tệp (file) trong thư mục tệp"))
        return None
    if not isinstance(title, str) or len(title) > 255 or not isinstance(alt_text, str):
        error(_("tiêu đề ảnh (tối đa 255 ký tự) và văn bản thay thế phải là văn bản"))
        return None
    if not isinstance(decorative, bool):
        error(_("decorative phải là true hoặc false"))
        return None
    stored = check_image(name)
    if stored is None:
        return None
    if stored.kind != "image":
        error(_("tệp «%(name)s» không phải là ảnh") % {"name": name})
        return None
    return {"file": stored, "title": nfc(title), "decorative": decorative, "alt_text": nfc(alt_text)}


def _embed(value, check_image, error):
    url = _text(value)
    try:
        if not url or len(url) > MAX_URL:
            raise ValidationError("no url")
        _url_validator(url)
    except ValidationError:
        error(_("đường dẫn nhúng không hợp lệ: «%(value)s»") % {"value": str(value)[:200]})
        return None
    return url


def _quote(value, check_image, error):
    value = value if isinstance(value, dict) else {}
    text, source = _text(value.get("text")), value.get("source", "")
    if not text or not text.strip() or not isinstance(source, str):
        error(_("trích dẫn cần nội dung (text) và nguồn (source) là văn bản"))
        return None
    return {"text": text, "source": nfc(source)}


CLEANERS = {"paragraph": _paragraph, "image": _image, "embed": _embed, "quote": _quote}


def clean_blocks(items, check_image, error):
    """The blocks of ``body_blocks``, checked: each ``{"type", "value", "id"}`` with an image's
    file as a ``CleanFile``. ``check_image(name)`` checks a file reference and reports its own
    errors; ``error(message)`` reports the others."""
    if len(items) > MAX_BLOCKS:
        error(_("nhiều quá %(limit)s khối") % {"limit": MAX_BLOCKS})
        return []
    blocks = []
    for number, item in enumerate(items, start=1):
        kind = item.get("type") if isinstance(item, dict) else None
        if kind not in CLEANERS:
            error(
                _("khối %(number)s: loại khối không hợp lệ «%(value)s» (dùng %(types)s)")
                % {"number": number, "value": str(kind)[:50], "types": ", ".join(BLOCK_TYPES)}
            )
            continue

        def block_error(message, number=number, kind=kind):
            error(
                _("khối %(number)s (%(type)s): %(message)s")
                % {"number": number, "type": kind, "message": message}
            )

        value = CLEANERS[kind](item.get("value"), check_image, block_error)
        block_id = item.get("id")
        if not isinstance(block_id, str) or not block_id or len(block_id) > MAX_BLOCK_ID:
            block_id = str(uuid.uuid4())
        if value is not None:
            blocks.append({"type": kind, "value": value, "id": block_id})
    return blocks


# -- import: writing ----------------------------------------------------------------------


def _jsonb_order(data):
    """``data`` with its keys in the order PostgreSQL's jsonb keeps them (shorter first, then by
    bytes). The first revision is serialised from these dicts while the page reads its body back
    from the database: in this order both hold the same text on PostgreSQL as on SQLite."""
    return {key: data[key] for key in sorted(data, key=lambda key: (len(key.encode()), key.encode()))}


def stream_data(row, store_file):
    """The raw StreamField data of a clean row: its blocks, or its ``body`` HTML as one paragraph.

    ``store_file(clean_file, title)`` stores a file and returns the attachment fields
    (``Writer._stored_file``); an image block's image is stored that way, with its title.
    """
    if not row.body_blocks:
        return (
            [_jsonb_order({"type": "paragraph", "value": row.body, "id": str(uuid.uuid4())})]
            if row.body
            else []
        )
    data = []
    for block in row.body_blocks:
        value = block["value"]
        if block["type"] == "image":
            image = store_file(value["file"], value["title"] or None)["image"]
            value = {"image": image.pk, "decorative": value["decorative"], "alt_text": value["alt_text"]}
        if isinstance(value, dict):
            value = _jsonb_order(value)
        data.append(_jsonb_order({"type": block["type"], "value": value, "id": block["id"]}))
    return data
