from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

SHARE_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]


@register_setting(icon="pick")
class AuditSettings(BaseGenericSetting):
    """The plan's band for target 4, as fractions (0.15 = 15 %). Administrators edit it."""

    target_min = models.DecimalField(
        _("cận dưới chỉ tiêu"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.15"),
        validators=SHARE_VALIDATORS,
        help_text=_("Tỷ lệ, ví dụ 0.15 cho 15 %."),
    )
    target_max = models.DecimalField(
        _("cận trên chỉ tiêu"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.20"),
        validators=SHARE_VALIDATORS,
        help_text=_("Tỷ lệ, ví dụ 0.20 cho 20 %."),
    )

    panels = [FieldPanel("target_min"), FieldPanel("target_max")]

    class Meta:
        verbose_name = _("chỉ tiêu 4 (tỷ lệ sản phẩm)")
        permissions = [("view_audit", _("Xem, kiểm tra và xuất số liệu chỉ tiêu"))]

    def clean(self):
        super().clean()
        if self.target_min is not None and self.target_max is not None and self.target_min > self.target_max:
            raise ValidationError({"target_max": _("Cận trên phải lớn hơn hoặc bằng cận dưới.")})


class DigitalChannelChange(models.Model):
    """One change of a channel's "digital platform" flag: who, when, and the set after it.

    Written by a signal on every save of a channel, whatever made the change (admin,
    shell, import), so no change escapes; the user is the one of Wagtail's log context at that
    moment (``audit.signals``): nobody for a change made outside the admin.
    """

    changed_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thay đổi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.ForeignKey(
        "products.Channel", verbose_name=_("kênh"), on_delete=models.CASCADE, related_name="digital_changes"
    )
    is_digital = models.BooleanField(_("là nền tảng số"))
    digital_set = models.JSONField(_("các kênh số sau thay đổi"), default=list)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("thay đổi kênh số")
        verbose_name_plural = _("thay đổi kênh số")

    def __str__(self):
        return f"{self.channel} → {self.is_digital} ({self.changed_at:%Y-%m-%d %H:%M})"

    @property
    def previous_set(self):
        """The digital set before this change: the set after it, with the channel's flag undone."""
        after = set(self.digital_set)
        slug = self.channel.slug
        before = after - {slug} if self.is_digital else after | {slug}
        return sorted(before)


# --- monthly counts (audit/monthly.py) ----------------------------------------------------------
# Copies of the counting, one calendar month at a time, kept so that a year's audit reads a few
# thousand grouped rows instead of every product of the year. Plain integer columns, not foreign
# keys: they are copies, dropped and rebuilt whenever a month changes.


class MonthlyCount(models.Model):
    """One grouped row of ``audit.facts.count`` for one month (``month``) and counting basis."""

    month = models.CharField(max_length=7)  # "YYYY-MM"
    basis = models.CharField(max_length=200)  # the channel sets and rule version counted with
    grouping = models.CharField(max_length=30)
    unit_id = models.IntegerField(null=True)
    area_id = models.IntegerField(null=True)
    task_id = models.IntegerField(null=True)
    format_id = models.IntegerField(null=True)
    channel_mask = models.BigIntegerField(null=True)
    language = models.CharField(max_length=20, null=True)
    total = models.IntegerField()
    counted = models.IntegerField()
    digital_count = models.IntegerField()
    digitised_count = models.IntegerField()
    online_count = models.IntegerField()
    digitised_online_count = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["basis", "month"], name="audit_monthly_basis")]

    def __str__(self):
        return f"{self.month} {self.grouping}: {self.total}"


class CountedMonth(models.Model):
    """Marks a month as counted for a basis (a month without products has no MonthlyCount rows)."""

    month = models.CharField(max_length=7)
    basis = models.CharField(max_length=200)
    counted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["basis", "month"], name="audit_counted_month_once")]

    def __str__(self):
        return f"{self.month} ({self.basis})"


class StaleMonth(models.Model):
    """A month whose products changed since it was counted; written by database triggers
    (audit/triggers.py) on every product and publication row that changes, whatever wrote it."""

    month = models.CharField(max_length=7, db_index=True)

    def __str__(self):
        return self.month
