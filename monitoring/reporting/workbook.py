"""The annual report as an Excel workbook: targets, tasks, products, activities, and the raw JSON keys.

Figures are numbers (shares as fractions shown with a percent format, dates as dates), so a
reader can add them up; the "Sản phẩm" sheet lists every product behind the figures, with the
targets it counts in, and says so when the period has none. Every text cell goes through
``products.spreadsheets.safe_cell``: a product title such as ``=HYPERLINK(…)`` must stay text
when the file is opened.
"""

import datetime
import io

from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from audit.display import register_names, target_cells
from audit.drilldown import drilldown_sql
from monitoring.reporting.tables import TARGET_ORDER
from products.models import ProductPage
from products.spreadsheets import safe_row

PERCENT_FORMAT, DATE_FORMAT = "0.0%", "DD/MM/YYYY"


def _sheet(book, title, header, rows, first=False, formats=None):
    """A sheet of ``rows`` under a bold ``header``; ``formats``: {column index: number format}."""
    sheet = book.active if first else book.create_sheet()
    sheet.title = title
    sheet.append(safe_row(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))
        for index, number_format in (formats or {}).items():
            sheet.cell(sheet.max_row, index + 1).number_format = number_format
    return sheet


def _target_rows(content):
    """code, title, numerator, denominator, share, target, status: numbers as numbers."""
    targets = content.data["targets"]
    for code in TARGET_ORDER:
        figure = targets[code]
        numerator = figure["counted"] if code == "4" else figure["numerator"]
        denominator = figure["total"] if code == "4" else figure["denominator"]
        title, *_figures, band, status = target_cells(code, figure)
        goal = band if code == "4" else figure["target"]
        yield [code, title, numerator, denominator, figure.get("share"), goal, status]


TARGET_HEADER = (
    gettext_lazy("Chỉ tiêu"),
    gettext_lazy("Nội dung"),
    gettext_lazy("Tử số"),
    gettext_lazy("Mẫu số"),
    gettext_lazy("Tỷ lệ"),
    gettext_lazy("Mục tiêu"),
    gettext_lazy("Đánh giá"),
)


def _info_rows(content):
    data = content.data
    return [
        [_("Đơn vị"), content.unit_name],
        [_("Mã đơn vị"), data["unit"] or ""],
        [_("Từ ngày"), datetime.date.fromisoformat(data["period"]["start"])],
        [_("Đến ngày"), datetime.date.fromisoformat(data["period"]["end"])],
        [_("Hạn báo cáo"), datetime.date.fromisoformat(data["deadline"])],
    ]


KINDS = ("format", "channel", "language")


def _counts(names, counts):
    return "; ".join(f"{names.get(key, key)}: {value}" for key, value in counts.items())


def _task_rows(content):
    for _number, _title, tasks in content.tasks:
        for slug, name, figures, (_products, _total), _acts in tasks:
            yield [
                slug,
                name,
                figures["products"],
                figures["activities"],
                *(
                    _counts(content.labels[kind], figures[f"by_{kind}"])
                    for kind in ("format", "channel", "language")
                ),
            ]


def _ids(scope, which, online_ids=()):
    sql, params = drilldown_sql(scope.audit_query(), which=which, online_ids=online_ids)
    return set(ProductPage.objects.filter(pk__in=RawSQL(sql, params)).values_list("pk", flat=True))  # noqa: S611


def _product_rows(content):
    """Every product behind the period's figures (those without a task too), and what it counts in."""
    scope = content.scope
    counted, five_a = _ids(scope, "counted"), _ids(scope, "digitised+online", scope.online_channel_ids)
    names, yes_no = register_names(), {True: _("có"), False: _("không")}
    products = (
        ProductPage.objects.filter(pk__in=_ids(scope, "total"))
        .select_related("task", "unit", "format")
        .order_by("first_published", "pk")
    )
    for product in products:
        yield [
            product.task.slug if product.task else "",
            product.pk,
            product.external_id or "",
            product.title,
            names["unit"].get(product.unit.slug if product.unit else "", ""),
            names["language"].get(product.language, product.language),
            names["format"].get(product.format.slug, "") if product.format else "",
            product.first_published,
            yes_no[product.pk in counted],
            yes_no[product.pk in five_a],
        ]


def _product_rows_or_none(content):
    rows = list(_product_rows(content))
    return rows or [[_("Không có sản phẩm trong kỳ báo cáo.")]]


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
                    activity.date,
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
        None,
    ),
    (
        gettext_lazy("Sản phẩm"),
        (
            gettext_lazy("Nhiệm vụ"),
            "id",
            "external_id",
            gettext_lazy("Tiêu đề"),
            gettext_lazy("Đơn vị"),
            gettext_lazy("Ngôn ngữ"),
            gettext_lazy("Loại hình"),
            gettext_lazy("Ngày đăng đầu tiên"),
            gettext_lazy("Chỉ tiêu 4"),
            gettext_lazy("Chỉ tiêu 5a"),
        ),
        _product_rows_or_none,
        {7: DATE_FORMAT},
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
        {5: DATE_FORMAT},
    ),
)


def render(content):
    book = Workbook()
    info = _sheet(book, _("Thông tin"), [_("Mục"), _("Giá trị")], _info_rows(content), first=True)
    for (value,) in info.iter_rows(min_row=4, min_col=2, max_col=2):
        value.number_format = DATE_FORMAT
    targets = _sheet(
        book,
        _("Chỉ tiêu"),
        [str(h) for h in TARGET_HEADER],
        _target_rows(content),
        formats={4: PERCENT_FORMAT},
    )
    for code, *_cells, goal, _status in targets.iter_rows(min_row=2):
        if code.value not in ("3", "4"):
            goal.number_format = PERCENT_FORMAT
    for title, headings, rows_of, formats in SHEETS:
        _sheet(book, str(title), [str(heading) for heading in headings], rows_of(content), formats=formats)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
