"""The Excel report: figures are numbers (shares as fractions with a percent format), and the
"Sản phẩm" sheet lists every product behind the figures, saying so when a year has none."""

import io

from openpyxl import load_workbook

from monitoring.figures.scope import Scope
from monitoring.reporting import documents


def book(scope):
    return load_workbook(io.BytesIO(documents.render(scope, "xlsx")))


def test_shares_are_numbers_with_a_percent_format(plan_year):
    sheet = book(Scope.year(2024))["Chỉ tiêu"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    numerator, denominator, share = rows["4"][2], rows["4"][3], rows["4"][4]
    assert (numerator.value, denominator.value) == (3, 6)
    assert share.value == 0.5 and "%" in share.number_format
    assert rows["5a"][4].value == round(1 / 6, 6) and "%" in rows["5a"][4].number_format
    assert rows["3"][3].value is None and rows["3"][4].value is None  # no denominator, no share


def test_every_product_of_the_period_is_listed_with_the_figures_it_counts_in(plan_year):
    sheet = book(Scope.year(2024))["Sản phẩm"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    titles = {row["Tiêu đề"] for row in rows}
    # p1–p6 of 2024, p6 without a task included; not the draft, not 2023's product
    assert titles == {"Bơ̆n 'Bok", "Báo in", "Phóng sự", "Kịch truyền thanh", "Human rights", "Không nhiệm vụ"}
    by_title = {row["Tiêu đề"]: row for row in rows}
    assert by_title["Bơ̆n 'Bok"]["Ngôn ngữ"] == "Tiếng Ba Na"
    assert by_title["Bơ̆n 'Bok"]["Chỉ tiêu 4"] == "có" and by_title["Báo in"]["Chỉ tiêu 4"] == "không"
    assert by_title["Bơ̆n 'Bok"]["Chỉ tiêu 5a"] == "có" and by_title["Báo in"]["Chỉ tiêu 5a"] == "không"
    assert by_title["Không nhiệm vụ"]["Đơn vị"] == "Báo Kon Tum"
    assert sum(row["Chỉ tiêu 4"] == "có" for row in rows) == 3


def test_a_year_without_products_says_so(plan_year):
    sheet = book(Scope.year(2026))["Sản phẩm"]
    values = [cell for row in sheet.iter_rows(min_row=2, values_only=True) for cell in row if cell]
    assert values and "Không có sản phẩm" in str(values[0])
