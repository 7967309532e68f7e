from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Target 4 audit: its own app because it owns settings (the target band, the
    log of digital-channel changes), an admin report with drill-downs and exports,
    and a command — none of which belong to the product pages themselves."""

    name = "audit"
    label = "audit"
    verbose_name = _("Kiểm tra chỉ tiêu")

    def ready(self):
        from audit import signals  # noqa: F401 - connects its receivers

        post_migrate.connect(install_triggers, sender=self, dispatch_uid="audit.triggers")


def install_triggers(sender, using="default", **kwargs):
    """After every migrate: the triggers behind the monthly counts (audit/triggers.py).
    Imported here, not at the top: the module reads models, which load after the app registry."""
    from audit import triggers

    triggers.install(using)
