"""Render a report on a scope as Word or Excel bytes."""

from monitoring.reporting import word, workbook
from monitoring.reporting.content import gather

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(scope, fmt, report=None, unit_reports=(), frozen=False, data=None):
    """``report``: the unit's UnitReport (narrative; its submitted figures when ``frozen``);
    ``data``: figures computed elsewhere (the consolidated report)."""
    if fmt == "docx":
        return word.render(gather(scope, report, 50, unit_reports, frozen, data))
    if fmt == "xlsx":
        return workbook.render(gather(scope, report, None, unit_reports, frozen, data))
    raise ValueError(f"unknown format {fmt!r}")
