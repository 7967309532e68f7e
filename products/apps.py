from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "products"
    label = "products"
    verbose_name = _("Sản phẩm truyền thông")

    def ready(self):
        from django.core import checks

        from products import signals  # noqa: F401
        from products.site_root import check_site_root

        checks.register(check_site_root, checks.Tags.security, deploy=True)
