"""Row validation: every row is checked before anything is written.

``Validator.clean(row_number, raw)`` checks one row on its own and returns a
``CleanRow`` or the list of ``RowError``; ``Validator.check_file(path)`` streams the
whole file, adds the checks across rows (duplicate ``external_id``, translations)
and returns a ``Report``. Messages are in Vietnamese, through gettext.
"""

import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from products import languages
from products.importing.columns import parse_publication_item, split_list
from products.importing.html import body_to_html
from products.importing.limits import MAX_ITEMS, length_errors, max_rows, shape_errors, too_many_rows_message
from products.importing.readers import FileReadError, RowReadError, iter_rows
from products.text import nfc

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DOCUMENT_EXTENSIONS = {".pdf"}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
AUDIO_EXTENSIONS = {".mp3", ".wav", ".ogg", ".oga", ".m4a", ".aac", ".flac"}
VIDEO_EXTENSIONS = {".mp4", ".webm", ".mov", ".mkv", ".avi", ".ogv", ".m4v"}
MAX_REPORTED_ERRORS = 10_000


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def __str__(self):
        if self.field:
            return _("Dòng %(row)s, trường «%(field)s»: %(message)s") % {
                "row": self.row,
                "field": self.field,
                "message": self.message,
            }
        return _("Dòng %(row)s: %(message)s") % {"row": self.row, "message": self.message}


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


@dataclass
class Report:
    rows: int = 0
    errors: list = field(default_factory=list)
    error_count: int = 0
    invalid_rows: set = field(default_factory=set)
    fatal: str = ""
    # external_id → translation_of, for rows that translate another product
    translation_map: dict = field(default_factory=dict)

    @property
    def valid_rows(self):
        return self.rows - len(self.invalid_rows)

    @property
    def ok(self):
        return not self.fatal and not self.error_count

    def add(self, error):
        self.error_count += 1
        self.invalid_rows.add(error.row)
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(error)

    def lines(self):
        lines = []
        if self.fatal:
            lines.append(self.fatal)
        lines.extend(str(error) for error in sorted(self.errors, key=lambda e: (e.row, e.field)))
        if self.error_count > len(self.errors):
            lines.append(_("… và %(count)s lỗi khác.") % {"count": self.error_count - len(self.errors)})
        return lines


def _text(raw, name):
    value = raw.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return nfc(value)


def parse_date(value):
    """YYYY-MM-DD → date, or None when the text is not a real date in that form."""
    text = str(value or "").strip()
    if not DATE_RE.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


