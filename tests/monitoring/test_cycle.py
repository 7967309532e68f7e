"""The 30/11 cycle through the admin views: draft → submit → return → resubmit → accept → consolidated."""

import datetime
import io
import json

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from monitoring.models import ReminderSent, ReportEvent, ReportStatus, UnitReport
from products.models import Unit

D = datetime.date


def draft(client, unit, year=2024, **fields):
    data = {
        "unit": unit.pk,
        "year": year,
        "number": "",
        "superior": "",
        "place": "Kon Tum",
        "summary": "",
        "difficulties": "Thiếu người.",
        "proposals": "",
        "signer_title": "TỔNG BIÊN TẬP",
        "signer_name": "Nguyễn Văn E",
        "recipients": "",
        **fields,
    }
    return client.post(reverse("plan_reports:add"), data)


def test_the_whole_cycle_through_the_admin(as_user, plan_year):
    bkt = Unit.objects.get(slug="bao-kon-tum")
    reporter = as_user("reporter")
    assert draft(reporter, bkt).status_code == 302
    report = UnitReport.objects.get(unit=bkt, year=2024)
    assert report.status == ReportStatus.DRAFT

    page = reporter.get(reverse("plan_reports:inspect", args=[report.pk]))
    assert page.status_code == 200 and page.context["can_submit"] and not page.context["can_decide"]
    assert reporter.post(reverse("plan_reports:submit", args=[report.pk])).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.figures["targets"]["4"]["total"] == 3
    assert reporter.get(reverse("plan_reports:edit", args=[report.pk])).status_code == 403  # frozen now

    department = as_user("department")
    tracker = department.get(reverse("monitoring:tracker"), {"year": 2024}).content.decode()
    assert 'data-unit="bao-kon-tum" data-status="submitted"' in tracker
    assert 'data-unit="dai-ptth-kon-tum" data-status="missing"' in tracker
    assert 'data-unit="ubnd-xa-dak-to"' not in tracker  # did not exist on 30/11/2024

    url = reverse("plan_reports:decide", args=[report.pk])
    department.post(url, {"action": "return", "comment": ""})  # a return needs a reason
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    department.post(url, {"action": "return", "comment": "Bổ sung số liệu tập huấn."})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED and report.return_comment == "Bổ sung số liệu tập huấn."

    tracker = department.get(reverse("monitoring:tracker"), {"year": 2024}).content.decode()
    assert 'data-unit="bao-kon-tum" data-status="returned"' in tracker

    reporter = as_user("reporter")
    returned = reporter.get(reverse("plan_reports:inspect", args=[report.pk]))
    assert "Bổ sung số liệu tập huấn." in returned.content.decode() and returned.context["can_submit"]
    edit = reporter.post(
        reverse("plan_reports:edit", args=[report.pk]),
        {
            "unit": bkt.pk,
            "year": 2024,
            "place": "Kon Tum",
            "difficulties": "Đã bổ sung.",
            "signer_title": "TỔNG BIÊN TẬP",
            "signer_name": "Nguyễn Văn E",
        },
    )
    assert edit.status_code == 302
    reporter.post(reverse("plan_reports:submit", args=[report.pk]))
    department = as_user("department")
    department.post(url, {"action": "accept"})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED and report.difficulties == "Đã bổ sung."
    tracker = department.get(reverse("monitoring:tracker"), {"year": 2024}).content.decode()
    assert 'data-unit="bao-kon-tum" data-status="accepted"' in tracker
    assert list(report.events.values_list("action", flat=True)) == [
        ReportEvent.Action.CREATED,
        ReportEvent.Action.SUBMITTED,
        ReportEvent.Action.RETURNED,
        ReportEvent.Action.SUBMITTED,
        ReportEvent.Action.ACCEPTED,
    ]

    consolidated = department.get(reverse("monitoring:consolidated"), {"year": 2024, "format": "json"})
    data = json.loads(consolidated.content)
    assert data["targets"]["4"]["total"] == 3 and data["tasks"]["3.1"]["products"] == 1
    assert data["targets"]["1"]["denominator"] == 7  # the agencies register, province-wide
    docx = department.get(reverse("monitoring:consolidated"), {"year": 2024, "format": "docx"})
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_consolidated_equals_the_province_when_every_unit_with_data_reported(as_user, plan_year):
    from monitoring import cycle
    from monitoring.figures.scope import Scope
    from monitoring.reporting.annual import plan_report

    user = as_user("administrator") and None
    for unit, _report in cycle.tracker(2024):
        report = UnitReport.objects.create(unit=unit, year=2024)
        cycle.submit(report, user)
        cycle.decide(report, user, accept=True)
    province = plan_report(Scope.year(2024))
    data = json.loads(
        as_user("administrator")
        .get(reverse("monitoring:consolidated"), {"year": 2024, "format": "json"})
        .content
    )
    assert data["tasks"] == province["tasks"]
    for code in ("2", "5a", "5b"):
        assert (data["targets"][code]["numerator"], data["targets"][code]["denominator"]) == (
            province["targets"][code]["numerator"],
            province["targets"][code]["denominator"],
        ), code
    assert {k: data["targets"]["4"][k] for k in ("total", "counted", "share", "status")} == {
        k: province["targets"]["4"][k] for k in ("total", "counted", "share", "status")
    }


