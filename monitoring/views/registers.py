"""The plan's registers in the admin, declared as Wagtail ModelViewSets grouped under "Kế hoạch".

Who may do what on which row is the model's registered permission policy
(``monitoring.permissions.UnitPermissionPolicy``, registered in monitoring/wagtail_hooks.py); every
view of these viewsets asks it (monitoring/views/scoped.py) and refuses with a real 403. Exports
pass every cell through ``safe_cell``.
"""

import django_filters
from django.contrib.admin.utils import unquote
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from monitoring.models import Activity, Agency, MisinformationItem, StaffCount
from monitoring.permissions import UnitPermissionPolicy
from monitoring.views import scoped
from products.desk.forbidden import forbidden


class PlanRegisterViewSet(ModelViewSet):
    """A register of the plan: its views ask the policy of ``policies()`` (see the module docstring)."""

    scope_field = "unit"  # None: every record is visible to whoever has a permission on the register
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = scoped.IndexView
    add_view_class = scoped.CreateView
    edit_view_class = scoped.EditView
    delete_view_class = scoped.DeleteView
    inspect_view_class = scoped.InspectView
    history_view_class = scoped.HistoryView
    usage_view_class = scoped.UsageView
    copy_view_class = scoped.CopyView
    reorder_view_class = scoped.ReorderView

    @classmethod
    def make_policy(cls):
        return UnitPermissionPolicy(cls.model, scope_field=cls.scope_field)


class YearFilter(django_filters.NumberFilter):
    def __init__(self, field_name="date", **kwargs):
        super().__init__(field_name=field_name, lookup_expr="year", label=_("Năm"), **kwargs)


class ActivityFilterSet(WagtailFilterSet):
    year = YearFilter()

    class Meta:
        model = Activity
        fields = ["unit", "task", "kind"]


class ActivityIndexView(scoped.IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.user_has_permission("add"):  # the import adds activities, as the form does
            buttons.append(
                HeaderButton(
                    pgettext_lazy("button", "Nhập từ tệp"),
                    url=reverse("monitoring:import_activities"),
                    icon_name="upload",
                )
            )
        return buttons


class ActivityViewSet(PlanRegisterViewSet):
    url_prefix = "plan/activities"
    url_namespace = "plan_activities"
    model = Activity
    index_view_class = ActivityIndexView
    icon = "date"
    menu_label = _("Hoạt động")
    list_display = ["title", "date", "unit", "task", "kind", "audience"]
    filterset_class = ActivityFilterSet
    search_fields = ["title", "place", "description"]
    list_export = [
        "id",
        "external_id",
        "unit.slug",
        "task.slug",
        "kind",
        "title",
        "date",
        "end_date",
        "place",
        "audience",
        "items",
        "participants_total",
    ]
    export_heading_overrides = {"unit.slug": "unit", "task.slug": "task"}
    export_filename = "hoat-dong"


class StaffCountFilterSet(WagtailFilterSet):
    class Meta:
        model = StaffCount
        fields = ["unit", "year"]


class StaffCountViewSet(PlanRegisterViewSet):
    url_prefix = "plan/staff"
    url_namespace = "plan_staff"
    model = StaffCount
    icon = "group"
    menu_label = _("Cán bộ và tập huấn")
    list_display = ["unit", "year", "hr_staff", "info_staff", "press_staff", "officials_staff"]
    filterset_class = StaffCountFilterSet
    list_export = [
        "unit.slug",
        "year",
        *(f"{c}_{k}" for c in ("hr", "info", "press", "officials") for k in ("staff", "trained")),
    ]
    export_filename = "can-bo-tap-huan"


class AgencyViewSet(PlanRegisterViewSet):
    url_prefix = "plan/agencies"
    url_namespace = "plan_agencies"
    model = Agency
    scope_field = None
    icon = "site"
    menu_label = _("Cơ quan, người phát ngôn")
    list_display = ["name", "unit", "valid_from", "valid_to"]
    search_fields = ["name"]
    list_export = ["id", "name", "unit.slug", "valid_from", "valid_to"]
    export_filename = "co-quan"


class MisinformationFilterSet(WagtailFilterSet):
    year = YearFilter(field_name="detected_on")

    class Meta:
        model = MisinformationItem
        fields = ["detected_by", "platform", "status", "topic"]


class MisinformationViewSet(PlanRegisterViewSet):
    """Restricted (monitoring/models/misinformation.py): no chooser, no reference index, no copy."""

    model = MisinformationItem
    url_prefix = "plan/misinformation"
    url_namespace = "plan_misinformation"
    scope_field = None
    add_to_reference_index = False
    icon = "warning"
    menu_label = _("Tin giả, tin xấu độc")
    list_display = ["detected_on", "platform", "summary", "detected_by", "status", "handled_on"]
    filterset_class = MisinformationFilterSet
    search_fields = ["summary", "url"]
    list_export = [
        "id",
        "detected_on",
        "platform",
        "url",
        "topic.slug",
        "summary",
        "detected_by.slug",
        "status",
        "handled_on",
        "days_to_handle",
    ]
    export_filename = "tin-gia"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("screenshot/<str:pk>/", self.screenshot_view, name="screenshot"),
        ]

    @property
    def screenshot_view(self):
        return self.construct_view(ScreenshotView)


class ScreenshotView(scoped.InspectView):
    """The screenshot, from private storage, to users who may view the item."""

    def get(self, request, *args, **kwargs):
        if not request.user.has_perm("monitoring.view_misinformationitem"):
            return forbidden(request)
        item = get_object_or_404(MisinformationItem, pk=unquote(str(kwargs["pk"])))
        if not item.screenshot:
            raise Http404
        response = FileResponse(item.screenshot.open("rb"))
        response["Content-Disposition"] = "inline"
        response["Cache-Control"] = "private, no-store"
        return response
