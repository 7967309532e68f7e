"""What an auditor must never read (issue 26): a unit, format or channel slug, a language code,
an ISO date, an English word of the code, a percentage written otherwise than ``66,7%``.

The forbidden codes come from the registers in the database (read them outside a browser's event
loop: ``forbidden_codes()``); ``problems_in(texts, codes)`` checks texts, ``problems(html)`` the
text nodes of a page's <main>. Used by the server-side screen test and the browser walk.
"""

import re
from html.parser import HTMLParser

from monitoring.models import CATEGORY_CODES
from products import languages
from products.models import Channel, Format, Unit

ENGLISH_WORDS = {
    "total",
    "counted",
    "numerator",
    "denominator",
    "share",
    "unit",
    "area",
    "format",
    "channel",
    "language",
    "month",
    "which",
    "none",
    "true",
    "false",
    "ethnic",
    "foreign",
    "digitised",
    "status",
    "below",
    "within",
    "above",
    "met",
    "no_data",
    "entered",
    "live",
    "draft",
}
ISO_DATE = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")
PERCENT = re.compile(r"\d[\d.,]*\s*%")
ONE_PERCENT_FORMAT = re.compile(r"^\d+,\d%$")


def forbidden_codes():
    """(codes that must never appear as a word, short codes that must never be a whole text)."""
    codes = set(Unit.objects.values_list("slug", flat=True))
    codes |= set(Format.objects.values_list("slug", flat=True))
    codes |= set(Channel.objects.values_list("slug", flat=True))
    codes |= set(CATEGORY_CODES)
    short = {code for code in languages.CODES if len(code) < 3}
    # a two-letter code is a Vietnamese word too ("phạm vi"): it fails only as a cell of its own
    return codes | (set(languages.CODES) - short), short


class _Texts(HTMLParser):
    """The text nodes inside <main>, without scripts and styles."""

    def __init__(self):
        super().__init__()
        self.texts, self.main, self.hidden = [], False, 0

    def handle_starttag(self, tag, attrs):
        self.main = self.main or tag == "main"
        self.hidden += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "template")
        self.main = self.main and tag != "main"

    def handle_data(self, data):
        if self.main and not self.hidden and data.strip():
            self.texts.append(data.strip())


def visible_texts(html):
    parser = _Texts()
    parser.feed(html)
    return parser.texts


def problems(html):
    return problems_in(visible_texts(html), forbidden_codes())


def problems_in(texts, forbidden):
    codes, short = forbidden
    found = []
    for node in texts:
        if node in short:
            found.append(f"code {node!r}")
        for token in re.findall(r"[\w\-]+", node):
            if token in codes:
                found.append(f"code {token!r} in {node!r}")
            elif token.isascii() and token.lower() in ENGLISH_WORDS:
                found.append(f"English {token!r} in {node!r}")
        if ISO_DATE.search(node):
            found.append(f"ISO date in {node!r}")
        # a figure is a short text; the plan's own wording ("100% cơ quan …") is quoted as written
        for value in PERCENT.findall(node) if len(node) <= 40 else ():
            if not ONE_PERCENT_FORMAT.match(value):
                found.append(f"percent {value!r} in {node!r}")
    return found
