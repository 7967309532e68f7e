from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Target 4 audit: its own app because it owns settings (the target band, the
    log of digital-channel changes), an admin report with drill-downs and exports,
    and a command — none of which belong to the product pages themselves."""

    name = "audit"
    label = "audit"
    verbose_name = _("Kiểm tra chỉ tiêu")

    def ready(self):
        from audit import checks, signals  # noqa: F401 - registers the check, connects the receivers

        pre_migrate.connect(drop_triggers, sender=self, dispatch_uid="audit.triggers.before")
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="audit.triggers")


def drop_triggers(sender, using="default", plan=None, **kwargs):
    """Before a migrate run with work to do: no trigger in the way of a table rebuild (audit/triggers.py).
    Imported here, not at the top: the module reads models, which load after the app registry."""
    from audit import triggers

    triggers.before_migrate(using, plan)


def install_triggers(sender, using="default", **kwargs):
    """After every migrate: the triggers back if their migration is applied (audit/triggers.py)."""
    from audit import triggers

    triggers.after_migrate(using)
