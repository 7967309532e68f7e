"""Data behind targets 1 and 2: provincial agencies' spokesperson mechanism; head-counts per unit and year."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from monitoring.forms import UnitScopedForm
from monitoring.models.activities import STAFF_CATEGORIES
from products.validators import validate_not_future


class Agency(ClusterableModel):
    """A provincial administrative agency (target 1's denominator), with its spokespersons over time.

    Agencies are not all producing units (most departments publish nothing), hence a register
    of its own; ``unit`` links an agency that is also a unit, so that its figures follow the
    unit filter and the rollup. Like units, agencies are created, merged and dissolved.
    """

    name = models.CharField(_("tên cơ quan"), max_length=255)
    unit = models.ForeignKey(
        "products.Unit",
        verbose_name=_("đơn vị tương ứng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        InlinePanel("spokespersons", label=_("Người phát ngôn (quyết định giao)")),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("cơ quan hành chính cấp tỉnh")
        verbose_name_plural = _("cơ quan hành chính cấp tỉnh")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu.")})

    def active_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    def spokesperson_on(self, day):
        """The appointment in force on ``day``, or None."""
        for appointment in sorted(self.spokespersons.all(), key=lambda a: a.decision_date, reverse=True):
            if appointment.in_force_on(day):
                return appointment
        return None


class SpokespersonAppointment(Orderable):
    """A decision naming an agency's spokesperson for human-rights information to the press."""

    agency = ParentalKey(Agency, on_delete=models.CASCADE, related_name="spokespersons")
    name = models.CharField(_("người phát ngôn"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=100)
    decision_date = models.DateField(_("ngày quyết định"), validators=[validate_not_future])
    ended_on = models.DateField(_("thôi đảm nhiệm từ"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date"), FieldPanel("ended_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("người phát ngôn")

    def __str__(self):
        return f"{self.name} ({self.decision_number})"

    def clean(self):
        if self.ended_on and self.decision_date and self.ended_on < self.decision_date:
            raise ValidationError({"ended_on": _("Ngày thôi đảm nhiệm phải sau ngày quyết định.")})

    def in_force_on(self, day):
        return self.decision_date <= day and (self.ended_on is None or day < self.ended_on)


def current_year():
    return datetime.date.today().year


def _staff(category):
    return models.PositiveIntegerField(_("số người"), default=0, help_text=CATEGORY_LABELS[category])


def _trained(category):
    return models.PositiveIntegerField(
        _("đã tập huấn"),
        null=True,
        blank=True,
        help_text=_("Để trống: tính từ số người tham gia các hội nghị tập huấn, hội thảo trong năm."),
    )


CATEGORY_LABELS = {code: label for code, label, _share in STAFF_CATEGORIES}


class StaffCount(models.Model):
    """Per unit and year: how many people of each category target 2 names, and how many were trained.

    A trained count left empty is taken from the training activities of the year (their
    participants of that category and unit); a count entered overrides it, for a unit that
    knows how many distinct people were trained.
    """

    unit = models.ForeignKey(
        "products.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2023), MaxValueValidator(2100)], default=current_year
    )
    hr_staff = _staff("hr")
    hr_trained = _trained("hr")
    info_staff = _staff("info")
    info_trained = _trained("info")
    press_staff = _staff("press")
    press_trained = _trained("press")
    officials_staff = _staff("officials")
    officials_trained = _trained("officials")
    note = models.TextField(_("ghi chú"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("unit"), FieldPanel("year")]),
        *(
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel(f"{code}_staff"), FieldPanel(f"{code}_trained")])], heading=label
            )
            for code, label, _share in STAFF_CATEGORIES
        ),
        FieldPanel("note"),
    ]
    base_form_class = UnitScopedForm

    class Meta:
        ordering = ["-year", "unit__sort_order"]
        verbose_name = _("số liệu cán bộ và tập huấn")
        verbose_name_plural = _("số liệu cán bộ và tập huấn")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="staffcount_unit_year")]

    def __str__(self):
        return f"{self.unit} – {self.year}"
