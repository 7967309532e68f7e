"""Import limits: size, rows, field lengths, nesting; every bad row a message, never a traceback."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from products.importing.run import run_import
from products.models import ProductPage
from tests.importing.helpers import row, write_file

pytestmark = pytest.mark.django_db

DEEP = 100_000


def jsonl(path, *lines):
    path.write_bytes(b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines))
    return path


def good_line(external_id):
    return json.dumps(row(external_id), ensure_ascii=False)


def test_deeply_nested_jsonl_line_is_a_row_error(tmp_path):
    nested = '{"external_id": ' + "[" * DEEP + "]" * DEEP + "}"
    path = jsonl(tmp_path / "deep.jsonl", good_line("ok-1"), nested, good_line("ok-2"))
    result = run_import(path, skip_invalid=True)
    assert result.written and result.created == 2
    assert [error.row for error in result.report.errors] == [2]
    assert "lồng nhau" in str(result.report.errors[0])


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", {"vi": "Tiêu đề"}),
        ("summary", ["a", "b"]),
        ("unit", ["bao-kon-tum"]),
        ("topics", [["upr"]]),
        ("topics", [{"slug": "upr"}]),
        ("publications", [{"channel": {"slug": "radio"}, "date": "2024-01-01"}]),
        ("publications", [["radio", "2024-01-01"]]),
        ("files", [{"name": "a.pdf"}]),
    ],
)
def test_nested_or_wrongly_typed_values_are_row_errors(tmp_path, field, value):
    path = jsonl(tmp_path / "typed.jsonl", json.dumps(row("typed", **{field: value}), ensure_ascii=False))
    result = run_import(path)
    assert not result.written and result.report.error_count >= 1
    assert any(error.field == field for error in result.report.errors), result.report.lines()


def test_admin_review_of_a_nested_file_shows_the_row_and_no_traceback(client, people):
    nested = '{"external_id": ' + "[" * DEEP + "]" * DEEP + "}"
    client.force_login(people.reviewer)
    upload = SimpleUploadedFile("deep.jsonl", (good_line("adm-ok") + "\n" + nested + "\n").encode())
    response = client.post("/admin/products-import/", {"file": upload})
    review = client.get(response["Location"])
    assert review.status_code == 200
    assert "Dòng 2" in review.content.decode()


@override_settings(PRODUCTS_IMPORT_MAX_BYTES=2000)
def test_upload_over_the_size_limit_is_refused(client, people, tmp_path):
    client.force_login(people.reviewer)
    big = SimpleUploadedFile("big.jsonl", (good_line("big") + "\n").encode() * 20)
    response = client.post("/admin/products-import/", {"file": big})
    assert response.status_code == 200
    assert "vượt giới hạn" in response.content.decode()
    path = jsonl(tmp_path / "big.jsonl", *[good_line(f"big-{n}") for n in range(20)])
    result = run_import(path)
    assert result.report.fatal and "vượt giới hạn" in result.report.fatal
    assert not ProductPage.objects.filter(external_id__startswith="big").exists()


@override_settings(PRODUCTS_IMPORT_MAX_ROWS=3)
@pytest.mark.parametrize("suffix", ["jsonl", "csv", "xlsx"])
def test_file_with_too_many_rows_is_refused_whole(tmp_path, suffix):
    path = write_file(tmp_path / f"many.{suffix}", [row(f"many-{n}") for n in range(5)])
    result = run_import(path, skip_invalid=True)
    assert not result.written and "3" in result.report.fatal
    assert not ProductPage.objects.filter(external_id__startswith="many-").exists()


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "xlsx"])
def test_fields_over_their_length_limits_are_row_errors(tmp_path, suffix):
    from products.importing import limits

    rows = [
        row("long-summary", summary="ư̆" * (limits.MAX_CHARS["summary"] + 1)),
        row("long-body", body="a" * (limits.MAX_CHARS["body"] + 1)),
        row("long-topics", topics=["upr"] * (limits.MAX_ITEMS["topics"] + 1)),
        row("fine", summary="ư̆" * 100),
    ]
    if suffix == "xlsx":  # a spreadsheet cell holds at most 32,767 characters
        rows = [rows[2], rows[3]]
    path = write_file(tmp_path / f"long.{suffix}", rows)
    result = run_import(path, skip_invalid=True)
    assert result.created == 1
    fields = {error.field for error in result.report.errors}
    assert fields == ({"summary", "body", "topics"} if suffix != "xlsx" else {"topics"})


def test_a_huge_jsonl_line_is_refused_without_reading_it_into_memory(tmp_path):
    import tracemalloc

    from products.importing import limits

    huge = json.dumps(row("huge", summary="x" * (limits.MAX_LINE_BYTES * 4)))
    path = jsonl(tmp_path / "huge.jsonl", good_line("small"), huge)
    tracemalloc.start()
    result = run_import(path, dry_run=True)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [error.row for error in result.report.errors] == [2]
    assert peak < limits.MAX_LINE_BYTES * 3, peak


def test_csv_cell_over_the_limit_is_a_row_error_and_the_rest_is_read(tmp_path):
    from products.importing import limits

    path = write_file(
        tmp_path / "cell.csv",
        [row("c-1"), row("c-2", transcript="t" * (limits.MAX_LINE_BYTES + 10)), row("c-3")],
    )
    result = run_import(path, skip_invalid=True)
    assert result.created == 2
    assert [error.row for error in result.report.errors] == [3]