class Validator:
    def __init__(self, files_dir=None, today=None, rights=None):
        from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit

        self.rights = rights  # products.importing.rights.ImportRights; None: no restriction
        self.unit_names = dict(Unit.objects.values_list("pk", "name_vi"))
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.today = today or timezone.localdate()
        self.areas = dict(ContentArea.objects.values_list("slug", "pk"))
        self.tasks = dict(PlanTask.objects.values_list("slug", "pk"))
        self.formats = dict(Format.objects.values_list("slug", "pk"))
        self.channels = dict(Channel.objects.values_list("slug", "pk"))
        self.units = dict(Unit.objects.values_list("slug", "pk"))
        self.topics = dict(Topic.objects.values_list("slug", "pk"))
        self.url_validator = URLValidator(schemes=["http", "https"])

    # -- one row -------------------------------------------------------------------------

    def clean(self, row_number, raw):  # noqa: C901, PLR0912, PLR0915 - one check per field, in order
        if isinstance(raw, RowReadError):
            return None, [RowError(row_number, "", raw.message)]
        if shape := shape_errors(raw):
            return None, [RowError(row_number, name, message) for name, message in shape]
        errors = []

        def error(name, message):
            errors.append(RowError(row_number, name, message))

        external_id = _text(raw, "external_id").strip()
        if not external_id:
            error("external_id", _("thiếu mã ngoài (external_id)"))
        elif len(external_id) > 100:
            error("external_id", _("mã ngoài dài quá 100 ký tự"))

        title = _text(raw, "title").strip()
        if not title:
            error("title", _("thiếu tiêu đề"))
        elif len(title) > 255:
            error("title", _("tiêu đề dài quá 255 ký tự"))

        language = _text(raw, "language").strip()
        if not language:
            error("language", _("thiếu mã ngôn ngữ"))
        elif language not in languages.BY_CODE:
            error(
                "language",
                _("mã ngôn ngữ không có trong danh mục: «%(value)s» (dùng một trong: %(codes)s)")
                % {"value": language, "codes": ", ".join(languages.CODES)},
            )

        def register(name, mapping, required=True):
            slug = _text(raw, name).strip()
            if not slug:
                if required:
                    error(name, _("thiếu mã (bắt buộc)"))
                return None
            if slug not in mapping:
                error(name, _("mã không có trong danh mục: «%(value)s»") % {"value": slug})
                return None
            return mapping[slug]

        area_id = register("area", self.areas)
        task_id = register("task", self.tasks, required=False)
        format_id = register("format", self.formats)
        unit_id = register("unit", self.units)
        if unit_id is not None and self.rights is not None and not self.rights.may_add(unit_id):
            error("unit", self.no_rights_message(unit_id))

        topic_slugs = split_list(raw.get("topics"))
        topic_ids = []
        for slug in topic_slugs:
            slug = nfc(str(slug)).strip()
            if slug not in self.topics:
                error("topics", _("mã chủ đề không có trong danh mục: «%(value)s»") % {"value": slug})
            elif self.topics[slug] not in topic_ids:
                topic_ids.append(self.topics[slug])

        publications = []
        items = raw.get("publications")
        if isinstance(items, str) or items is None:
            items = split_list(items)
        if not isinstance(items, list):
            error("publications", _("phải là một danh sách lần đăng tải"))
            items = []
        if not items:
            error("publications", _("thiếu lần đăng tải (cần ít nhất một: kênh@YYYY-MM-DD)"))
        for item in items:
            if not isinstance(item, (dict, str)):
                error("publications", _("lần đăng tải không hợp lệ: %(value)s") % {"value": item})
                continue
            publication = parse_publication_item(item)
            channel = nfc(str(publication["channel"] or "")).strip()
            if not channel:
                error("publications", _("thiếu kênh đăng tải"))
            elif channel not in self.channels:
                error("publications", _("mã kênh không có trong danh mục: «%(value)s»") % {"value": channel})
            date = parse_date(publication["date"])
            if date is None:
                error(
                    "publications",
                    _("ngày không hợp lệ: «%(value)s» (cần dạng YYYY-MM-DD, ví dụ 2024-07-30)")
                    % {"value": publication["date"] or ""},
                )
            elif date > self.today:
                error(
                    "publications",
                    _("ngày đăng %(date)s ở tương lai; hãy nhập ngày đã đăng tải")
                    % {"date": date.isoformat()},
                )
            url = nfc(str(publication["url"] or "")).strip()
            if url:
                try:
                    self.url_validator(url)
                    if len(url) > 500:
                        raise ValidationError("too long")
                except ValidationError:
                    error("publications", _("đường dẫn không hợp lệ: «%(value)s»") % {"value": url})
            reference = nfc(str(publication["reference"] or ""))
            if len(reference) > 255:
                error("publications", _("số, kỳ, chương trình dài quá 255 ký tự"))
            if channel in self.channels and date:
                publications.append((self.channels[channel], date, url, reference))

        translation_of = _text(raw, "translation_of").strip()
        if translation_of and translation_of == external_id:
            error("translation_of", _("một sản phẩm không thể là bản dịch của chính nó"))

        file_names = split_list(raw.get("files"))
        for name, message in length_errors(
            raw, {"topics": topic_slugs, "publications": items, "files": file_names}
        ):
            error(name, message)
        files = []
        for name in file_names[: MAX_ITEMS["files"]]:
            checked = self.check_file_ref(nfc(str(name)), error)
            if checked:
                files.append(checked)

        if errors:
            return None, errors
        return (
            CleanRow(
                row=row_number,
                external_id=external_id,
                title=title,
                language=language,
                area_id=area_id,
                task_id=task_id,
                format_id=format_id,
                unit_id=unit_id,
                summary=_text(raw, "summary"),
                body=nfc(body_to_html(raw.get("body"))),
                transcript=_text(raw, "transcript"),
                topic_ids=topic_ids,
                publications=publications,
                translation_of=translation_of,
                files=files,
            ),
            [],
        )

    def no_rights_message(self, unit_id):
        return _("bạn không có quyền nhập sản phẩm vào đơn vị «%(unit)s»") % {
            "unit": self.unit_names.get(unit_id, unit_id)
        }

    def check_file_ref(self, name, error):
        if self.files_dir is None:
            error(
                "files", _("không tìm thấy tệp «%(name)s»: chưa chỉ thư mục tệp (--files)") % {"name": name}
            )
            return None
        path = (self.files_dir / name).resolve()
        if not path.is_relative_to(self.files_dir):
            error("files", _("tệp «%(name)s» nằm ngoài thư mục tệp") % {"name": name})
            return None
        if not path.is_file():
            error("files", _("không tìm thấy tệp «%(name)s»") % {"name": name})
            return None
        ext = path.suffix.lower()
        if ext in DOCUMENT_EXTENSIONS:
            kind = "document"
        elif ext in IMAGE_EXTENSIONS:
            kind = "image"
        elif ext in AUDIO_EXTENSIONS:
            kind = "audio"
        elif ext in VIDEO_EXTENSIONS:
            kind = "video"
        else:
            error(
                "files",
                _("loại tệp không được hỗ trợ: «%(name)s» (chỉ nhận PDF, ảnh, âm thanh, video)")
                % {"name": name},
            )
            return None
        if not self._readable(path, kind):
            error(
                "files", _("không đọc được tệp «%(name)s» (tệp hỏng hoặc không đúng loại)") % {"name": name}
            )
            return None
        return CleanFile(path=path, kind=kind, name=name)

    @staticmethod
    def _readable(path, kind):
        try:
            with open(path, "rb") as handle:
                head = handle.read(8)
                if not head:
                    return False
                if kind == "document":
                    if not head.startswith(b"%PDF-"):
                        return False
                    from pypdf import PdfReader

                    handle.seek(0)
                    return len(PdfReader(handle).pages) >= 0
                if kind == "image":
                    from PIL import Image

                    handle.seek(0)
                    with Image.open(handle) as image:
                        image.verify()
            return True
        except Exception:  # noqa: BLE001 - any failure to read means "unreadable"
            return False

    # -- the whole file ------------------------------------------------------------------

    def check_file(self, path, progress=None):
        """Stream ``path`` once; the report lists every bad row."""
        report = Report()
        seen = {}  # external_id → (row, language)
        pending_existing = []  # (row, external_id, language): does the DB have it in another language?
        try:
            for row_number, raw in iter_rows(path):
                report.rows += 1
                if report.rows > max_rows():
                    report.fatal = too_many_rows_message()
                    return report
                if progress is not None:
                    progress.update(1)
                clean, errors = self.clean(row_number, raw)
                for error in errors:
                    report.add(error)
                has_id = isinstance(raw, dict) and isinstance(raw.get("external_id"), (str, int, float))
                external_id = _text(raw, "external_id").strip() if has_id else ""
                if external_id:
                    if external_id in seen:
                        report.add(
                            RowError(
                                row_number,
                                "external_id",
                                _("mã ngoài «%(value)s» trùng với dòng %(other)s trong tệp")
                                % {"value": external_id, "other": seen[external_id][0]},
                            )
                        )
                        continue
                    seen[external_id] = (row_number, clean.language if clean else None)
                if clean is None:
                    continue
                if clean.translation_of:
                    report.translation_map[clean.external_id] = clean.translation_of
                pending_existing.append((row_number, clean.external_id, clean.language))
                if len(pending_existing) >= 2000:
                    self._check_existing(pending_existing, report)
                    pending_existing = []
        except FileReadError as error:
            report.fatal = str(error)
            return report
        self._check_existing(pending_existing, report)
        self._check_translations(report, seen)
        return report

    def _check_existing(self, rows, report):
        """A product that exists keeps its language (its page lives in that locale), and only
        someone with rights in its unit may overwrite it."""
        from products.models import ProductPage

        if not rows:
            return
        existing = {
            external_id: (language, unit_id)
            for external_id, language, unit_id in ProductPage.objects.filter(
                external_id__in=[r[1] for r in rows]
            ).values_list("external_id", "language", "unit_id")
        }
        for row_number, external_id, language in rows:
            if external_id not in existing:
                continue
            old_language, unit_id = existing[external_id]
            if old_language != language:
                report.add(
                    RowError(
                        row_number,
                        "language",
                        _("sản phẩm «%(id)s» đã có với ngôn ngữ «%(old)s»; không đổi được ngôn ngữ")
                        % {"id": external_id, "old": old_language},
                    )
                )
            if self.rights is not None and unit_id is not None and not self.rights.may_add(unit_id):
                report.add(RowError(row_number, "unit", self.no_rights_message(unit_id)))

    def _check_translations(self, report, seen):  # noqa: C901 - chains, the database, and locales
        """``translation_of`` names a product in the file or the database, in another language;
        one product per language in each translation group."""
        from products.models import ProductPage

        tmap = report.translation_map
        if not tmap:
            return
        outside = {target for target in tmap.values() if target not in seen}
        in_db = {}
        outside_list = list(outside)
        for start in range(0, len(outside_list), 2000):
            chunk = outside_list[start : start + 2000]
            in_db.update(
                (ext, (lang, key))
                for ext, lang, key in ProductPage.objects.filter(external_id__in=chunk).values_list(
                    "external_id", "language", "translation_key"
                )
            )
        group_langs = {}  # root → {language: external_id}
        for external_id, target in tmap.items():
            row_number, language = seen[external_id]
            if target not in seen and target not in in_db:
                report.add(
                    RowError(
                        row_number,
                        "translation_of",
                        _("không tìm thấy sản phẩm gốc «%(value)s» (trong tệp hay trong cơ sở dữ liệu)")
                        % {"value": target},
                    )
                )
                continue
            if target in seen and seen[target][0] in report.invalid_rows and seen[target][0] != row_number:
                report.add(
                    RowError(
                        row_number,
                        "translation_of",
                        _("sản phẩm gốc «%(value)s» (dòng %(other)s) có lỗi")
                        % {"value": target, "other": seen[target][0]},
                    )
                )
                continue
            root, hops = target, 0
            while root in tmap and hops < 100:
                root, hops = tmap[root], hops + 1
            if root == external_id or hops >= 100:
                report.add(RowError(row_number, "translation_of", _("bản dịch tạo thành vòng lặp")))
                continue
            langs = group_langs.setdefault(root, {})
            if not langs:
                root_language = seen[root][1] if root in seen else in_db.get(root, (None,))[0]
                if root_language:
                    langs[root_language] = root
            if language in langs and langs[language] != external_id:
                report.add(
                    RowError(
                        row_number,
                        "translation_of",
                        _("nhóm bản dịch của «%(root)s» đã có bản ngôn ngữ «%(lang)s» (%(other)s)")
                        % {"root": root, "lang": language, "other": langs[language]},
                    )
                )
                continue
            langs[language] = external_id
        # Products already in the database in the same groups.
        db_roots = {root: in_db[root][1] for root in group_langs if root in in_db}
        if db_roots:
            members = ProductPage.objects.filter(translation_key__in=list(db_roots.values())).values_list(
                "translation_key", "language", "external_id"
            )
            by_key = {}
            for key, lang, ext in members:
                by_key.setdefault(key, {})[lang] = ext
            for root, key in db_roots.items():
                for lang, ext in group_langs[root].items():
                    other = by_key.get(key, {}).get(lang)
                    if other and other != ext and ext in seen:
                        report.add(
                            RowError(
                                seen[ext][0],
                                "translation_of",
                                _("nhóm bản dịch của «%(root)s» đã có bản ngôn ngữ «%(lang)s» (%(other)s)")
                                % {"root": root, "lang": lang, "other": other or "?"},
                            )
                        )


def resolve_root(translation_map, external_id):
    """The product at the start of a chain of translations."""
    root, hops = external_id, 0
    while root in translation_map and hops < 100:
        root, hops = translation_map[root], hops + 1
    return root


def files_dir_exists(path):
    return path is None or os.path.isdir(path)
