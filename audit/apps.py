from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Target 4 audit: its own app because it owns settings (the target band, the
    log of digital-channel changes), an admin report with drill-downs and exports,
    and a command — none of which belong to the product pages themselves."""

    name = "audit"
    label = "audit"
    verbose_name = _("Kiểm tra chỉ tiêu")

    def ready(self):
        from audit import signals  # noqa: F401
