"""A folder of scans with a manifest becomes products; each scan is queued for the worker (5a counts them)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks_db.models import DBTaskResult

from audit.share import Period, Query, compute
from digitise.models import Scan
from digitise.pipeline import run_scan
from products.models import ProductAttachment, ProductPage
from tests.digitise import scans
from tests.factories import make_product

pytestmark = pytest.mark.django_db

MANIFEST = "file,title,date,unit,language,area\n{rows}"


def folder_with(tmp_path, rows, files):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "manifest.csv").write_text(MANIFEST.format(rows="\n".join(rows)) + "\n", encoding="utf-8")
    return tmp_path


def import_scans(folder):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_scans", str(folder), stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def queued_scan_ids():
    return sorted(
        r.args_kwargs["args"][0] for r in DBTaskResult.objects.filter(backend_name="ocr", status="READY")
    )


def test_a_manifest_makes_products_with_their_scans_queued_and_counted_by_target_5a(
    tmp_path, django_capture_on_commit_callbacks
):
    folder = folder_with(
        tmp_path,
        [
            "cong-van-1998.pdf,Công văn về quyền trẻ em,2024-05-02,bao-kon-tum,vi,II",
            "ban-tin.tif,Bản tin Đăk Tô,2024-06-10,ubnd-dak-to,bdq,III",
        ],
        {
            "cong-van-1998.pdf": scans.image_pdf(scans.page(scans.THIRD)),
            "ban-tin.tif": scans.tiff(scans.page(scans.SECOND), scans.page(scans.FIRST)),
        },
    )
    before = compute(Query(Period.year(2024))).digitised
    with django_capture_on_commit_callbacks(execute=True):
        import_scans(folder)
    products = ProductPage.objects.filter(external_id__startswith="scan:").order_by("title")
    assert [(p.title, p.live, p.language) for p in products] == [
        ("Bản tin Đăk Tô", True, "bdq"),
        ("Công văn về quyền trẻ em", True, "vi"),
    ]
    scan_rows = Scan.objects.order_by("pk")
    assert [(s.document.title, s.languages, s.status) for s in scan_rows] == [
        ("cong-van-1998.pdf", "vie", "queued"),
        ("ban-tin.tif", "vie", "queued"),  # Bahnar: the Vietnamese model
    ]
    assert queued_scan_ids() == sorted(s.pk for s in scan_rows)  # on the worker's queue, nothing run yet
    assert compute(Query(Period.year(2024))).digitised == before + 2

    tiff_scan = Scan.objects.get(document__title="ban-tin.tif")
    run_scan(tiff_scan.pk)  # what the worker does
    first, second = tiff_scan.pages.all()
    assert scans.has_words(first.text, scans.SECOND) and scans.has_words(second.text, scans.FIRST)


def test_a_bad_row_is_reported_with_its_number_and_nothing_is_written(tmp_path):
    folder = folder_with(
        tmp_path,
        [
            "a.pdf,Một,2024-05-02,bao-kon-tum,vi,II",
            "missing.tif,Hai,2024-05-02,bao-kon-tum,vi,II",
        ],
        {"a.pdf": scans.image_pdf(scans.page(scans.THIRD))},
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="chưa nhập gì"):
        call_command("import_scans", str(folder), stdout=io.StringIO(), stderr=err)
    # The manifest's line (its header is line 1), the column and the reason.
    assert err.getvalue().strip() == "Dòng 3, trường «files»: không tìm thấy tệp «missing.tif»"
    assert not ProductPage.objects.filter(external_id__startswith="scan:").exists()
    assert not Scan.objects.exists() and not ProductAttachment.objects.exists()


def test_publishing_a_product_with_a_scan_attached_in_the_editor_queues_it_once(
    django_capture_on_commit_callbacks,
):
    page = make_product(title="Ảnh chụp công văn")
    doc = scans.document("trang.png", scans.png(scans.page(scans.FIRST)))
    page.attachments.add(ProductAttachment(document=doc))
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # published again: the same file, no second scan
    scan = Scan.objects.get()
    assert scan.document == doc and queued_scan_ids() == [scan.pk]
