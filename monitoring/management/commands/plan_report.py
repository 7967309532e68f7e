"""The annual plan report: JSON, Word (Decree 30/2020 layout) or Excel."""

import json

from django.core.management.base import BaseCommand, CommandError

from audit.period_options import add_period_arguments, period_from
from monitoring.figures.scope import Scope
from monitoring.models import UnitReport
from monitoring.reporting import documents
from monitoring.reporting.annual import plan_report
from products.models import Unit


class Command(BaseCommand):
    help = (
        "Báo cáo kết quả thực hiện Kế hoạch trong năm: JSON, Word (theo Nghị định 30/2020/NĐ-CP) hoặc Excel."
    )

    def add_arguments(self, parser):
        add_period_arguments(parser)
        parser.add_argument("--unit", help="mã đơn vị (slug); bỏ trống: toàn tỉnh")
        parser.add_argument("--rollup", action="store_true", help="gộp đơn vị cũ vào đơn vị kế thừa hiện nay")
        parser.add_argument("--format", choices=["json", "docx", "xlsx"], default="json")
        parser.add_argument("--output", help="ghi ra tệp thay vì màn hình")

    def handle(self, *args, **options):
        period = period_from(options)
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
