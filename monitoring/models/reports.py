"""The annual report cycle: each unit drafts and submits; the Department accepts or returns; reminders."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from monitoring.forms import UnitScopedForm
from monitoring.models.targets import current_year

DEADLINE_MONTH, DEADLINE_DAY = 11, 30  # plan section VI.2: "Hằng năm, định kỳ trước ngày 30/11"


def deadline(year):
    return datetime.date(year, DEADLINE_MONTH, DEADLINE_DAY)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


class UnitReport(models.Model):
    """A unit's report on the plan for one year: figures frozen on submission, and the narrative.

    ``figures`` is the plan report's JSON (monitoring/reporting/annual.py) computed when the
    unit submits, so that what the Department accepts and consolidates is what the unit sent,
    even if the data change later.
    """

    unit = models.ForeignKey(
        "products.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"), default=current_year)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    number = models.CharField(
        _("số, ký hiệu văn bản"), max_length=100, blank=True, help_text=_("Ví dụ: 125/BC-BKT")
    )
    superior = models.CharField(
        _("cơ quan chủ quản"),
        max_length=255,
        blank=True,
        help_text=_("Dòng trên tên đơn vị, ví dụ: UBND TỈNH KON TUM"),
    )
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    summary = models.TextField(_("đánh giá chung"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=255, blank=True, help_text=_("Ví dụ: KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")
    )
    signer_name = models.CharField(_("người ký"), max_length=255, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    figures = models.JSONField(_("số liệu khi gửi"), null=True, blank=True, editable=False)
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True, editable=False)
    submitted_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("thời điểm tiếp nhận/trả lại"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("unit"), FieldPanel("year")]),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("difficulties"), FieldPanel("proposals")],
            heading=_("Nội dung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("place")]),
                FieldPanel("superior"),
                FieldRowPanel([FieldPanel("signer_title"), FieldPanel("signer_name")]),
                FieldPanel("recipients"),
            ],
            heading=_("Thể thức văn bản (Nghị định 30/2020/NĐ-CP)"),
        ),
    ]
    base_form_class = UnitScopedForm

    class Meta:
        ordering = ["-year", "unit__sort_order"]
        verbose_name = _("báo cáo năm của đơn vị")
        verbose_name_plural = _("báo cáo năm của đơn vị")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="unitreport_unit_year")]
        permissions = [("review_unitreport", _("Tiếp nhận, trả lại và tổng hợp báo cáo năm"))]

    def __str__(self):
        return f"{self.unit} – {self.year}"

    @property
    def deadline(self):
        return deadline(self.year)

    @property
    def editable(self):
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ReportEvent(models.Model):
    """One step of a report's cycle: who did what, when, with what comment."""

    class Action(models.TextChoices):
        CREATED = "created", _("Tạo bản nháp")
        SUBMITTED = "submitted", _("Gửi báo cáo")
        RETURNED = "returned", _("Trả lại")
        ACCEPTED = "accepted", _("Tiếp nhận")

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("thao tác"), max_length=20, choices=Action.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(_("ý kiến"), blank=True)
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("bước xử lý báo cáo")

    def __str__(self):
        return f"{self.report} – {self.get_action_display()}"


class ReminderSent(models.Model):
    """A reminder e-mailed to a unit for a year's report, at most one per unit and day (cron-safe)."""

    unit = models.ForeignKey("products.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    sent_on = models.DateField()
    recipients = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "sent_on"], name="reminder_once_a_day")
        ]
        verbose_name = _("lần nhắc báo cáo")

    def __str__(self):
        return f"{self.unit} – {self.year} – {self.sent_on}"
