"""Whole numbers typed by people: query-string parameters and import cells, read one way.

``str.isdigit()`` and ``int()`` accept far more than the digits 0–9: "²" passes ``isdigit()``
and then crashes ``int()``; "١٢" (Arabic-Indic), "１２" (full width), " 12", "+12" and "1_2"
all become 12, each one more URL for the same page (and one more entry in the page cache);
a 5,000-digit string makes ``int()`` raise. ``whole_number`` takes ASCII digits only, checks
the bounds before converting, and raises ``NotAWholeNumber`` with a message for the reader:
views answer it with a 400, imports with a row error. Every app may import products, so every
view and import that reads a number uses this module (``WholeNumberField`` in forms).
"""

from django import forms
from django.utils.translation import gettext as _

DIGITS = frozenset("0123456789")
# The largest value of an IntegerField on PostgreSQL (ids, counts): anything above is no row.
MAX_DB_INTEGER = 2**31 - 1


class NotAWholeNumber(ValueError):
    """A value that is not a whole number in the expected range; ``str()`` is the message."""


def whole_number(raw, *, minimum=0, maximum, default=None):
    """``raw`` (a str, or None) as an int from ``minimum`` to ``maximum``.

    None or "" gives ``default`` when there is one; anything that is not ASCII digits, or is
    out of range, raises NotAWholeNumber. Leading zeros are read ("007" is 7).
    """
    if raw is None or raw == "":
        if default is not None:
            return default
        raise NotAWholeNumber(_message("", minimum, maximum))
    text = str(raw)
    significant = text.lstrip("0")
    if not (set(text) <= DIGITS and len(significant) <= len(str(maximum))):
        raise NotAWholeNumber(_message(text, minimum, maximum))
    number = int(significant or "0")
    if not minimum <= number <= maximum:
        raise NotAWholeNumber(_message(text, minimum, maximum))
    return number


def _message(text, minimum, maximum):
    return _("«%(value)s» không phải số nguyên từ %(min)s đến %(max)s (chỉ dùng chữ số 0–9).") % {
        "value": text[:20],
        "min": minimum,
        "max": maximum,
    }


class WholeNumberField(forms.IntegerField):
    """An IntegerField that reads its value with ``whole_number`` (Django's takes "١٢" and " 12 ")."""

    def __init__(self, *, min_value=0, max_value=MAX_DB_INTEGER, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return whole_number(value, minimum=self.min_value, maximum=self.max_value)
        except NotAWholeNumber as error:
            raise forms.ValidationError(str(error), code="invalid") from error
