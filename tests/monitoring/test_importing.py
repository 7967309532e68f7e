"""Importing activities: row-numbered errors, nothing half-written; CSV and XLSX; in the admin too."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

from monitoring.importing import COLUMNS
from monitoring.models import Activity

GOOD = [
    {
        "external_id": "hd-1",
        "unit": "so-tttt",
        "task": "2.2",
        "kind": "training",
        "title": "Tập huấn Bơ̆n 'Bok",
        "date": "2024-06-10",
        "place": "Kon Tum",
        "audience": "30",
        "participants": "hr:bao-kon-tum:3|other::10",
    },
    {
        "external_id": "hd-2",
        "unit": "so-vhttdl",
        "task": "3.4",
        "kind": "exhibition",
        "title": "Triển lãm",
        "date": "2024-08-15",
        "items": "120",
    },
]


def csv_bytes(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows):
    book = Workbook()
    book.active.append(list(COLUMNS))
    for row in rows:
        book.active.append([row.get(c, "") for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("suffix,make", [("csv", csv_bytes), ("xlsx", xlsx_bytes)])
def test_import_and_reimport(db, tmp_path, suffix, make):
    path = tmp_path / f"a.{suffix}"
    path.write_bytes(make(GOOD))
    call_command("import_activities", str(path), stdout=io.StringIO())
    training = Activity.objects.get(external_id="hd-1")
    assert (
        training.title == "Tập huấn Bơ̆n 'Bok" and training.audience == 30 and training.unit.slug == "so-tttt"
    )
    assert sorted(
        (p.category, p.unit.slug if p.unit else None, p.count) for p in training.participants.all()
    ) == [("hr", "bao-kon-tum", 3), ("other", None, 10)]
    changed = [{**GOOD[0], "title": "Tập huấn (sửa)", "participants": "info:so-tttt:5"}, GOOD[1]]
    path.write_bytes(make(changed))
    call_command("import_activities", str(path), stdout=io.StringIO())
    training.refresh_from_db()
    assert Activity.objects.count() == 2 and training.title == "Tập huấn (sửa)"
    assert [(p.category, p.count) for p in training.participants.all()] == [("info", 5)]


def test_bad_rows_are_named_and_nothing_is_written(db, tmp_path):
    rows = [
        GOOD[0],
        {**GOOD[1], "unit": "khong-co", "date": "2024-13-01"},
        {**GOOD[1], "external_id": "hd-1", "kind": "party", "audience": "-3", "participants": "hr:x"},
        {**GOOD[1], "external_id": "hd-9", "date": "2099-01-01", "end_date": "2098-01-01", "title": ""},
    ]
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(rows))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_activities", str(path), stdout=io.StringIO(), stderr=err)
    messages = err.getvalue()
    for expected in (
        "Dòng 3, trường «unit»: không có đơn vị mã «khong-co»",
        "Dòng 3, trường «date»: ngày «2024-13-01» không đúng dạng YYYY-MM-DD",
        "Dòng 4, trường «kind»",
        "Dòng 4, trường «audience»: «-3» không phải số nguyên từ 0 đến 2147483647",
        "Dòng 4, trường «participants»",
        "Dòng 4, trường «external_id»: mã ngoài lặp lại trong tệp",
        "Dòng 5, trường «date»: ngày ở tương lai",
        "Dòng 5, trường «title»: thiếu tên hoạt động",
    ):
        assert expected in messages, expected
    assert not Activity.objects.exists()


@pytest.mark.parametrize("value", ["²", "١٢", "99999999999999999999", "1.5", "+3"])
@pytest.mark.parametrize("column", ["audience", "items", "participants"])
def test_a_number_cell_that_is_not_a_number_is_a_row_error(db, tmp_path, column, value):
    """Issue 24: "²" passed ``str.isdigit()`` and crashed the import in ``int()``."""
    cell = f"hr:bao-kon-tum:{value}" if column == "participants" else value
    path = tmp_path / "numbers.csv"
    path.write_bytes(csv_bytes([GOOD[1], {**GOOD[0], column: cell}]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_activities", str(path), stdout=io.StringIO(), stderr=err)
    assert f"Dòng 3, trường «{column}»: «{value}» không phải số nguyên" in err.getvalue()
    assert "Dòng 2" not in err.getvalue()
    assert not Activity.objects.exists()


def test_non_utf8_csv_is_refused_whole(db, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(csv_bytes(GOOD).decode("utf-8").encode("cp1258", errors="replace"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_activities", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Activity.objects.exists()


def test_admin_import_for_a_unit_desk(as_user, registers):
    client = as_user("reporter")  # Báo Kon Tum's desk: its own unit only
    own = [{**GOOD[0], "unit": "bao-kon-tum"}]
    upload = SimpleUploadedFile("a.csv", csv_bytes(own + [GOOD[1]]), content_type="text/csv")
    response = client.post(reverse("monitoring:import_activities"), {"file": upload})
    assert response.status_code == 400
    assert "Dòng 3, trường «unit»: bạn không được nhập số liệu của đơn vị này" in response.content.decode()
    assert not Activity.objects.exists()
    upload = SimpleUploadedFile("a.csv", csv_bytes(own), content_type="text/csv")
    response = client.post(reverse("monitoring:import_activities"), {"file": upload})
    assert response.status_code == 302 and Activity.objects.get().unit.slug == "bao-kon-tum"
    assert as_user("editor").get(reverse("monitoring:import_activities")).status_code == 403
