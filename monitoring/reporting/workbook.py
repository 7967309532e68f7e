"""The annual report as an Excel workbook: targets, tasks, products, activities, and the raw JSON keys.

Every text cell goes through ``products.spreadsheets.safe_cell``: a product title such as
``=HYPERLINK(…)`` must stay text when the file is opened.
"""

import io

from django.utils.translation import gettext as _
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


def render(content):
    book = Workbook()
    _sheet(book, _("Thông tin"), [_("Mục"), _("Giá trị")], _info_rows(content), first=True)
    header, *rows = target_rows(content.data["targets"])
    _sheet(book, _("Chỉ tiêu"), header, rows)
    _sheet(
        book,
        _("Nhiệm vụ"),
        [
            _("Mã"),
            _("Nhiệm vụ"),
            _("Sản phẩm"),
            _("Hoạt động"),
            _("Theo loại hình"),
            _("Theo kênh"),
            _("Theo ngôn ngữ"),
        ],
        _task_rows(content),
    )
    _sheet(
        book,
        _("Sản phẩm"),
        [
            _("Nhiệm vụ"),
            "id",
            "external_id",
            _("Tiêu đề"),
            _("Ngôn ngữ"),
            _("Loại hình"),
            _("Ngày đăng đầu tiên"),
        ],
        _product_rows(content),
    )
    _sheet(
        book,
        _("Hoạt động"),
        [
            _("Nhiệm vụ"),
            "id",
            _("Đơn vị"),
            _("Loại"),
            _("Tên"),
            _("Ngày"),
            _("Địa điểm"),
            _("Người tham dự"),
            _("Số tác phẩm"),
        ],
        _activity_rows(content),
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
