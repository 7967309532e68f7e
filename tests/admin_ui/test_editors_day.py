"""The editor's day at Đài PT-TH, in headless Chromium and the Vietnamese admin (issue 14).

A reporter writes a Bahnar product, uploads an audio file and a PDF and attaches them, and
submits it; the unit's reviewer sends it back with a comment; the reporter fixes it and
resubmits; the reviewer approves (published); a translator assigned to English translates
it with "Dịch sang…"; an auditor opens the audit from the menu. Every step is a screenshot in
``var/screenshots/editors-day/``, and every page is checked for the common English strings,
requests to other hosts and console errors.

Transactional (a live server): the test seeds what it needs itself. The ORM is only used
outside Playwright's event loop (before the browser starts and after it closes).
"""

import datetime
import io
import re
import unicodedata

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright
from wagtail.models import PageLogEntry

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
from tests.roles import person, role_group
from tests.sample_files import pdf_bytes, wav_bytes

pytestmark = [pytest.mark.browser, needs_chromium]

UNIT = "dai-ptth-kon-tum"
PASSWORD = "Mật-khẩu-đủ-dài-2024"
TITLE = "Kơ̆ng 'Bok ư̆nh hơ̆p: Hơdrol tơdrong mơnhông ĕ"
BODY = "Bơngai 'Bok Kơ̆ng pơma ư̆ ĕ kơ tơdrong anăp; ơ̆ ư̆ ĕ hăm 'Bok."
FIXED_TITLE = TITLE + " (sửa lần 2)"
COMMENT = "Cần bổ sung nguồn và ngày phát sóng."
ENGLISH_TITLE = "Rights of the people of Kon Tum (translation)"


@pytest.fixture
def day(transactional_db, django_user_model):
    page_tree_of_the_migrations()
    call_command("seed_reference", stdout=io.StringIO())
    section = section_for(Unit.objects.get(slug=UNIT), "bdq")
    section_for(Unit.objects.get(slug=UNIT), "en")
    make = lambda name, *groups: person(django_user_model, name, *groups)  # noqa: E731
    make("phongvien", role_group("editor", UNIT))
    make("duyetbai", role_group("reviewer", UNIT))
    make("biendich", role_group("translator"), role_group("translator_into", language="en"))
    make("kiemtra", role_group("auditor"))
    return {"section": section.pk}


class Day:
    """One browser context per person; every page they reach is checked, then screenshot."""

    def __init__(self, browser, base):
        self.browser, self.base, self.problems = browser, base, {}

    def start(self, username):
        self.context = self.browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
        self.tab = self.context.new_page()
        self.recorder = watch(self.tab, self.base)
        self.tab.goto(f"{self.base}/admin/login/")
        self.tab.fill("input[name=username]", username)
        self.tab.fill("input[name=password]", PASSWORD)
        self.tab.click("button[type=submit]")
        self.tab.wait_for_url(f"{self.base}/admin/")
        return self.tab

    def end(self):
        self.context.close()

    def goto(self, path):
        response = open_quietly(self.tab, self.recorder, f"{self.base}{path}")
        assert response.status == 200, (path, response.status)
        return response

    def settle(self):
        self.tab.wait_for_load_state("load")
        self.recorder.settle()

    def step(self, name):
        """Check the page as it is now and keep its screenshot."""
        self.settle()
        screenshot(self.tab, f"editors-day/{name}")
        found = [f"English: {text!r}" for text in english_on(self.tab)]
        found += [f"outside request: {url}" for url in self.recorder.outside_requests]
        # Autosave answers 200 while the person fills the form in (issue 26): no 400 is tolerated.
        found += [f"console: {error}" for error in self.recorder.console_errors]
        self.recorder.outside_requests.clear()
        self.recorder.console_errors.clear()
        if found:
            self.problems[f"{name} {self.tab.url}"] = found


def choose_in_modal(tab, chooser_button, choice):
    """Open a chooser, pick the item whose title matches the regex ``choice``, wait for the modal to close."""
    chooser_button.click()
    modal = tab.locator(".modal:visible").last
    modal.locator("a[data-chooser-modal-choice]", has_text=re.compile(choice)).first.click()
    expect(tab.locator(".modal:visible")).to_have_count(0)


