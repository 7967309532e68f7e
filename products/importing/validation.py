"""Row validation: every row is checked before anything is written.

``Validator.clean(row_number, raw)`` checks one row on its own and returns a
``CleanRow`` or the list of ``RowError``; ``Validator.check_file(path)`` streams the
whole file, adds the checks across rows (duplicate ``external_id``, translations)
and returns a ``Report``. Messages are in Vietnamese, through gettext. The checks of each
field are in ``rows``, of files in ``files``, of translations in ``translations``.
"""

import os
from pathlib import Path

from django.utils.translation import gettext as _

from products import languages
from products.importing import rows
from products.importing.columns import split_list
from products.importing.exchange import clean_exchange_columns
from products.importing.files import check_file_ref
from products.importing.html import body_to_html
from products.importing.limits import MAX_ITEMS, length_errors, max_rows, shape_errors, too_many_rows_message
from products.importing.readers import FileReadError, RowReadError, iter_rows
from products.importing.report import Report, RowError
from products.importing.rows import CleanRow, parse_date
from products.importing.translations import check_translations, resolve_root
from products.models import Channel, ContentArea, Format, PlanTask, ProductPage, Topic, Unit
from products.text import nfc

__all__ = ["Report", "RowError", "Validator", "files_dir_exists", "parse_date", "resolve_root"]

EXISTING_CHUNK = 2000  # rows whose external_id is looked up in the database at once


class SeenRows:
    """external_id → (row, language) of every row read so far, for the checks across rows.

    One entry per row of the file: each is a single int (the row number and the index of the
    language) rather than a tuple and a string, a third of the memory of a plain dict of
    tuples (about 10 MB less per 100,000 rows)."""

    LANGUAGES = (None, *languages.CODES)  # a row whose language is missing or unknown: None
    _INDEX = {code: index for index, code in enumerate(LANGUAGES)}

    def __init__(self):
        self._rows = {}

    def __contains__(self, external_id):
        return external_id in self._rows

    def __getitem__(self, external_id):
        row, language = divmod(self._rows[external_id], len(self.LANGUAGES))
        return row, self.LANGUAGES[language]

    def __setitem__(self, external_id, row_and_language):
        row, language = row_and_language
        self._rows[external_id] = row * len(self.LANGUAGES) + self._INDEX.get(language, 0)


