"""The Content-Security-Policy holds, and nothing breaks under it: portal and admin in Chromium.

Every page is opened in headless Chromium against the production server (DEBUG off, the
policy of cms/settings/base.py); the test fails on any console error — a CSP violation is
reported there as "Refused to …" — and on any request to another host.
"""

import json
import re
import urllib.request

import pytest

from tests.admin_ui.browser import InFlight
from tests.ops.conftest import ADMIN, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]


class Watch:
    """Console errors, CSP violations and off-site requests of one page."""

    def __init__(self, page, origin):
        self.problems = []
        self.previews_refused = 0
        page.on("response", self.response)
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", lambda request: self.request(request, origin))

    def response(self, response):
        # Wagtail's live preview posts the form as it is typed and answers 400 while it is
        # incomplete (a new, empty publication row): the editor's normal state, not a fault.
        if response.status == 400 and "/edit/preview/" in response.url:
            self.previews_refused += 1

    def console(self, message):
        if message.type != "error":
            return
        if "status of 400" in message.text and self.previews_refused:
            self.previews_refused -= 1
            return
        where = message.location.get("url", "")
        if where.endswith("/favicon.ico"):
            return  # the portal's favicon is the portal issue's (#16); a 404 here is not the policy's
        self.problems.append(f"console: {message.text} ({where})")

    def request(self, request, origin):
        if not request.url.startswith((origin, "data:", "blob:")):
            self.problems.append(f"off-site request: {request.url}")


def open_page(context, site, path):
    page = context.new_page()
    watch, in_flight = Watch(page, site.url), InFlight(page)
    page.goto(site.url + path, wait_until="load")
    in_flight.settle()  # requests after the load event, as "networkidle" with a shorter quiet time
    return page, watch


@pytest.fixture(scope="module")
def admin_context(browser, production_site):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(production_site.url + "/admin/login/")
    page.fill("#id_username", ADMIN[0])
    page.fill("#id_password", ADMIN[1])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.close()
    yield context
    context.close()


PORTAL = ["/vi/", "/bdq/", "/en/", "/vi/san-pham/", "/vi/search/?q=quyen+con+nguoi", "/lo/search/?q=ສິດ"]


@pytest.mark.parametrize("path", PORTAL)
def test_portal_pages_run_clean_under_the_policy(browser, production_site, path):
    context = browser.new_context()
    page, watch = open_page(context, production_site, path)
    assert page.locator("main").count() == 1
    context.close()
    assert watch.problems == []


ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/documents/multiple/add/",
    "/admin/media/",
    "/admin/snippets/",
    "/admin/users/",
    "/admin/audit/?year=2024",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_run_clean_under_the_policy(admin_context, production_site, path):
    page, watch = open_page(admin_context, production_site, path)
    assert "/admin/login/" not in page.url
    page.close()
    assert watch.problems == []


def product_edit_path(site):
    with urllib.request.urlopen(site.url + "/api/v2/products/?limit=1") as response:  # noqa: S310
        return f"/admin/pages/{json.load(response)['items'][0]['id']}/edit/"


def test_product_editor_works_under_the_policy(admin_context, production_site):
    """Add a publication row (its date chooser starts), open the image chooser, type rich text, save."""
    page, saving = open_page(admin_context, production_site, product_edit_path(production_site))
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type(" Bơ̆n 'Bok")  # Draftail, with its injected styles
    page.locator("button.action-save:visible").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".messages .success").count() == 1
    page.close()
    assert saving.problems == []

    page, watch = open_page(admin_context, production_site, product_edit_path(production_site))
    page.get_by_role("tab", name="Đăng tải").click()
    total = page.locator("#id_publications-TOTAL_FORMS")
    before = int(total.input_value())
    pickers = page.locator(".xdsoft_datetimepicker")
    pickers_before = pickers.count()
    page.locator("#id_publications-ADD").click()
    assert int(total.input_value()) == before + 1
    page.wait_for_function(f"document.querySelectorAll('.xdsoft_datetimepicker').length > {pickers_before}")
    page.locator(f"#id_publications-{before}-date").click()  # the new row's date chooser was started
    page.locator(".xdsoft_datetimepicker:visible").wait_for()
    page.keyboard.press("Escape")
    page.get_by_role("tab", name="Tệp đính kèm").click()
    page.locator("#id_attachments-ADD").click()
    row = int(page.locator("#id_attachments-TOTAL_FORMS").input_value()) - 1
    page.locator(f"#id_attachments-{row}-image-chooser button[data-chooser-action-choose]").click()
    chooser = page.locator(".modal-dialog:visible, [role=dialog]:visible").first
    chooser.wait_for()
    chooser.locator("input[type=search], input[name=q]").first.wait_for()  # the image chooser's own search
    page.close()
    assert watch.problems == []
