"""The Word report is ready to send: Decree 30/2020/NĐ-CP's report form ("BÁO CÁO" and its subject,
no letter's "V/v"), the authority of the report's year (Quảng Ngãi after the 2025 merger), addressed
to the body that receives it, a complete date line, and the national motto on one line."""

import io
import re

from docx import Document
from docx.shared import Pt

from monitoring.figures.scope import Scope
from monitoring.reporting import documents

SUBJECT = "Kết quả thực hiện Kế hoạch truyền thông về quyền con người giai đoạn 2023-2028 năm {year}"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
# Advance widths of Times New Roman Bold (the Adobe Times-Bold metrics, 1/1000 em) for the
# motto's letters: a mark above or below a letter does not widen it.
TIMES_BOLD = {"A": 722, "C": 722, "E": 667, "G": 778, "H": 778, "I": 389, "M": 944, "N": 722}
TIMES_BOLD |= {"O": 778, "T": 667, "U": 722, "V": 722, "X": 722, " ": 250}
BASE = {"Ộ": "O", "Ò": "O", "Ã": "A", "Ủ": "U", "Ĩ": "I", "Ệ": "E"}
CELL_MARGINS_MM = 2 * 1.9  # Word's default left and right cell margins


def render(scope):
    return Document(io.BytesIO(documents.render(scope, "docx")))


def texts(document):
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [p.text for p in cell.paragraphs]
    return found


def test_a_unit_report_in_2026_has_the_report_form_and_the_merged_province(plan_year):
    document = render(Scope.year(2026, unit="bao-kon-tum"))
    lines = texts(document)
    assert not any(line.startswith("V/v") for line in lines), "a report is not a letter (công văn)"
    body = [p.text for p in document.paragraphs]
    title = body.index("BÁO CÁO")
    assert body[title + 1] == SUBJECT.format(year=2026)
    assert document.paragraphs[title].runs[0].bold
    assert "UBND TỈNH QUẢNG NGÃI" in lines and "UBND TỈNH KON TUM" not in lines
    assert "Kính gửi: Sở Thông tin và Truyền thông." in lines
    date_line = next(line for line in lines if ", ngày" in line)
    assert date_line.startswith("Quảng Ngãi, ngày") and re.search(r"năm 2026$", date_line), date_line


def test_a_2024_report_keeps_the_authority_of_its_year(plan_year):
    lines = texts(render(Scope.year(2024, unit="bao-kon-tum")))
    assert "UBND TỈNH KON TUM" in lines
    assert re.search(r"^Kon Tum, ngày .* năm 2024$", next(line for line in lines if ", ngày" in line))


def test_the_province_wide_report_goes_to_the_province_and_the_ministry(plan_year):
    lines = texts(render(Scope.year(2026)))
    sender = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert sender in lines
    start = next(i for i, line in enumerate(lines) if line.startswith("Kính gửi"))
    addressed = " ".join(lines[start : start + 3])
    assert "Ủy ban nhân dân tỉnh Quảng Ngãi" in addressed and "Bộ Thông tin và Truyền thông" in addressed
    assert "Sở Thông tin và Truyền thông" not in addressed, "the Department does not report to itself"


def test_the_motto_fits_its_cell_on_one_line(plan_year):
    document = render(Scope.year(2026, unit="dai-ptth-kon-tum"))
    heading = document.tables[0]
    cell = heading.rows[0].cells[1]
    paragraph = next(p for p in cell.paragraphs if p.text == MOTTO)
    size = paragraph.runs[0].font.size or Pt(13)
    assert paragraph.runs[0].bold
    width_mm = sum(TIMES_BOLD[BASE.get(c, c)] for c in MOTTO) / 1000 * size.pt * 25.4 / 72
    grid = heading._tbl.tblGrid.gridCol_lst
    assert cell.width is not None and grid[1].w == cell.width
    assert cell.width.mm - CELL_MARGINS_MM >= width_mm, (cell.width.mm, width_mm)
    section = document.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    assert sum(col.w for col in grid) <= usable
