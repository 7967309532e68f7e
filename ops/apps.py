from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    label = "ops"
    verbose_name = _("Vận hành")

    def ready(self):
        from ops.csp import patch_chooser_widgets

        patch_chooser_widgets()
