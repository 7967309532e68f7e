"""axe-core on the admin pages this project adds (not Wagtail's own): the dashboard's review
queue, the products listing, the import form and the target-4 audit.

Only the project's own part of each page is audited (Wagtail's <main> content); Wagtail's
sidebar and header are Wagtail's to fix. Screenshots: .local/screenshots/portal/admin-*.png.
"""

import datetime

import pytest
from django.test import Client

from tests.browser.portal import (
    DjangoRouter,
    axe_violations,
    browser_tab,
    needs_axe,
    needs_chromium,
    screenshot,
)
from tests.factories import make_product

pytestmark = [*needs_chromium, needs_axe]

ADMIN_PAGES = {
    "dashboard": "/admin/",
    "products": "/admin/product_listing/",
    "import": "/admin/products-import/",
    "audit": "/admin/audit/?year=2024",
}


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_project_admin_pages_have_no_axe_violations(admin_user, registers, name):
    make_product(title="Quyền trẻ em", publications=[("facebook", datetime.date(2024, 3, 1))])
    make_product(title="Tơdrong hơ̆k", language="bdq", unit="dai-ptth-kon-tum")
    client = Client()
    client.force_login(admin_user)
    router = DjangoRouter(client)
    with browser_tab(router, width=1280) as tab:
        response = tab.goto(f"http://testserver{ADMIN_PAGES[name]}")
        assert response.status == 200
        violations = axe_violations(tab, {"include": [["main"]]})
        screenshot(tab, f"admin-{name}")
    assert [rule for rule, *_ in violations] == [], violations