def test_only_the_units_own_reports_and_only_reviewers_decide(as_user, plan_year):
    dai = Unit.objects.get(slug="dai-ptth-kon-tum")
    assert draft(as_user("reporter"), dai).status_code == 200  # not a unit the reporter may choose
    assert not UnitReport.objects.filter(unit=dai).exists()
    draft(as_user("other_reporter"), dai)
    report = UnitReport.objects.get(unit=dai)
    reporter = as_user("reporter")
    assert reporter.get(reverse("plan_reports:inspect", args=[report.pk])).status_code == 403
    assert reporter.post(reverse("plan_reports:submit", args=[report.pk])).status_code == 403
    as_user("other_reporter").post(reverse("plan_reports:submit", args=[report.pk]))
    assert (
        as_user("other_reporter")
        .post(reverse("plan_reports:decide", args=[report.pk]), {"action": "accept"})
        .status_code
        == 403
    )
    for role in ("editor", "auditor", "police_desk"):
        assert as_user(role).get(reverse("monitoring:tracker")).status_code == 403, role
        assert as_user(role).get(reverse("monitoring:consolidated"), {"year": 2024}).status_code == 403, role
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_reminders_by_command_and_from_the_tracker(as_user, desk_users, plan_year):
    out = io.StringIO()
    call_command("remind_plan_reports", "--year", "2024", "--today", "2024-10-01", stdout=out)
    assert len(mail.outbox) == 0  # outside the 14 days before 30/11
    call_command("remind_plan_reports", "--year", "2024", "--today", "2024-11-20", stdout=out)
    assert [m.to for m in mail.outbox] == [["reporter@example.org"], ["other_reporter@example.org"]] or {
        tuple(m.to) for m in mail.outbox
    } == {("reporter@example.org",), ("other_reporter@example.org",)}
    assert "30/11/2024" in mail.outbox[0].subject
    call_command("remind_plan_reports", "--year", "2024", "--today", "2024-11-20", stdout=out)
    assert len(mail.outbox) == 2  # once a day
    UnitReport.objects.create(
        unit=Unit.objects.get(slug="bao-kon-tum"), year=2024, status=ReportStatus.SUBMITTED
    )
    response = as_user("department").post(reverse("monitoring:remind"), {"year": 2024})
    assert response.status_code == 302
    today = datetime.date.today()
    sent_today = ReminderSent.objects.filter(sent_on=today, year=2024)
    assert [r.unit.slug for r in sent_today] == ["dai-ptth-kon-tum"]
    assert as_user("reporter").post(reverse("monitoring:remind"), {"year": 2024}).status_code == 403


def test_reminder_window_days_and_mail(desk_users, plan_year, settings):
    """N days before 30/11 (``--days``), Django's e-mail (locmem in tests), nothing to units that sent."""
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("remind_plan_reports", "--year", "2024", "--days", "5", "--today", "2024-11-20", stdout=out)
    assert mail.outbox == []  # 10 days before: outside a 5-day window
    UnitReport.objects.create(
        unit=Unit.objects.get(slug="dai-ptth-kon-tum"), year=2024, status=ReportStatus.ACCEPTED
    )
    call_command("remind_plan_reports", "--year", "2024", "--days", "5", "--today", "2024-11-26", stdout=out)
    assert [m.to for m in mail.outbox] == [["reporter@example.org"]]
    message = mail.outbox[0]
    assert "Báo Kon Tum" in message.body and "30/11/2024" in message.body and "/admin/" in message.body
    assert "bao-kon-tum: reporter@example.org" in out.getvalue()
    call_command("remind_plan_reports", "--year", "2024", "--days", "5", "--today", "2024-12-01", stdout=out)
    assert len(mail.outbox) == 1  # after the deadline: no more reminders
