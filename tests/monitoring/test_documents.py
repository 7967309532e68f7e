"""The annual report as Word (Decree 30/2020 layout, read back with python-docx) and as Excel."""

import io

from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

from monitoring.figures.scope import Scope
from monitoring.models import UnitReport
from monitoring.reporting import documents
from monitoring.reporting.word import vietnamese_date


def paragraphs(document):
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return texts


def test_docx_carries_the_heading_the_unit_and_the_figures(plan_year, tmp_path):
    UnitReport.objects.create(
        unit=plan_year.products["p1"].unit,
        year=2024,
        number="125/BC-BKT",
        superior="Tỉnh ủy Kon Tum",
        place="Kon Tum",
        difficulties="Thiếu phóng viên tiếng Bahnar.",
        proposals="Tăng kinh phí.",
        signer_title="KT. TỔNG BIÊN TẬP\nPHÓ TỔNG BIÊN TẬP",
        signer_name="Nguyễn Văn E",
        recipients="- Sở Thông tin và Truyền thông;\n- Lưu: VT.",
    )
    path = tmp_path / "bao-cao.docx"
    call_command(
        "plan_report",
        "--year",
        "2024",
        "--unit",
        "bao-kon-tum",
        "--format",
        "docx",
        "--output",
        str(path),
        stderr=io.StringIO(),
    )
    document = Document(str(path))
    texts = paragraphs(document)
    joined = "\n".join(texts)
    for expected in (
        "TỈNH ỦY KON TUM",
        "BÁO KON TUM",
        "Số: 125/BC-BKT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch truyền thông về quyền con người giai đoạn 2023-2028 năm 2024",
        "Kính gửi: Sở Thông tin và Truyền thông.",
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "Thiếu phóng viên tiếng Bahnar.",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "PHÓ TỔNG BIÊN TẬP",
        "Nguyễn Văn E",
        "Bơ̆n 'Bok (01/03/2024)",
    ):
        assert expected in joined, expected
    assert any(t.startswith("3.1. ") and "1 sản phẩm" in t and "Facebook: 1" in t for t in texts)
    # the targets table: target 4 for Báo Kon Tum is 1 counted of 3 (p1, p2, p6)
    table = document.tables[1]
    row_4 = next(row for row in table.rows if row.cells[0].text == "4")
    assert [row_4.cells[2].text, row_4.cells[3].text, row_4.cells[4].text] == ["1", "3", "33,3%"]
    assert document.styles["Normal"].font.name == "Times New Roman"
    section = document.sections[0]
    assert (round(section.left_margin.mm), round(section.right_margin.mm), round(section.page_width.mm)) == (
        30,
        15,
        210,
    )


def test_docx_without_a_unit_report_leaves_blanks_to_fill(plan_year):
    document = Document(io.BytesIO(documents.render(Scope.year(2024), "docx")))
    joined = "\n".join(paragraphs(document))
    assert "UBND TỈNH KON TUM" in joined and "Số:       /BC" in joined
    assert "ngày     tháng     năm" in joined


def test_xlsx_holds_the_same_numbers(plan_year, tmp_path):
    path = tmp_path / "r.xlsx"
    call_command(
        "plan_report", "--year", "2024", "--format", "xlsx", "--output", str(path), stderr=io.StringIO()
    )
    book = load_workbook(path)
    targets = {row[0]: row for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)}
    assert targets["4"][2:5] == (3, 6, 0.5)
    assert targets["5b"][2:4] == (2, 4)
    tasks = {row[0]: row for row in book.worksheets[2].iter_rows(min_row=2, values_only=True)}
    assert tasks["3.3"][2:4] == (2, 0) and tasks["2.2"][2:4] == (0, 1)
    products = list(book.worksheets[3].iter_rows(min_row=2, values_only=True))
    assert len(products) == 6  # every product of 2024, the one without a task too


def test_formula_like_titles_stay_text(plan_year):
    page = plan_year.products["p2"]
    page.title = '=HYPERLINK("http://evil.example","x")'
    page.save_revision().publish()
    book = load_workbook(io.BytesIO(documents.render(Scope.year(2024), "xlsx")))
    titles = [row[3] for row in book.worksheets[3].iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://evil.example","x")' in titles


def test_vietnamese_date_has_the_decree_leading_zeros():
    import datetime

    assert vietnamese_date(datetime.date(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    assert vietnamese_date(datetime.date(2024, 11, 25)) == "ngày 25 tháng 11 năm 2024"


def test_the_same_report_in_the_admin(as_user, plan_year):
    import json as json_

    from django.urls import reverse

    from monitoring.reporting.annual import plan_report

    client = as_user("auditor")
    url = reverse("monitoring:plan_report")
    response = client.get(url, {"year": 2024, "unit": "bao-kon-tum", "format": "json"})
    assert json_.loads(response.content) == json_.loads(
        json_.dumps(plan_report(Scope.year(2024, unit="bao-kon-tum")))
    )
    docx = client.get(url, {"year": 2024, "format": "docx"})
    # the province-wide report is the Department's: to the province and the ministry (plan, section V)
    joined = "\n".join(paragraphs(Document(io.BytesIO(docx.content))))
    assert "Kính gửi:\n- Ủy ban nhân dân tỉnh Kon Tum;\n- Bộ Thông tin và Truyền thông." in joined
    assert client.get(url, {"year": 2024, "format": "pdf"}).status_code == 400
    assert as_user("editor").get(url, {"year": 2024, "format": "docx"}).status_code == 403
