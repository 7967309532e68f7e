"""Issue 25: an imported product leaves what Wagtail's own create + publish would.

Seen: a live product imported with an image in its body had no ``ReferenceIndex`` row, so
``products.media_access.may_serve`` never found the image and the public page's image answered
404; the page had no ``wagtail.create``/``wagtail.publish`` log entries, and ``page_published``
never fired for it.
"""

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, ReferenceIndex
from wagtail.signals import page_published

from products.models import ProductPage
from tests.importing.helpers import row, run, write_file
from tests.sample_files import png_bytes

pytestmark = pytest.mark.django_db


def _import_with_body_image(tmp_path, external_id="img-1", **fields):
    files = tmp_path / "files"
    files.mkdir(exist_ok=True)
    (files / "anh-le-hoi.png").write_bytes(png_bytes(colour=(30, 120, 200)))
    blocks = [
        {"type": "paragraph", "value": "<p>Lễ hội làng Kon K'tu</p>"},
        {"type": "image", "value": {"file": "anh-le-hoi.png", "title": "Lễ hội", "alt_text": "Lễ hội"}},
    ]
    path = write_file(tmp_path / "anh.jsonl", [row(external_id, body_blocks=blocks, **fields)])
    ok, output = run(path, "--files", str(files))
    assert ok, output
    return ProductPage.objects.get(external_id=external_id)


def test_the_image_in_an_imported_live_body_is_public(client, tmp_path):
    cache.clear()  # Wagtail caches renditions by image id, and ids come back after a rollback
    page = _import_with_body_image(tmp_path)
    image = get_image_model().objects.get(title="Lễ hội")
    references = ReferenceIndex.objects.filter(object_id=str(page.pk), model_path__startswith="body.")
    assert references.filter(to_object_id=str(image.pk)).exists()
    assert client.get(page.url).status_code == 200
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes(colour=(30, 120, 200))


def test_an_imported_draft_keeps_its_image_private(client, tmp_path):
    page = _import_with_body_image(tmp_path, "img-draft", status="draft")
    assert not page.live
    image = get_image_model().objects.get(title="Lễ hội")
    assert client.get(image.file.url).status_code == 404


def test_an_imported_product_has_wagtails_create_and_publish_log_entries(tmp_path):
    page = _import_with_body_image(tmp_path)
    actions = list(PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True))
    assert actions == ["wagtail.create", "wagtail.edit", "wagtail.publish", "products.import"], actions
    publish = PageLogEntry.objects.get(page=page, action="wagtail.publish")
    assert publish.revision_id == page.live_revision_id and publish.content_changed


def test_a_page_published_receiver_sees_the_imported_page(tmp_path):
    seen = []

    def receiver(sender, instance, revision, **kwargs):
        seen.append((sender, instance.external_id, instance.live, revision.pk))

    page_published.connect(receiver, dispatch_uid="test.import_sees_published")
    try:
        page = _import_with_body_image(tmp_path)
    finally:
        page_published.disconnect(dispatch_uid="test.import_sees_published")
    assert seen == [(ProductPage, "img-1", True, page.live_revision_id)]


def _references(pages):
    return sorted(
        ReferenceIndex.objects.filter(object_id__in=[str(page.pk) for page in pages]).values_list(
            "object_id", "content_type_id", "to_content_type_id", "to_object_id", "model_path", "content_path"
        )
    )


def test_the_reference_rows_are_those_of_wagtails_own_indexing(tmp_path):
    """The importer gives Wagtail the children it just wrote in memory: the rows must equal what
    Wagtail writes reading the saved pages from the database."""
    from tests.sample_files import pdf_bytes

    files = tmp_path / "files"
    files.mkdir()
    (files / "bien-ban.pdf").write_bytes(pdf_bytes("Quyen con nguoi"))
    (files / "dinh-kem.png").write_bytes(png_bytes(colour=(30, 120, 200)))
    _import_with_body_image(tmp_path)
    rows = [
        row(
            f"ref-{i}",
            publications=[
                {"channel": "print", "date": "2024-07-30"},
                {"channel": "radio", "date": "2024-08-01"},
            ],
        )
        for i in range(3)
    ]
    rows[1]["files"] = ["bien-ban.pdf", "dinh-kem.png"]
    ok, output = run(write_file(tmp_path / "ref.jsonl", rows), "--files", str(files), "--batch-size", "2")
    assert ok, output
    pages = list(ProductPage.objects.filter(external_id__in=["img-1", "ref-0", "ref-1", "ref-2"]))
    imported = _references(pages)
    assert {reference[4] for reference in imported} >= {
        "attachments.item.image",
        "publications.item.channel",
        "body.image",
    }
    ReferenceIndex.objects.filter(object_id__in=[str(page.pk) for page in pages]).delete()
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    assert imported == _references(pages)
