"""Every screen an auditor reads is Vietnamese end to end: names, never slugs or codes; dates as
dd/mm/yyyy; percentages written one way (``66,7%``); months in calendar order.

The forbidden list is built from the registers in the database (the admin browser tests'
ENGLISH_STRINGS idea, extended to codes, ``tests.monitoring.screen_text``): a unit, format or
channel slug, a language code, an ISO date or an English word of the code (``total``,
``counted`` …) on a page fails the test.
"""

import re

import pytest
from django.urls import reverse

from tests.monitoring.screen_text import problems


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
