"""Property-based tests of the import readers and row validation (hypothesis).

Whatever a file holds (any Unicode, any size, any nesting, broken quoting), the import answers
with a report: rows with their errors, or a reason the whole file was refused. It never raises.
"""

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from products.importing.columns import COLUMNS
from products.importing.validation import RowError, Validator

pytestmark = pytest.mark.django_db

# The number of examples and randomness come from the profile (tests/conftest.py).
PROPERTY = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any Unicode text, Vietnamese and Bahnar marks more often than chance would give them.
MARKS = st.sampled_from(
    ["ơ̆", "ư̆", "'Bok", "Đăk Tô", "ʼNăr", "人权", "ສິດ", "\u0306", "\x00", "\ufeff", "\r\n"]
)
TEXT = st.lists(st.one_of(st.text(), MARKS), max_size=6).map("".join)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT)
JSON_VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=20,
)
KEYS = st.one_of(st.sampled_from(COLUMNS), TEXT)
ROW = st.dictionaries(KEYS, JSON_VALUE, max_size=len(COLUMNS) + 2)
PLAUSIBLE_ROW = st.fixed_dictionaries(
    {
        "external_id": TEXT,
        "title": TEXT,
        "language": st.one_of(st.sampled_from(["vi", "bdq", "en", "zh-hans"]), TEXT),
        "area": st.one_of(st.sampled_from(["I", "III", "V"]), TEXT),
        "format": st.one_of(st.just("article"), TEXT),
        "unit": st.one_of(st.just("bao-kon-tum"), TEXT),
        "summary": TEXT,
        "body": TEXT,
        "topics": st.one_of(TEXT, st.lists(st.one_of(st.just("upr"), TEXT), max_size=3)),
        "publications": st.one_of(
            TEXT,
            st.lists(
                st.one_of(
                    TEXT,
                    st.fixed_dictionaries(
                        {
                            "channel": st.one_of(st.just("radio"), TEXT),
                            "date": st.one_of(st.just("2024-02-29"), TEXT),
                        }
                    ),
                ),
                max_size=3,
            ),
        ),
        "translation_of": TEXT,
    }
)


@pytest.fixture
def validator(registers):
    return Validator()


def assert_reported(report, rows):
    """A report with row errors (each with its row and a message) or a reason for the file."""
    assert isinstance(report.fatal, str)
    for error in report.errors:
        assert isinstance(error, RowError) and isinstance(error.message, str) and error.message
        assert 1 <= error.row <= rows + 1
    assert all(isinstance(line, str) for line in report.lines())


def check(validator, suffix, content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"data.{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            content(path)
        return validator.check_file(path)


@PROPERTY
@given(row=ROW)
def test_any_json_object_is_a_clean_row_or_row_errors(validator, row):
    clean, errors = validator.clean(7, row)
    assert (clean is None) == bool(errors)
    assert all(error.row == 7 and error.message for error in errors)


@PROPERTY
@given(row=PLAUSIBLE_ROW)
def test_plausible_rows_validate_or_say_why(validator, row):
    clean, errors = validator.clean(2, row)
    if clean is not None:
        assert clean.title and len(clean.title) <= 255 and clean.publications
    else:
        assert errors and {error.field for error in errors} <= {*COLUMNS, ""}


@PROPERTY
@given(
    lines=st.lists(
        st.one_of(st.binary(max_size=200), JSON_VALUE.map(json.dumps), ROW.map(json.dumps)), max_size=8
    )
)
def test_any_jsonl_bytes_give_a_report(validator, lines):
    content = b"\n".join(
        line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass") for line in lines
    )
    assert_reported(check(validator, "jsonl", content), content.count(b"\n") + 1)


@PROPERTY
@given(depth=st.integers(min_value=1, max_value=200_000), opener=st.sampled_from(["[", '{"a":']))
def test_nesting_of_any_depth_is_a_row_error(validator, depth, opener):
    closer = "]" if opener == "[" else "}"
    line = '{"external_id": ' + opener * depth + "1" + closer * depth + "}"
    report = check(validator, "jsonl", line.encode())
    assert_reported(report, 1)
    assert report.error_count >= 1 and report.errors[0].row == 1


@PROPERTY
@given(text=st.text(max_size=600))
def test_any_csv_text_gives_a_report(validator, text):
    header = ",".join(COLUMNS) + "\n"
    content = (header + text).encode("utf-8", "surrogatepass")
    assert_reported(check(validator, "csv", content), content.count(b"\n") + content.count(b"\r") + 1)


@PROPERTY
@given(rows=st.lists(st.lists(TEXT, max_size=len(COLUMNS) + 2), max_size=6))
def test_any_csv_cells_give_a_report(validator, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    content = out.getvalue().encode("utf-8", "surrogatepass")
    assert_reported(check(validator, "csv", content), content.count(b"\n") + content.count(b"\r") + 1)


CELL = st.one_of(
    st.none(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    TEXT.map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text.encode("utf-8", "ignore").decode("utf-8"))),
)


@PROPERTY
@given(
    header=st.lists(st.one_of(st.sampled_from(COLUMNS), TEXT), max_size=8),
    rows=st.lists(st.lists(CELL, max_size=8), max_size=5),
)
def test_any_xlsx_cells_give_a_report(validator, header, rows):
    def write(path):
        book = Workbook()
        sheet = book.active
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", h.encode("utf-8", "ignore").decode("utf-8")) for h in header]
        )
        for row in rows:
            sheet.append(row)
        book.save(path)

    assert_reported(check(validator, "xlsx", write), len(rows) + 1)


@PROPERTY
@given(content=st.binary(max_size=400))
def test_any_bytes_named_xlsx_give_a_report(validator, content):
    report = check(validator, "xlsx", content)
    assert_reported(report, 0)
    assert report.fatal
