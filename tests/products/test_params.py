"""``products.params.whole_number``: the one reader of numbers from query strings and import cells."""

import pytest

from products.params import NotAWholeNumber, whole_number
from tests.public.test_query_numbers import NOT_NUMBERS


@pytest.mark.parametrize(("raw", "number"), [("0", 0), ("7", 7), ("007", 7), ("100", 100)])
def test_whole_number_reads_ascii_digits(raw, number):
    assert whole_number(raw, minimum=0, maximum=100) == number


@pytest.mark.parametrize("raw", [*NOT_NUMBERS, "101", "", "x" * 5000, "9" * 5000])
def test_whole_number_refuses_the_rest_with_a_message(raw):
    with pytest.raises(NotAWholeNumber) as error:
        whole_number(raw, minimum=0, maximum=100)
    assert "0" in str(error.value) and "100" in str(error.value)


def test_whole_number_default_only_for_a_missing_value():
    assert whole_number(None, minimum=1, maximum=9, default=1) == 1
    assert whole_number("", minimum=1, maximum=9, default=1) == 1
    with pytest.raises(NotAWholeNumber):
        whole_number("0", minimum=1, maximum=9, default=1)
