"""The admin import page: URLs and a menu item for users who may add products."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from products.importing import views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("products-import/", views.upload, name="products_import"),
        path("products-import/<str:token>/", views.review, name="products_import_review"),
        path("products-import/<str:token>/confirm/", views.confirm, name="products_import_confirm"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Nhập dữ liệu"), reverse("products_import"), icon_name="upload", order=900)
