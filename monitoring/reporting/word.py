"""The annual report as a Word document in the Vietnamese administrative format (Decree 30/2020/NĐ-CP).

The layout follows the decree's Appendix I, as the plan and the 2024 guidance letter show it:
A4, margins 20/20/30/15 mm, Times New Roman 13–14 pt; at the top, a borderless two-column
table — issuing authority (the province's People's Committee of the report's year, unit name in
bold capitals) and "Số: …" on the left; the national motto in bold with the place and date in
italics on the right — then the document's name "BÁO CÁO" and its subject (a report, not a
letter: no "V/v"), "Kính gửi" the bodies that receive it, the body, and at the foot "Nơi nhận"
on the left and the signature block on the right. The heading's columns are 68 and 97 mm wide so
that the motto (12 pt bold) stays on one line.
"""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from monitoring.reporting import letterhead
from monitoring.reporting.tables import target_rows, task_line

FONT = "Times New Roman"
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
DOTS = "…" * 20


def vietnamese_date(day, year=None):
    """ "ngày 05 tháng 02 năm 2024": days 1–9 and months 1–2 take a leading zero (Decree 30).

    No date yet (the document is signed later): the day and month blank, the year given.
    """
    if day is None:
        return f"ngày     tháng     năm {year}" if year else "ngày     tháng     năm     "
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def _style(document):
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)  # Word picks this font for Vietnamese too
    style.paragraph_format.space_after = Pt(3)
    for section in document.sections:
        section.page_height, section.page_width = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)


def _para(cell_or_doc, text="", *, bold=False, italic=False, size=13, align=None, upper=False, indent=False):
    paragraph = cell_or_doc.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    run = paragraph.add_run(text.upper() if upper else text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    return paragraph


def _borderless(table):
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)


HEADING_WIDTHS = (Mm(68), Mm(97))  # 165 mm of text width; the motto needs ~92 mm with cell margins


def _heading_block(document, content):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    for column, cell, width in zip(table.columns, table.rows[0].cells, HEADING_WIDTHS, strict=True):
        column.width = cell.width = width
    left, right = table.rows[0].cells
    narrative = content.narrative
    superior = narrative.superior or letterhead.authority(content.year)
    left.paragraphs[0].text = ""
    _para(left, superior, size=12, align=CENTER, upper=True)
    _para(left, content.unit_name, bold=True, size=12, align=CENTER, upper=True)
    _para(left, "—————", size=10, align=CENTER)
    _para(left, f"Số: {narrative.number or '      /BC'}", align=CENTER)
    right.paragraphs[0].text = ""
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=CENTER)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=CENTER)
    _para(right, "———————————", size=10, align=CENTER)
    place = narrative.place or content.province
    _para(right, f"{place}, {vietnamese_date(narrative.date, content.year)}", italic=True, align=CENTER)


def subject(content):
    return (
        f"Kết quả thực hiện Kế hoạch truyền thông về quyền con người giai đoạn 2023-2028 năm {content.year}"
    )


def _title(document, content):
    """The document's name and subject (Decree 30, Appendix I: a named administrative document)."""
    _para(document, "")
    _para(document, "BÁO CÁO", bold=True, size=14, align=CENTER)
    _para(document, subject(content), bold=True, size=14, align=CENTER)
    _para(document, "—————", size=10, align=CENTER)
    recipients = content.recipients
    if len(recipients) == 1:
        _para(document, f"Kính gửi: {recipients[0]}.", align=CENTER)
        return
    _para(document, "Kính gửi:", align=CENTER)
    for index, name in enumerate(recipients):
        _para(document, f"- {name}{'.' if index == len(recipients) - 1 else ';'}", align=CENTER)


def _tasks(document, content):
    _para(document, _("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), bold=True)
    for number, title, tasks in content.tasks:
        _para(document, f"{number}. {title}", bold=True, align=JUSTIFY)
        for slug, name, figures, (products, total), acts in tasks:
            _para(
                document, f"{slug}. {name}: {task_line(figures, content.labels)}", align=JUSTIFY, indent=True
            )
            for index, product in enumerate(products, start=1):
                _para(document, f"  {index}) {product.title} ({product.first_published:%d/%m/%Y})", size=12)
            if total > len(products):
                _para(
                    document,
                    _("  … và %(n)s sản phẩm khác.") % {"n": total - len(products)},
                    size=12,
                    italic=True,
                )
            for activity in acts:
                _para(
                    document,
                    f"  - {activity.date:%d/%m/%Y}: {activity.title}"
                    + (f" ({activity.place})" if activity.place else ""),
                    size=12,
                )
    if content.untasked:
        _para(
            document, _("Sản phẩm chưa gắn nhiệm vụ kế hoạch: %(n)s.") % {"n": content.untasked}, italic=True
        )


def _targets(document, content):
    _para(document, _("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"), bold=True)
    rows = target_rows(content.data["targets"])
    table = document.add_table(rows=1, cols=len(rows[0]))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, rows[0], strict=True):
        cell.paragraphs[0].add_run(str(heading)).bold = True
    for row in rows[1:]:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.paragraphs[0].add_run(str(value)).font.size = Pt(11)


def _free_text(document, heading, text):
    _para(document, heading, bold=True)
    for line in (text or DOTS).splitlines() or [DOTS]:
        _para(document, line, align=JUSTIFY, indent=True)


def _unit_sections(document, content):
    if not content.unit_reports:
        return
    _para(document, _("V. Ý KIẾN CỦA CÁC ĐƠN VỊ"), bold=True)
    for report in content.unit_reports:
        _para(document, report.unit.name_vi, bold=True, italic=True)
        for heading, text in (
            (_("Khó khăn, vướng mắc"), report.difficulties),
            (_("Đề xuất, kiến nghị"), report.proposals),
        ):
            if text:
                _para(document, f"{heading}: {text}", align=JUSTIFY, indent=True)


def _signature(document, content):
    narrative = content.narrative
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    recipients = (
        narrative.recipients.splitlines()
        if narrative.recipients
        else [*(f"- {name};" for name in content.recipients), "- Lưu: VT."]
    )
    for line in recipients:
        _para(left, line, size=11)
    for line in (narrative.signer_title or "THỦ TRƯỞNG ĐƠN VỊ").splitlines():
        _para(right, line, bold=True, align=CENTER, upper=True)
    for _blank in range(3):
        _para(right, "")
    _para(right, narrative.signer_name or "", bold=True, align=CENTER)


def render(content):
    document = Document()
    _style(document)
    document.core_properties.title = subject(content)
    _heading_block(document, content)
    _title(document, content)
    if content.narrative.summary:
        for line in content.narrative.summary.splitlines():
            _para(document, line, align=JUSTIFY, indent=True)
    _tasks(document, content)
    _targets(document, content)
    _free_text(document, _("III. KHÓ KHĂN, VƯỚNG MẮC"), content.narrative.difficulties)
    _free_text(document, _("IV. ĐỀ XUẤT, KIẾN NGHỊ"), content.narrative.proposals)
    _unit_sections(document, content)
    _signature(document, content)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
