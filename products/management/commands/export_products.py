"""python manage.py export_products [--format jsonl|csv|xlsx] [--from DATE] [--to DATE] [--output FILE]
[--include-drafts] [--files-dir DIR]"""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from products.importing import export
from products.importing.validation import parse_date


class Command(BaseCommand):
    help = "Xuất sản phẩm đã xuất bản theo đúng các cột của tệp nhập."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv", "xlsx"], default=None)
        parser.add_argument("--from", dest="date_from", help="Ngày đăng đầu tiên từ (YYYY-MM-DD).")
        parser.add_argument("--to", dest="date_to", help="Ngày đăng đầu tiên đến (YYYY-MM-DD).")
        parser.add_argument("--output", "-o", help="Tệp ghi ra (mặc định: màn hình, trừ xlsx).")
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="Xuất cả bản nháp (bản sửa mới nhất, trạng thái draft).",
        )
        parser.add_argument(
            "--files-dir",
            help="Chép các tệp đính kèm và ảnh trong nội dung vào thư mục này (để nhập với --files).",
        )

    def handle(self, *args, **options):
        output = options["output"]
        kind = options["format"] or (
            output.rsplit(".", 1)[-1].lower() if output and "." in output else "jsonl"
        )
        if kind not in ("jsonl", "csv", "xlsx"):
            raise CommandError(_("Định dạng không hỗ trợ: %(kind)s") % {"kind": kind})
        dates = {}
        for name in ("date_from", "date_to"):
            if options[name]:
                dates[name] = parse_date(options[name])
                if dates[name] is None:
                    raise CommandError(
                        _("Ngày không hợp lệ: %(value)s (cần YYYY-MM-DD)") % {"value": options[name]}
                    )
        rows = export.iter_export_rows(
            dates.get("date_from"),
            dates.get("date_to"),
            include_drafts=options["include_drafts"],
            files_dir=options["files_dir"],
        )
        if kind == "xlsx":
            if not output:
                raise CommandError(_("Xuất xlsx cần --output TỆP.xlsx"))
            count = export.write_xlsx(rows, output)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = getattr(export, f"write_{kind}")(rows, stream)
        else:
            if kind == "csv":
                sys.stdout.reconfigure(newline="")
            count = getattr(export, f"write_{kind}")(rows, self.stdout._out)
        self.stderr.write(_("Đã xuất %(count)s sản phẩm.") % {"count": count})
