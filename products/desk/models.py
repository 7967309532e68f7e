"""Which role of the matrix a Wagtail group plays, and what each unit's desk owns.

Groups, collections and workflows have display names that administrators may edit and that
follow a unit's renaming; the desk finds them through these records, never by name.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Who sees every private file (``products.media_access``): the auditor and administrator roles,
# and nobody because of another right they happen to hold (issue 24).
VIEW_PRIVATE_FILES = "view_private_files"


class DeskRole(models.Model):
    class Kind(models.TextChoices):
        EDITOR = "editor", _("Phóng viên, biên tập viên của đơn vị")
        REVIEWER = "reviewer", _("Duyệt bài của đơn vị")
        TRANSLATOR = "translator", _("Biên dịch viên")
        TRANSLATOR_INTO = "translator_into", _("Biên dịch viên một ngôn ngữ")
        AUDITOR = "auditor", _("Kiểm tra viên")
        ADMINISTRATOR = "administrator", _("Quản trị viên")

    group = models.OneToOneField(
        Group, verbose_name=_("nhóm"), on_delete=models.CASCADE, related_name="desk_role"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(
        "products.Unit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="desk_roles",
    )
    language = models.CharField(_("ngôn ngữ"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("vai trò của nhóm")
        verbose_name_plural = _("vai trò của nhóm")
        permissions = [
            (VIEW_PRIVATE_FILES, _("Xem và tải mọi tệp riêng tư (tệp của bản nháp, sản phẩm chưa công khai)"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "unit"], condition=Q(unit__isnull=False), name="desk_role_per_unit"
            ),
            models.UniqueConstraint(
                fields=["role", "language"], condition=Q(unit__isnull=True), name="desk_role_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()} – {self.unit or self.language or ''}".rstrip(" –")


class UnitDesk(models.Model):
    """A unit's review workflow and its collection of images, documents and media."""

    unit = models.OneToOneField(
        "products.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="desk"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("bộ sưu tập"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="unit_desk",
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        verbose_name=_("quy trình duyệt"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="unit_desk",
    )

    class Meta:
        verbose_name = _("bàn biên tập của đơn vị")
        verbose_name_plural = _("bàn biên tập của đơn vị")

    def __str__(self):
        return str(self.unit)
