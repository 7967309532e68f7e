"""The plan monitoring's share of the demo: activities and unit reports for the demo's years.

``products.demo.load_demo`` sends ``demo_loaded`` (with ``today``) once its products are
published; this module adds a few activities per year (dates written for 2023–2025 and moved
by ``products.demo.shift`` like the products') and one unit report per year, submitted with
its figures (the two past years' accepted), so the plan report and the consolidation of any
of the three years have something to show. Safe to run again: activities are found by their
``external_id``, reports by unit and year.
"""

import datetime

from django.db import transaction

from monitoring.cycle import decide, report_scope, submit
from monitoring.models import Activity, ActivityParticipants, ReportStatus, UnitReport
from monitoring.reporting.annual import plan_report
from products.demo import LAST_YEAR, shift
from products.models import PlanTask, Unit

D = datetime.date
# external_id, unit, task, kind, title, date (2023–2025), audience, items, participants {category: n}
ACTIVITIES = (
    (
        "demo-hd-01",
        "so-tttt",
        "1.1",
        "dissemination",
        "Hội nghị quán triệt Quyết định 1079 về truyền thông quyền con người",
        D(2023, 4, 12),
        120,
        0,
        {"info": 40},
    ),
    (
        "demo-hd-02",
        "dai-ptth-kon-tum",
        "2.2",
        "training",
        "Tập huấn kỹ năng truyền thông về quyền con người cho phóng viên, biên tập viên",
        D(2023, 9, 20),
        35,
        0,
        {"press": 35},
    ),
    (
        "demo-hd-03",
        "so-tttt",
        "2.1",
        "training",
        "Bồi dưỡng kiến thức về quyền con người cho cán bộ làm công tác thông tin",
        D(2024, 6, 18),
        55,
        0,
        {"hr": 25, "info": 30},
    ),
    (
        "demo-hd-04",
        "so-vhttdl",
        "3.4",
        "exhibition",
        "Triển lãm ảnh lưu động \u201cThành tựu bảo đảm quyền con người\u201d",
        D(2024, 12, 10),
        2500,
        120,
        {},
    ),
    (
        "demo-hd-05",
        "so-ngoai-vu",
        "4.2",
        "cooperation",
        "Cung cấp thông tin đối ngoại về quyền con người cho đoàn công tác nước ngoài",
        D(2025, 2, 20),
        40,
        0,
        {},
    ),
    (
        "demo-hd-06",
        "bao-kon-tum",
        "6.1",
        "contest",
        "Cuộc thi viết tìm hiểu về quyền con người",
        D(2025, 3, 5),
        0,
        86,
        {},
    ),
)
# (unit, year written for 2023–2025): one report a year, by a unit with demo products that year.
SUMMARY = "Báo cáo mẫu: đơn vị đã triển khai kế hoạch truyền thông về quyền con người."
REPORTS = (("dai-ptth-kon-tum", 2023), ("bao-kon-tum", 2024), ("so-ngoai-vu", 2025))


def _activities(today):
    units = {u.slug: u for u in Unit.objects.all()}
    tasks = {t.slug: t for t in PlanTask.objects.all()}
    for external_id, unit, task, kind, title, date, audience, items, participants in ACTIVITIES:
        activity, _created = Activity.objects.update_or_create(
            external_id=external_id,
            defaults={
                "unit": units[unit],
                "task": tasks[task],
                "kind": kind,
                "title": title,
                "date": shift(date, today),
                "audience": audience,
                "items": items,
            },
        )
        activity.participants.all().delete()
        for category, count in participants.items():
            ActivityParticipants.objects.create(
                activity=activity, category=category, unit=units[unit], count=count
            )


def _reports(today):
    for slug, year in REPORTS:
        year += today.year - LAST_YEAR
        report, _created = UnitReport.objects.get_or_create(
            unit=Unit.objects.get(slug=slug),
            year=year,
            defaults={"summary": SUMMARY},
        )
        if report.editable:
            submit(report, None)
        else:  # the demo's data moved (another day): the figures sent follow them
            report.figures = plan_report(report_scope(report))
            report.save(update_fields=["figures"])
        if report.status == ReportStatus.SUBMITTED and year < today.year:
            decide(report, None, accept=True)


@transaction.atomic
def load_demo(today):
    _activities(today)
    _reports(today)
