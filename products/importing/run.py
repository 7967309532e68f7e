"""Import a file of products: validate every row, then write (unless told not to)."""

import logging
import os
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from tqdm import tqdm

from products.importing.limits import max_bytes, too_large_message
from products.importing.readers import FileReadError, count_rows, file_format
from products.importing.rights import ImportRights
from products.importing.spool import CleanRowSpool
from products.importing.validation import Report, Validator
from products.importing.writer import Writer

logger = logging.getLogger(__name__)
BATCH_SIZE = 1000


@dataclass
class ImportResult:
    report: Report
    dry_run: bool = False
    written: bool = False
    created: int = 0
    updated: int = 0
    skipped: int = 0
    index_seconds: float = 0.0
    page_ids: list = field(default_factory=list)

    @property
    def ok(self):
        return self.report.ok

    def summary(self):
        report = self.report
        if report.fatal:
            return _("Không nhập được: %(reason)s") % {"reason": report.fatal}
        if self.written:
            return _(
                "Đã nhập %(rows)s dòng: %(created)s sản phẩm mới, %(updated)s sản phẩm cập nhật, "
                "%(skipped)s dòng lỗi bị bỏ qua."
            ) % {
                "rows": self.created + self.updated,
                "created": self.created,
                "updated": self.updated,
                "skipped": self.skipped,
            }
        if report.error_count:
            return _("%(rows)s dòng, %(bad)s dòng có lỗi (%(errors)s lỗi): chưa nhập gì.") % {
                "rows": report.rows,
                "bad": len(report.invalid_rows),
                "errors": report.error_count,
            }
        return _("%(rows)s dòng hợp lệ; chạy thử: chưa nhập gì.") % {"rows": report.rows}


def _bar(enabled, total, desc):
    if not enabled:
        return None
    return tqdm(total=total, desc=desc, unit=_("dòng"), disable=None, dynamic_ncols=True)


def run_import(
    path,
    *,
    files_dir=None,
    dry_run=False,
    as_draft=False,
    skip_invalid=False,
    user=None,
    source_name=None,
    progress=False,
    batch_size=BATCH_SIZE,
):
    """Validate ``path``; write it if it is clean (or, with ``skip_invalid``, its clean rows).

    ``user`` imports with their rights (``None``: the system, every unit, published);
    ``source_name`` is the file's name as logged (default: the name of ``path``).
    """
    rights = ImportRights(user)
    validator = Validator(files_dir=files_dir, rights=rights)
    refused, total = _refusal(path, progress)
    if refused is not None:
        return ImportResult(report=refused, dry_run=dry_run)
    with CleanRowSpool() as spool:
        report = _validate(validator, path, _bar(progress, total, _("Kiểm tra")), None if dry_run else spool)
        result = ImportResult(report=report, dry_run=dry_run)
        if report.fatal or dry_run or (report.error_count and not skip_invalid):
            return result
        writer = Writer(
            translation_map=report.translation_map,
            as_draft=as_draft,
            user=user,
            rights=rights,
            source_name=source_name or os.path.basename(str(path)),
        )
        bar = _bar(progress, report.valid_rows, _("Nhập"))
        try:
            result.page_ids.extend(_write(spool, report, writer, bar, batch_size))
        finally:
            if bar is not None:
                bar.close()
    result.written = True
    result.created, result.updated = writer.created, writer.updated
    result.index_seconds = writer.index_seconds
    result.skipped = len(report.invalid_rows)
    return result


def _validate(validator, path, bar, spool):
    """The file's Report; its clean rows go to ``spool`` (None: a dry run keeps none)."""
    try:
        return validator.check_file(path, progress=bar, keep=spool.add if spool is not None else None)
    finally:
        if bar is not None:
            bar.close()


def _refusal(path, progress):
    """(a Report saying why the whole file is refused, or None; its row count for the bar)."""
    try:
        file_format(path)
        size = os.path.getsize(path)
        if size > max_bytes():
            return Report(fatal=too_large_message(size)), None
        return None, count_rows(path) if progress else None
    except FileReadError as error:
        return Report(fatal=str(error)), None
    except OSError as error:
        return Report(fatal=_("Không mở được tệp: %(error)s") % {"error": error}), None


def _write(spool, report, writer, bar, batch_size):
    """Write the rows validation accepted (those a check across rows refused left out), in
    batches; the ids written."""
    page_ids, batch = [], []
    for clean in spool.rows():
        if clean.row in report.invalid_rows:
            continue
        batch.append(clean)
        if len(batch) >= batch_size:
            page_ids.extend(writer.write_batch(batch))
            if bar is not None:
                bar.update(len(batch))
            batch = []
    page_ids.extend(writer.write_batch(batch))
    if bar is not None:
        bar.update(len(batch))
    return page_ids
