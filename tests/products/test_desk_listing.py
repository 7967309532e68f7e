"""The admin listing of products filters by unit, language, area, format, channel, year and status."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from products.desk import roles
from products.models import Unit
from tests.factories import make_product

D = datetime.date


@pytest.fixture
def products(registers):
    return {
        "vi_fb": make_product(
            title="A vi facebook",
            language="vi",
            area="III",
            format="video",
            publications=[("facebook", D(2024, 3, 1))],
        ),
        "en_print": make_product(
            title="B en print",
            language="en",
            area="V",
            format="article",
            publications=[("print", D(2023, 5, 1))],
        ),
        "draft": make_product(
            title="C bản nháp",
            language="vi",
            area="III",
            format="news",
            live=False,
            publications=[("radio", D(2024, 6, 1))],
        ),
        "other": make_product(
            title="D của Đài",
            language="bdq",
            unit="dai-ptth-kon-tum",
            area="I",
            format="radio-feature",
            publications=[("radio", D(2025, 1, 2))],
        ),
    }


def titles(client, **params):
    response = client.get(reverse("product_listing:index"), params)
    assert response.status_code == 200
    html = response.content.decode()
    return {t for t in ("A vi facebook", "B en print", "C bản nháp", "D của Đài") if t in html}


def test_filters(admin_client, products, registers):
    assert titles(admin_client) == {"A vi facebook", "B en print", "C bản nháp", "D của Đài"}
    assert titles(admin_client, unit=registers.unit["dai-ptth-kon-tum"].pk) == {"D của Đài"}
    assert titles(admin_client, language="en") == {"B en print"}
    assert titles(admin_client, area=registers.area["III"].pk) == {"A vi facebook", "C bản nháp"}
    assert titles(admin_client, format=registers.format["article"].pk) == {"B en print"}
    assert titles(admin_client, channel=registers.channel["radio"].pk) == {"C bản nháp", "D của Đài"}
    assert titles(admin_client, year=2023) == {"B en print"}
    assert titles(admin_client, status="draft") == {"C bản nháp"}
    assert titles(admin_client, status="live", language="vi") == {"A vi facebook"}


def test_choices_show_vietnamese_names(admin_client, products):
    html = admin_client.get(reverse("product_listing:index")).content.decode()
    assert "Báo Kon Tum" in html and "Phóng sự phát thanh" in html and "Facebook" in html


def test_editor_lists_only_own_unit(client, django_user_model, products):
    editor = django_user_model.objects.create_user("ed", password="pw")
    editor.groups.add(
        Group.objects.get(name=roles.EDITOR.format(unit=Unit.objects.get(slug="bao-kon-tum").name_vi))
    )
    client.force_login(editor)
    assert titles(client) == {"A vi facebook", "B en print", "C bản nháp"}


def test_status_in_review(admin_client, admin_user, products):
    draft = products["draft"]
    draft.get_workflow().start(draft, admin_user)
    assert titles(admin_client, status="in_review") == {"C bản nháp"}
