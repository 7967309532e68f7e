"""People correct the machine: the unit's editors (and readers, if the unit allows) correct a
page's text; each correction is a revision with who and when; search follows; the OCR stays."""

import unicodedata

import pytest
from wagtail.models import ModelLogEntry, Revision

from digitise.models import ScanPage
from digitise.policies import UnitCorrectionPolicy
from products.models import Unit
from tests.digitise.ocr_free_scans import product_with_scan
from tests.roles import person
from tests.search.helpers import committed, find

pytestmark = pytest.mark.django_db

WRONG = ["Tin tức tỉnh Kon Tum"], ["Quyền trẻ em được bảo đảrn", "ở các xã vùng cao"]
RIGHT = "Quyền trẻ em được bảo đảm\nở các xã vùng cao"


def _url(scan, number=2):
    return f"/scans/{scan.pk}/{number}/correct/"


def test_a_unit_editors_correction_is_searched_kept_as_a_revision_and_keeps_the_ocr(client, people):
    product, scan = product_with_scan(list(WRONG))
    assert find("đảrn").ids == [product.pk]
    client.force_login(people.editor)
    form = client.get(_url(scan))
    assert form.status_code == 200 and "bảo đảrn" in form.content.decode()
    with committed():
        response = client.post(_url(scan), {"text": RIGHT})
    assert response.status_code == 302
    page = ScanPage.objects.get(scan=scan, number=2)
    assert page.text == RIGHT and page.corrected
    assert page.ocr_text == "Quyền trẻ em được bảo đảrn\nở các xã vùng cao"  # the machine's original
    revision = Revision.objects.for_instance(page).get()
    assert revision.user == people.editor and revision.created_at is not None
    assert revision.content["text"] == RIGHT
    entry = ModelLogEntry.objects.get(object_id=str(page.pk), action="wagtail.edit")
    assert entry.user == people.editor
    assert find("bảo đảm").ids == [product.pk]
    assert find("đảrn").ids == []
    history = client.get(_url(scan)).content.decode()
    assert "editor Thử" in history and revision.created_at.strftime("%Y") in history


def test_the_correction_is_stored_nfc_with_every_mark(client, people):
    _product, scan = product_with_scan(list(WRONG))
    client.force_login(people.editor)
    decomposed = unicodedata.normalize("NFD", "Quyền con người") + " Bơ̆n ư̆"
    client.post(_url(scan), {"text": decomposed})
    text = ScanPage.objects.get(scan=scan, number=2).text
    assert text == "Quyền con người Bơ̆n ư̆" and unicodedata.is_normalized("NFC", text)
    assert "ơ\u0306" in text and "ư\u0306" in text  # no precomposed form: the breve stays a mark


def test_an_editor_of_another_unit_may_not_correct(client, people):
    _product, scan = product_with_scan(list(WRONG))
    client.force_login(people.other_editor)
    assert client.get(_url(scan)).status_code == 403
    assert client.post(_url(scan), {"text": RIGHT}).status_code == 403
    assert ScanPage.objects.get(scan=scan, number=2).text.endswith("đảrn\nở các xã vùng cao")
    assert not any(Revision.objects.for_instance(page).exists() for page in scan.pages.all())


def test_administrators_may_correct_any_units_scan(client, people):
    _product, scan = product_with_scan(list(WRONG), unit="dai-ptth-kon-tum")
    for user in (people.administrator, people.superuser):
        client.force_login(user)
        assert client.get(_url(scan)).status_code == 200, user


def test_readers_correct_only_when_the_unit_allows_it(client, django_user_model):
    product, scan = product_with_scan(list(WRONG))
    reader = person(django_user_model, "ban_doc")
    client.force_login(reader)
    assert client.get(_url(scan)).status_code == 403
    viewer = client.get(product.url).content.decode()
    assert _url(scan, 1) not in viewer  # no correction link for who may not correct
    UnitCorrectionPolicy.objects.create(unit=Unit.objects.get(slug="bao-kon-tum"), readers_may_correct=True)
    assert _url(scan, 1) in client.get(product.url).content.decode()
    client.post(_url(scan), {"text": RIGHT})
    page = ScanPage.objects.get(scan=scan, number=2)
    assert page.text == RIGHT and Revision.objects.for_instance(page).get().user == reader


def test_readers_may_not_correct_a_drafts_scan_even_when_the_unit_allows_it(client, django_user_model):
    _product, scan = product_with_scan(list(WRONG), live=False)
    UnitCorrectionPolicy.objects.create(unit=Unit.objects.get(slug="bao-kon-tum"), readers_may_correct=True)
    client.force_login(person(django_user_model, "ban_doc"))
    assert client.get(_url(scan)).status_code == 403


def test_anonymous_readers_are_sent_to_sign_in(client):
    _product, scan = product_with_scan(list(WRONG))
    response = client.get(_url(scan))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_administrators_switch_a_units_reader_corrections_in_the_admin(client, people):
    client.force_login(people.editor)
    assert client.get("/admin/unit_correction_policies/").status_code in (302, 403)
    client.force_login(people.administrator)
    assert client.get("/admin/unit_correction_policies/").status_code == 200
    unit = Unit.objects.get(slug="bao-kon-tum")
    response = client.post(
        "/admin/unit_correction_policies/new/", {"unit": unit.pk, "readers_may_correct": "on"}
    )
    assert response.status_code == 302
    assert UnitCorrectionPolicy.objects.get(unit=unit).readers_may_correct
