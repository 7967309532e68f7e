"""Admin registration: the registers (one menu group), the plan's pages (admin_urls), the reports menu."""

from django.contrib.auth.models import Group
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from monitoring import admin_urls, roles
from monitoring.views.registers import (
    ActivityViewSet,
    AgencyViewSet,
    MisinformationViewSet,
    StaffCountViewSet,
)
from monitoring.views.reports import UnitReportViewSet
from products.models import ProductPage

REGISTERS = (ActivityViewSet, StaffCountViewSet, AgencyViewSet, MisinformationViewSet, UnitReportViewSet)

# Each register's rows answer to its unit-scoped policy, wherever Wagtail asks (the registry must
# hold it before anything asks for the model's policy: here, at import, as Wagtail's docs advise).
for viewset_class in REGISTERS:
    register_permission_policy(viewset_class.model, viewset_class.make_policy())


class PlanViewSetGroup(ViewSetGroup):
    menu_label = _("Kế hoạch")
    menu_icon = "tasks"
    menu_order = 250
    items = REGISTERS


@hooks.register("register_admin_viewset")
def register_plan_registers():
    return PlanViewSetGroup()


@hooks.register("register_role_groups")
def plan_desk_groups():
    """The plan's desks are role groups (``products.desk.users``): their rights are what
    ``seed_monitoring`` grants, so administrators put people in them but never edit them."""
    return Group.objects.filter(plan_desk__isnull=False)


@hooks.register("register_role_permissions")
def plan_role_permissions():
    """What auditors and administrators may do in the plan's registers; ``seed_reference`` sets
    their groups' rights to the desk's plus these (``products.desk.roles``)."""
    return roles.role_permissions()


@hooks.register("register_admin_urls")
def register_plan_urls():
    return [path("plan/", include(admin_urls, namespace="monitoring"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_indicators_menu_item():
    return PermissionMenuItem(
        _("Các chỉ tiêu của Kế hoạch"),
        reverse("monitoring:indicators"),
        icon_name="tasks",
        order=51,
        permission="audit.view_audit",
    )


@hooks.register("register_page_header_buttons")
def reading_script_button(page, user, view_name=None, next_url=None):
    """ "Kịch bản đọc" (task 3.3) on every product's page header in the admin."""
    if page.specific_class is ProductPage:
        yield Button(
            _("Kịch bản đọc"), reverse("scripts:page", args=[page.pk]), icon_name="doc-full", priority=90
        )


@hooks.register("audit_figures")
def target_5a_on_the_audit_page(query):
    """The audit page shows target 5a beside target 4: monitoring computes it (its settings hold
    the online channels and the threshold), by the function of the indicators page and reports."""
    from monitoring.views.indicators import audit_page_rows

    return audit_page_rows(query)
