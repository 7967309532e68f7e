"""E-mail the units that have not submitted their annual report, in the days before 30 November.

For cron, once a day: ``manage.py remind_plan_reports``. Outside the reminder window (the
"nhắc trước hạn" setting, 14 days by default) it sends nothing; each unit gets at most one
reminder a day however often it runs.
"""

import datetime

from django.core.management.base import BaseCommand

from audit.period_options import iso_date
from monitoring.cycle import remind


class Command(BaseCommand):
    help = "Gửi thư nhắc các đơn vị chưa gửi báo cáo năm, trong những ngày trước hạn 30/11."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="năm báo cáo (mặc định: năm nay)")
        parser.add_argument("--days", type=int, help="số ngày trước hạn (mặc định: theo cài đặt)")
        parser.add_argument("--today", type=iso_date, help="coi hôm nay là ngày này (YYYY-MM-DD)")
        parser.add_argument("--force", action="store_true", help="gửi cả khi ngoài khoảng nhắc")
        parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không gửi")

    def handle(self, *args, year=None, days=None, today=None, force=False, dry_run=False, **options):
        today = today or datetime.date.today()
        year = year or today.year
        sent = remind(year, today=today, days=days, force=force, dry_run=dry_run)
        for unit, recipients in sent:
            self.stdout.write(f"{unit.slug}: {', '.join(recipients)}")
        verb = "Sẽ gửi" if dry_run else "Đã gửi"
        self.stdout.write(self.style.SUCCESS(f"{verb} thư nhắc tới {len(sent)} đơn vị."))
