"""Roles of the editorial desk, proved through the admin's HTTP views."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageLogEntry

from products.desk import roles
from products.models import ProductPage, Unit, UnitSectionPage
from tests.factories import make_product
from tests.products.test_product_pages import product_form


def member(django_user_model, name, group_name):
    user = django_user_model.objects.create_user(name, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def unit_name(slug):
    return Unit.objects.get(slug=slug).name_vi


@pytest.fixture
def unit_desk_users(db, django_user_model):
    """{role: user} of two units' product desks (Báo Kon Tum's editor and reviewer, another unit's
    editor) and the auditor. Not ``people`` (tests/conftest.py: the role matrix's namespace)."""
    return {
        "editor": member(django_user_model, "editor", roles.EDITOR.format(unit=unit_name("bao-kon-tum"))),
        "reviewer": member(
            django_user_model, "reviewer", roles.REVIEWER.format(unit=unit_name("bao-kon-tum"))
        ),
        "other_editor": member(
            django_user_model, "other", roles.EDITOR.format(unit=unit_name("dai-ptth-kon-tum"))
        ),
        "auditor": member(django_user_model, "auditor", roles.AUDITOR),
    }


def login(client, user):
    client.force_login(user)
    return client


def section(unit, language="vi"):
    return UnitSectionPage.objects.get(unit__slug=unit, locale__language_code=language)


def add_url(unit, language="vi"):
    return reverse("wagtailadmin_pages:add", args=("products", "productpage", section(unit, language).pk))


def test_seed_creates_the_roles(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {roles.TRANSLATOR, roles.AUDITOR, roles.ADMINISTRATOR} <= names
    assert roles.EDITOR.format(unit="Báo Kon Tum") in names
    assert roles.REVIEWER.format(unit="Báo Kon Tum") in names
    assert Group.objects.get(name=roles.AUDITOR).permissions.filter(codename="view_audit").exists()


def test_editor_creates_drafts_in_own_unit_only(client, unit_desk_users, registers):
    login(client, unit_desk_users["editor"])
    assert client.get(add_url("bao-kon-tum")).status_code == 200
    assert client.get(add_url("bao-kon-tum", "en")).status_code == 200  # every locale of the unit
    assert client.get(add_url("dai-ptth-kon-tum")).status_code != 200
    response = client.post(add_url("dai-ptth-kon-tum"), product_form(registers, action="action-save"))
    assert response.status_code != 200 or "form" not in (response.context or {})
    assert not ProductPage.objects.filter(title="Tin thử").exists()


def test_editor_cannot_publish(client, unit_desk_users, registers):
    login(client, unit_desk_users["editor"])
    client.post(add_url("bao-kon-tum"), product_form(registers, action="action-publish"))
    page = ProductPage.objects.get(title="Tin thử")
    assert not page.live


def test_editor_cannot_see_or_touch_another_units_products(client, unit_desk_users, registers):
    draft = make_product(title="Bản nháp của Đài", unit="dai-ptth-kon-tum", live=False)
    live = make_product(title="Tin của Đài", unit="dai-ptth-kon-tum")
    login(client, unit_desk_users["editor"])
    assert (
        "Bản nháp của Đài"
        not in client.get(
            reverse("wagtailadmin_explore", args=[section("dai-ptth-kon-tum").pk])
        ).content.decode()
    )
    assert client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code != 200
    assert client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])).status_code != 200
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[live.pk]),
        product_form(registers, title="Sửa trộm", action="action-publish"),
    )
    assert response.status_code != 200
    live.refresh_from_db()
    assert live.title == "Tin của Đài" and live.get_latest_revision().content["title"] == "Tin của Đài"
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[live.pk])).status_code != 200
    live.refresh_from_db()
    assert live.live


def test_reviewer_publishes_own_unit_only(client, unit_desk_users, registers):
    login(client, unit_desk_users["reviewer"])
    client.post(add_url("bao-kon-tum"), product_form(registers, title="Duyệt đăng", action="action-publish"))
    assert ProductPage.objects.get(title="Duyệt đăng").live
    assert client.get(add_url("dai-ptth-kon-tum")).status_code != 200


def test_auditor_reads_but_edits_nothing(client, unit_desk_users, registers):
    page = make_product(title="Tin kiểm tra")
    login(client, unit_desk_users["auditor"])
    assert client.get(reverse("audit:index"), {"year": 2024}).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code != 200
    assert client.get(add_url("bao-kon-tum")).status_code != 200


def test_new_language_of_a_unit_gets_a_section_with_permissions(client, unit_desk_users, registers):
    from products.sections import section_for

    unit = Unit.objects.get(slug="bao-kon-tum")
    fr = section_for(unit, "fr")
    assert "fr" in Unit.objects.get(pk=unit.pk).languages
    login(client, unit_desk_users["editor"])
    url = reverse("wagtailadmin_pages:add", args=("products", "productpage", fr.pk))
    assert client.get(url).status_code == 200


def test_review_workflow_submit_return_resubmit_approve(client, unit_desk_users, registers):
    login(client, unit_desk_users["editor"])
    client.post(add_url("bao-kon-tum"), product_form(registers, title="Qua duyệt", action="action-submit"))
    page = ProductPage.objects.get(title="Qua duyệt")
    assert not page.live and page.current_workflow_state is not None

    login(client, unit_desk_users["reviewer"])
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        {"comment": "Cần bổ sung nguồn."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert not page.live

    login(client, unit_desk_users["editor"])
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit, product_form(registers, title="Qua duyệt", action="action-restart-workflow"))
    page.refresh_from_db()
    assert page.current_workflow_task_state is not None and not page.live

    login(client, unit_desk_users["reviewer"])
    task_state = page.current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.live
    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", flat=True)
    )
    for step in (
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ):
        assert step in actions, actions
    assert actions.count("wagtail.workflow.start") >= 2  # submitted, then resubmitted
    reject = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert "Cần bổ sung nguồn." in str(reject.data)
    assert datetime.date.today() >= page.first_published


def test_administrator_manages_registers_and_users_editors_do_not(
    client, unit_desk_users, django_user_model, registers
):
    admin = member(django_user_model, "quantri", roles.ADMINISTRATOR)
    channel = registers.channel["radio"]
    register_urls = [
        reverse("wagtailsnippets_products_channel:list"),
        reverse("wagtailsnippets_products_channel:edit", args=[channel.pk]),
        reverse("wagtailsnippets_products_unit:add"),
    ]
    login(client, admin)
    for url in register_urls:
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    assert client.get(reverse("audit:index"), {"year": 2024}).status_code == 200
    for role in ("editor", "reviewer", "auditor"):
        login(client, unit_desk_users[role])
        for url in [*register_urls, reverse("wagtailusers_users:index")]:
            assert client.get(url).status_code != 200, (role, url)
