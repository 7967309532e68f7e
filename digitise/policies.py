"""Per unit: may any signed-in reader correct the text of the unit's scans?

A unit's editors (and administrators) may always correct; a unit that wants its readers' help
switches ``readers_may_correct`` on. A model of digitise's own (products' ``Unit`` has no such
field, and products knows nothing of digitise). Imported by ``DigitiseConfig.ready``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitCorrectionPolicy(models.Model):
    unit = models.OneToOneField(
        "products.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="correction_policy"
    )
    readers_may_correct = models.BooleanField(
        _("bạn đọc được hiệu đính"),
        default=False,
        help_text=_("Mọi người dùng đã đăng nhập được sửa văn bản nhận dạng của các bản quét của đơn vị."),
    )

    class Meta:
        app_label = "digitise"
        verbose_name = _("quy định hiệu đính của đơn vị")
        verbose_name_plural = _("quy định hiệu đính của đơn vị")

    def __str__(self):
        return str(self.unit)
