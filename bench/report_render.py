"""Time one unit-year's plan report in each format; optionally render the Word file to PDF and PNG.

    DATABASE_URL=... .venv/bin/python bench/report_render.py --year 2026 --unit bao-kon-tum
    .venv/bin/python bench/report_render.py --year 2026 --png bench/out/report   # needs LibreOffice

Reads the database of the settings in use (``make run``'s demo, or ``DATABASE_URL``). Prints, per
format (json, docx, xlsx), the first render (which imports python-docx or openpyxl) and the best
of ``--repeat`` further renders, in seconds; the budget is 2 s per unit-year and format.

``--png DIR`` writes ``report.docx`` there, converts it with LibreOffice (``soffice --headless
--convert-to pdf``) and the PDF's pages with ``pdftoppm`` (poppler-utils) to ``report-N.png``,
to look at the layout as printed: the motto on one line, the heading's columns, the tables.
Without ``soffice`` it says so and stops after writing the DOCX.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

BUDGET_SECONDS = 2.0


def render(scope, fmt):
    import json

    from monitoring.reporting import documents
    from monitoring.reporting.annual import plan_report

    if fmt == "json":
        return json.dumps(plan_report(scope), ensure_ascii=False).encode()
    return documents.render(scope, fmt)


def timings(scope, repeat):
    results = {}
    for fmt in ("json", "docx", "xlsx"):
        started = time.perf_counter()
        body = render(scope, fmt)
        first = time.perf_counter() - started
        best = min(_timed(scope, fmt) for _ in range(repeat))
        results[fmt] = (first, best, len(body))
    return results


def _timed(scope, fmt):
    started = time.perf_counter()
    render(scope, fmt)
    return time.perf_counter() - started


def to_png(scope, out):
    out.mkdir(parents=True, exist_ok=True)
    docx = out / "report.docx"
    docx.write_bytes(render(scope, "docx"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print(f"wrote {docx}; LibreOffice (soffice) is not installed: no PDF/PNG")
        return 1
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        check=True,
        timeout=300,
    )
    pdf = out / "report.pdf"
    if not shutil.which("pdftoppm"):
        print(f"wrote {pdf}; pdftoppm (poppler-utils) is not installed: no PNG")
        return 1
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(out / "report")], check=True, timeout=300)
    print("wrote", ", ".join(sorted(p.name for p in out.glob("report*.png"))), "in", out)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--unit", default=None, help="unit slug; none = the province-wide report")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--png", type=Path, default=None, help="DOCX → PDF → PNG in this folder")
    args = parser.parse_args()

    import django

    django.setup()
    from monitoring.figures.scope import Scope

    scope = Scope.year(args.year, unit=args.unit)
    if args.png:
        return to_png(scope, args.png)
    over = False
    for fmt, (first, best, size) in timings(scope, args.repeat).items():
        over = over or best > BUDGET_SECONDS
        print(f"{fmt:5} first {first:6.3f} s  best of {args.repeat} {best:6.3f} s  {size:8,d} bytes")
    print(f"budget {BUDGET_SECONDS} s per format: {'EXCEEDED' if over else 'met'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
