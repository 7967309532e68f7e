"""The admin an editor and an administrator use every day, in headless Chromium: in Vietnamese,
without a request to any other host, without a console error.

A live server serves the pages (the admin's JavaScript calls back to it). pytest-django makes
a test that uses ``live_server`` transactional and flushes the database afterwards, so this test
seeds what it needs itself; pytest-django runs transactional tests after every test that
relies on the session's seeded database, so the flush cannot reach those.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from products.desk import roles
from products.models import Unit
from tests.admin_ui.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    english_on,
    needs_chromium,
    open_quietly,
    screenshot,
    watch,
)
from tests.admin_ui.live import page_tree_of_the_migrations
from tests.factories import make_product

pytestmark = [pytest.mark.browser, needs_chromium]
PASSWORD = "mat-khau-thu"  # MD5 hasher in tests: logging in is fast


@pytest.fixture
def newsroom(transactional_db, django_user_model):
    page_tree_of_the_migrations()  # another transactional test may have flushed it
    call_command("seed_reference", stdout=io.StringIO())
    unit = Unit.objects.get(slug="bao-kon-tum")
    reporter = django_user_model.objects.create_user(
        "phongvien", email="phongvien@example.vn", password=PASSWORD, first_name="Lan", last_name="Nguyễn"
    )
    reporter.groups.add(Group.objects.get(name=roles.EDITOR.format(unit=unit.name_vi)))
    admin = django_user_model.objects.create_user(
        "quantri", email="quantri@example.vn", password=PASSWORD, is_superuser=True
    )
    admin.groups.add(Group.objects.get(name=roles.ADMINISTRATOR))
    product = make_product(
        title="Bảo đảm quyền của người dân tộc thiểu số",
        live=False,
        publications=[("online-news", datetime.date(2024, 7, 30))],
    )
    return {"reporter": reporter, "admin": admin, "product": product}


def reporter_pages(product):
    """A reporter's day: dashboard, the page tree, the unit's section, a product in the editor."""
    return [
        ("01-bang-dieu-khien", "/admin/"),
        ("02-cay-trang", "/admin/pages/"),
        ("03-chuyen-muc", f"/admin/pages/{product.get_parent().pk}/"),
        ("04-sua-san-pham", f"/admin/pages/{product.pk}/edit/", open_the_date_picker),
    ]


def open_the_date_picker(tab):
    """The publication date reads dd/mm/yyyy, and its picker opens in Vietnamese on that month."""
    tab.get_by_role("tab", name="Đăng tải").click()
    field = tab.locator("#id_publications-0-date")
    problems = [] if field.input_value() == "30/07/2024" else [f"date field reads {field.input_value()!r}"]
    field.click()
    picker = tab.locator(".xdsoft_datetimepicker:visible .xdsoft_month span").first
    picker.wait_for()
    if picker.inner_text() not in ("Tháng 7", "Tháng bảy"):
        problems.append(f"date picker opens on {picker.inner_text()!r}, not July in Vietnamese")
    screenshot(tab, "04b-chon-ngay")
    return problems


# Uploads are the administrator's here: the unit groups cannot open them yet (see the report).
ADMIN_PAGES = [
    ("05-tai-len-hinh-anh", "/admin/images/multiple/add/"),
    ("06-tai-len-tai-lieu", "/admin/documents/multiple/add/"),
    ("07-am-thanh-video", "/admin/media/"),
    ("08-tai-len-am-thanh", "/admin/media/audio/add/"),
    ("09-danh-muc-don-vi", "/admin/snippets/products/unit/"),
    ("10-danh-muc-kenh", "/admin/snippets/products/channel/"),
    ("11-quy-trinh-duyet", "/admin/workflows/list/"),
    ("12-buoc-duyet", "/admin/workflows/tasks/index/"),
    ("13-nguoi-dung", "/admin/users/"),
    ("14-nhom", "/admin/groups/"),
]


def log_in(tab, base, username):
    tab.goto(f"{base}/admin/login/")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{base}/admin/")


def visit_all(browser, base, username, pages):
    """Visit each page as ``username``; return {page: [problems]} for the pages that have any."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    recorder = watch(tab, base)
    problems = {}
    try:
        log_in(tab, base, username)
        for name, path, *action in pages:
            response = open_quietly(tab, recorder, f"{base}{path}")
            screenshot(tab, name)
            found = [f"HTTP {response.status}"] if response.status != 200 else []
            if tab.url != f"{base}{path}":
                found.append(f"redirected to {tab.url}")
            found += action[0](tab) if action else []
            found += [f"English: {text!r}" for text in english_on(tab)]
            found += [f"outside request: {url}" for url in recorder.outside_requests]
            found += [f"console: {error}" for error in recorder.console_errors]
            recorder.outside_requests.clear()
            recorder.console_errors.clear()
            if found:
                problems[f"{name} {path}"] = found
    finally:
        context.close()
    return problems


def test_everyday_admin_pages_are_vietnamese_offline_and_error_free(live_server, newsroom):
    everyday = reporter_pages(newsroom["product"])  # no ORM inside Playwright's event loop
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            problems = visit_all(browser, live_server.url, "phongvien", everyday)
            problems |= visit_all(browser, live_server.url, "quantri", ADMIN_PAGES)
        finally:
            browser.close()
    assert problems == {}
