"""seed_reference makes the role groups the matrix describes, found by identity, and keeps them so."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from products.desk import roles
from products.desk.models import DeskRole
from products.models import Unit
from tests.roles import role_group
from tests.security.test_users_and_groups import perm


def seed():
    call_command("seed_reference", stdout=io.StringIO())


def test_seeding_again_changes_nothing(db):
    before = (
        set(DeskRole.objects.values_list("group_id", "role", "unit_id", "language")),
        set(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")),
        set(GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")),
        Group.objects.count(),
    )
    seed()
    after = (
        set(DeskRole.objects.values_list("group_id", "role", "unit_id", "language")),
        set(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")),
        set(GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")),
        Group.objects.count(),
    )
    assert before == after


def test_a_right_added_to_a_role_group_by_hand_is_gone_at_the_next_seed(db):
    translators = role_group("translator")
    translators.permissions.add(perm("wagtailcore.publish_page"))
    GroupPagePermission.objects.create(
        group=translators, page=Page.get_first_root_node(), permission=perm("wagtailcore.add_page")
    )
    seed()
    assert not translators.permissions.filter(codename="publish_page").exists()
    assert not GroupPagePermission.objects.filter(group=translators).exists()


def test_groups_of_an_older_installation_are_adopted_by_name(db):
    unit = Unit.objects.get(slug="bao-kon-tum")
    editors = role_group("editor", "bao-kon-tum")
    DeskRole.objects.all().delete()  # as before the records existed
    roles.ensure_unit_desk(unit)
    seed()
    assert role_group("editor", "bao-kon-tum") == editors
    assert Group.objects.filter(name=editors.name).count() == 1


def test_a_renamed_unit_keeps_its_groups_which_follow_the_name(db):
    unit = Unit.objects.get(slug="bao-kon-tum")
    editors = role_group("editor", "bao-kon-tum")
    unit.name_vi = "Báo Quảng Ngãi"
    unit.save()
    editors.refresh_from_db()
    assert role_group("editor", "bao-kon-tum") == editors
    assert editors.name == roles.EDITOR.format(unit="Báo Quảng Ngãi")
    assert GroupPagePermission.objects.filter(group=editors).count() >= len(unit.languages)
