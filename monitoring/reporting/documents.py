"""Render a report on a scope as Word or Excel bytes."""

import importlib

from monitoring.reporting.content import gather

WRITERS = {"docx": "monitoring.reporting.word", "xlsx": "monitoring.reporting.workbook"}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(scope, fmt, report=None, unit_reports=(), frozen=False, data=None):
    """``report``: the unit's UnitReport (narrative; its submitted figures when ``frozen``);
    ``data``: figures computed elsewhere (the consolidated report)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}")
    # python-docx and openpyxl cost every process ~40 MB once imported: loaded on the first report.
    writer = importlib.import_module(WRITERS[fmt])
    return writer.render(gather(scope, report, 50 if fmt == "docx" else None, unit_reports, frozen, data))
