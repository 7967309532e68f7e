"""Readers that stream the rows of a .jsonl, .csv or .xlsx file.

Each reader yields ``(row_number, dict_or_error)``: the row number is what a person
sees (the line of a JSONL file; the spreadsheet row of a CSV/XLSX file, header = 1).
A row that cannot be read at all is yielded as a ``RowReadError``. A file that cannot
be read at all (wrong encoding, not a spreadsheet) raises ``FileReadError``.
Nothing is held in memory beyond the current row.
"""

import csv
import json
import os
import zipfile

from django.utils.translation import gettext as _

from products.importing.limits import MAX_LINE_BYTES, MAX_XLSX_EXPANSION, line_too_long_message, max_bytes
from products.spreadsheets import FORMULA_STARTS

EXTENSIONS = (".jsonl", ".csv", ".xlsx")

csv.field_size_limit(MAX_LINE_BYTES)


class FileReadError(Exception):
    """The whole file is unusable; the message is for the person who supplied it."""


class RowReadError:
    def __init__(self, message):
        self.message = message


def file_format(path):
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in EXTENSIONS:
        raise FileReadError(
            _("Định dạng tệp không được hỗ trợ (%(ext)s): dùng .jsonl, .csv hoặc .xlsx.")
            % {"ext": ext or "?"}
        )
    return ext[1:]


def iter_rows(path):
    kind = file_format(path)
    return {"jsonl": _iter_jsonl, "csv": _iter_csv, "xlsx": _iter_xlsx}[kind](path)


def count_rows(path):
    """A cheap count of data rows, for the progress bar (None when unknown)."""
    kind = file_format(path)
    if kind == "xlsx":
        return None
    count = 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            count += chunk.count(b"\n")
    return max(count - (1 if kind == "csv" else 0), 0)


def bounded_lines(handle, limit=MAX_LINE_BYTES):
    """The lines of a binary file; a line longer than ``limit`` is skipped unread (yielded as
    None) so that one huge line never sits in memory."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _parse_json_line(raw):
    """A row dict, or a RowReadError."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return RowReadError(_("dòng không phải mã UTF-8: hãy lưu tệp với mã hóa UTF-8"))
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return RowReadError(_("JSON không hợp lệ (%(error)s)") % {"error": error.msg})
    except RecursionError:
        return RowReadError(_("JSON lồng nhau quá sâu"))
    if not isinstance(data, dict):
        return RowReadError(_("mỗi dòng phải là một đối tượng JSON"))
    return data


def _iter_jsonl(path):
    with open(path, "rb") as handle:
        for number, raw in enumerate(bounded_lines(handle), start=1):
            if raw is None:
                yield number, RowReadError(line_too_long_message())
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            yield number, _parse_json_line(raw)


# Stands for a CSV line too long to read: the reader sees a row whose first cell is this.
_OVERLONG = "\x01overlong\x01"


def _csv_lines(binary):
    """Decoded lines for the csv module, an over-long line replaced by a marker row."""
    for number, raw in enumerate(bounded_lines(binary), start=1):
        if raw is None:
            yield _OVERLONG + "\n"
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        yield raw.decode("utf-8")


def _csv_records(reader):
    """(row number, values or RowReadError), going on after a malformed record."""
    number = 1  # the header
    while True:
        number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield number, RowReadError(_("dòng CSV hỏng: %(error)s") % {"error": error})
            continue
        if values and values[0] == _OVERLONG:
            yield number, RowReadError(line_too_long_message())
            continue
        yield number, values


def _iter_csv(path):
    with open(path, "rb") as binary:
        reader = csv.reader(_csv_lines(binary))
        try:
            header = next(reader, None)
            if header is None:
                return
            header = [(name or "").strip() for name in header]
            # The row number a spreadsheet shows: header = 1, even if a cell spans lines.
            for number, values in _csv_records(reader):
                if isinstance(values, RowReadError):
                    yield number, values
                elif any(value.strip() for value in values):
                    yield number, dict(zip(header, map(unquote_cell, values), strict=False))
        except UnicodeDecodeError as error:
            raise FileReadError(
                _(
                    "Tệp CSV không phải mã UTF-8 (lỗi ở dòng %(row)s, byte %(position)s): "
                    "hãy mở tệp và lưu lại với mã hóa UTF-8 (CSV UTF-8)."
                )
                % {"row": reader.line_num + 1, "position": error.start}
            ) from error
        except csv.Error as error:
            raise FileReadError(
                _("Tệp CSV hỏng ở dòng %(row)s: %(error)s") % {"row": reader.line_num, "error": error}
            ) from error


def unquote_cell(text):
    """Undo ``safe_cell``: the quote our exports put before text a spreadsheet would run as a
    formula, so that exporting then importing gives the same text. (An XLSX file stores a
    carriage return as a line feed.)"""
    if text[:1] == "'" and text[1:2] and text[1] in (*FORMULA_STARTS, "\n"):
        return text[1:]
    return text


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and callable(value.date):  # datetime from a date-formatted cell
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return unquote_cell(str(value))


def _check_xlsx_expansion(path):
    """An XLSX is a zip: refuse one that would unzip to far more than an upload may hold."""
    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise FileReadError(_("Không đọc được tệp Excel: %(error)s") % {"error": error}) from error
    if unzipped > max_bytes() * MAX_XLSX_EXPANSION:
        raise FileReadError(_("Tệp Excel giải nén ra quá lớn: hãy chia thành nhiều tệp nhỏ hơn."))


def _iter_xlsx(path):
    from openpyxl import load_workbook  # heavy: loaded only when a spreadsheet is read

    _check_xlsx_expansion(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - zipfile/openpyxl raise many kinds
        raise FileReadError(_("Không đọc được tệp Excel: %(error)s") % {"error": error}) from error
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return
        header = [_cell(name).strip() for name in header]
        for number, values in enumerate(rows, start=2):
            values = [_cell(value) for value in values]
            if not any(value.strip() for value in values):
                continue
            yield number, dict(zip(header, values, strict=False))
    finally:
        workbook.close()
