"""Print or write the target-4 audit for a period."""

import json

from django.core.management.base import BaseCommand, CommandError

from audit import exports
from audit.period_options import add_period_arguments, period_from
from audit.share import Query, compute
from products.models import Unit


class Command(BaseCommand):
    help = "Tính tỷ lệ sản phẩm bằng tiếng dân tộc, tiếng nước ngoài hoặc trên nền tảng số (chỉ tiêu 4)."

    def add_arguments(self, parser):
        add_period_arguments(parser)
        parser.add_argument("--unit", help="mã đơn vị (slug)")
        parser.add_argument("--rollup", action="store_true", help="gộp đơn vị cũ vào đơn vị kế thừa hiện nay")
        parser.add_argument("--format", choices=["json", "csv", "xlsx"], default="json")
        parser.add_argument("--output", help="ghi ra tệp thay vì màn hình")

    def handle(self, *args, **options):
        period = period_from(options)
        if options["unit"] and not Unit.objects.filter(slug=options["unit"]).exists():
            raise CommandError(f"Không có đơn vị mã {options['unit']!r}.")
        report = compute(Query(period, unit=options["unit"], rollup=options["rollup"])).as_json()
        fmt = options["format"]
        if fmt == "xlsx" and not options["output"]:
            raise CommandError("Định dạng xlsx cần --output TỆP.")
        if fmt == "json":
            data = json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8")
        else:
            data = exports.as_csv(report) if fmt == "csv" else exports.as_xlsx(report)
        if options["output"]:
            with open(options["output"], "wb") as handle:
                handle.write(data)
            self.stderr.write(f"Đã ghi {options['output']}")
        else:
            self.stdout.write(data.decode("utf-8-sig"))
