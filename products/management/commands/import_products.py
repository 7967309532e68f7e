"""python manage.py import_products PATH [--files DIR] [--dry-run] [--as-draft] [--skip-invalid] [--user NAME]

Runs as the system (every unit, published) unless ``--user`` names the person whose rights
apply: then rows go only into that person's units, and without publish rights they become
drafts submitted to the unit's review.
"""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from products.importing.run import run_import


class Command(BaseCommand):
    help = "Nhập sản phẩm truyền thông từ tệp .jsonl, .csv hoặc .xlsx."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--files", dest="files_dir", help="Thư mục chứa các tệp ghi ở cột files.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì.")
        parser.add_argument(
            "--as-draft", action="store_true", help="Nhập dưới dạng bản nháp (không xuất bản)."
        )
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Bỏ qua các dòng lỗi, nhập các dòng hợp lệ."
        )
        parser.add_argument(
            "--user", help="Nhập với quyền của người dùng này (mặc định: hệ thống, mọi đơn vị)."
        )
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, path, files_dir=None, **options):
        if not os.path.isfile(path):
            raise CommandError(_("Không tìm thấy tệp %(path)s") % {"path": path})
        if files_dir and not os.path.isdir(files_dir):
            raise CommandError(_("Không tìm thấy thư mục tệp %(path)s") % {"path": files_dir})
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(_("Không có người dùng «%(name)s».") % {"name": options["user"]})
        result = run_import(
            path,
            files_dir=files_dir,
            dry_run=options["dry_run"],
            as_draft=options["as_draft"],
            skip_invalid=options["skip_invalid"],
            user=user,
            progress=not options["no_progress"],
            batch_size=options["batch_size"],
        )
        for line in result.report.lines():
            self.stderr.write(line)
        if result.ok or (result.written and not result.report.fatal):
            self.stdout.write(result.summary())
        if not result.ok:
            raise CommandError(result.summary())
