"""The audit figures as CSV and XLSX: one sheet/section per breakdown, the same numbers as the JSON."""

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


def products_csv(headings, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings)
    writer.writerows(safe_row(row) for row in rows)
    return out.getvalue().encode("utf-8-sig")


def products_xlsx(headings, rows):
    from openpyxl import Workbook  # heavy (~20 MB per process): loaded on the first export

    book = Workbook()
    sheet = book.active
    sheet.title = "products"
    sheet.append(headings)
    for row in rows:
        sheet.append(safe_row(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
