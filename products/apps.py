from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "products"
    label = "products"
    verbose_name = _("Sản phẩm truyền thông")

    def ready(self):
        from products import signals  # noqa: F401