def footer_action(tab, name):
    """Click the editor's footer action named like the regex ``name`` (opening the action menu)."""
    button = tab.locator("footer").get_by_role("button", name=re.compile(name))
    if not button.first.is_visible():
        tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.first.click()


def upload_files(day, tmp_path):
    tab = day.tab
    audio, pdf = tmp_path / "tieng-bahnar.wav", tmp_path / "ban-tin.pdf"
    audio.write_bytes(wav_bytes(seconds=0.1))
    pdf.write_bytes(pdf_bytes())
    day.goto("/admin/media/audio/add/")
    tab.fill("#id_title", "Bản tin tiếng Bahnar")
    tab.set_input_files("#id_file", str(audio))
    day.step("02-tai-len-am-thanh")
    tab.locator("main form[enctype] button[type=submit]").first.click()
    tab.wait_for_url(re.compile(r"/admin/media/(\?.*)?$"))
    day.step("03-da-tai-len-am-thanh")
    day.goto("/admin/documents/multiple/add/")
    tab.set_input_files("#fileupload", str(pdf))
    expect(tab.locator("#upload-list .upload-success")).to_have_count(1)
    day.step("04-tai-len-tai-lieu")


def chooser(tab, field):
    return tab.locator(f"#{field}-chooser [data-chooser-action-choose]").first


def write_product(day, section):
    """The reporter's draft, attachments and all, submitted for review; returns its edit URL."""
    tab = day.tab
    day.goto(f"/admin/pages/add/products/productpage/{section}/")
    tab.fill("#id_title", TITLE)
    tab.fill("#id_summary", BODY)
    tab.locator(".c-sf-add-button").first.click()
    tab.get_by_role("option", name=re.compile("Đoạn văn")).first.click()
    editor = tab.locator(".public-DraftEditor-content").first
    editor.click()
    editor.press_sequentially(BODY)
    day.step("05-viet-noi-dung")
    tab.get_by_role("tab", name="Phân loại").click()
    choose_in_modal(tab, chooser(tab, "id_area"), r"^\s*III\.")
    choose_in_modal(tab, chooser(tab, "id_format"), "Phóng sự phát thanh")
    choose_in_modal(tab, chooser(tab, "id_task"), r"^\s*3\.3\.? ")
    day.step("06-phan-loai")
    tab.get_by_role("tab", name="Đăng tải").click()
    choose_in_modal(tab, chooser(tab, "id_publications-0-channel"), r"^\s*Phát thanh\s*$")
    # A new row starts at today's date in the province (issue 26): the channel completes it.
    province_today = timezone.localdate(timezone=timezone.get_default_timezone())
    expect(tab.locator("#id_publications-0-date")).to_have_value(province_today.strftime("%d/%m/%Y"))
    day.step("07-dang-tai")
    tab.get_by_role("tab", name="Tệp đính kèm").click()
    tab.locator("#id_attachments-ADD").click()
    chooser(tab, "id_attachments-0-media").click()
    tab.locator(".modal:visible a.media-choice", has_text="Bản tin tiếng Bahnar").first.click()
    expect(tab.locator(".modal:visible")).to_have_count(0)
    tab.locator("#id_attachments-ADD").click()
    choose_in_modal(tab, chooser(tab, "id_attachments-1-document"), "ban-tin")
    day.step("08-tep-dinh-kem")
    # Autosave has the last change ("Đã lưu") before the reporter submits: an autosave still on its
    # way when the submission lands is refused (the page is in review now) and Chromium logs it.
    expect(tab.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved", timeout=15_000
    )
    with tab.expect_navigation():
        footer_action(tab, "^Gửi duyệt")
    day.step("09-da-gui-duyet")


def review(day, page_id, action, comment=None):
    """The reviewer's action from the editor's footer; the page reloads once it is done."""
    tab = day.tab
    day.goto(f"/admin/pages/{page_id}/edit/")
    with tab.expect_navigation():
        footer_action(tab, action)
        if comment is not None:
            modal = tab.locator(".modal:visible").last
            modal.locator("textarea[name=comment]").fill(comment)
            day.step("10-tra-lai-kem-nhan-xet")
            modal.locator("button[type=submit]").first.click()
    day.settle()


