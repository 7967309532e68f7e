"""Every screen an auditor reads is Vietnamese end to end: names, never slugs or codes; dates as
dd/mm/yyyy; percentages written one way (``66,7%``); months in calendar order.

The forbidden list is built from the registers in the database (the admin browser tests'
ENGLISH_STRINGS idea, extended to codes): a unit, format or channel slug, a language code, an
ISO date or an English word of the code (``total``, ``counted`` …) on a page fails the test.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

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
    codes, short = forbidden_codes()
    found = []
    for node in visible_texts(html):
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


def pages():
    audit, products = reverse("audit:index"), reverse("audit:products")
    indicators, records = reverse("monitoring:indicators"), reverse("monitoring:indicator_records")
    yield audit, {"year": 2024}
    yield audit, {"year": 2026}
    yield audit, {"year": 2024, "unit": "bao-kon-tum"}
    for params in (
        {"which": "total"},
        {"which": "counted"},
        {"which": "ethnic+digital"},
        {"dim": "unit", "key": "bao-kon-tum", "which": "total"},
        {"dim": "language", "key": "bdq", "which": "counted"},
        {"dim": "month", "key": "2024-03", "which": "total"},
        {"dim": "channel", "key": "facebook", "which": "total"},
        {"dim": "format", "key": "article", "which": "total"},
    ):
        yield products, {"year": 2024, **params}
    yield indicators, {"year": 2024}
    yield indicators, {"year": 2024, "rollup": "on"}
    yield indicators, {"year": 2024, "unit": "so-tttt"}
    for code in ("1", "2", "3", "4", "5a"):
        for which in ("numerator", "denominator"):
            yield records, {"year": 2024, "target": code, "which": which}


@pytest.mark.django_db
def test_auditor_screens_show_names_not_codes(as_user, plan_year):
    client = as_user("auditor")
    failures = {}
    for url, params in pages():
        response = client.get(url, params)
        assert response.status_code == 200, (url, params)
        found = problems(response.content.decode())
        if found:
            failures[f"{url} {params}"] = sorted(set(found))[:6]
    assert not failures, "\n".join(f"{page}: {found}" for page, found in failures.items())


def test_months_are_in_calendar_order(as_user, plan_year):
    html = as_user("auditor").get(reverse("audit:index"), {"year": 2024}).content.decode()
    section = html.split("Theo tháng", 1)[1].split("</table>", 1)[0]
    months = re.findall(r"<td>(\d{2})/2024</td>", section)
    assert months and months == sorted(months), months


def test_drilldown_title_says_what_it_lists(as_user, plan_year):
    client = as_user("auditor")
    every = client.get(reverse("audit:products"), {"year": 2024, "which": "total"}).content.decode()
    counted = client.get(reverse("audit:products"), {"year": 2024, "which": "counted"}).content.decode()
    assert "Sản phẩm được tính" not in every.split("<main", 1)[1]
    assert "Sản phẩm được tính" in counted
    assert every.count("data-product-id=") > counted.count("data-product-id=")
