"""The scans in the admin ("Bản quét"): each file's progress and errors in Vietnamese, its pages,
and "Nhận dạng lại" for a failed scan; administrators see every unit's scans, a unit's editors
their own unit's only."""

import pytest
from django.test import Client
from django.utils import timezone

from digitise.models import Scan, ScanPage
from digitise.tasks import _queued_ids
from tests.digitise.ocr_free_scans import product_with_scan
from tests.roles import person

pytestmark = pytest.mark.django_db

LISTING = "/admin/scans/"
PAGE_ERROR = "Trang 2 vượt quá 180 giây nhận dạng"
SCAN_ERROR = "Một trang không nhận dạng được."


def _inspect(scan):
    return f"/admin/scans/inspect/{scan.pk}/"


def _run_again(scan):
    return f"/admin/scans/run-again/{scan.pk}/"


def failed_scan(status=Scan.Status.PARTIAL, title="Báo Kon Tum 1995 số 3", **fields):
    """A product carrying a two-page scan whose second page failed, as the pipeline leaves it."""
    product, scan = product_with_scan([["Tin tức tỉnh Kon Tum"], ["Quyền trẻ em"]], title=title, **fields)
    page = scan.pages.get(number=2)
    page.status, page.error, page.attempts, page.seconds = ScanPage.Status.FAILED, PAGE_ERROR, 1, 180.0
    page.save()
    started = timezone.now()
    Scan.objects.filter(pk=scan.pk).update(
        status=status, pages_done=1, error=SCAN_ERROR, started_at=started, finished_at=started
    )
    scan.refresh_from_db()
    return product, scan


def test_the_listing_shows_status_progress_and_error_in_vietnamese(client, people):
    product, scan = failed_scan()
    _done_product, done = product_with_scan([["Xong"]], title="Bản tin đã xong")
    client.force_login(people.administrator)
    html = client.get(LISTING).content.decode()
    assert "Bản quét" in html
    assert str(scan) in html and product.title in html
    assert "Đã nhận dạng, có trang lỗi" in html and "1/2" in html and SCAN_ERROR in html
    assert "Đã nhận dạng" in html and str(done) in html and "1/1" in html
    assert _inspect(scan) in html
    failed_only = client.get(LISTING, {"status": "partial"}).content.decode()
    assert product.title in failed_only and "Bản tin đã xong" not in failed_only


def test_a_scans_page_lists_its_pages_with_their_errors_and_correction_links(client, people):
    _product, scan = failed_scan()
    client.force_login(people.administrator)
    html = client.get(_inspect(scan)).content.decode()
    assert PAGE_ERROR in html and "Lỗi" in html and "Đang chờ" not in html
    assert 'data-page="1"' in html and 'data-page="2"' in html
    assert f"/scans/{scan.pk}/2/correct/" in html
    assert "Nhận dạng lại" in html and _run_again(scan) in html


def test_an_editor_sees_their_own_units_scans_and_not_another_units(client, people):
    _own, scan = failed_scan()
    _other, elsewhere = failed_scan(title="Chương trình phát thanh", unit="dai-ptth-kon-tum")
    client.force_login(people.editor)
    assert LISTING in client.get("/admin/").content.decode()  # the menu item
    html = client.get(LISTING).content.decode()
    assert "Báo Kon Tum 1995 số 3" in html and "Chương trình phát thanh" not in html
    assert client.get(_inspect(scan)).status_code == 200
    assert client.get(_inspect(elsewhere)).status_code == 403
    assert client.post(_run_again(elsewhere)).status_code == 403
    assert Scan.objects.get(pk=elsewhere.pk).status == Scan.Status.PARTIAL
    assert elsewhere.pages.get(number=2).status == ScanPage.Status.FAILED
    client.force_login(people.administrator)  # every unit's scans
    html = client.get(LISTING).content.decode()
    assert "Báo Kon Tum 1995 số 3" in html and "Chương trình phát thanh" in html
    assert client.get(_inspect(elsewhere)).status_code == 200


def test_people_without_a_desk_or_admin_access_get_nothing(client, people, django_user_model):
    _product, scan = failed_scan()
    anonymous = client.get(LISTING)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(people.translator)  # admin access, no unit's desk
    assert client.get(LISTING).status_code == 403
    assert client.get(_inspect(scan)).status_code == 403
    assert client.post(_run_again(scan)).status_code == 403
    assert LISTING not in client.get("/admin/").content.decode()  # no menu item
    client.force_login(person(django_user_model, "ban_doc"))  # no admin access at all
    assert client.get(LISTING).status_code == 302
    assert client.post(_run_again(scan)).status_code == 302
    assert Scan.objects.get(pk=scan.pk).status == Scan.Status.PARTIAL


def test_run_again_puts_failed_pages_back_and_queues_the_scan(people, django_capture_on_commit_callbacks):
    product, scan = failed_scan(status=Scan.Status.FAILED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.editor)
    assert client.post(_run_again(scan)).status_code == 403  # no CSRF token
    assert scan.pk not in _queued_ids()
    token = client.get(_inspect(scan)).context["csrf_token"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_run_again(scan), {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302 and response["Location"] == _inspect(scan)
    assert scan.pk in _queued_ids()
    page = scan.pages.get(number=2)
    assert page.status == ScanPage.Status.PENDING and page.error == ""
    assert scan.pages.get(number=1).status == ScanPage.Status.DONE  # what was read stays
    scan.refresh_from_db()
    assert scan.status == Scan.Status.QUEUED and scan.error == "" and scan.finished_at is None
    shown = client.get(response["Location"]).content.decode()
    assert "Đã xếp" in shown and "hàng chờ nhận dạng lại" in shown
    assert "Đang chờ nhận dạng" in shown and product.title in shown


def test_get_on_run_again_does_nothing(client, people, django_capture_on_commit_callbacks):
    _product, scan = failed_scan()
    client.force_login(people.administrator)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(_run_again(scan)).status_code == 405
    assert scan.pk not in _queued_ids()
    assert Scan.objects.get(pk=scan.pk).status == Scan.Status.PARTIAL
    assert scan.pages.get(number=2).status == ScanPage.Status.FAILED


def test_a_finished_scan_is_not_run_again(client, people, django_capture_on_commit_callbacks):
    _product, scan = product_with_scan([["Xong"]])
    client.force_login(people.administrator)
    assert "Nhận dạng lại" not in client.get(_inspect(scan)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_run_again(scan), follow=True)
    assert "Chỉ nhận dạng lại được bản quét bị lỗi" in response.content.decode()
    assert scan.pk not in _queued_ids()
    assert Scan.objects.get(pk=scan.pk).status == Scan.Status.DONE
