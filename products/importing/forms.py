"""One product row of an import file, checked in one place: a Django form.

Every column is a field of ``ProductRowForm`` (a ``rows.Column``), and every check of a column is
in its ``clean_<column>``: required, lengths (the model's, so that a row the importer accepts is
one the editor's form would accept), the codes of the registers, dates, web addresses, files, and
text normalised to NFC (``products.text``). The form's errors are the importer's ``RowError``s, in
the order of the columns. The registers are read once per import (``rows.Registers``) and handed
to each row's form. What needs more than one row (an ``external_id`` twice, translations,
products already in the database) is checked by ``validation.Validator`` across the file.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from products import languages
from products.importing.body import clean_blocks
from products.importing.columns import STATUS_DRAFT, STATUS_PUBLISHED, split_list
from products.importing.exchange import ExchangeFile, parse_structured
from products.importing.files import check_file_ref
from products.importing.html import body_to_html
from products.importing.limits import MAX_CHARS, MAX_ITEMS
from products.importing.report import RowError
from products.importing.rows import (
    AS_CLEAN_ROW,
    CleanRow,
    Column,
    SharedColumns,
    check_publication,
    publication_items,
    text,
    too_long,
    too_many,
)
from products.models import ProductPage
from products.text import nfc

MAX_SEARCH_DESCRIPTION = 5_000
MAX_CAPTION = 255
# (missing, too long) of the required text columns; lazy: translated only for a row that needs them
REQUIRED_TEXT = {
    "external_id": (
        gettext_lazy("thiếu mã ngoài (external_id)"),
        gettext_lazy("mã ngoài dài quá %(max)s ký tự"),
    ),
    "title": (gettext_lazy("thiếu tiêu đề"), gettext_lazy("tiêu đề dài quá %(max)s ký tự")),
}


class ProductRowForm(forms.Form):
    """A product row (``columns.COLUMNS``). ``files_dir``: the import's files folder (a resolved
    Path, or None); ``rights``: ``ImportRights`` (None: no restriction)."""

    external_id = Column()
    title = Column()
    language = Column()
    area = Column()
    task = Column()
    format = Column()
    unit = Column()
    summary = Column()
    body = Column()
    transcript = Column()
    topics = Column()
    publications = Column()
    translation_of = Column()
    files = Column()
    search_description = Column()
    status = Column()
    body_blocks = Column()
    attachments = Column()

    def __init__(self, raw, *, registers, files_dir=None, rights=None):
        super().__init__(data=raw, label_suffix="")  # never rendered: no label to translate
        self.registers, self.files_dir, self.rights = registers, files_dir, rights

    def row_errors(self, row_number):
        return [
            RowError(row_number, name, message)
            for name, errors in self.errors.as_data().items()
            for error in errors
            for message in error
        ]

    def clean_row(self, row_number):
        """The ``CleanRow`` of a valid form."""
        values = {AS_CLEAN_ROW.get(name, name): value for name, value in self.cleaned_data.items()}
        values["files"] = values["files"] + values.pop("attachments")
        return CleanRow(row=row_number, **values)

    def _stripped(self, name):
        """Required text no longer than the model's field (the messages: ``REQUIRED_TEXT``)."""
        value = text(self.cleaned_data[name]).strip()
        limit = ProductPage._meta.get_field(name).max_length
        if not value:
            raise ValidationError(REQUIRED_TEXT[name][0])
        if len(value) > limit:
            raise ValidationError(REQUIRED_TEXT[name][1] % {"max": limit})
        return value

    def clean_external_id(self):
        return self._stripped("external_id")

    def clean_title(self):
        return self._stripped("title")

    def _written(self, name):
        """The column as written, unless it is longer than ``limits.MAX_CHARS`` allows."""
        written = self.cleaned_data[name]
        if isinstance(written, str) and len(written) > MAX_CHARS[name]:
            raise ValidationError(too_long(MAX_CHARS[name]))
        return written

    def clean_summary(self):
        return text(self._written("summary"))

    def clean_body(self):
        return nfc(body_to_html(self._written("body")))

    def clean_transcript(self):
        return text(self._written("transcript"))

    def clean_translation_of(self):
        value = text(self.cleaned_data["translation_of"]).strip()
        problems = []
        if value and value == text(self.data.get("external_id")).strip():
            problems.append(_("một sản phẩm không thể là bản dịch của chính nó"))
        written = self.cleaned_data["translation_of"]
        if isinstance(written, str) and len(written) > MAX_CHARS["translation_of"]:
            problems.append(too_long(MAX_CHARS["translation_of"]))
        if problems:
            raise ValidationError(problems)
        return value

    def clean_search_description(self):
        value = self.cleaned_data["search_description"]
        if value is None:
            return None  # no such column: a re-imported product keeps its own description
        value = text(value)
        if len(value) > MAX_SEARCH_DESCRIPTION:
            raise ValidationError(too_long(MAX_SEARCH_DESCRIPTION, grouped=False))
        return value

    def clean_language(self):
        language = text(self.cleaned_data["language"]).strip()
        if not language:
            raise ValidationError(_("thiếu mã ngôn ngữ"))
        if language not in languages.BY_CODE:
            raise ValidationError(
                _("mã ngôn ngữ không có trong danh mục: «%(value)s» (dùng một trong: %(codes)s)")
                % {"value": language, "codes": ", ".join(languages.CODES)}
            )
        return language

    def _code(self, name, register, required=True):
        """The id of the register entry whose code the row names (None: none given)."""
        code = text(self.cleaned_data[name]).strip()
        if not code:
            if required:
                raise ValidationError(_("thiếu mã (bắt buộc)"))
            return None
        if code not in register:
            raise ValidationError(_("mã không có trong danh mục: «%(value)s»") % {"value": code})
        return register[code]

    def clean_area(self):
        return self._code("area", self.registers.areas)

    def clean_task(self):
        return self._code("task", self.registers.tasks, required=False)

    def clean_format(self):
        return self._code("format", self.registers.formats)

    def clean_unit(self):
        unit_id = self._code("unit", self.registers.units)
        if self.rights is not None and not self.rights.may_add(unit_id):
            raise ValidationError(self.registers.no_rights_message(unit_id))
        return unit_id

    def clean_topics(self):
        """The ids of the topics named, without repeats."""
        codes = split_list(self.cleaned_data["topics"])
        ids, problems = [], []
        for code in codes:
            code = nfc(str(code)).strip()
            if code not in self.registers.topics:
                problems.append(_("mã chủ đề không có trong danh mục: «%(value)s»") % {"value": code})
            elif self.registers.topics[code] not in ids:
                ids.append(self.registers.topics[code])
        if len(codes) > MAX_ITEMS["topics"]:
            problems.append(too_many(MAX_ITEMS["topics"]))
        if problems:
            raise ValidationError(problems)
        return ids

    def clean_publications(self):
        """[(channel_id, date, url, reference)]: at least one, each on a known channel."""
        problems = []
        items = publication_items(self.cleaned_data["publications"], problems.append)
        checked = [check_publication(item, self.registers.channels, problems.append) for item in items]
        if len(items) > MAX_ITEMS["publications"]:
            problems.append(too_many(MAX_ITEMS["publications"]))
        if problems:
            raise ValidationError(problems)
        return [publication for publication in checked if publication]

    def clean_status(self):
        """Whether the row is a draft (``status``: published, the default, or draft)."""
        status = self.cleaned_data["status"]
        status = status.strip() if isinstance(status, str) else status
        if status in (None, "", STATUS_PUBLISHED):
            return False
        if status == STATUS_DRAFT:
            return True
        raise ValidationError(
            _("trạng thái không hợp lệ: «%(value)s» (dùng %(published)s hoặc %(draft)s)")
            % {"value": str(status)[:50], "published": STATUS_PUBLISHED, "draft": STATUS_DRAFT}
        )

    def _file(self, name, problems):
        """A ``CleanFile`` for a usable file of the files folder, else None (``problems`` told why)."""
        return check_file_ref(self.files_dir, name, lambda _column, message: problems.append(message))

    def clean_files(self):
        names = split_list(self.cleaned_data["files"])
        problems = [too_many(MAX_ITEMS["files"])] if len(names) > MAX_ITEMS["files"] else []
        checked = [self._file(nfc(str(name)), problems) for name in names[: MAX_ITEMS["files"]]]
        if problems:
            raise ValidationError(problems)
        return checked

    def _structured(self, name):
        """The items of a JSON-list column, after its length (the problems so far, the items)."""
        written = self.cleaned_data[name]
        problems = []
        if isinstance(written, str) and len(written) > MAX_CHARS[name]:
            problems.append(too_long(MAX_CHARS[name]))
        items = parse_structured(written)
        if items is None:
            problems.append(_("cần một danh sách JSON (ví dụ [{…}, {…}])"))
        return problems, items or []

    def clean_body_blocks(self):
        """The ``body_blocks`` column (``products.importing.body``), instead of ``body``."""
        problems, items = self._structured("body_blocks")
        body = self.data.get("body")
        if items and isinstance(body, str) and body.strip():
            problems.append(_("dùng cột body hoặc body_blocks, không dùng cả hai"))
            raise ValidationError(problems)
        blocks = clean_blocks(items, lambda name: self._file(name, problems), problems.append)
        if problems:
            raise ValidationError(problems)
        return blocks

    def clean_attachments(self):
        """[ExchangeFile]: the ``files`` column with captions and titles, instead of ``files``."""
        problems, items = self._structured("attachments")
        checked = []
        if items and self.data.get("files") not in (None, "", []):
            problems.append(_("dùng cột files hoặc attachments, không dùng cả hai"))
        elif len(items) > MAX_ITEMS["files"]:
            problems.append(too_many(MAX_ITEMS["files"]))
        else:
            checked = [self._attachment(item, problems) for item in items]
        if problems:
            raise ValidationError(problems)
        return [item for item in checked if item]

    def _attachment(self, item, problems):
        item = item if isinstance(item, dict) else {}
        name, caption, title = item.get("file"), item.get("caption"), item.get("title")
        if not isinstance(name, str) or not name.strip():
            problems.append(_("mỗi tệp đính kèm cần tên tệp (file)"))
            return None
        if not all(v is None or (isinstance(v, str) and len(v) <= MAX_CAPTION) for v in (caption, title)):
            problems.append(_("chú thích và tiêu đề phải là văn bản, tối đa 255 ký tự"))
            return None
        checked = self._file(nfc(name), problems)
        return checked and ExchangeFile(**vars(checked), caption=nfc(caption), title=nfc(title))


ProductRowForm.base_fields = SharedColumns(ProductRowForm.base_fields)