def resubmit(day, page_id):
    tab = day.tab
    day.goto(f"/admin/pages/{page_id}/edit/")
    day.step("11-phong-vien-thay-nhan-xet")
    tab.fill("#id_title", FIXED_TITLE)
    with tab.expect_navigation():
        footer_action(tab, "^Gửi duyệt lại")
    day.step("12-da-gui-duyet-lai")


def translate(day, page_id):
    tab = day.tab
    with tab.expect_navigation():
        tab.locator("#wagtail-sidebar").get_by_role("link", name="Sản phẩm truyền thông").first.click()
    day.step("14-bien-dich-vien-danh-sach")
    row = tab.locator("tr", has_text=FIXED_TITLE)
    row.locator("[data-w-dropdown-target='toggle']").first.click()  # "…": more actions
    with tab.expect_navigation():
        tab.locator(f"a[href*='/translation/submit/page/{page_id}/']:visible").first.click()
    day.settle()
    day.step("15-dich-sang")
    tab.get_by_label(re.compile("English")).check()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Gửi", exact=True).click()
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    tab.fill("#id_title", ENGLISH_TITLE)
    with tab.expect_navigation():
        footer_action(tab, "^Lưu bản nháp")
    day.step("16-ban-dich-tieng-anh")


def audit(day):
    """From the menu (Báo cáo › Chỉ tiêu 4): the audit opens on this year's figures."""
    tab = day.tab
    sidebar = tab.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name=re.compile("Báo cáo")).first.click()
    with tab.expect_navigation() as navigation:
        sidebar.get_by_role("link", name=re.compile("Chỉ tiêu 4")).first.click()
    day.step("17-kiem-tra-chi-tieu-4")
    day.audit = (navigation.value.status, tab.locator("#id_year").input_value())


def in_browser(base, username, steps, problems):
    """One person's part of the day in a fresh browser (the ORM waits outside Playwright's loop)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        walk = Day(browser, base)
        walk.problems = problems
        try:
            walk.start(username)
            steps(walk)
        finally:
            browser.close()
    return walk


def stored_title(page):
    return ProductPage.objects.filter(pk=page.pk).values_list("title", flat=True).get()


def test_the_editors_day(serial_live_server, day, tmp_path):
    base, problems = serial_live_server.url, {}

    def write(walk):
        walk.step("01-phong-vien-bang-dieu-khien")
        upload_files(walk, tmp_path)
        write_product(walk, day["section"])

    in_browser(base, "phongvien", write, problems)
    page = ProductPage.objects.get(title=TITLE)
    assert page.workflow_in_progress and not page.live
    assert stored_title(page).encode() == TITLE.encode() == unicodedata.normalize("NFC", TITLE).encode()
    assert BODY in str(page.body)
    assert {(a.media.title if a.media else a.document.title) for a in page.attachments.all()} == {
        "Bản tin tiếng Bahnar",
        "ban-tin",
    }

    in_browser(base, "duyetbai", lambda walk: review(walk, page.pk, "^Trả lại$", COMMENT), problems)
    rejected = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert COMMENT in str(rejected.data)

    in_browser(base, "phongvien", lambda walk: resubmit(walk, page.pk), problems)

    def approve(walk):
        review(walk, page.pk, "^Duyệt$")
        walk.step("13-da-duyet-xuat-ban")

    in_browser(base, "duyetbai", approve, problems)
    page.refresh_from_db()
    assert page.live and stored_title(page).encode() == FIXED_TITLE.encode()
    assert unicodedata.is_normalized("NFC", stored_title(page)) and "ơ̆" in stored_title(page)

    in_browser(base, "biendich", lambda walk: translate(walk, page.pk), problems)
    english = ProductPage.objects.get(translation_key=page.translation_key, locale__language_code="en")
    assert english.get_latest_revision().content["title"] == ENGLISH_TITLE and not english.live

    auditor = in_browser(base, "kiemtra", audit, problems)
    assert auditor.audit == (200, str(datetime.date.today().year))
    assert problems == {}
