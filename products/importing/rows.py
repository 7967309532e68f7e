"""The checks of one row's fields, each reporting through ``error(field, message)``.

Lengths and publication rules come from the models (``_meta`` and
``ProductPublication.rule_errors``), so that a row the importer accepts is one the editor's
form would accept; only what is particular to a file (codes of the registers, the written
forms of dates and lists) is checked here.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from products import languages
from products.importing.columns import parse_publication_item, split_list
from products.models import ProductPage, ProductPublication
from products.text import nfc

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL_SCHEMES = ("http", "https")  # narrower than the editor's URLField: files come from outside


@dataclass
class CleanFile:
    path: Path
    kind: str  # document, image, audio, video
    name: str  # as written in the file (relative to --files)


@dataclass
class CleanRow:
    row: int
    external_id: str
    title: str
    language: str
    area_id: int
    task_id: int | None
    format_id: int
    unit_id: int
    summary: str
    body: str
    transcript: str
    topic_ids: list
    publications: list  # [(channel_id, date, url, reference)]
    translation_of: str
    files: list = field(default_factory=list)
    search_description: str | None = None  # None: the file has no such column
    draft: bool = False
    body_blocks: list = field(default_factory=list)


def text(raw, name):
    """The field as NFC text ("" when absent)."""
    value = raw.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return nfc(value)


def parse_date(value):
    """YYYY-MM-DD → date, or None when the text is not a real date in that form."""
    value = str(value or "").strip()
    if not DATE_RE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def max_length(name):
    return ProductPage._meta.get_field(name).max_length


def check_external_id(raw, error):
    external_id = text(raw, "external_id").strip()
    if not external_id:
        error("external_id", _("thiếu mã ngoài (external_id)"))
    elif len(external_id) > max_length("external_id"):
        error("external_id", _("mã ngoài dài quá %(max)s ký tự") % {"max": max_length("external_id")})
    return external_id


def check_title(raw, error):
    title = text(raw, "title").strip()
    if not title:
        error("title", _("thiếu tiêu đề"))
    elif len(title) > max_length("title"):
        error("title", _("tiêu đề dài quá %(max)s ký tự") % {"max": max_length("title")})
    return title


def check_language(raw, error):
    language = text(raw, "language").strip()
    if not language:
        error("language", _("thiếu mã ngôn ngữ"))
    elif language not in languages.BY_CODE:
        error(
            "language",
            _("mã ngôn ngữ không có trong danh mục: «%(value)s» (dùng một trong: %(codes)s)")
            % {"value": language, "codes": ", ".join(languages.CODES)},
        )
    return language


def lookup(raw, name, mapping, error, required=True):
    """The id of the register entry whose code the row names (None: none, or unknown)."""
    slug = text(raw, name).strip()
    if not slug:
        if required:
            error(name, _("thiếu mã (bắt buộc)"))
        return None
    if slug not in mapping:
        error(name, _("mã không có trong danh mục: «%(value)s»") % {"value": slug})
        return None
    return mapping[slug]


def check_topics(raw, topics, error):
    """(the codes as written, the ids of the known ones without repeats)."""
    slugs = split_list(raw.get("topics"))
    ids = []
    for slug in slugs:
        slug = nfc(str(slug)).strip()
        if slug not in topics:
            error("topics", _("mã chủ đề không có trong danh mục: «%(value)s»") % {"value": slug})
        elif topics[slug] not in ids:
            ids.append(topics[slug])
    return slugs, ids


def publication_items(raw, error):
    """The row's publications as a list of items (text or objects); at least one is needed."""
    items = raw.get("publications")
    if isinstance(items, str) or items is None:
        items = split_list(items)
    if not isinstance(items, list):
        error("publications", _("phải là một danh sách lần đăng tải"))
        items = []
    if not items:
        error("publications", _("thiếu lần đăng tải (cần ít nhất một: kênh@YYYY-MM-DD)"))
    return items


def check_publication(item, channels, error):
    """(channel_id, date, url, reference) for a usable item, else None (errors reported)."""
    if not isinstance(item, (dict, str)):
        error("publications", _("lần đăng tải không hợp lệ: %(value)s") % {"value": item})
        return None
    publication = parse_publication_item(item)
    channel = nfc(str(publication["channel"] or "")).strip()
    if not channel:
        error("publications", _("thiếu kênh đăng tải"))
    elif channel not in channels:
        error("publications", _("mã kênh không có trong danh mục: «%(value)s»") % {"value": channel})
    date = parse_date(publication["date"])
    url = nfc(str(publication["url"] or "")).strip()
    reference = nfc(str(publication["reference"] or ""))
    if date is None:
        error(
            "publications",
            _("ngày không hợp lệ: «%(value)s» (cần dạng YYYY-MM-DD, ví dụ 2024-07-30)")
            % {"value": publication["date"] or ""},
        )
    check_publication_rules(date, url, reference, error)
    if channel in channels and date:
        return channels[channel], date, url, reference
    return None


def check_publication_rules(date, url, reference, error):
    """The model's rules for a publication (``ProductPublication.rule_errors``), in the
    importer's words; web addresses must also be http(s)."""
    problems = ProductPublication.rule_errors(date=date, url=url, reference=reference)
    if "date" in problems:
        error(
            "publications",
            _("ngày đăng %(date)s ở tương lai; hãy nhập ngày đã đăng tải") % {"date": date.isoformat()},
        )
    if url and ("url" in problems or url.split("://")[0].lower() not in URL_SCHEMES):
        error("publications", _("đường dẫn không hợp lệ: «%(value)s»") % {"value": url})
    if "reference" in problems:
        limit = ProductPublication._meta.get_field("reference").max_length
        error("publications", _("số, kỳ, chương trình dài quá %(max)s ký tự") % {"max": limit})
