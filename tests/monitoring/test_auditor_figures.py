"""One definition per figure: the audit page, the indicators page, the JSON, the Word and the Excel
report show each target from the same function, with the same title, figures and status word."""

import html as html_lib
import io
import json
import re

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from monitoring.figures.targets import STATUS_LABELS

PERIOD = {"year": 2024}


def text(fragment):
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def target_row(html, code):
    """The cells of the row ``<tr data-target="code">`` as the reader sees them."""
    match = re.search(rf'<tr data-target="{re.escape(code)}"[^>]*>(.*?)</tr>', html, re.S)
    assert match, f"no row for target {code}"
    return [text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", match.group(1), re.S)]


def test_target_5a_and_4_are_the_same_on_the_audit_and_indicators_pages(as_user, plan_year):
    client = as_user("auditor")
    audit_html = client.get(reverse("audit:index"), PERIOD).content.decode()
    plan_html = client.get(reverse("monitoring:indicators"), PERIOD).content.decode()
    for code in ("4", "5a"):
        assert target_row(audit_html, code) == target_row(plan_html, code), code
    # 2024: p1 is the one product digitised *and* online among the six (p2 digitised, print only)
    assert target_row(plan_html, "5a")[1:4] == ["1", "6", "16,7%"]


def test_the_reports_carry_the_rows_the_pages_show(as_user, plan_year):
    client = as_user("auditor")
    plan_html = client.get(reverse("monitoring:indicators"), PERIOD).content.decode()
    url = reverse("monitoring:plan_report")
    data = json.loads(client.get(url, {**PERIOD, "format": "json"}).content)
    docx = Document(io.BytesIO(client.get(url, {**PERIOD, "format": "docx"}).content))
    book = load_workbook(io.BytesIO(client.get(url, {**PERIOD, "format": "xlsx"}).content))
    word_rows = {row.cells[0].text: [c.text for c in row.cells] for t in docx.tables for row in t.rows}
    excel_rows = {str(r[0]): r for r in book["Chỉ tiêu"].iter_rows(min_row=2, values_only=True)}
    for code in ("1", "2", "3", "4", "5a", "5b"):
        page = target_row(plan_html, code)
        title, numerator, denominator, share, _target, status = page
        assert word_rows[code][1:] == page, code
        assert excel_rows[code][1] == title and excel_rows[code][-1] == status, code
        assert str(excel_rows[code][2]) == numerator, code
        figure = data["targets"][code]
        assert str(figure.get("numerator", figure.get("counted"))) == numerator, code


def test_one_word_per_state(as_user, plan_year):
    client = as_user("auditor")
    words = {str(word) for word in STATUS_LABELS.values()}
    for name in ("audit:index", "monitoring:indicators"):
        html = client.get(reverse(name), PERIOD).content.decode()
        assert "dưới chỉ tiêu" not in html, name
        statuses = re.findall(r'class="[^"]*\bstatus-\w+[^"]*"[^>]*>([^<]*)<', html)
        assert statuses and {s.strip() for s in statuses} <= words, (name, statuses)


def test_a_year_without_products_has_no_data_for_4_and_5a_alike(as_user, plan_year):
    client = as_user("auditor")
    for name in ("audit:index", "monitoring:indicators"):
        html = client.get(reverse(name), {"year": 2026}).content.decode()
        for code in ("4", "5a"):
            assert target_row(html, code)[1:4] == ["0", "0", "—"], (name, code)
            assert target_row(html, code)[-1] == str(STATUS_LABELS["no_data"]), (name, code)
