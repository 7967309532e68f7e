"""An editor's dashboard lists their unit's products waiting for review, and only those."""

from django.contrib.auth.models import Group

from products.desk import roles
from products.models import Unit
from tests.factories import make_product


def editor_of(django_user_model, username, unit_slug):
    user = django_user_model.objects.create_user(username, password="pw")
    name = roles.EDITOR.format(unit=Unit.objects.get(slug=unit_slug).name_vi)
    user.groups.add(Group.objects.get(name=name))
    return user


def test_dashboard_shows_own_units_drafts_in_review(client, django_user_model, registers):
    editor = editor_of(django_user_model, "ed", "bao-kon-tum")
    other = editor_of(django_user_model, "ot", "dai-ptth-kon-tum")
    mine = make_product(title="Bài chờ duyệt của Báo", unit="bao-kon-tum", live=False)
    mine.get_workflow().start(mine, editor)
    theirs = make_product(title="Bài chờ duyệt của Đài", unit="dai-ptth-kon-tum", live=False)
    theirs.get_workflow().start(theirs, other)
    make_product(title="Bản nháp chưa gửi", unit="bao-kon-tum", live=False)

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Sản phẩm của đơn vị đang chờ duyệt" in html
    assert "Bài chờ duyệt của Báo" in html
    assert "Bài chờ duyệt của Đài" not in html
    assert "Bản nháp chưa gửi" not in html
