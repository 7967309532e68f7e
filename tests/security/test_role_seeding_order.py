"""Every start gives each role group the same rights, whatever order the seeds ran in (issue 25).

Seen on main: ``make serve`` and the systemd unit run ``seed_reference`` only, which sets the
auditor and administrator groups' rights exactly; ``seed_monitoring``, which added monitoring's,
never ran there. An auditor then held 3 rights instead of 9 and had no misinformation register;
the tests seeded reference → monitoring, the one order that hid it.
"""

import io
import re
import shlex
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from monitoring.models import Desk, PlanSettings
from products.desk.models import DeskRole

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

AUDITOR = {
    "wagtailadmin.access_admin",
    "audit.view_audit",
    "products.view_private_files",
    "monitoring.all_units",
    "monitoring.view_activity",
    "monitoring.view_staffcount",
    "monitoring.view_unitreport",
    "monitoring.view_agency",
    "monitoring.view_misinformationitem",
}
REGISTERS = ("contentarea", "plantask", "format", "channel", "unit", "topic")
MONITORED = ("activity", "staffcount", "unitreport", "agency", "misinformationitem")
ADMINISTRATOR = {
    "wagtailadmin.access_admin",
    *(f"products.{action}_{model}" for model in REGISTERS for action in ("add", "change", "delete")),
    "audit.view_audit",
    "audit.change_auditsettings",
    "products.view_private_files",
    *(f"auth.{action}_{model}" for model in ("user", "group") for action in ("add", "change", "delete")),
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
    "monitoring.all_units",
    "monitoring.review_unitreport",
    "monitoring.change_plansettings",
    *(
        f"monitoring.{action}_{model}"
        for model in MONITORED
        for action in ("add", "change", "delete", "view")
    ),
    # digitise: correct any scan page, see and rerun every unit's scans, each unit's correction switch
    "digitise.change_scanpage",
    "digitise.change_scan",
    *(f"digitise.{action}_unitcorrectionpolicy" for action in ("add", "change", "delete")),
}

ORDERS = {
    "reference, then monitoring": ["seed_reference", "seed_monitoring"],
    "monitoring, then reference": ["seed_monitoring", "seed_reference"],
    "reference only": ["seed_reference"],
}


def labels(group):
    return {
        f"{app}.{code}" for app, code in group.permissions.values_list("content_type__app_label", "codename")
    }


def role_rights():
    """Every role group's rights, keyed by what the group is (its role record), never its name."""
    rights = {
        ("desk", record.role, record.unit_id, record.language): labels(record.group)
        for record in DeskRole.objects.select_related("group")
    }
    rights.update(
        {
            ("plan", desk.role, desk.unit_id): labels(desk.group)
            for desk in Desk.objects.select_related("group")
        }
    )
    return rights


def fresh_start():
    """As after ``migrate`` on an empty database: no group holds a right, no plan settings."""
    Group.permissions.through.objects.all().delete()
    PlanSettings.objects.all().delete()


def run(commands):
    for command in commands:
        call_command(command, stdout=io.StringIO())


def role(kind):
    return DeskRole.objects.get(role=kind).group


@pytest.mark.parametrize("order", list(ORDERS))
def test_each_order_gives_each_role_group_the_same_exact_rights_twice_over(order):
    fresh_start()
    run(ORDERS["reference only"] * 2)
    expected = role_rights()
    assert labels(role(DeskRole.Kind.AUDITOR)) == AUDITOR
    assert labels(role(DeskRole.Kind.ADMINISTRATOR)) == ADMINISTRATOR

    fresh_start()
    run(ORDERS[order])
    assert labels(role(DeskRole.Kind.AUDITOR)) == AUDITOR
    assert labels(role(DeskRole.Kind.ADMINISTRATOR)) == ADMINISTRATOR
    assert role_rights() == expected
    run(ORDERS[order])
    assert role_rights() == expected
    assert PlanSettings.objects.get().online_channels.exists()


def serve_commands():
    """The ``manage.py`` commands of the Makefile's ``serve`` target, in their order."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    commands = []
    for line in recipe.splitlines():
        if line.strip().startswith("$(if "):  # an optional step (DEMO=1 load_demo): off by default
            continue
        words = shlex.split(line.replace("$(MANAGE)", "manage.py"))
        if "manage.py" in words:
            commands.append(words[words.index("manage.py") + 1 :])
    return commands


# Files and the schema: the test database is migrated already and needs no static files.
NOT_HERE = {"migrate", "collectstatic", "createcachetable"}


def test_make_serve_leaves_the_auditor_with_the_plan_registers(people, django_user_model):
    commands = serve_commands()
    assert any(command[0] not in NOT_HERE for command in commands), commands
    fresh_start()
    for command in commands:
        if command[0] not in NOT_HERE:
            call_command(*command, stdout=io.StringIO())
    auditor = role(DeskRole.Kind.AUDITOR)
    assert labels(auditor) == AUDITOR
    auditor_person = django_user_model.objects.get(pk=people.auditor.pk)  # no cached rights
    assert auditor_person.has_perm("monitoring.view_misinformationitem")
    assert auditor_person.has_perm("monitoring.view_unitreport")
