"""Print or write the target-4 audit for a period."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from audit import exports
from audit.share import Period, Query, compute
from products.models import Unit


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ngày không hợp lệ: {value!r} (cần YYYY-MM-DD).")


class Command(BaseCommand):
    help = "Tính tỷ lệ sản phẩm bằng tiếng dân tộc, tiếng nước ngoài hoặc trên nền tảng số (chỉ tiêu 4)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int)
        parser.add_argument("--from", dest="start")
        parser.add_argument("--to", dest="end")
        parser.add_argument("--unit", help="mã đơn vị (slug)")
        parser.add_argument("--rollup", action="store_true", help="gộp đơn vị cũ vào đơn vị kế thừa hiện nay")
        parser.add_argument("--format", choices=["json", "csv", "xlsx"], default="json")
        parser.add_argument("--output", help="ghi ra tệp thay vì màn hình")

    def handle(self, *args, **options):
        period = self._period(options)
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

    def _period(self, options):
        year, start, end = options["year"], options["start"], options["end"]
        if year and (start or end):
            raise CommandError("Dùng --year hoặc --from/--to, không dùng cả hai.")
        if year:
            return Period.year(year)
        if not (start and end):
            raise CommandError("Cần --year Y hoặc cả --from NGÀY và --to NGÀY.")
        period = Period(_date(start), _date(end))
        if period.end < period.start:
            raise CommandError("--to phải sau --from.")
        return period
