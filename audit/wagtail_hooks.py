from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_page, name="index"),
    path("export/", views.audit_export, name="export"),
    path("products/", views.AuditProductsView.as_view(), name="products"),
    path(
        "products/results/",
        views.AuditProductsView.as_view(results_only=True),
        name="products_results",
    ),
]


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [path("audit/", include((urlpatterns, "audit"), namespace="audit"))]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(_("Chỉ tiêu 4: tỷ lệ sản phẩm"), reverse("audit:index"), icon_name="pick", order=50)
