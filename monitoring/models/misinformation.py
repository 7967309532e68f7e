"""Target 5b: fake and harmful news about human rights detected online, and how each was handled.

Restricted: only the desks that work it (police, Department of Information and
Communications), auditors and administrators may see it (monitoring/permissions.py). So
its screenshots are kept out of ``MEDIA_ROOT`` (which the web server may serve to anyone)
in a private storage, served by a view that checks the permission, and its rows stay out
of Wagtail's reference index (a rebutting product's "usage" page would otherwise list them).
"""

import os
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

from monitoring.forms import MisinformationForm, PrivateImageInput
from products.validators import validate_not_future


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files under ``settings.MONITORING_PRIVATE_ROOT``, read when used, with no public URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.MONITORING_PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("private files have no public URL")


def screenshot_path(instance, filename):
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"misinformation/{uuid.uuid4().hex}{suffix}"


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    ZALO = "zalo", "Zalo"
    WEBSITE = "website", _("Trang web")
    OTHER = "other", _("Khác")


class Status(models.TextChoices):
    DETECTED = "detected", _("Mới phát hiện")
    HANDLING = "handling", _("Đang xử lý")
    HANDLED = "handled", _("Đã xử lý")


class MisinformationItem(ClusterableModel):
    detected_on = models.DateField(_("ngày phát hiện"), validators=[validate_not_future], db_index=True)
    platform = models.CharField(_("nền tảng"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("đường dẫn"), max_length=1000, blank=True)
    screenshot = models.ImageField(
        _("ảnh chụp màn hình"), storage=PrivateStorage(), upload_to=screenshot_path, blank=True
    )
    topic = models.ForeignKey(
        "products.Topic",
        verbose_name=_("chủ đề"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("nội dung tóm tắt"))
    detected_by = models.ForeignKey(
        "products.Unit", verbose_name=_("đơn vị phát hiện"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DETECTED)
    handled_on = models.DateField(
        _("ngày xử lý xong"),
        null=True,
        blank=True,
        validators=[validate_not_future],
        help_text=_("Để trống: lấy ngày của biện pháp xử lý sau cùng."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    wagtail_reference_index_ignore = True

    panels = [
        FieldRowPanel([FieldPanel("detected_on"), FieldPanel("detected_by")]),
        FieldRowPanel([FieldPanel("platform"), FieldPanel("url")]),
        FieldPanel("screenshot", widget=PrivateImageInput),
        FieldPanel("topic"),
        FieldPanel("summary"),
        InlinePanel("actions", label=_("Biện pháp xử lý")),
        FieldRowPanel([FieldPanel("status"), FieldPanel("handled_on")]),
    ]
    base_form_class = MisinformationForm

    class Meta:
        ordering = ["-detected_on", "-pk"]
        verbose_name = _("tin giả, tin xấu độc")
        verbose_name_plural = _("tin giả, tin xấu độc")

    def __str__(self):
        return f"{self.detected_on:%d/%m/%Y} – {self.get_platform_display()}: {self.summary[:60]}"

    def clean(self):
        super().clean()
        if self.handled_on and self.detected_on and self.handled_on < self.detected_on:
            raise ValidationError({"handled_on": _("Ngày xử lý xong không thể trước ngày phát hiện.")})
        if self.status != Status.HANDLED and self.handled_on:
            raise ValidationError({"handled_on": _("Chỉ ghi ngày xử lý xong khi trạng thái là «Đã xử lý».")})

    @property
    def days_to_handle(self):
        if self.status != Status.HANDLED or not self.handled_on:
            return None
        return (self.handled_on - self.detected_on).days


class ActionKind(models.TextChoices):
    REPORTED = "reported", _("Báo cáo, đề nghị nền tảng gỡ bỏ")
    REMOVED = "removed", _("Đã được gỡ bỏ")
    REBUTTED = "rebutted", _("Phản bác bằng sản phẩm truyền thông")
    REFERRED = "referred", _("Chuyển Công an xử lý (nhiệm vụ 5.3)")


class HandlingAction(Orderable):
    item = ParentalKey(MisinformationItem, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("biện pháp"), max_length=20, choices=ActionKind.choices)
    date = models.DateField(_("ngày"), validators=[validate_not_future])
    unit = models.ForeignKey(
        "products.Unit",
        verbose_name=_("đơn vị thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    product = models.ForeignKey(
        "products.ProductPage",
        verbose_name=_("sản phẩm phản bác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Sản phẩm đã xuất bản dùng để phản bác (thường thuộc lĩnh vực IV)."),
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    wagtail_reference_index_ignore = True

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("unit")]),
        PageChooserPanel("product", page_type="products.ProductPage"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("biện pháp xử lý")

    def clean(self):
        if self.kind == ActionKind.REBUTTED and not self.product_id:
            raise ValidationError({"product": _("Chọn sản phẩm đã dùng để phản bác.")})
        if self.product_id and not self.product.live:
            raise ValidationError({"product": _("Sản phẩm phản bác phải đã được xuất bản.")})
