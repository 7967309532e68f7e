"""Issue 26's measured target, in one Chromium: the admin as reporter, reviewer, translator,
auditor and administrator (Vietnamese, 1366 × 900) and the portal at 360 px, on the demo dated
relative to today. Every page is a screenshot in ``SCREENSHOTS/walk/`` (CI keeps them).

Every page answers 200 without an English string of the admin's list, a console error or a
request to another host. The reporter's autosave, while they type a title in a new product,
ends "Đã lưu" and not "Có lỗi nhập liệu". The auditor's screens (the audit page, every
drill-down and record list linked from it and from the indicators, the plan's registers and
reports) show no unit/format/channel slug, language code, ISO date or English word of the code
(``tests.monitoring.screen_text``).

Transactional (a live server): the test seeds what it needs itself; the ORM is only used before
the browser starts.
"""

import contextlib
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from home.models import HomePage
from monitoring.models import UnitReport
from products.models import ProductPage, Unit
from products.sections import section_for
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
from tests.monitoring.screen_text import forbidden_codes, problems_in
from tests.roles import PASSWORD, person, role_group

pytestmark = [pytest.mark.browser, needs_chromium]
UNIT = "dai-ptth-kon-tum"
LINKED = re.compile(r"/admin/(audit/products|plan/indicators/records)/\?")
MAX_LINKED = 30  # every drill-down the audit and indicators pages link to, up to this many


@pytest.fixture
def demo(transactional_db, django_user_model):
    page_tree_of_the_migrations()
    call_command("seed_reference", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    unit = Unit.objects.get(slug=UNIT)
    person(django_user_model, "phongvien", role_group("editor", UNIT))
    person(django_user_model, "duyetbai", role_group("reviewer", UNIT))
    person(
        django_user_model, "biendich", role_group("translator"), role_group("translator_into", language="en")
    )
    person(django_user_model, "kiemtra", role_group("auditor"))
    person(django_user_model, "quantri", role_group("administrator"))
    product = ProductPage.objects.live().filter(unit=unit).order_by("pk").first()
    report = UnitReport.objects.order_by("-year", "pk").first()
    return {
        "section": section_for(unit, "vi").pk,
        "product": product.pk,
        "product_url": urlsplit(product.full_url).path,
        "report": report.pk,
        "homes": sorted(urlsplit(home.full_url).path for home in HomePage.objects.live()),
        "forbidden": forbidden_codes(),
    }


class Walk:
    """One browser context per person; each page is checked, then kept as a screenshot."""

    def __init__(self, browser, base, forbidden):
        self.browser, self.base, self.forbidden, self.problems = browser, base, forbidden, {}

    def start(self, username=None, width=1366, height=900):
        self.context = self.browser.new_context(locale="vi-VN", viewport={"width": width, "height": height})
        self.tab = self.context.new_page()
        self.recorder = watch(self.tab, self.base)
        if username:
            self.tab.goto(f"{self.base}/admin/login/")
            self.tab.fill("input[name=username]", username)
            self.tab.fill("input[name=password]", PASSWORD)
            self.tab.click("button[type=submit]")
            self.tab.wait_for_url(f"{self.base}/admin/")
        return self.tab

    def visit(self, name, path, auditor=False):
        response = open_quietly(self.tab, self.recorder, f"{self.base}{path}")
        found = [] if response.status == 200 else [f"HTTP {response.status}"]
        self.check(name, found, auditor)

    def check(self, name, found=(), auditor=False):
        self.tab.wait_for_load_state("load")
        self.recorder.settle()
        screenshot(self.tab, f"walk/{name}")
        found = [*found, *(f"English: {text!r}" for text in english_on(self.tab))]
        if auditor and self.tab.locator("main").count():
            text = self.tab.locator("main").first.inner_text()
            found += problems_in(re.split(r"[\n\t]+", text), self.forbidden)
            # A browser writes <input type=date> in its own language's order (mm/dd/yyyy here).
            dates = self.tab.locator("main input[type=date]:visible").count()
            found += [f"{dates} date field(s) in the browser's format, not dd/mm/yyyy"] if dates else []
        found += [f"outside request: {url}" for url in self.recorder.outside_requests]
        found += [f"console: {error}" for error in self.recorder.console_errors]
        self.recorder.outside_requests.clear()
        self.recorder.console_errors.clear()
        if found:
            self.problems[f"{name} {self.tab.url}"] = sorted(set(found))[:8]

    def links(self, pattern):
        hrefs = self.tab.eval_on_selector_all(
            "main a[href]", "links => links.map(a => a.getAttribute('href'))"
        )
        return [href for href in hrefs if pattern.search(href)]

    def end(self):
        self.context.close()


def reporter(walk, demo):
    """The dashboard, the listing, and a new product: autosave while typing is no error."""
    walk.visit("01-phong-vien-bang-dieu-khien", "/admin/")
    walk.visit("02-phong-vien-danh-sach", "/admin/product_listing/")
    # Wagtail compares the form with what it was two seconds after loading ("watch-edits"):
    # typing before then is no change to save.
    walk.tab.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; })"
    )
    walk.visit("03-phong-vien-viet-moi", f"/admin/pages/add/products/productpage/{demo['section']}/")
    walk.tab.wait_for_function("() => window.watchingEdits === true", timeout=15_000)
    walk.tab.fill("#id_title", "Bản tin quyền trẻ em đang viết")
    walk.tab.fill("#id_summary", "Câu mở đầu")
    indicator = walk.tab.locator("#w-autosave-indicator")
    # Reported below with the state the indicator is in when nothing settles in time.
    with contextlib.suppress(PlaywrightTimeout):
        walk.tab.wait_for_function(
            "() => ['saved', 'paused'].includes(document.querySelector('#w-autosave-indicator')"
            "?.getAttribute('data-w-autosave-state-value'))",
            timeout=15_000,
        )
    state = indicator.get_attribute("data-w-autosave-state-value")
    tooltip = indicator.get_attribute("data-w-tooltip-content-value")
    walk.check("04-phong-vien-tu-dong-luu", [] if state == "saved" else [f"autosave {state}: {tooltip!r}"])


