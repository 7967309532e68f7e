"""export_products → import_products keeps everything a product holds (issue 13, plan task 5.1).

Products are built through the real models, as the editor stores them: every body block
(paragraph, image, embed, quote), attachments with captions and files, the search description,
drafts (never published, and edited after their first revision) and translations linked to
drafts. They are exported, deleted with their images, documents and media, imported from the
export and its files folder, and compared field by field, byte for byte.
"""

import datetime
import hashlib
import io
import json
import unicodedata
from html import escape

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtailmedia.models import get_media_model

from products.models import ProductAttachment, ProductPage
from tests.factories import make_product
from tests.importing.helpers import row, run, write_file
from tests.sample_files import pdf_bytes

pytestmark = pytest.mark.django_db

VIETNAMESE = "Bảo đảm quyền con người ở Đăk Tô – “đồng bào” & <bạn>"
BAHNAR = "'Bok Kơ̆ne pơ̆lei ư̆ — P’lơk ʼNăr"
LAO = "ສິດທິມະນຸດ ແລະ ການພັດທະນາ"
KHMER = "សិទ្ធិមនុស្ស និងការអភិវឌ្ឍ"
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def _png(colour):
    out = io.BytesIO()
    PILImage.new("RGB", (4, 3), colour).save(out, "PNG")
    return out.getvalue()


def _image(title, filename, colour):
    image = get_image_model()(title=title)
    image.file.save(filename, ImageFile(io.BytesIO(_png(colour)), name=filename), save=False)
    image.save()
    return image


def _document(title, filename):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(pdf_bytes("Nhan quyen")), save=False)
    document.save()
    return document


def _media(title, filename):
    media = get_media_model()(title=title, type="audio")
    media.file.save(filename, ContentFile(b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 64), save=False)
    media.save()
    return media


def _full_body():
    """A body as the editor stores it: block ids, data-block-key, <br/>, an image, an embed, a quote."""
    photo = _image(f"Lễ hội {BAHNAR}", "le-hoi-rong.png", "red")
    return [
        {
            "type": "paragraph",
            "value": f'<p data-block-key="a1b2c">{escape(VIETNAMESE, quote=False)}<br/>dòng hai <b>đậm</b> <i>nghiêng</i> '
            '<a href="https://nhanquyenvn.org/bai-viet">liên kết</a></p>'
            '<h2 data-block-key="d3e4f">Tiêu đề phụ</h2><ul><li data-block-key="g5h6i">một</li></ul>',
            "id": "0b6f6d0e-9a51-4cf2-9d69-4b7d8d0c7a11",
        },
        {
            "type": "image",
            "value": {"image": photo.pk, "decorative": False, "alt_text": f"Ảnh: {BAHNAR}"},
            "id": "1c7e7e1f-0b62-4d03-8e7a-5c8e9e1d8b22",
        },
        {"type": "embed", "value": YOUTUBE, "id": "2d8f8f20-1c73-4e14-9f8b-6d9faf2e9c33"},
        {
            "type": "quote",
            "value": {"text": f"{BAHNAR}\n{LAO}", "source": "Già làng A Blưk, làng Kon K'tu"},
            "id": "3e909031-2d84-4f25-8a9c-7ea0b03fad44",
        },
        {
            "type": "image",
            "value": {
                "image": _image("Trang trí", "hoa-van.png", "blue").pk,
                "decorative": True,
                "alt_text": "",
            },
            "id": "4fa1a142-3e95-4036-9bad-8fb1c140be55",
        },
    ]


def _attachments():
    return [
        ProductAttachment(
            document=_document(f"Văn bản {VIETNAMESE}", "van-ban.pdf"), caption=f"PDF {BAHNAR}"
        ),
        ProductAttachment(image=_image("Ảnh đính kèm", "dinh-kem.png", "green"), caption=""),
        ProductAttachment(media=_media(f"Phát thanh {KHMER}", "phat-thanh.mp3"), caption=f"Âm thanh {LAO}"),
    ]


