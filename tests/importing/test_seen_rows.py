"""The rows a validation has seen, kept one int per row (products.importing.validation.SeenRows)."""

from products import languages
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
