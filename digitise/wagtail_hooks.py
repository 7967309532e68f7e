"""Admin registration: the scans' listing ("Bản quét", ``digitise.admin_views``), administrators'
rights, and each unit's correction switch.

Administrators may correct any scan page (``digitise.change_scanpage``) and say per unit whether
its readers may correct (``UnitCorrectionPolicy``): their group's rights are the desk's plus what
this hook returns, set by ``seed_reference`` (``products.desk.roles``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from digitise.admin_scope import SEE_ALL, ScanPermissionPolicy
from digitise.admin_views import ScanViewSet
from digitise.models import Scan
from digitise.policies import UnitCorrectionPolicy
from products.desk.models import DeskRole

CORRECT_ANY_PAGE = "digitise.change_scanpage"
ADMINISTRATOR_PERMISSIONS = (
    CORRECT_ANY_PAGE,
    SEE_ALL,  # every unit's scans in "Bản quét", and run them again
    "digitise.add_unitcorrectionpolicy",
    "digitise.change_unitcorrectionpolicy",
    "digitise.delete_unitcorrectionpolicy",
)


register_permission_policy(Scan, ScanPermissionPolicy(Scan))  # before any view asks the registry


@hooks.register("register_role_permissions")
def correction_role_permissions():
    return {DeskRole.Kind.ADMINISTRATOR: ADMINISTRATOR_PERMISSIONS}


class UnitCorrectionPolicyViewSet(ModelViewSet):
    model = UnitCorrectionPolicy
    icon = "edit"
    menu_label = _("Hiệu đính bản quét")
    add_to_settings_menu = True
    form_fields = ["unit", "readers_may_correct"]
    list_display = ["unit", "readers_may_correct"]


@hooks.register("register_admin_viewset")
def register_correction_policies():
    return UnitCorrectionPolicyViewSet("unit_correction_policies")


@hooks.register("register_admin_viewset")
def register_scans():
    return ScanViewSet("scans")
