"""Cells that are safe to open in a spreadsheet.

A text cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some programs strip before reading the rest) is run as a formula by Excel and
LibreOffice when a CSV is opened: a product title such as ``=HYPERLINK("http://…")`` would
become a live link, ``+cmd|' /C calc'!A0`` a command. OWASP's advice is to prefix such
cells with a single quote, which spreadsheet programs show as text. Numbers, dates and
empty values are left alone; every CSV and XLSX the project writes passes its cells here.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` unchanged unless it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]
