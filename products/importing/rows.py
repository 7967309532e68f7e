"""The pieces of the row form (``forms.ProductRowForm``): what a row is checked against
(``Registers``, read once per import), its columns (``Column``), what it is cleaned to
(``CleanRow``, what the writer takes), the importer's words for text
(NFC, ``text``) and lengths, and the checks of each item of the ``publications`` column,
reporting through ``error(message)``.

The publication rules are the model's (``ProductPublication.rule_errors``), so that a row the
importer accepts is one the editor's form would accept.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext as _

from products.importing.columns import parse_publication_item, split_list
from products.models import Channel, ContentArea, Format, PlanTask, ProductPublication, Topic, Unit
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


# The name in ``CleanRow`` of a column's clean value, where the two differ.
AS_CLEAN_ROW = {
    "area": "area_id",
    "task": "task_id",
    "format": "format_id",
    "unit": "unit_id",
    "topics": "topic_ids",
    "status": "draft",
}


class Cell(BoundField):
    """A column of one row. A row is never rendered: only what cleaning reads is set up (Django's
    BoundField works out ids, labels and help texts for the HTML, a third of a row's time)."""

    def __init__(self, form, field, name):
        self.form, self.field, self.name, self.html_name = form, field, name, name

    @property
    def data(self):
        return self.form.data.get(self.name)


class Column(forms.Field):
    """A column's value as the file gave it; the form's ``clean_<column>`` checks it."""

    bound_field_class = Cell

    def __init__(self):
        super().__init__(required=False, label="")

    def clean(self, value):
        return value


class SharedColumns(dict):
    """A row form's fields, shared by every row's form. Django copies a form's fields for each
    instance in case one form alters them, which here would cost more than the checks; no row's
    form alters its columns."""

    def __deepcopy__(self, memo):
        return self


def text(value):
    """A cell as NFC text ("" when absent)."""
    if value is None:
        return ""
    return nfc(value if isinstance(value, str) else str(value))


class Registers:
    """The registers' codes → ids (and the units' names), read once for a whole import."""

    def __init__(self):
        self.areas = dict(ContentArea.objects.values_list("slug", "pk"))
        self.tasks = dict(PlanTask.objects.values_list("slug", "pk"))
        self.formats = dict(Format.objects.values_list("slug", "pk"))
        self.channels = dict(Channel.objects.values_list("slug", "pk"))
        self.units = dict(Unit.objects.values_list("slug", "pk"))
        self.topics = dict(Topic.objects.values_list("slug", "pk"))
        self.unit_names = dict(Unit.objects.values_list("pk", "name_vi"))

    def no_rights_message(self, unit_id):
        return _("bạn không có quyền nhập sản phẩm vào đơn vị «%(unit)s»") % {
            "unit": self.unit_names.get(unit_id, unit_id)
        }


def parse_date(value):
    """YYYY-MM-DD → date, or None when the text is not a real date in that form."""
    value = str(value or "").strip()
    if not DATE_RE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def publication_items(items, error):
    """The ``publications`` column as a list of items (text or objects); at least one is needed."""
    if isinstance(items, str) or items is None:
        items = split_list(items)
    if not isinstance(items, list):
        error(_("phải là một danh sách lần đăng tải"))
        items = []
    if not items:
        error(_("thiếu lần đăng tải (cần ít nhất một: kênh@YYYY-MM-DD)"))
    return items


def check_publication(item, channels, error):
    """(channel_id, date, url, reference) for a usable item, else None (errors reported)."""
    if not isinstance(item, (dict, str)):
        error(_("lần đăng tải không hợp lệ: %(value)s") % {"value": item})
        return None
    publication = parse_publication_item(item)
    channel = nfc(str(publication["channel"] or "")).strip()
    if not channel:
        error(_("thiếu kênh đăng tải"))
    elif channel not in channels:
        error(_("mã kênh không có trong danh mục: «%(value)s»") % {"value": channel})
    date = parse_date(publication["date"])
    url = nfc(str(publication["url"] or "")).strip()
    reference = nfc(str(publication["reference"] or ""))
    if date is None:
        error(
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
            _("ngày đăng %(date)s ở tương lai; hãy nhập ngày đã đăng tải") % {"date": date.isoformat()},
        )
    if url and ("url" in problems or url.split("://")[0].lower() not in URL_SCHEMES):
        error(_("đường dẫn không hợp lệ: «%(value)s»") % {"value": url})
    if "reference" in problems:
        limit = ProductPublication._meta.get_field("reference").max_length
        error(_("số, kỳ, chương trình dài quá %(max)s ký tự") % {"max": limit})


def too_long(limit, grouped=True):
    """ "Longer than ``limit`` characters" (``grouped``: the limit written 1.000.000)."""
    return _("dài quá %(limit)s ký tự") % {"limit": f"{limit:,}".replace(",", ".") if grouped else limit}


def too_many(limit):
    return _("nhiều quá %(limit)s mục") % {"limit": limit}
