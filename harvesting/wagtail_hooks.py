"""Harvest sources and remote records in the admin: to look at, never to edit.

What a source served is its own: an edit here would be overwritten by the next harvest, and
a source is added with ``manage.py harvest_oai --url``. So both viewsets allow only viewing
(list and inspect), whatever rights a user has.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from harvesting.models import RemoteRecord, Source


class ViewOnlyPolicy(ModelPermissionPolicy):
    """The model's ``view`` permission; no one may add, change or delete."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


for _model in (Source, RemoteRecord):  # before any view asks the registry (as products does)
    register_permission_policy(_model, ViewOnlyPolicy(_model))


class ReadOnlyViewSet(ModelViewSet):
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["title"]  # the (unused) add and edit forms: no view may save them


class SourceViewSet(ReadOnlyViewSet):
    model = Source
    form_fields = ["name"]
    icon = "site"
    menu_label = _("Nguồn thu thập")
    list_display = ["name", "base_url", "metadata_prefix", "last_datestamp", "last_run_at", "last_ok"]
    search_fields = ["name", "base_url"]


class RemoteRecordViewSet(ReadOnlyViewSet):
    model = RemoteRecord
    icon = "doc-full-inverse"
    menu_label = _("Bản ghi từ kho khác")
    list_display = ["title", "source", "language", "area", "datestamp", "deleted"]
    list_filter = ["source", "deleted", "language"]
    search_fields = ["title", "identifier"]
    inspect_view_fields = [
        "source",
        "identifier",
        "url",
        "title",
        "summary",
        "language",
        "area",
        "unit",
        "unit_name",
        "format",
        "first_published",
        "datestamp",
        "deleted",
        "harvested_at",
        "metadata_xml",
    ]


class HarvestingGroup(ViewSetGroup):
    menu_label = _("Thu thập từ kho khác")
    menu_icon = "download"
    menu_order = 900
    items = (SourceViewSet("harvest_sources"), RemoteRecordViewSet("remote_records"))


@hooks.register("register_admin_viewset")
def register_viewset():
    return HarvestingGroup()
