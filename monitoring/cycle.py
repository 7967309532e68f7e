"""The 30/11 cycle: draft → submit → (return with comment → resubmit) → accept; reminders."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.figures.scope import Scope, reporting_unit_ids, units_due
from monitoring.models import (
    Desk,
    PlanDuty,
    PlanSettings,
    ReminderSent,
    ReportEvent,
    ReportStatus,
    UnitReport,
    deadline,
)
from monitoring.reporting.annual import plan_report


class CycleError(ValueError):
    """A step the report's status does not allow; the message is for the user."""


def report_scope(report):
    """What a unit's report covers: its year, and the units it accounts for on that year's deadline."""
    return Scope.year(
        report.year, unit=report.unit.slug, unit_ids=reporting_unit_ids(report.unit, report.year)
    )


def log(report, action, user, comment=""):
    ReportEvent.objects.create(report=report, action=action, user=user, comment=comment)


@transaction.atomic
def submit(report, user):
    if not report.editable:
        raise CycleError(_("Chỉ gửi được báo cáo đang soạn hoặc bị trả lại."))
    report.figures = plan_report(report_scope(report))
    report.status, report.submitted_at, report.return_comment = ReportStatus.SUBMITTED, timezone.now(), ""
    report.save()
    log(report, ReportEvent.Action.SUBMITTED, user)


@transaction.atomic
def decide(report, user, accept, comment=""):
    if report.status != ReportStatus.SUBMITTED:
        raise CycleError(_("Chỉ tiếp nhận hoặc trả lại được báo cáo đã gửi."))
    if not accept and not comment.strip():
        raise CycleError(_("Khi trả lại, hãy ghi rõ lý do để đơn vị sửa."))
    report.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    report.return_comment = "" if accept else comment.strip()
    report.decided_at = timezone.now()
    report.save()
    log(report, ReportEvent.Action.ACCEPTED if accept else ReportEvent.Action.RETURNED, user, comment.strip())


def tracker(year):
    """[(unit, report or None)] for every unit that must report for ``year``."""
    reports = {r.unit_id: r for r in UnitReport.objects.filter(year=year).select_related("unit")}
    return [(unit, reports.get(unit.pk)) for unit in units_due(year)]


# --- reminders --------------------------------------------------------------------------------


def in_reminder_window(year, today, days):
    return 0 <= (deadline(year) - today).days <= days


def reporters(unit):
    """E-mail addresses of the unit's reporting desk."""
    desk = Desk.objects.filter(role=PlanDuty.REPORTING, unit=unit).first()
    if desk is None:
        return []
    users = get_user_model().objects.filter(groups=desk.group, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def remind(year, today=None, days=None, force=False, dry_run=False):
    """E-mail the units that have not submitted for ``year``, once a day each; returns [(unit, recipients)].

    Outside the window (``days`` before 30/11, the setting by default) nothing is sent unless ``force``.
    """
    today = today or datetime.date.today()
    days = PlanSettings.load().reminder_days if days is None else days
    if not force and not in_reminder_window(year, today, days):
        return []
    sent = []
    for unit, report in tracker(year):
        if report is not None and report.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED):
            continue
        recipients = reporters(unit)
        if not recipients or ReminderSent.objects.filter(unit=unit, year=year, sent_on=today).exists():
            continue
        if not dry_run:
            _send(unit, year, recipients, report, today)
        sent.append((unit, recipients))
    return sent


def _send(unit, year, recipients, report, today):
    status = report.get_status_display() if report else _("chưa tạo")
    subject = _("Nhắc gửi báo cáo năm %(year)s (hạn %(deadline)s)") % {
        "year": year,
        "deadline": deadline(year).strftime("%d/%m/%Y"),
    }
    body = _(
        "Kính gửi %(unit)s,\n\nĐơn vị chưa gửi báo cáo kết quả thực hiện Kế hoạch truyền thông "
        "về quyền con người năm %(year)s (trạng thái: %(status)s). Hạn gửi: %(deadline)s.\n\n"
        "Báo cáo được soạn và gửi trong trang quản trị: %(url)s\n"
    ) % {
        "unit": unit.name_vi,
        "year": year,
        "status": status,
        "deadline": deadline(year).strftime("%d/%m/%Y"),
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/plan/reports/",
    }
    try:
        with transaction.atomic():
            ReminderSent.objects.create(unit=unit, year=year, sent_on=today, recipients=recipients)
    except IntegrityError:
        return  # another run sent it a moment ago
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
