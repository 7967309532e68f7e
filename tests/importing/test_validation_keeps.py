"""What validation keeps for the rest of an import: the rows it has seen (one int per row,
``validation.SeenRows``) and the rows it accepted, on disk (``spool.CleanRowSpool``)."""

import datetime

from products import languages
from products.importing.rows import CleanFile, CleanRow
from products.importing.spool import CleanRowSpool
from products.importing.validation import SeenRows


def test_every_row_number_and_language_comes_back():
    seen = SeenRows()
    expected = {}
    for row, language in enumerate([*languages.CODES, None, "vi"], start=1):
        external_id = f"ma-{row}-Đăk"
        seen[external_id] = (row * 1_000_003, language)
        expected[external_id] = (row * 1_000_003, language)
    assert all(seen[key] == value for key, value in expected.items())
    assert "ma-1-Đăk" in seen and "ma-1-Dak" not in seen
    seen["ma-1-Đăk"] = (7, "bdq")
    assert seen["ma-1-Đăk"] == (7, "bdq")


def test_the_spool_gives_back_the_rows_it_was_given_in_order(tmp_path):
    rows = [
        CleanRow(
            row=n,
            external_id=f"sp-{n}",
            title="Bản tin 'Bok ơ̆",
            language="bdq",
            area_id=1,
            task_id=None,
            format_id=2,
            unit_id=3,
            summary="Tóm tắt",
            body="<p>Đoạn</p>",
            transcript="",
            topic_ids=[4, 5],
            publications=[(6, datetime.date(2024, 7, 30), "https://example.org/a", "số 5")],
            translation_of="sp-1" if n > 1 else "",
            files=[CleanFile(path=tmp_path / "a.pdf", kind="document", name="a.pdf")],
            search_description=None if n % 2 else "Mô tả",
            draft=bool(n % 2),
            body_blocks=[{"type": "paragraph", "value": "<p>x</p>"}],
        )
        for n in range(1, 4)
    ]
    with CleanRowSpool() as spool:
        for clean in rows:
            spool.add(clean)
        assert list(spool.rows()) == rows
        assert list(spool.rows()) == rows  # read again from the start
