"""The plan's thresholds and the monitoring's settings, editable by administrators."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

SHARE = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]


def _share(label, default):
    return models.DecimalField(
        label, max_digits=5, decimal_places=4, default=Decimal(default), validators=SHARE
    )


@register_setting(icon="tasks")
class PlanSettings(BaseGenericSetting):
    """Targets 1, 2, 5a and 5b as fractions (plan section II.2), the online channels, reminders.

    Target 4's band is the audit's own setting (audit.AuditSettings).
    """

    target_1 = _share(_("chỉ tiêu 1: tỷ lệ cơ quan có cơ chế phát ngôn"), "1")
    target_2 = _share(_("chỉ tiêu 2: tỷ lệ cán bộ được tập huấn"), "1")
    target_2_officials = _share(_("chỉ tiêu 2: tỷ lệ cán bộ chủ chốt tổ chức chính trị - xã hội"), "0.7")
    target_3 = models.PositiveSmallIntegerField(
        _("chỉ tiêu 3: số cuộc triển lãm tối thiểu trong kỳ"), default=1
    )
    target_5a = _share(_("chỉ tiêu 5a: tỷ lệ sản phẩm được số hóa và phổ biến trên mạng"), "1")
    target_5b = _share(_("chỉ tiêu 5b: tỷ lệ tin giả, tin xấu độc được xử lý"), "0.9")
    online_channels = models.ManyToManyField(
        "products.Channel",
        verbose_name=_("kênh trên không gian mạng"),
        blank=True,
        help_text=_(
            "Sản phẩm đăng trên một trong các kênh này được tính là "
            "«phổ biến trên không gian mạng» (chỉ tiêu 5a)."
        ),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("nhắc trước hạn (ngày)"),
        default=14,
        help_text=_("Gửi thư nhắc các đơn vị chưa gửi báo cáo trong bấy nhiêu ngày trước 30/11."),
    )
    province = models.CharField(_("tên tỉnh"), max_length=100, default="Kon Tum")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("target_1"),
                FieldPanel("target_2"),
                FieldPanel("target_2_officials"),
                FieldPanel("target_3"),
                FieldPanel("target_5a"),
                FieldPanel("target_5b"),
            ],
            heading=_("Chỉ tiêu"),
        ),
        FieldPanel("online_channels"),
        FieldPanel("reminder_days"),
        FieldPanel("province"),
    ]

    class Meta:
        verbose_name = _("chỉ tiêu kế hoạch")
