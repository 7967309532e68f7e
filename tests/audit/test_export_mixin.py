"""The shape of the figures' spreadsheets, which people open in Excel and read back by their codes.

The indicators export goes through Wagtail's ``SpreadsheetExportMixin``
(monitoring/views/indicators.py); the audit's figures export stays hand-written (audit/exports.py
says why). Both keep: a UTF-8 BOM on the CSV (Excel reads the Vietnamese marks), the code headings,
numbers as numbers in the XLSX, a whole file (not a stream) named for its period."""

import codecs
import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from monitoring.reporting.tables import TARGET_ORDER

HEADINGS = ["target", "level", "unit", "numerator", "denominator", "share", "target_value", "status"]


def test_the_indicators_csv_keeps_its_bom_headings_and_name(admin_client):
    response = admin_client.get(reverse("monitoring:indicators_export"), {"year": 2024, "format": "csv"})
    assert response.status_code == 200 and not response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    name = "chi-tieu-ke-hoach_2024-01-01_2024-12-31.csv"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == HEADINGS
    assert [row[0] for row in rows[1:] if row[1] == "total"] == list(TARGET_ORDER)


def test_the_indicators_xlsx_keeps_numbers_as_numbers(admin_client):
    response = admin_client.get(reverse("monitoring:indicators_export"), {"year": 2024, "format": "xlsx"})
    assert response.status_code == 200 and not response.streaming
    assert response["Content-Disposition"].endswith('chi-tieu-ke-hoach_2024-01-01_2024-12-31.xlsx"')
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADINGS
    totals = [row for row in rows[1:] if row[1] == "total"]
    assert [row[0] for row in totals] == list(TARGET_ORDER)
    assert all(isinstance(row[3], int) for row in totals), totals  # numerators: numbers, not text


def test_the_audit_figures_keep_their_summary_and_figures(admin_client):
    response = admin_client.get(reverse("audit:export"), {"year": 2024, "format": "csv"})
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[:8]] == [
        "period_start",
        "period_end",
        "unit",
        "rollup",
        "target_min",
        "target_max",
        "status",
        "digital_channels",
    ]
    assert rows[8] == [] and rows[9] == ["breakdown", "key", "total", "counted", "share"]
    response = admin_client.get(reverse("audit:export"), {"year": 2024, "format": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["summary", "figures"]
    assert book["summary"]["A1"].value == "period_start" and book["summary"]["B1"].value == "2024-01-01"