class Validator:
    def __init__(self, files_dir=None, rights=None):
        self.rights = rights  # products.importing.rights.ImportRights; None: no restriction
        self.unit_names = dict(Unit.objects.values_list("pk", "name_vi"))
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.areas = dict(ContentArea.objects.values_list("slug", "pk"))
        self.tasks = dict(PlanTask.objects.values_list("slug", "pk"))
        self.formats = dict(Format.objects.values_list("slug", "pk"))
        self.channels = dict(Channel.objects.values_list("slug", "pk"))
        self.units = dict(Unit.objects.values_list("slug", "pk"))
        self.topics = dict(Topic.objects.values_list("slug", "pk"))

    # -- one row -------------------------------------------------------------------------

    def clean(self, row_number, raw):
        """(CleanRow, []) for a good row, (None, [RowError, …]) for a bad one."""
        if isinstance(raw, RowReadError):
            return None, [RowError(row_number, "", raw.message)]
        if shape := shape_errors(raw):
            return None, [RowError(row_number, name, message) for name, message in shape]
        errors = []

        def error(name, message):
            errors.append(RowError(row_number, name, message))

        values = self._check_fields(raw, error)
        if errors:
            return None, errors
        return CleanRow(
            row=row_number,
            summary=rows.text(raw, "summary"),
            body=nfc(body_to_html(raw.get("body"))),
            transcript=rows.text(raw, "transcript"),
            **values,
        ), []

    def _check_fields(self, raw, error):
        """The checked values of the row's fields, in the order a person reads them."""
        external_id = rows.check_external_id(raw, error)
        values = {
            "external_id": external_id,
            "title": rows.check_title(raw, error),
            "language": rows.check_language(raw, error),
            "area_id": rows.lookup(raw, "area", self.areas, error),
            "task_id": rows.lookup(raw, "task", self.tasks, error, required=False),
            "format_id": rows.lookup(raw, "format", self.formats, error),
            "unit_id": rows.lookup(raw, "unit", self.units, error),
        }
        unit_id = values["unit_id"]
        if unit_id is not None and self.rights is not None and not self.rights.may_add(unit_id):
            error("unit", self.no_rights_message(unit_id))
        topic_slugs, values["topic_ids"] = rows.check_topics(raw, self.topics, error)
        items = rows.publication_items(raw, error)
        checked = [rows.check_publication(item, self.channels, error) for item in items]
        values["publications"] = [publication for publication in checked if publication]
        translation_of = rows.text(raw, "translation_of").strip()
        if translation_of and translation_of == external_id:
            error("translation_of", _("một sản phẩm không thể là bản dịch của chính nó"))
        values["translation_of"] = translation_of
        file_names = split_list(raw.get("files"))
        for name, message in length_errors(
            raw, {"topics": topic_slugs, "publications": items, "files": file_names}
        ):
            error(name, message)
        checked = [
            check_file_ref(self.files_dir, nfc(str(n)), error) for n in file_names[: MAX_ITEMS["files"]]
        ]
        exchange = clean_exchange_columns(
            raw, lambda name, err: check_file_ref(self.files_dir, name, err), error
        )
        values["files"] = [item for item in checked if item] + exchange.pop("attachments")
        values.update(exchange)
        return values

    def no_rights_message(self, unit_id):
        return _("bạn không có quyền nhập sản phẩm vào đơn vị «%(unit)s»") % {
            "unit": self.unit_names.get(unit_id, unit_id)
        }

    # -- the whole file ------------------------------------------------------------------

    def check_file(self, path, progress=None, keep=None):
        """Stream ``path`` once; the report lists every bad row. ``keep`` (if given) is called
        with each row that passes its own checks (a check across rows may still refuse it)."""
        report = Report()
        seen = SeenRows()
        pending_existing = []  # (row, external_id, language): does the DB have it in another language?
        try:
            for row_number, raw in iter_rows(path):
                report.rows += 1
                if report.rows > max_rows():
                    report.fatal = too_many_rows_message()
                    return report
                if progress is not None:
                    progress.update(1)
                clean = self._check_row(row_number, raw, report, seen)
                if clean is None:
                    continue
                if keep is not None:
                    keep(clean)
                if clean.translation_of:
                    report.translation_map[clean.external_id] = clean.translation_of
                pending_existing.append((row_number, clean.external_id, clean.language))
                if len(pending_existing) >= EXISTING_CHUNK:
                    self._check_existing(pending_existing, report)
                    pending_existing = []
        except FileReadError as error:
            report.fatal = str(error)
            return report
        self._check_existing(pending_existing, report)
        check_translations(report, seen, self.rights, self.unit_names)
        return report

    def _check_row(self, row_number, raw, report, seen):
        """One row in the file: its own checks, and no external_id twice. The CleanRow or None."""
        clean, errors = self.clean(row_number, raw)
        for error in errors:
            report.add(error)
        has_id = isinstance(raw, dict) and isinstance(raw.get("external_id"), (str, int, float))
        external_id = rows.text(raw, "external_id").strip() if has_id else ""
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
                return None
            seen[external_id] = (row_number, clean.language if clean else None)
        return clean

    def _check_existing(self, rows_, report):
        """A product that exists keeps its language (its page lives in that locale), and only
        someone with rights in its unit may overwrite it."""
        if not rows_:
            return
        existing = {
            external_id: (language, unit_id)
            for external_id, language, unit_id in ProductPage.objects.filter(
                external_id__in=[r[1] for r in rows_]
            ).values_list("external_id", "language", "unit_id")
        }
        for row_number, external_id, language in rows_:
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


def files_dir_exists(path):
    return path is None or os.path.isdir(path)
