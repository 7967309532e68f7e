"""Monitoring's role groups are protected and assignable as the desk's are (issue 24).

Seen on main: an administrator could edit and delete "Tổng hợp báo cáo kế hoạch – …",
"Xử lý tin giả, tin xấu độc – …" and "Báo cáo kế hoạch – <unit>", whose rights ``seed_monitoring``
sets, yet could not put anyone in "Báo cáo kế hoạch – <unit>" (it holds rights the administrator
role does not), so only a superuser could staff a unit's reporting desk. Matrix rows
``groups.manage_roles`` and ``users.assign_groups``: role groups are edited by superusers only,
and administrators put other people in them.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from monitoring.models import Desk, PlanDuty
from products.models import Unit
from tests.security.test_users_and_groups import bulk, group_form, perm, user_form

pytestmark = pytest.mark.django_db

DESKS = {
    "consolidation": (PlanDuty.REVIEW, "so-tttt"),
    "misinformation": (PlanDuty.MISINFORMATION, "cong-an-tinh"),
    "plan_report": (PlanDuty.REPORTING, "bao-kon-tum"),
}


def desk_group(which):
    role, slug = DESKS[which]
    return Desk.objects.get(role=role, unit=Unit.objects.get(slug=slug)).group


def rights(group):
    return set(group.permissions.values_list("pk", flat=True))


@pytest.mark.parametrize("which", list(DESKS))
def test_administrator_cannot_edit_or_delete_a_monitoring_role_group(client, people, which):
    group = desk_group(which)
    name, before = group.name, rights(group)
    client.force_login(people.administrator)
    edit = reverse("wagtailusers_groups:edit", args=[group.pk])
    client.post(edit, group_form(f"{name} (sửa)", permissions=[perm("auth.change_user")]))
    group.refresh_from_db()
    assert (group.name, rights(group)) == (name, before)
    assert client.get(edit).status_code != 200
    assert client.post(reverse("wagtailusers_groups:delete", args=[group.pk])).status_code != 200
    assert Group.objects.filter(pk=group.pk).exists()


@pytest.mark.parametrize("which", list(DESKS))
def test_administrator_puts_people_in_a_monitoring_desk(client, people, which):
    group = desk_group(which)
    client.force_login(people.administrator)
    url = reverse("wagtailusers_users:edit", args=[people.editor.pk])
    assert f'value="{group.pk}"' in client.get(url).content.decode()
    editors = list(people.editor.groups.all())
    response = client.post(
        url,
        user_form(username="editor", password1="", password2="", groups=[g.pk for g in [*editors, group]]),
    )
    assert response.status_code == 302
    assert people.editor.groups.filter(pk=group.pk).exists()
    bulk(client, "assign_role", [people.auditor], role=group.pk)
    assert people.auditor.groups.filter(pk=group.pk).exists()


def test_administrator_still_cannot_join_a_monitoring_desk_themselves(client, people):
    group = desk_group("plan_report")
    client.force_login(people.administrator)
    bulk(client, "assign_role", [people.administrator], role=group.pk)
    assert not people.administrator.groups.filter(pk=group.pk).exists()


def test_superuser_still_edits_a_monitoring_role_group(client, people):
    group = desk_group("consolidation")
    client.force_login(people.superuser)
    assert client.get(reverse("wagtailusers_groups:edit", args=[group.pk])).status_code == 200
