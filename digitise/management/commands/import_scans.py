"""python manage.py import_scans FOLDER [--manifest manifest.csv] [--dry-run] [--user NAME]

A folder of scans and its manifest (CSV, one scan a row: file, title, date, unit, language, area,
and optionally format, task, channel, external_id) become products through the importer: each row a
product with its scan attached, checked first (a bad row is reported with its number and reason,
and nothing is written), published, and its OCR queued for the worker.
"""

import csv
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from products.importing import export
from products.importing.run import run_import

DEFAULTS = {"format": "publication", "channel": "print", "task": "", "area": "", "language": "vi"}


FIELDS = ("file", "title", "date", "unit")


def importer_row(item):
    """The importer's row for a manifest row (the external id: the file's name by default)."""
    value = {key: (item.get(key) or "").strip() for key in FIELDS}
    for key, default in DEFAULTS.items():
        value[key] = (item.get(key) or "").strip() or default
    return {
        "external_id": (item.get("external_id") or "").strip() or f"scan:{value['file']}",
        "title": value["title"],
        "language": value["language"],
        "area": value["area"],
        "task": value["task"],
        "format": value["format"],
        "unit": value["unit"],
        "summary": "",
        "body": "",
        "transcript": "",
        "topics": [],
        "publications": [{"channel": value["channel"], "date": value["date"], "url": ""}],
        "translation_of": "",
        "files": [value["file"]] if value["file"] else [],
    }


class Command(BaseCommand):
    help = "Số hoá một thư mục bản quét theo tệp kê khai (CSV): tạo sản phẩm, xếp hàng nhận dạng chữ."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--manifest", default="manifest.csv", help="Tệp kê khai CSV trong thư mục.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì.")
        parser.add_argument("--user", help="Nhập với quyền của người dùng này (mặc định: hệ thống).")

    def handle(self, folder, manifest, **options):
        folder = Path(folder).resolve()
        path = Path(manifest) if Path(manifest).is_absolute() else folder / manifest
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s") % {"path": path})
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(_("Không có người dùng «%(name)s».") % {"name": options["user"]})
        with open(path, encoding="utf-8-sig", newline="") as stream:
            rows = [importer_row(item) for item in csv.DictReader(stream)]
        with tempfile.TemporaryDirectory() as tmp:
            rows_path = Path(tmp) / "scans.csv"
            with open(rows_path, "w", encoding="utf-8", newline="") as stream:
                export.write_csv(iter(rows), stream)
            result = run_import(
                rows_path, files_dir=folder, dry_run=options["dry_run"], user=user, source_name=path.name
            )
        for line in result.report.lines():
            self.stderr.write(line)
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(result.summary())
