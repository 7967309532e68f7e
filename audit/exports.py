"""The audit figures as CSV and XLSX: the same numbers as the JSON, written here, not through
Wagtail's ``SpreadsheetExportMixin`` (which the drill-down lists use, ``AuditProductsView``).

The mixin writes one table under one heading row, into a sheet called "Sheet1", from a view. This
file is two tables: the summary (period, unit, roll-up, the target's band, the status and which
channels counted as digital — what makes a file sent on by e-mail say what it counts) above the
figures (breakdown, key, total, counted, share); in the XLSX they are the sheets "summary" and
"figures", which readers (and tests/audit) open by name. ``audit_share --format csv|xlsx`` writes
the same bytes without any request or view. Through the mixin the summary would be lost or mixed
into the figures' columns; so only the cells share its rules (``safe_row``, numbers as numbers),
and the CSV keeps its UTF-8 BOM for Excel.
"""

import csv
import io

from products.spreadsheets import safe_row

HEADER = ["breakdown", "key", "total", "counted", "share"]


def figure_rows(report):
    """Flat rows (breakdown, key, total, counted, share); the headline first."""
    yield ["total", "", report["total"], report["counted"], report["share"]]
    for part, count in report["parts"].items():
        yield ["part", part, count, "", ""]
    for overlap, count in report.get("overlaps", {}).items():
        yield ["overlap", overlap, count, "", ""]
    for dim, rows in report["breakdowns"].items():
        for row in rows:
            yield [dim, row["key"], row["total"], row["counted"], row["share"]]


def meta_rows(report):
    return [
        ["period_start", report["period"]["start"]],
        ["period_end", report["period"]["end"]],
        ["unit", report.get("unit") or ""],
        ["rollup", report.get("rollup", False)],
        ["target_min", report["target"]["min"]],
        ["target_max", report["target"]["max"]],
        ["status", report["status"]],
        ["digital_channels", " ".join(report.get("digital_channels", []))],
    ]


def as_csv(report):
    out = io.StringIO()
    writer = csv.writer(out)
    for row in meta_rows(report):
        writer.writerow(safe_row(row))
    writer.writerow([])
    writer.writerow(HEADER)
    writer.writerows(safe_row(row) for row in figure_rows(report))
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(report):
    from openpyxl import Workbook  # heavy (~20 MB per process): loaded on the first export

    book = Workbook()
    summary = book.active
    summary.title = "summary"
    for row in meta_rows(report):
        summary.append(safe_row(row))
    figures = book.create_sheet("figures")
    figures.append(HEADER)
    for row in figure_rows(report):
        figures.append(safe_row(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
