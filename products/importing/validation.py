"""Row validation: every row is checked before anything is written.

``Validator.clean(row_number, raw)`` checks one row on its own and returns a
``CleanRow`` or the list of ``RowError``; ``Validator.check_file(path)`` streams the
whole file, adds the checks across rows (duplicate ``external_id``, translations)
and returns a ``Report``. Messages are in Vietnamese, through gettext. The checks of a row's
columns are in one form (``forms.ProductRowForm``), of translations in ``translations``.
"""

import os
from pathlib import Path

from django.utils.translation import gettext as _

from products import languages
from products.importing.forms import ProductRowForm
from products.importing.limits import max_rows, shape_errors, too_many_rows_message
from products.importing.readers import FileReadError, RowReadError, iter_rows
from products.importing.report import Report, RowError
from products.importing.rows import Registers, parse_date, text
from products.importing.translations import check_translations, resolve_root
from products.models import ProductPage

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
    """Checks an import file: each row through ``forms.ProductRowForm``, then across rows."""

    def __init__(self, files_dir=None, rights=None):
        self.rights = rights  # products.importing.rights.ImportRights; None: no restriction
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.registers = Registers()

    # -- one row -------------------------------------------------------------------------

    def clean(self, row_number, raw):
        """(CleanRow, []) for a good row, (None, [RowError, …]) for a bad one."""
        if isinstance(raw, RowReadError):
            return None, [RowError(row_number, "", raw.message)]
        if shape := shape_errors(raw):
            return None, [RowError(row_number, name, message) for name, message in shape]
        form = ProductRowForm(raw, registers=self.registers, files_dir=self.files_dir, rights=self.rights)
        if not form.is_valid():
            return None, form.row_errors(row_number)
        return form.clean_row(row_number), []

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
        check_translations(report, seen, self.rights, self.registers.unit_names)
        return report

    def _check_row(self, row_number, raw, report, seen):
        """One row in the file: its own checks, and no external_id twice. The CleanRow or None."""
        clean, errors = self.clean(row_number, raw)
        for error in errors:
            report.add(error)
        has_id = isinstance(raw, dict) and isinstance(raw.get("external_id"), (str, int, float))
        external_id = text(raw["external_id"]).strip() if has_id else ""
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
                report.add(RowError(row_number, "unit", self.registers.no_rights_message(unit_id)))


def files_dir_exists(path):
    return path is None or os.path.isdir(path)
