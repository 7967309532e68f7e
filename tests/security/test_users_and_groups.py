"""Administrators manage users and groups, but never reach superuser rights (issue 12)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail.users.views.groups import get_permission_panel_classes

from tests.roles import PASSWORD, role_group

User = get_user_model()
NEW_PASSWORD = "Một-mật-khẩu-khác-2025"


def user_form(**fields):
    data = {
        "username": "nguoimoi",
        "email": "moi@example.org",
        "first_name": "Người",
        "last_name": "Mới",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "is_active": "on",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def group_form(name, permissions=(), page_permissions=()):
    """The group form with every permission panel's management form; ``page_permissions`` is
    [(page, [codename, …])]."""
    data = {"name": name, "permissions": [p.pk for p in permissions]}
    for cls in get_permission_panel_classes():
        prefix = cls().prefix
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
        data.update({f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    data["page_permissions-TOTAL_FORMS"] = str(len(page_permissions))
    for index, (page, codenames) in enumerate(page_permissions):
        data[f"page_permissions-{index}-page"] = page.pk
        data[f"page_permissions-{index}-permissions"] = list(codenames)
    return data


def perm(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def test_administrator_creates_users_but_never_a_superuser(client, people):
    client.force_login(people.administrator)
    editor_group = role_group("editor", "bao-kon-tum")
    response = client.post(
        reverse("wagtailusers_users:add"), user_form(is_superuser="on", groups=[editor_group.pk])
    )
    assert response.status_code == 302
    created = User.objects.get(username="nguoimoi")
    assert not created.is_superuser
    assert list(created.groups.all()) == [editor_group]
    html = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' not in html


def test_administrator_cannot_tick_superuser_on_an_existing_user(client, people):
    client.force_login(people.administrator)
    url = reverse("wagtailusers_users:edit", args=[people.editor.pk])
    assert 'name="is_superuser"' not in client.get(url).content.decode()
    client.post(url, user_form(username="editor", is_superuser="on", password1="", password2=""))
    people.editor.refresh_from_db()
    assert not people.editor.is_superuser


def test_administrator_cannot_edit_a_superuser_or_change_their_password(client, people):
    client.force_login(people.administrator)
    url = reverse("wagtailusers_users:edit", args=[people.superuser.pk])
    assert client.get(url).status_code != 200
    client.post(url, user_form(username="root", password1=NEW_PASSWORD, password2=NEW_PASSWORD))
    people.superuser.refresh_from_db()
    assert people.superuser.check_password(PASSWORD) and people.superuser.is_superuser
    assert client.post(reverse("wagtailusers_users:delete", args=[people.superuser.pk])).status_code != 200
    assert User.objects.filter(pk=people.superuser.pk).exists()


def bulk(client, action, users, **data):
    url = reverse("wagtail_bulk_action", args=["auth", "user", action])
    query = "&".join(f"id={user.pk}" for user in users)
    return client.post(f"{url}?{query}", data)


def test_administrator_cannot_deactivate_delete_or_regroup_a_superuser_in_bulk(client, people):
    client.force_login(people.administrator)
    bulk(client, "set_active_state", [people.superuser], mark_as_active="False")
    bulk(client, "assign_role", [people.superuser], role=role_group("auditor").pk)
    bulk(client, "delete", [people.superuser])
    people.superuser.refresh_from_db()
    assert people.superuser.is_active
    assert not people.superuser.groups.exists()


def test_administrator_cannot_change_their_own_groups(client, people):
    client.force_login(people.administrator)
    reviewer = role_group("reviewer", "bao-kon-tum")
    url = reverse("wagtailusers_users:edit", args=[people.administrator.pk])
    client.post(url, user_form(username="administrator", password1="", password2="", groups=[reviewer.pk]))
    bulk(client, "assign_role", [people.administrator], role=reviewer.pk)
    assert not people.administrator.groups.filter(pk=reviewer.pk).exists()
    assert not people.administrator.has_perm("wagtailcore.publish_page")


def test_administrator_puts_other_people_in_role_groups(client, people):
    client.force_login(people.administrator)
    reviewer = role_group("reviewer", "bao-kon-tum")
    url = reverse("wagtailusers_users:edit", args=[people.editor.pk])
    response = client.post(
        url, user_form(username="editor", password1="", password2="", groups=[reviewer.pk])
    )
    assert response.status_code == 302
    assert list(people.editor.groups.all()) == [reviewer]
    bulk(client, "assign_role", [people.auditor], role=reviewer.pk)
    assert people.auditor.groups.filter(pk=reviewer.pk).exists()


def test_administrator_cannot_edit_role_groups(client, people):
    client.force_login(people.administrator)
    reviewer = role_group("reviewer", "bao-kon-tum")
    before = set(GroupPagePermission.objects.filter(group=reviewer).values_list("page", "permission"))
    root = Page.get_first_root_node()
    url = reverse("wagtailusers_groups:edit", args=[reviewer.pk])
    client.post(url, group_form(reviewer.name, page_permissions=[(root, ["add_page", "publish_page"])]))
    assert set(GroupPagePermission.objects.filter(group=reviewer).values_list("page", "permission")) == before
    administrators = role_group("administrator")
    client.post(
        reverse("wagtailusers_groups:edit", args=[administrators.pk]),
        group_form(
            administrators.name, permissions=[*administrators.permissions.all(), perm("auth.add_permission")]
        ),
    )
    assert not administrators.permissions.filter(codename="add_permission").exists()
    assert client.post(reverse("wagtailusers_groups:delete", args=[reviewer.pk])).status_code != 200
    assert Group.objects.filter(pk=reviewer.pk).exists()


def test_administrator_groups_hold_only_what_the_administrator_role_holds(client, people):
    client.force_login(people.administrator)
    add = reverse("wagtailusers_groups:add")
    root = Page.get_first_root_node()
    client.post(add, group_form("Xuất bản mọi nơi", page_permissions=[(root, ["publish_page"])]))
    assert not GroupPagePermission.objects.filter(group__name="Xuất bản mọi nơi").exists()
    client.post(add, group_form("Quản lý trang web", permissions=[perm("wagtailcore.change_site")]))
    assert not Group.objects.filter(name="Quản lý trang web", permissions__codename="change_site").exists()
    response = client.post(add, group_form("Thư ký", permissions=[perm("auth.change_user")]))
    assert response.status_code == 302
    assert Group.objects.get(name="Thư ký").permissions.filter(codename="change_user").exists()


@pytest.mark.parametrize("role", ["editor", "reviewer", "translator", "auditor"])
def test_other_roles_manage_no_users_or_groups(client, people, role):
    client.force_login(getattr(people, role))
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[people.editor.pk]),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:add"),
    ):
        assert client.get(url).status_code != 200, url


def test_superuser_manages_superusers(client, people, django_user_model):
    other = django_user_model.objects.create_superuser("root2", "r2@example.org", PASSWORD)
    client.force_login(people.superuser)
    url = reverse("wagtailusers_users:edit", args=[other.pk])
    assert 'name="is_superuser"' in client.get(url).content.decode()
    response = client.post(
        url,
        user_form(
            username="root2",
            email="r2@example.org",
            password1=NEW_PASSWORD,
            password2=NEW_PASSWORD,
            is_superuser="on",
        ),
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.check_password(NEW_PASSWORD) and other.is_superuser


def test_administrator_cannot_hand_out_a_group_beyond_their_role(client, people):
    powerful = Group.objects.create(name="Nhóm do quản trị tối cao lập")
    powerful.permissions.add(perm("wagtailcore.change_site"))
    client.force_login(people.administrator)
    url = reverse("wagtailusers_users:edit", args=[people.editor.pk])
    assert f'value="{powerful.pk}"' not in client.get(url).content.decode()
    editor_group = role_group("editor", "bao-kon-tum")
    client.post(
        url, user_form(username="editor", password1="", password2="", groups=[editor_group.pk, powerful.pk])
    )
    bulk(client, "assign_role", [people.auditor], role=powerful.pk)
    assert not powerful.user_set.exists()
    people.editor.groups.add(powerful)  # given by a superuser: an administrator's edit keeps it
    client.post(url, user_form(username="editor", password1="", password2="", groups=[editor_group.pk]))
    assert set(people.editor.groups.all()) == {editor_group, powerful}
