"""Groups of the plan's roles, found by identity (role and unit), never by their display name."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanDuty(models.TextChoices):
    """What a monitoring desk does for its unit (editorial roles: ``products.desk.models.DeskRole``)."""

    REPORTING = "reporting", _("Báo cáo kế hoạch")
    REVIEW = "review", _("Tổng hợp báo cáo kế hoạch")
    MISINFORMATION = "misinformation", _("Xử lý tin giả, tin xấu độc")


class Desk(models.Model):
    """One group of a role, for one unit (the unit its members work for).

    The group's name is a label ("Báo cáo kế hoạch – Báo Kon Tum") kept up to date when the
    unit is renamed; code finds the group through this row.
    """

    role = models.CharField(_("vai trò"), max_length=20, choices=PlanDuty.choices)
    unit = models.ForeignKey(
        "products.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+"
    )
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="plan_desk")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["role", "unit"], name="desk_role_unit")]
        verbose_name = _("nhóm vai trò kế hoạch")

    def __str__(self):
        return self.group.name
