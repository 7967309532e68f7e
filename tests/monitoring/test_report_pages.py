"""The Word report as it prints (issue 26): LibreOffice renders the DOCX to PDF, poppler reads the
PDF's text as laid out and draws its pages. The pages are kept as PNG beside the browser tests'
screenshots (``SCREENSHOTS/report/``, CI keeps them) to be looked at; the test reads the laid-out
text: the national motto and the slogan each on one line, the "BÁO CÁO" title with its subject,
the date line with its year, the authority of the report's year, the tables' figures.

LibreOffice (``libreoffice-writer-nogui``) and poppler (``poppler-utils``) are installed by
``.ci/run``; without them the test is skipped and says why.
"""

import re
import shutil
import subprocess

import pytest

from monitoring.figures.scope import Scope
from monitoring.reporting import documents
from tests.admin_ui.browser import SCREENSHOTS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.skipif(
        SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
    ),
    pytest.mark.skipif(
        shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
        reason="poppler is not installed (apt-get install poppler-utils)",
    ),
]


def printed(scope, out, profile):
    """(the PDF's text as laid out, the pages as PNG files) of the scope's Word report."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("report*"):
        old.unlink()
    docx = out / "report.docx"
    docx.write_bytes(documents.render(scope, "docx"))
    # A profile of its own: another LibreOffice running on the machine must not take the job.
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(out), str(docx)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = out / "report.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode()
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(out / "report")], check=True, timeout=300)
    return text, sorted(out.glob("report*.png"))


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    """One LibreOffice profile for the module's reports: its first start builds the profile (seconds),
    the next conversion reuses it."""
    return tmp_path_factory.mktemp("lo")


@pytest.mark.parametrize(
    ("unit", "authority"), [(None, "UBND TỈNH QUẢNG NGÃI"), ("bao-kon-tum", "UBND TỈNH QUẢNG NGÃI")]
)
def test_the_printed_report_reads_as_decree_30_asks(plan_year, profile, unit, authority):
    scope = Scope.year(2026, unit=unit)
    text, pages = printed(scope, SCREENSHOTS / "report" / (unit or "toan-tinh"), profile)
    assert pages, "no page rendered"
    lines = [line.strip() for line in text.splitlines()]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in lines), "the motto wraps"
    assert any(
        "Độc lập - Tự do - Hạnh phúc" in line or "Độc lập – Tự do – Hạnh phúc" in line for line in lines
    )
    assert "NAM" not in lines, "the motto's last word on a line of its own"
    assert "BÁO CÁO" in lines
    assert re.search(r"ngày[\s.…\d]+tháng[\s.…\d]+năm 2026", text), "the date line has no year"
    assert authority in text
    assert not any(line.startswith("V/v") for line in lines), "a report is not a letter (công văn)"
