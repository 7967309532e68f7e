"""The plan's work that is not a product: training, press sessions, exhibitions, contests, cooperation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from monitoring.forms import UnitScopedForm
from products.validators import validate_not_future

# Who the plan wants trained (target 2), in the plan's words; the share each must reach.
STAFF_CATEGORIES = (
    ("hr", _("Cán bộ, công chức làm công tác quyền con người"), 1.0),
    ("info", _("Cán bộ, công chức làm công tác quản lý thông tin, truyền thông"), 1.0),
    ("press", _("Nhân sự tham gia công tác thông tin đối ngoại của các cơ quan báo chí"), 1.0),
    ("officials", _("Cán bộ chủ chốt của các tổ chức chính trị - xã hội cấp tỉnh"), 0.7),
)
CATEGORY_CODES = tuple(code for code, _label, _share in STAFF_CATEGORIES)


class ActivityKind(models.TextChoices):
    DISSEMINATION = "dissemination", _("Hội nghị quán triệt, phổ biến")
    PRESS_BRIEFING = "press-briefing", _("Cung cấp thông tin cho báo chí")
    TRAINING = "training", _("Hội nghị tập huấn, bồi dưỡng")
    SEMINAR = "seminar", _("Hội thảo, tọa đàm")
    EXHIBITION = "exhibition", _("Triển lãm")
    CONTEST = "contest", _("Cuộc thi")
    AWARD_ENTRY = "award-entry", _("Tác phẩm dự giải thưởng")
    COOPERATION = "cooperation", _("Hợp tác quốc tế, thông tin đối ngoại")
    OTHER = "other", _("Hoạt động khác")


# Kinds whose participants count as trained (target 2: "cập nhật thông tin … và tập huấn").
TRAINING_KINDS = (ActivityKind.TRAINING, ActivityKind.SEMINAR)
EXHIBITION_KINDS = (ActivityKind.EXHIBITION,)


class Activity(ClusterableModel):
    """One activity of a unit under a plan task, with its counts and files."""

    unit = models.ForeignKey(
        "products.Unit", verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    task = models.ForeignKey(
        "products.PlanTask", verbose_name=_("nhiệm vụ kế hoạch"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại hoạt động"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("tên hoạt động"), max_length=255)
    date = models.DateField(_("ngày tổ chức"), validators=[validate_not_future], db_index=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    description = models.TextField(_("nội dung, kết quả"), blank=True)
    audience = models.PositiveIntegerField(
        _("số người tham dự, lượt xem"), default=0, help_text=_("Tổng số người tham dự hoặc lượt khách xem.")
    )
    items = models.PositiveIntegerField(
        _("số tác phẩm, hiện vật"),
        default=0,
        help_text=_("Ví dụ: số ảnh, tài liệu trưng bày; số bài dự thi; số tác phẩm gửi dự giải."),
    )
    external_id = models.CharField(
        _("mã ngoài"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Mã ổn định dùng khi nhập dữ liệu; để trống nếu không dùng."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("unit"), FieldPanel("task")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("end_date"), FieldPanel("place")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("audience"), FieldPanel("items")])], heading=_("Số lượng")
        ),
        InlinePanel("participants", label=_("Người tham gia theo đối tượng")),
        InlinePanel("attachments", label=_("Tệp đính kèm")),
        FieldPanel("external_id"),
    ]
    base_form_class = UnitScopedForm

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("hoạt động kế hoạch")
        verbose_name_plural = _("hoạt động kế hoạch")
        permissions = [("all_units", _("Xem, sửa số liệu kế hoạch của mọi đơn vị"))]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.title}"

    def clean(self):
        super().clean()
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    @property
    def participants_total(self):
        return sum(row.count for row in self.participants.all())


class ActivityParticipants(Orderable):
    """How many people of one category (and unit) took part: the source of target 2's "trained"."""

    activity = ParentalKey(Activity, on_delete=models.CASCADE, related_name="participants")
    category = models.CharField(
        _("đối tượng"),
        max_length=20,
        choices=[
            *((code, label) for code, label, _share in STAFF_CATEGORIES),
            ("other", _("Đối tượng khác")),
        ],
    )
    unit = models.ForeignKey(
        "products.Unit",
        verbose_name=_("thuộc đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Đơn vị của những người tham gia; để trống nếu không thuộc đơn vị nào trong danh mục."),
    )
    count = models.PositiveIntegerField(_("số người"))

    panels = [FieldRowPanel([FieldPanel("category"), FieldPanel("unit"), FieldPanel("count")])]

    class Meta(Orderable.Meta):
        verbose_name = _("người tham gia")


class ActivityAttachment(Orderable):
    activity = ParentalKey(Activity, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tài liệu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("document"), FieldPanel("image")]), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")

    def clean(self):
        if not (self.document_id or self.image_id):
            raise ValidationError(_("Chọn một tài liệu hoặc ảnh."))
