"""python manage.py ocr_scans --resume

Run before the OCR worker starts (``make run``, ``make serve``, the systemd unit's ExecStartPre):
scans a killed worker left unfinished are queued again; their pages already read are skipped.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from digitise import ocr
from digitise.tasks import resume


class Command(BaseCommand):
    help = "Xếp lại hàng đợi nhận dạng các bản quét còn dở (sau khi tiến trình xử lý bị dừng)."

    def add_arguments(self, parser):
        parser.add_argument("--resume", action="store_true", help="Xếp lại các bản quét đang dở.")

    def handle(self, *args, **options):
        missing = ocr.tools_missing()
        if missing:
            self.stderr.write(_("Thiếu chương trình nhận dạng: %(names)s") % {"names": ", ".join(missing)})
        if options["resume"]:
            ids = resume()
            self.stdout.write(_("Đã xếp lại %(count)s bản quét.") % {"count": len(ids)})
