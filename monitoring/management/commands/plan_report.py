"""The annual plan report: JSON, Word (Decree 30/2020 layout) or Excel."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from audit.share import Period
from monitoring.figures.scope import Scope
from monitoring.models import UnitReport
from monitoring.reporting import documents
from monitoring.reporting.annual import plan_report
from products.models import Unit


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Ngày không hợp lệ: {value!r} (cần YYYY-MM-DD).")


def period_from(year, start, end):
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


class Command(BaseCommand):
    help = (
        "Báo cáo kết quả thực hiện Kế hoạch trong năm: JSON, Word (theo Nghị định 30/2020/NĐ-CP) hoặc Excel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int)
        parser.add_argument("--from", dest="start")
        parser.add_argument("--to", dest="end")
        parser.add_argument("--unit", help="mã đơn vị (slug); bỏ trống: toàn tỉnh")
        parser.add_argument("--rollup", action="store_true", help="gộp đơn vị cũ vào đơn vị kế thừa hiện nay")
        parser.add_argument("--format", choices=["json", "docx", "xlsx"], default="json")
        parser.add_argument("--output", help="ghi ra tệp thay vì màn hình")

    def handle(self, *args, **options):
        period = period_from(options["year"], options["start"], options["end"])
        unit = options["unit"]
        if unit and not Unit.objects.filter(slug=unit).exists():
            raise CommandError(f"Không có đơn vị mã {unit!r}.")
        scope = Scope(period, unit=unit, rollup=options["rollup"])
        fmt, output = options["format"], options["output"]
        if fmt != "json" and not output:
            raise CommandError(f"Định dạng {fmt} cần --output TỆP.")
        if fmt == "json":
            data = json.dumps(plan_report(scope), ensure_ascii=False, indent=2).encode("utf-8")
        else:
            report = (
                UnitReport.objects.filter(unit__slug=unit, year=period.end.year).first() if unit else None
            )
            data = documents.render(scope, fmt, report=report)
        if output:
            with open(output, "wb") as handle:
                handle.write(data)
            self.stderr.write(f"Đã ghi {output}")
        else:
            self.stdout.write(data.decode("utf-8"))
