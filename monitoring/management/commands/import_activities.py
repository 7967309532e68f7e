"""Import the plan's activities from .csv, .xlsx or .jsonl (monitoring/importing.py: columns, rules)."""

from django.core.management.base import BaseCommand, CommandError

from monitoring.importing import FileReadError, import_activities


class Command(BaseCommand):
    help = "Nhập hoạt động kế hoạch từ tệp .csv, .xlsx hoặc .jsonl; có lỗi thì không ghi dòng nào."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")

    def handle(self, *args, path, dry_run=False, **options):
        try:
            result = import_activities(path, dry_run=dry_run)
        except FileReadError as error:
            raise CommandError(str(error))
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} lỗi; không ghi dòng nào.")
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"{len(result.rows)} dòng hợp lệ (chưa ghi)."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Đã tạo {result.created}, cập nhật {result.updated} hoạt động.")
            )
