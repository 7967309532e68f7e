from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigitiseConfig(AppConfig):
    name = "digitise"
    label = "digitise"
    verbose_name = _("Số hoá tư liệu")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from digitise import (
            policies,  # noqa: F401 - UnitCorrectionPolicy, a model outside models.py
            receivers,  # noqa: F401
        )
