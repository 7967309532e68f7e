from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """See the package docstring for why the plan's monitoring is an app of its own."""

    name = "monitoring"
    label = "monitoring"
    verbose_name = _("Theo dõi kế hoạch")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from monitoring import signals  # noqa: F401 - connects the receivers
