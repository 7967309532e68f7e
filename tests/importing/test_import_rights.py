"""Imports respect the desk's rights; every imported product has a revision and a log entry (issue 12)."""

import pytest
from wagtail.models import Page, PageLogEntry

from products.importing import history
from products.models import ProductPage
from tests.importing.helpers import row, run, write_file

pytestmark = pytest.mark.django_db


def upload(client, path, **options):
    """Upload ``path`` in the admin and confirm it; returns (upload response, confirm response)."""
    with open(path, "rb") as handle:
        response = client.post("/admin/products-import/", {"file": handle, **options})
    if response.status_code != 302:
        return response, None
    return response, client.post(response["Location"] + "confirm/")


def test_administrator_without_unit_rights_cannot_import(client, people, tmp_path):
    path = write_file(tmp_path / "p.jsonl", [row("adm-live", unit="dai-ptth-kon-tum")])
    client.force_login(people.administrator)
    assert client.get("/admin/products-import/").status_code == 403
    upload(client, path)
    assert not ProductPage.objects.filter(external_id="adm-live").exists()


@pytest.mark.parametrize("role", ["translator", "auditor", "translator_without_language"])
def test_roles_without_unit_rights_cannot_import(client, people, tmp_path, role):
    client.force_login(getattr(people, role))
    assert client.get("/admin/products-import/").status_code == 403


def test_editor_imports_drafts_submitted_to_the_units_review(client, people, tmp_path):
    path = write_file(tmp_path / "bao.jsonl", [row("ed-1"), row("ed-2", language="bdq")])
    client.force_login(people.editor)
    _, done = upload(client, path)
    assert done.status_code == 200
    pages = ProductPage.objects.filter(external_id__in=["ed-1", "ed-2"])
    assert pages.count() == 2
    for page in pages:
        assert not page.live
        assert page.workflow_in_progress, page
        assert page.get_workflow().unit_desk.unit.slug == "bao-kon-tum"
        assert page.latest_revision is not None and page.latest_revision.user == people.editor
        entry = PageLogEntry.objects.get(page=page, action="products.import")
        assert entry.user == people.editor and entry.data["file"] == "bao.jsonl"


def test_editor_cannot_import_into_another_unit(client, people, tmp_path):
    path = write_file(tmp_path / "dai.jsonl", [row("ed-own"), row("ed-other", unit="dai-ptth-kon-tum")])
    client.force_login(people.editor)
    with open(path, "rb") as handle:
        review = client.get(client.post("/admin/products-import/", {"file": handle})["Location"])
    text = review.content.decode()
    assert "Dòng 2, trường «unit»" in text and "Đài Phát thanh" in text
    assert "/confirm/" not in text
    upload(client, path, skip_invalid="on")
    assert ProductPage.objects.filter(external_id="ed-own").exists()
    assert not ProductPage.objects.filter(external_id="ed-other").exists()


def test_editor_cannot_reimport_over_another_units_product(client, people, tmp_path):
    run(write_file(tmp_path / "a.jsonl", [row("theirs", unit="dai-ptth-kon-tum", title="Của Đài")]))
    path = write_file(tmp_path / "b.jsonl", [row("theirs", unit="bao-kon-tum", title="Chiếm")])
    client.force_login(people.editor)
    upload(client, path)
    page = ProductPage.objects.get(external_id="theirs")
    assert page.title == "Của Đài" and page.unit.slug == "dai-ptth-kon-tum"
    assert page.get_latest_revision().content["title"] == "Của Đài"


def test_reviewer_imports_live_products_with_revision_and_log(client, people, tmp_path):
    path = write_file(tmp_path / "duyet.csv", [row("rv-1"), row("rv-1b", language="en")])
    client.force_login(people.reviewer)
    upload(client, path)
    pages = ProductPage.objects.filter(external_id__in=["rv-1", "rv-1b"])
    assert pages.count() == 2
    for page in pages:
        assert page.live and page.live_revision_id == page.latest_revision_id
        assert page.latest_revision.user == people.reviewer
        assert page.latest_revision.content["title"] == page.title
        entry = PageLogEntry.objects.get(page=page, action="products.import")
        assert entry.user == people.reviewer and entry.data["file"] == "duyet.csv"
        assert entry.revision_id == page.latest_revision_id


