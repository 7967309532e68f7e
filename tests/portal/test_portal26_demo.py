"""The demo follows the calendar (issue 26): whatever the year a newcomer runs it, the current
year and the two before it have products, activities and unit reports, and no date is in the
future. In 2026 the 2023–2025 demo opened the audit on one product and a report of zeros.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from monitoring.models import Activity, ReportStatus, UnitReport
from products.demo import load_demo
from products.models import ProductPage, ProductPublication

D = datetime.date


def _years(today):
    return {today.year - 2, today.year - 1, today.year}


def _check_demo(today):
    products = ProductPage.objects.live()
    assert products.count() == 15
    assert {p.first_published.year for p in products} == _years(today)
    latest = ProductPublication.objects.order_by("-date").first().date
    assert latest <= today, latest
    current = products.filter(first_published__year=today.year)
    assert current.count() >= 4 and current.exclude(language="vi").exists()
    for year in _years(today):
        activities = Activity.objects.filter(date__year=year)
        assert activities.exists(), year
        assert not activities.filter(date__gt=today).exists()
        reports = UnitReport.objects.filter(year=year).exclude(status=ReportStatus.DRAFT)
        assert reports.exists(), year
        assert all(r.figures and r.figures["targets"]["4"]["total"] > 0 for r in reports), year


@pytest.mark.parametrize("today", [D(2026, 1, 10), D(2027, 12, 3), D(2028, 2, 29)])
def test_demo_covers_today_and_the_two_years_before(db, today):
    load_demo(today=today)
    load_demo(today=today)  # idempotent
    _check_demo(today)
    assert Activity.objects.filter(external_id__startswith="demo-").count() == Activity.objects.count()


def test_load_demo_command_uses_todays_date(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    _check_demo(timezone.localdate())
