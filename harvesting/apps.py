from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HarvestingConfig(AppConfig):
    name = "harvesting"
    label = "harvesting"
    verbose_name = _("Thu thập từ kho khác")
    default_auto_field = "django.db.models.BigAutoField"
