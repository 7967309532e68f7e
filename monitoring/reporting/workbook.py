"""The annual report as an Excel workbook: targets, tasks, products, activities, and the raw JSON keys.

Every text cell goes through ``products.spreadsheets.safe_cell``: a product title such as
``=HYPERLINK(…)`` must stay text when the file is opened.
"""

import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from monitoring.reporting.tables import target_rows
from products.spreadsheets import safe_row


def _sheet(book, title, header, rows, first=False):
    sheet = book.active if first else book.create_sheet()
    sheet.title = title
    sheet.append(safe_row(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))
    return sheet


def _info_rows(content):
    data = content.data
    return [
        [_("Đơn vị"), content.unit_name],
        [_("Mã đơn vị"), data["unit"] or ""],
        [_("Từ ngày"), data["period"]["start"]],
        [_("Đến ngày"), data["period"]["end"]],
        [_("Hạn báo cáo"), data["deadline"]],
    ]


def _task_rows(content):
    for _number, _title, tasks in content.tasks:
        for slug, name, figures, (_products, _total), _acts in tasks:
            yield [
                slug,
                name,
                figures["products"],
                figures["activities"],
                "; ".join(f"{k}: {v}" for k, v in figures["by_format"].items()),
                "; ".join(f"{k}: {v}" for k, v in figures["by_channel"].items()),
                "; ".join(f"{k}: {v}" for k, v in figures["by_language"].items()),
            ]


def _product_rows(content):
    for _number, _title, tasks in content.tasks:
        for slug, _name, _figures, (products, _total), _acts in tasks:
            for product in products:
                yield [
                    slug,
                    product.pk,
                    product.external_id or "",
                    product.title,
                    product.language,
                    product.format.slug if product.format else "",
                    product.first_published.isoformat(),
                ]


def _activity_rows(content):
    for _number, _title, tasks in content.tasks:
        for slug, _name, _figures, _products, acts in tasks:
            for activity in acts:
                yield [
                    slug,
                    activity.pk,
                    activity.unit.slug,
                    activity.get_kind_display(),
                    activity.title,
                    activity.date.isoformat(),
                    activity.place,
                    activity.audience,
                    activity.items,
                ]


SHEETS = (  # (title, headings, rows) after the information and targets sheets
    (
        gettext_lazy("Nhiệm vụ"),
        (
            gettext_lazy("Mã"),
            gettext_lazy("Nhiệm vụ"),
            gettext_lazy("Sản phẩm"),
            gettext_lazy("Hoạt động"),
            gettext_lazy("Theo loại hình"),
            gettext_lazy("Theo kênh"),
            gettext_lazy("Theo ngôn ngữ"),
        ),
        _task_rows,
    ),
    (
        gettext_lazy("Sản phẩm"),
        (
            gettext_lazy("Nhiệm vụ"),
            "id",
            "external_id",
            gettext_lazy("Tiêu đề"),
            gettext_lazy("Ngôn ngữ"),
            gettext_lazy("Loại hình"),
            gettext_lazy("Ngày đăng đầu tiên"),
        ),
        _product_rows,
    ),
    (
        gettext_lazy("Hoạt động"),
        (
            gettext_lazy("Nhiệm vụ"),
            "id",
            gettext_lazy("Đơn vị"),
            gettext_lazy("Loại"),
            gettext_lazy("Tên"),
            gettext_lazy("Ngày"),
            gettext_lazy("Địa điểm"),
            gettext_lazy("Người tham dự"),
            gettext_lazy("Số tác phẩm"),
        ),
        _activity_rows,
    ),
)


def render(content):
    book = Workbook()
    _sheet(book, _("Thông tin"), [_("Mục"), _("Giá trị")], _info_rows(content), first=True)
    header, *rows = target_rows(content.data["targets"])
    _sheet(book, _("Chỉ tiêu"), header, rows)
    for title, headings, rows_of in SHEETS:
        _sheet(book, str(title), [str(heading) for heading in headings], rows_of(content))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