@pytest.fixture
def archive(registers):
    """A published product with a draft translation and a published one; a draft edited after its
    first revision; a draft original with a published translation."""
    vi = make_product(
        title=VIETNAMESE,
        external_id="x-vi",
        summary=f"Tóm tắt\n{VIETNAMESE}",
        search_description=f"Mô tả tìm kiếm: {VIETNAMESE}",
        transcript=f"Lời thoại {BAHNAR}",
        task="3.3",
        body=_full_body(),
        attachments=_attachments(),
        publications=[
            ("print", datetime.date(2024, 7, 30)),
            ("facebook", datetime.date(2024, 7, 31), YOUTUBE),
        ],
    )
    vi.topics.set([registers.topic["upr"]])
    vi.save_revision().publish()
    make_product(
        title=BAHNAR,
        language="bdq",
        unit="dai-ptth-kon-tum",
        format="radio-feature",
        external_id="x-bdq",
        translation_of=vi,
        live=False,
        search_description=BAHNAR,
        body=[
            {"type": "paragraph", "value": f"<p>{BAHNAR}</p>", "id": "5ab2b253-4fa6-4147-8cbe-90c2d251cf66"},
            {
                "type": "quote",
                "value": {"text": BAHNAR, "source": ""},
                "id": "6bc3c364-50b7-4258-9dcf-a1d3e362d077",
            },
        ],
    )
    make_product(title=LAO, language="lo", external_id="x-lo", translation_of=vi, summary=LAO)
    khmer = make_product(title=KHMER, language="km", external_id="x-km", live=False, summary="bản đầu")
    khmer.summary = f"{KHMER} (sửa sau)"
    khmer.title = f"{KHMER} ២"
    khmer.save_revision()
    draft_source = make_product(title="Bản gốc chưa đăng", external_id="y-vi", live=False)
    make_product(title=f"{BAHNAR} y", language="bdq", external_id="y-bdq", translation_of=draft_source)


def _digest(stored):
    with stored.file.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _block(block):
    value = block["value"]
    if block["type"] == "image":
        image = get_image_model().objects.get(pk=value["image"])
        value = {**value, "image": (image.title, _digest(image))}
    return (block["id"], block["type"], value)


def _attachment(attachment):
    stored = attachment.document or attachment.image or attachment.media
    kind = "document" if attachment.document else "image" if attachment.image else "media"
    return (kind, attachment.caption, stored.title, _digest(stored), attachment.extracted_text)


def snapshot():
    """Every field of every product, as its latest revision holds it (drafts included)."""
    data = {}
    for page in ProductPage.objects.order_by("pk"):
        latest = page.get_latest_revision_as_object()
        group = sorted(
            p.external_id for p in ProductPage.objects.filter(translation_key=page.translation_key)
        )
        data[page.external_id] = {
            "live": page.live,
            "ever_published": page.first_published_at is not None,
            "title": latest.title,
            "language": latest.language,
            "locale": latest.locale.language_code,
            "area": latest.area.slug,
            "task": latest.task.slug if latest.task else None,
            "format": latest.format.slug,
            "unit": latest.unit.slug,
            "summary": latest.summary,
            "search_description": latest.search_description,
            "transcript": latest.transcript,
            "body": [_block(block) for block in latest.body.raw_data],
            "topics": sorted(t.slug for t in latest.topics.all()),
            "publications": [(p.channel.slug, p.date, p.url, p.reference) for p in latest.publications.all()],
            "first_published": latest.first_published,
            "attachments": [_attachment(a) for a in latest.attachments.all()],
            "group": group,
        }
    return data


def _wipe():
    """Products, then their images, documents and media: the import must bring its own files."""
    for page in ProductPage.objects.order_by("-depth", "-path"):
        page.delete()
    for model in (get_image_model(), get_document_model(), get_media_model()):
        model.objects.all().delete()


def _export(path, *args):
    err = io.StringIO()
    call_command("export_products", "--output", str(path), *args, stderr=err)
    return err.getvalue()


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "xlsx"])
def test_everything_round_trips_byte_for_byte(archive, tmp_path, suffix):
    before = snapshot()
    assert set(before) == {"x-vi", "x-bdq", "x-lo", "x-km", "y-vi", "y-bdq"}
    assert before["x-km"]["summary"] == f"{KHMER} (sửa sau)"  # the edit lives only in the revision
    assert "ơ̆" in json.dumps(before, ensure_ascii=False, default=str)
    exported, files = tmp_path / f"out.{suffix}", tmp_path / "files"
    _export(exported, "--include-drafts", "--files-dir", str(files))
    _wipe()
    ok, output = run(exported, "--files", str(files))
    assert ok, output
    after = snapshot()
    for external_id, fields in before.items():
        for name, value in fields.items():
            assert after[external_id][name] == value, (external_id, name)
    assert after == before
    for text in (after["x-bdq"]["title"], after["x-vi"]["search_description"]):
        assert unicodedata.is_normalized("NFC", text)
    assert all(len(problems) == 0 for problems in Page.find_problems())
    if suffix == "jsonl":  # importing the same file again updates each product in place
        ok, output = run(exported, "--files", str(files))
        assert ok and "6 sản phẩm cập nhật" in output, output
        assert snapshot() == before


