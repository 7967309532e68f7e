"""What every spreadsheet export of the plan's admin does to its cells, and whole-file exports."""

import codecs
import io

from django.http import HttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from products.spreadsheets import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attribute_path(item, path):
    """``item.a.b`` (or ``item["a"]["b"]``) for "a.b"; an empty cell where a link is missing (a
    product without a task)."""
    value = item
    for name in path.split("."):
        value = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
        if value is None:
            return ""
        if callable(value):
            value = value()
    return value


class SafeExportMixin:
    """Cells by attribute path, blank for a missing link; text that a spreadsheet would run as a
    formula is neutralised with ``safe_cell``."""

    def to_row_dict(self, item):
        return {field: attribute_path(item, field) for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))


class WholeFileExportMixin(SpreadsheetExportMixin):
    """Wagtail's spreadsheet export (headings, cells, number formats) answered as one whole file
    rather than a stream: computed figures, not a long listing, and the CSV encoded with a UTF-8
    BOM so that Excel reads Vietnamese text right (Wagtail's CSV has none)."""

    def write_csv_response(self, queryset):
        body = codecs.BOM_UTF8 + b"".join(self.stream_csv(queryset))  # the stream's lines: UTF-8
        return self.attachment(HttpResponse(body, content_type="text/csv; charset=utf-8"), self.FORMAT_CSV)

    def write_xlsx_response(self, queryset):
        out = io.BytesIO()
        self.write_xlsx(queryset, out)
        return self.attachment(HttpResponse(out.getvalue(), content_type=XLSX), self.FORMAT_XLSX)

    def attachment(self, response, extension):
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.{extension}"'
        return response