def test_reviewer_importing_as_draft_does_not_publish(client, people, tmp_path):
    client.force_login(people.reviewer)
    upload(client, write_file(tmp_path / "n.jsonl", [row("rv-draft")]), as_draft="on")
    page = ProductPage.objects.get(external_id="rv-draft")
    assert not page.live and page.latest_revision is not None


def test_command_line_imports_as_the_system_with_revisions_and_logs(tmp_path):
    ok, output = run(
        write_file(tmp_path / "he-thong.jsonl", [row("sys-1"), row("sys-2", unit="dai-ptth-kon-tum")])
    )
    assert ok, output
    pages = ProductPage.objects.filter(external_id__in=["sys-1", "sys-2"])
    assert pages.count() == 2
    for page in pages:
        assert (
            page.live
            and page.latest_revision is not None
            and page.live_revision_id == page.latest_revision_id
        )
        entry = PageLogEntry.objects.get(page=page, action="products.import")
        assert entry.user is None and entry.data["file"] == "he-thong.jsonl"


def test_command_line_user_option_applies_that_users_rights(people, tmp_path):
    path = write_file(tmp_path / "u.jsonl", [row("cli-own"), row("cli-other", unit="dai-ptth-kon-tum")])
    ok, output = run(path, "--user", "editor")
    assert not ok and "Dòng 2" in output and "«unit»" in output
    assert not ProductPage.objects.filter(external_id__startswith="cli-").exists()
    _, output = run(path, "--user", "editor", "--skip-invalid")  # exits non-zero: one row was skipped
    assert "1 sản phẩm mới" in output, output
    page = ProductPage.objects.get(external_id="cli-own")
    assert not page.live and page.workflow_in_progress
    assert PageLogEntry.objects.get(page=page, action="products.import").user == people.editor
    ok, output = run(path, "--user", "no-such-user")
    assert not ok and "no-such-user" in output


def test_bulk_imported_products_are_found_by_wagtails_admin_search(admin_client, tmp_path):
    run(write_file(tmp_path / "s.jsonl", [row("find-me", title="Hợp tác xã Kơ̆ng Mơ̆ng"), row("find-2")]))
    html = admin_client.get("/admin/pages/search/", {"q": "Kơ̆ng Mơ̆ng"}).content.decode()
    assert "Hợp tác xã Kơ̆ng Mơ̆ng" in html


def test_reimported_product_keeps_revisions_and_logs(tmp_path):
    run(write_file(tmp_path / "r1.jsonl", [row("again", title="Lần một")]))
    run(write_file(tmp_path / "r2.jsonl", [row("again", title="Lần hai")]))
    page = ProductPage.objects.get(external_id="again")
    assert page.title == "Lần hai" and page.revisions.count() >= 2
    files = sorted(e.data["file"] for e in PageLogEntry.objects.filter(page=page, action="products.import"))
    assert files == ["r1.jsonl", "r2.jsonl"]
    problems = Page.find_problems()  # (bad alphabet, bad path, orphans, wrong depth, wrong numchild)
    assert not any(problems), problems


def _normalised(data):
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def test_bulk_revision_holds_the_product_as_wagtail_serialises_it(tmp_path, admin_client):
    from tests.sample_files import pdf_bytes

    files = tmp_path / "files"
    files.mkdir()
    (files / "bao-cao.pdf").write_bytes(pdf_bytes("Quyen con nguoi"))
    item = row(
        "rev-1",
        title="Bản tin 'Bok ơ̆",
        summary="Tóm tắt",
        body="Đoạn một.\n\nĐoạn hai.",
        topics=["upr", "rebut-us-report"],
        publications=[
            {"channel": "print", "date": "2024-07-30", "url": ""},
            {"channel": "facebook", "date": "2024-07-31", "url": "https://facebook.com/p/1"},
        ],
        files=["bao-cao.pdf"],
    )
    ok, output = run(write_file(tmp_path / "rev.jsonl", [item]), "--files", str(files))
    assert ok, output
    page = ProductPage.objects.get(external_id="rev-1")
    stored, now = _normalised(page.latest_revision.content), _normalised(page.serializable_data())
    # Wagtail too serialises a new page before pointing at the revision, before publishing it and
    # before recording when the revision was made.
    for key in ("latest_revision", "live_revision", *history.NOT_YET_IN_FIRST_REVISION):
        assert stored.pop(key) is None
        now.pop(key)
    assert stored == now
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "https://facebook.com/p/1" in html and "Bản tin &#x27;Bok ơ̆" in html
