"""The plan's roles as Wagtail groups, created idempotently and found through ``Desk`` rows.

- "Báo cáo kế hoạch – <unit>", one per unit: the unit's activities, head-counts and annual
  report — its own unit only;
- "Tổng hợp báo cáo kế hoạch – <Department>": every unit's data, the agencies register,
  accepting or returning reports, the consolidated report, the indicators;
- "Xử lý tin giả – <unit>" for the police and the Department: the misinformation register.
Auditors ("Kiểm tra viên") read everything, the misinformation register included;
administrators ("Quản trị viên") may do everything. Those two groups belong to the editorial
desk (products/desk/roles.py), which sets their rights exactly: this app declares its share
through the ``register_role_permissions`` hook (``role_permissions``), so that one seeding step
gives them the same rights whatever ran before. ``seed_reference`` announces itself with
``products.signals.reference_seeded``, and this app then makes its desks (``ensure_roles``):
every start that runs ``seed_reference`` sets up the plan's roles too.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from monitoring.models import Agency, Desk, PlanDuty, PlanSettings
from products.desk.models import DeskRole
from products.models import Channel, Unit

DEPARTMENT_SLUG = "so-tttt"  # Sở Thông tin và Truyền thông: the plan's lead unit
ONLINE_CHANNELS = ("online-news", "portal", "facebook", "zalo", "tiktok", "youtube")

DATA_MODELS = ("activity", "staffcount", "unitreport")
ALL_MODELS = (*DATA_MODELS, "agency", "misinformationitem")

ROLE_PERMISSIONS = {
    PlanDuty.REPORTING: [
        *(f"monitoring.{action}_{model}" for model in DATA_MODELS for action in ("add", "change", "view")),
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
    ],
    PlanDuty.REVIEW: [
        "monitoring.all_units",
        *(f"monitoring.view_{model}" for model in (*DATA_MODELS, "agency")),
        "monitoring.add_agency",
        "monitoring.change_agency",
        "monitoring.review_unitreport",
        "audit.view_audit",
    ],
    PlanDuty.MISINFORMATION: [
        "monitoring.add_misinformationitem",
        "monitoring.change_misinformationitem",
        "monitoring.view_misinformationitem",
        "wagtailadmin.access_admin",
    ],
}
AUDITOR_PERMISSIONS = ["monitoring.all_units", *(f"monitoring.view_{model}" for model in ALL_MODELS)]
ADMINISTRATOR_PERMISSIONS = [
    "monitoring.all_units",
    "monitoring.review_unitreport",
    "monitoring.change_plansettings",
    *(
        f"monitoring.{action}_{model}"
        for model in ALL_MODELS
        for action in ("add", "change", "delete", "view")
    ),
]


def permissions(names):
    wanted = {tuple(name.split(".", 1)) for name in ["wagtailadmin.access_admin", *names]}
    found = [
        permission
        for permission in Permission.objects.filter(
            codename__in={code for _app, code in wanted}
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    return found


def desk_label(role, unit):
    return f"{PlanDuty(role).label} – {unit.name_vi or unit.slug}"


def ensure_desk(role, unit):
    """The desk (and its group, with the role's permissions) of ``role`` for ``unit``. Idempotent."""
    desk = Desk.objects.filter(role=role, unit=unit).select_related("group").first()
    if desk is None:
        group = Group.objects.create(name=_free_name(desk_label(role, unit)))
        desk = Desk.objects.create(role=role, unit=unit, group=group)
    desk.group.permissions.set(permissions(ROLE_PERMISSIONS[role]))
    return desk


def _free_name(name):
    candidate, n = name, 1
    while Group.objects.filter(name=candidate).exists():
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def rename_unit_desks(unit):
    """A unit's new name shows on its desks' groups; a new unit gets its reporting desk."""
    if not Permission.objects.filter(content_type__app_label="monitoring").exists():
        return  # before this app's migrations (seed data loaded in an earlier migration)
    ensure_desk(PlanDuty.REPORTING, unit)
    for desk in Desk.objects.filter(unit=unit).select_related("group"):
        label = desk_label(desk.role, unit)
        if desk.group.name != label and not Group.objects.filter(name=label).exists():
            desk.group.name = label
            desk.group.save(update_fields=["name"])


def department():
    """Today's Department of Information and Communications (after any merger)."""
    unit = Unit.objects.filter(slug=DEPARTMENT_SLUG).first()
    return unit.current() if unit else None


def role_permissions():
    """This app's share of the auditor's and administrator's rights (the desk's hook)."""
    return {
        DeskRole.Kind.AUDITOR: AUDITOR_PERMISSIONS,
        DeskRole.Kind.ADMINISTRATOR: ADMINISTRATOR_PERMISSIONS,
    }


@transaction.atomic
def ensure_roles():
    """Every desk with exactly its role's rights, the online channels, the agencies. Idempotent;
    the auditors' and administrators' rights are ``seed_reference``'s (``role_permissions``)."""
    for unit in Unit.objects.all():
        ensure_desk(PlanDuty.REPORTING, unit)
    lead = department()
    if lead is not None:
        ensure_desk(PlanDuty.REVIEW, lead)
        ensure_desk(PlanDuty.MISINFORMATION, lead)
    for police in Unit.objects.filter(kind=Unit.Kind.POLICE, successor__isnull=True):
        ensure_desk(PlanDuty.MISINFORMATION, police)
    if not PlanSettings.objects.exists():  # seeded once: afterwards it is the administrators' setting
        PlanSettings.load().online_channels.set(Channel.objects.filter(slug__in=ONLINE_CHANNELS))
    ensure_agencies()


AGENCY_KINDS = (Unit.Kind.DEPARTMENT, Unit.Kind.OFFICE, Unit.Kind.POLICE)


def ensure_agencies():
    """The provincial agencies that are also units, each once; administrators add the others."""
    linked = set(Agency.objects.exclude(unit=None).values_list("unit_id", flat=True))
    for order, unit in enumerate(Unit.objects.filter(kind__in=AGENCY_KINDS).order_by("sort_order", "slug")):
        if unit.pk not in linked:
            Agency.objects.create(
                name=unit.name_vi or unit.slug,
                unit=unit,
                valid_from=unit.valid_from,
                valid_to=unit.valid_to,
                sort_order=order,
            )
