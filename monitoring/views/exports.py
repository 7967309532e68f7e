"""What every spreadsheet export of the plan's admin does to its cells."""

from products.spreadsheets import safe_cell


def attribute_path(item, path):
    """``item.a.b`` for "a.b"; an empty cell where a link is missing (a product without a task)."""
    value = item
    for name in path.split("."):
        value = getattr(value, name, None)
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