def reviewer(walk, demo):
    walk.visit("05-bien-tap-bang-dieu-khien", "/admin/")
    walk.visit("06-bien-tap-san-pham", f"/admin/pages/{demo['product']}/edit/")


def translator(walk, demo):
    walk.visit("07-bien-dich-bang-dieu-khien", "/admin/")
    walk.visit("08-bien-dich-danh-sach", "/admin/product_listing/")


def auditor(walk, demo):
    """Every screen an auditor opens, and every drill-down the audit and indicators link to."""
    linked = []
    for name, path in (
        ("10-kiem-tra-chi-tieu-4", "/admin/audit/"),
        ("11-kiem-tra-cac-chi-tieu", "/admin/plan/indicators/"),
        ("12-kiem-tra-cong-don", "/admin/plan/indicators/?rollup=on"),
    ):
        walk.visit(name, path, auditor=True)
        linked += [link for link in walk.links(LINKED) if link not in linked]
    for number, link in enumerate(linked[:MAX_LINKED]):
        walk.visit(f"13-kiem-tra-chi-tiet-{number:02d}", link, auditor=True)
    for name, path in (
        ("14-kiem-tra-hoat-dong", "/admin/plan/activities/"),
        ("15-kiem-tra-can-bo", "/admin/plan/staff/"),
        ("16-kiem-tra-co-quan", "/admin/plan/agencies/"),
        ("17-kiem-tra-tin-gia", "/admin/plan/misinformation/"),
        ("18-kiem-tra-bao-cao-nam", "/admin/plan/reports/"),
        ("19-kiem-tra-mot-bao-cao", f"/admin/plan/reports/inspect/{demo['report']}/"),
    ):
        walk.visit(name, path, auditor=True)
    return linked


def administrator(walk, demo):
    for name, path in (
        ("30-quan-tri-bang-dieu-khien", "/admin/"),
        ("31-quan-tri-nguoi-dung", "/admin/users/"),
        ("32-quan-tri-nhom", "/admin/groups/"),
        ("33-quan-tri-don-vi", "/admin/snippets/products/unit/"),
    ):
        walk.visit(name, path)


def reader(walk, demo):
    """The portal at 360 px: every language's home and a product of the radio station."""
    for home in demo["homes"]:
        walk.visit(f"40-cong-thong-tin-{home.strip('/').replace('/', '-') or 'goc'}", home)
    walk.visit("41-cong-thong-tin-san-pham", demo["product_url"])


def test_a_walk_through_the_admin_and_the_portal(serial_live_server, demo):
    base, linked = serial_live_server.url, []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        walk = Walk(browser, base, demo.pop("forbidden"))
        try:
            for username, steps in (
                ("phongvien", reporter),
                ("duyetbai", reviewer),
                ("biendich", translator),
                ("kiemtra", auditor),
                ("quantri", administrator),
            ):
                walk.start(username)
                linked = steps(walk, demo) or linked
                walk.end()
            walk.start(width=360, height=740)
            reader(walk, demo)
            walk.end()
        finally:
            browser.close()
    assert len(linked) >= 10, linked  # the audit and the indicators link to their drill-downs
    assert walk.problems == {}, "\n".join(f"{page}: {found}" for page, found in walk.problems.items())