def test_a_file_without_the_new_columns_leaves_the_search_description_alone(tmp_path):
    assert run(write_file(tmp_path / "in.jsonl", [row("k-1")]))[0]
    page = ProductPage.objects.get(external_id="k-1")
    page.search_description = "Mô tả của biên tập viên"
    page.save_revision().publish()
    assert run(write_file(tmp_path / "again.jsonl", [row("k-1", title="Tiêu đề mới")]))[0]
    page.refresh_from_db()
    assert (page.title, page.search_description) == ("Tiêu đề mới", "Mô tả của biên tập viên")
    assert run(write_file(tmp_path / "cleared.jsonl", [row("k-1", search_description="")]))[0]
    page.refresh_from_db()
    assert page.search_description == ""


def test_drafts_stay_out_unless_asked_and_links_point_only_at_exported_products(archive, tmp_path):
    exported = tmp_path / "out.jsonl"
    _export(exported, "--files-dir", str(tmp_path / "files"))
    rows = {item["external_id"]: item for item in map(json.loads, exported.read_text("utf-8").splitlines())}
    assert set(rows) == {"x-vi", "x-lo", "y-bdq"}
    assert {item["status"] for item in rows.values()} == {"published"}
    assert rows["x-lo"]["translation_of"] == "x-vi"
    assert rows["y-bdq"]["translation_of"] == ""  # its source is a draft, not in this file
    _wipe()
    ok, output = run(exported, "--files", str(tmp_path / "files"))
    assert ok, output
    assert set(ProductPage.objects.values_list("external_id", flat=True)) == {"x-vi", "x-lo", "y-bdq"}


def test_with_drafts_the_draft_rows_import_as_drafts(archive, tmp_path):
    exported = tmp_path / "out.jsonl"
    _export(exported, "--include-drafts", "--files-dir", str(tmp_path / "files"))
    rows = {item["external_id"]: item for item in map(json.loads, exported.read_text("utf-8").splitlines())}
    assert {key: item["status"] for key, item in rows.items()} == {
        "x-vi": "published",
        "x-bdq": "draft",
        "x-lo": "published",
        "x-km": "draft",
        "y-vi": "draft",
        "y-bdq": "published",
    }
    assert rows["y-bdq"]["translation_of"] == "y-vi"
    _wipe()
    assert run(exported, "--files", str(tmp_path / "files"))[0]
    drafts = ProductPage.objects.filter(live=False)
    assert set(drafts.values_list("external_id", flat=True)) == {"x-bdq", "x-km", "y-vi"}
    assert not drafts.filter(first_published_at__isnull=False).exists()


@pytest.mark.parametrize(
    "blocks,field,message",
    [
        ([{"type": "video", "value": "x"}], "body_blocks", "video"),
        ([{"type": "image", "value": {"file": "khong-co.png"}}], "body_blocks", "khong-co.png"),
        ([{"type": "embed", "value": "javascript:alert(1)"}], "body_blocks", "javascript:alert(1)"),
        ([{"type": "quote", "value": {"source": "A"}}], "body_blocks", "quote"),
        ("[not json", "body_blocks", "JSON"),
    ],
)
def test_bad_blocks_are_reported_by_row_and_nothing_is_written(tmp_path, blocks, field, message):
    path = write_file(tmp_path / "in.jsonl", [row("ok-1"), row("bad-1", body_blocks=blocks)])
    (tmp_path / "files").mkdir()
    ok, output = run(path, "--files", str(tmp_path / "files"))
    assert not ok
    assert "Dòng 2" in output and f"«{field}»" in output and message in output, output
    assert not ProductPage.objects.exists()


def test_unsafe_paragraph_html_is_cleaned_and_body_with_blocks_is_refused(tmp_path):
    blocks = [{"type": "paragraph", "value": '<p onclick="x()">Hơ̆<script>alert(1)</script></p>', "id": "b1"}]
    ok, output = run(write_file(tmp_path / "in.jsonl", [row("p-1", body_blocks=blocks)]))
    assert ok, output
    assert ProductPage.objects.get(external_id="p-1").body.raw_data[0]["value"] == "<p>Hơ̆</p>"
    ok, output = run(write_file(tmp_path / "both.jsonl", [row("p-2", body="chữ", body_blocks=blocks)]))
    assert not ok and "«body_blocks»" in output, output


def test_status_column_accepts_only_published_or_draft(tmp_path):
    ok, output = run(write_file(tmp_path / "in.jsonl", [row("s-1", status="archived")]))
    assert not ok and "«status»" in output, output
    assert run(write_file(tmp_path / "in2.jsonl", [row("s-2", status="draft")]))[0]
    assert not ProductPage.objects.get(external_id="s-2").live
