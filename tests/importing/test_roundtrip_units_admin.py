"""Export → import round trip, import_units, and the admin import page."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from products.models import ProductPage, Unit
from tests.importing.helpers import row, run, write_file
from tests.importing.test_import_products import multilingual_rows, snapshot

pytestmark = pytest.mark.django_db


def _delete_all_products():
    for page in ProductPage.objects.order_by("-depth", "-path"):
        page.delete()
    assert not ProductPage.objects.exists()


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "xlsx"])
def test_export_then_import_into_an_empty_archive_round_trips(tmp_path, suffix):
    rows = [
        *multilingual_rows("rt"),
        row("rt-plain", summary="  khoảng trắng giữ nguyên  ", transcript="a\nb"),
    ]
    ok, output = run(write_file(tmp_path / "in.jsonl", rows))
    assert ok, output
    before = snapshot("rt")
    exported = tmp_path / f"out.{suffix}"
    call_command("export_products", "--output", str(exported), stderr=io.StringIO())
    _delete_all_products()
    ok, output = run(exported)
    assert ok, output
    assert snapshot("rt") == before
    assert all(len(problems) == 0 for problems in Page.find_problems())


def test_export_to_stdout_and_date_filter(tmp_path):
    rows = [
        row("d-old", publications=[{"channel": "print", "date": "2023-02-01"}]),
        row("d-new", publications=[{"channel": "print", "date": "2024-09-01"}]),
    ]
    assert run(write_file(tmp_path / "in.jsonl", rows))[0]
    out = io.StringIO()
    call_command(
        "export_products", "--format", "jsonl", "--from", "2024-01-01", stdout=out, stderr=io.StringIO()
    )
    text = out.getvalue()
    assert '"external_id": "d-new"' in text and "d-old" not in text
    with pytest.raises(CommandError):
        call_command("export_products", "--from", "01/01/2024", stdout=io.StringIO(), stderr=io.StringIO())


def test_import_units_renames_and_mergers(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(
        "slug,name_vi,name_en,kind,valid_from,valid_to,successor\n"
        "bao-kon-tum,Báo Kon Tum (cũ),Kon Tum Newspaper,press,,2025-06-30,bao-quang-ngai\n"
        "bao-quang-ngai,Báo và Phát thanh – Truyền hình Quảng Ngãi,Quang Ngai News,press,2025-07-01,,\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("import_units", str(path), stdout=out, stderr=io.StringIO())
    old, new = Unit.objects.get(slug="bao-kon-tum"), Unit.objects.get(slug="bao-quang-ngai")
    assert old.name_vi == "Báo Kon Tum (cũ)" and str(old.valid_to) == "2025-06-30"
    assert old.successor == new and old.current() == new
    assert new.name_vi.startswith("Báo và Phát thanh") and str(new.valid_from) == "2025-07-01"
    assert "1 đơn vị mới" in out.getvalue()


def test_import_units_rejects_bad_rows_and_writes_nothing(tmp_path):
    path = tmp_path / "units.jsonl"
    path.write_text(
        '{"slug": "don-vi-moi", "name_vi": "Đơn vị mới", "kind": "press"}\n'
        '{"slug": "bao-kon-tum", "valid_to": "2025-13-01", "successor": "khong-co"}\n',
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_units", str(path), stdout=io.StringIO(), stderr=err)
    assert "Dòng 2, trường «valid_to»: ngày không hợp lệ" in err.getvalue()
    assert "Dòng 2, trường «successor»" in err.getvalue()
    assert not Unit.objects.filter(slug="don-vi-moi").exists()


# -- admin page ---------------------------------------------------------------------------------


def _user(*perms):
    user = get_user_model().objects.create_user("bientap", "b@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for perm in perms:
        user.user_permissions.add(Permission.objects.get(codename=perm))
    return user


def test_admin_import_needs_rights_in_a_unit(client):
    client.force_login(_user("add_productpage"))  # a model permission alone is not a unit's rights
    response = client.get("/admin/products-import/")
    assert response.status_code == 403
    assert "không có quyền" in response.content.decode()
    assert "/admin/products-import/" not in client.get("/admin/").content.decode()  # no menu item
    upload = SimpleUploadedFile("p.jsonl", b"{}\n")
    assert client.post("/admin/products-import/", {"file": upload}).status_code == 403
    assert client.get("/admin/products-import/" + "0" * 32 + "/").status_code == 403
    assert client.post("/admin/products-import/" + "0" * 32 + "/confirm/").status_code == 403


def test_admin_upload_review_confirm(client, people, tmp_path):
    client.force_login(people.editor)
    assert client.get("/admin/products-import/").status_code == 200
    bad = write_file(tmp_path / "p.csv", [row("adm-1"), row("adm-2", title="")])
    with open(bad, "rb") as handle:
        response = client.post("/admin/products-import/", {"file": handle})
    assert response.status_code == 302
    review = client.get(response["Location"])
    text = review.content.decode()
    assert "Dòng 3, trường «title»: thiếu tiêu đề" in text
    assert "/confirm/" not in text  # errors and no skipping: nothing to confirm
    good = write_file(tmp_path / "q.csv", [row("adm-1", title="Quyền con người 'Bok ơ̆")])
    with open(good, "rb") as handle:
        response = client.post("/admin/products-import/", {"file": handle, "as_draft": "on"})
    review_url = response["Location"]
    assert "/confirm/" in client.get(review_url).content.decode()
    assert not ProductPage.objects.filter(external_id="adm-1").exists()
    done = client.post(f"{review_url}confirm/")
    assert done.status_code == 200
    assert "1 sản phẩm mới" in done.content.decode()
    page = ProductPage.objects.get(external_id="adm-1")
    assert page.title == "Quyền con người 'Bok ơ̆" and not page.live
    assert page.owner.username == "editor"
    # The token is spent, and another user's session cannot use one.
    assert client.post(f"{review_url}confirm/", follow=True).status_code == 404


def test_admin_upload_rejects_other_file_types(admin_client):
    upload = SimpleUploadedFile("p.txt", b"hello")
    response = admin_client.post("/admin/products-import/", {"file": upload})
    assert response.status_code == 200
    assert "Chỉ nhận tệp .jsonl, .csv hoặc .xlsx." in response.content.decode()
