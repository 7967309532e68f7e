"""``manage.py backup [--output FILE]``: the database and the uploaded files in one archive."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, create_backup


def default_name(prefix="ttnq"):
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "backups" / f"{prefix}-{stamp}.tar.gz"


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp tải lên vào một tệp .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="tệp lưu (mặc định backups/ttnq-<ngày-giờ>.tar.gz)")

    def handle(self, *args, **options):
        output = Path(options["output"] or default_name())
        try:
            manifest = create_backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{k} {v}" for k, v in manifest["counts"].items())
        self.stdout.write(f"{output} ({output.stat().st_size:,} bytes; {manifest['database']}; {counts})")
