"""The plan's registers: content areas, tasks, formats, channels, units, topics.

Each is a snippet whose name is translated with django-modeltranslation (see
``products/translation.py``). The ``slug``/``code`` of each row is a stable key that
import files, the audit and the search facets rely on: it never changes once seeded.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from products.forms import UnitForm


def _name_panels(*fields):
    """One panel per language column: the plain field would write to the editor's UI language."""
    return [FieldPanel(f"{field}_{code}") for field in fields for code in ("vi", "en")]


class Register(index.Indexed, models.Model):
    slug = models.SlugField(_("mã"), max_length=40, unique=True, allow_unicode=False)
    name = models.CharField(_("tên"), max_length=255)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name or self.slug


class ContentArea(Register):
    """Plan section III: the five content areas I–V; every product has exactly one."""

    description = models.TextField(_("mô tả"), blank=True)

    panels = [FieldPanel("slug"), *_name_panels("name", "description"), FieldPanel("sort_order")]

    class Meta(Register.Meta):
        verbose_name = _("lĩnh vực nội dung")
        verbose_name_plural = _("lĩnh vực nội dung")

    def __str__(self):
        return f"{self.slug}. {self.name}"


class PlanTask(Register):
    """A task of plan section IV (``3.3`` …) and the units the appendix makes its lead.

    Several tasks are led by a group ("the press agencies", "the district committees");
    1.1 by every unit and 4.1, 4.3, 4.4 by none named, hence a many-to-many.
    """

    slug = models.CharField(_("mã"), max_length=10, unique=True)
    lead_units = models.ManyToManyField(
        "products.Unit", verbose_name=_("đơn vị chủ trì"), blank=True, related_name="lead_tasks"
    )

    panels = [
        FieldPanel("slug"),
        *_name_panels("name"),
        FieldPanel("lead_units"),
        FieldPanel("sort_order"),
    ]

    class Meta(Register.Meta):
        verbose_name = _("nhiệm vụ kế hoạch")
        verbose_name_plural = _("nhiệm vụ kế hoạch")

    def __str__(self):
        return f"{self.slug} {self.name}"


class Format(Register):
    panels = [FieldPanel("slug"), *_name_panels("name"), FieldPanel("sort_order")]

    class Meta(Register.Meta):
        verbose_name = _("loại hình sản phẩm")
        verbose_name_plural = _("loại hình sản phẩm")


class Channel(Register):
    """Where a product went out. ``is_digital`` decides target 4's third condition."""

    is_digital = models.BooleanField(
        _("là nền tảng số"),
        default=False,
        help_text=_("Sản phẩm đăng trên kênh này được tính vào tỷ lệ trên nền tảng số (chỉ tiêu 4)."),
    )

    panels = [
        FieldPanel("slug"),
        *_name_panels("name"),
        FieldPanel("is_digital"),
        FieldPanel("sort_order"),
    ]

    class Meta(Register.Meta):
        verbose_name = _("kênh đăng tải")
        verbose_name_plural = _("kênh đăng tải")


class Unit(Register):
    """A producing unit. Units are renamed, merged and dissolved: ``valid_from``/
    ``valid_to`` bound its life and ``successor`` names the unit that took over its work,
    so reports over 2023–2028 can be rolled up to today's units."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Sở, ban, ngành")
        PRESS = "press", _("Cơ quan báo chí")
        POLICE = "police", _("Công an")
        OFFICE = "office", _("Văn phòng")
        DISTRICT = "district", _("UBND cấp huyện")
        COMMUNE = "commune", _("UBND cấp xã")
        ORGANISATION = "organisation", _("Tổ chức chính trị - xã hội")

    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind.choices)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    languages = models.JSONField(
        _("ngôn ngữ xuất bản"),
        default=list,
        blank=True,
        help_text=_("Mã ngôn ngữ mà đơn vị xuất bản; mỗi ngôn ngữ có một chuyên mục của đơn vị."),
    )

    panels = [
        FieldPanel("slug"),
        *_name_panels("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_to"), FieldPanel("successor")],
            heading=_("Hiệu lực, sáp nhập"),
        ),
        FieldPanel("languages"),
        FieldPanel("sort_order"),
    ]
    base_form_class = UnitForm

    class Meta(Register.Meta):
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu.")})
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("Một đơn vị không thể kế thừa chính nó.")})
        if self.pk and self.successor_id and self.pk in self.successor_chain_ids():
            raise ValidationError({"successor": _("Chuỗi kế thừa tạo thành vòng lặp.")})
        from products import languages

        unknown = [code for code in self.languages or [] if code not in languages.BY_CODE]
        if unknown:
            raise ValidationError({"languages": _("Mã ngôn ngữ không hợp lệ: %s") % ", ".join(unknown)})

    def successor_chain_ids(self):
        """Ids along the successor links, stopping at a cycle."""
        seen, unit = [], self.successor
        while unit is not None and unit.pk not in seen:
            seen.append(unit.pk)
            unit = unit.successor
        return seen

    def current(self):
        """Today's unit for this one: the end of its successor chain."""
        unit, seen = self, {self.pk}
        while unit.successor_id and unit.successor_id not in seen:
            unit = unit.successor
            seen.add(unit.pk)
        return unit


class Topic(Register):
    panels = [FieldPanel("slug"), *_name_panels("name"), FieldPanel("sort_order")]

    class Meta(Register.Meta):
        verbose_name = _("chủ đề")
        verbose_name_plural = _("chủ đề")
