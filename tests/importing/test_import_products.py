"""import_products: formats, re-import, bad input, --skip-invalid, files, tree integrity."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from products.models import ProductAttachment, ProductPage
from tests.factories import make_product
from tests.importing.helpers import row, run, write_file
from tests.sample_files import pdf_bytes

pytestmark = pytest.mark.django_db

BAHNAR = "'Bok Kơ̆ne pơ̆lei ư̆ — P’lơk ʼNăr"
LAO = "ສິດທິມະນຸດ ແລະ ການພັດທະນາ"
CHINESE = "人权宣传与越南的成就"


def multilingual_rows(prefix):
    return [
        row(
            f"{prefix}-vi",
            title="Bảo đảm quyền con người ở Đăk Tô",
            summary="Tóm tắt: đồng bào dân tộc thiểu số\ndòng hai",
            body="Đoạn một & <ngoặc>.\nDòng hai.\n\nĐoạn hai.",
            topics=["upr", "rebut-us-report"],
            publications=[
                {"channel": "print", "date": "2024-07-30", "url": ""},
                {
                    "channel": "facebook",
                    "date": "2024-07-31",
                    "url": "https://facebook.com/baokontum/posts/1",
                },
            ],
        ),
        row(
            f"{prefix}-bdq",
            title=BAHNAR,
            language="bdq",
            unit="dai-ptth-kon-tum",
            format="radio-feature",
            transcript=f"{BAHNAR}\n{BAHNAR}",
            body="<p>Hơ̆ <strong>ư̆</strong> <script>alert(1)</script></p>",
            translation_of=f"{prefix}-vi",
            publications=[{"channel": "radio", "date": "2024-08-01", "url": ""}],
        ),
        row(f"{prefix}-lo", title=LAO, language="lo", summary=LAO, translation_of=f"{prefix}-vi"),
        row(f"{prefix}-zh", title=CHINESE, language="zh-hans", area="V", task="", body=CHINESE),
    ]


def snapshot(prefix=""):
    """Everything an import sets, by external_id (the prefix removed), comparable across runs."""
    data = {}
    for page in ProductPage.objects.filter(external_id__startswith=prefix).order_by("pk"):
        key = page.external_id[len(prefix) :]
        group = sorted(
            p.external_id[len(prefix) :]
            for p in ProductPage.objects.filter(translation_key=page.translation_key)
        )
        data[key] = {
            "title": page.title,
            "language": page.language,
            "locale": page.locale.language_code,
            "live": page.live,
            "area": page.area.slug,
            "task": page.task.slug if page.task else None,
            "format": page.format.slug,
            "unit": page.unit.slug,
            "parent": page.get_parent().specific.unit.slug,
            "summary": page.summary,
            "body": [(b.block_type, b.value.source) for b in page.body],
            "transcript": page.transcript,
            "topics": sorted(t.slug for t in page.topics.all()),
            "publications": [
                (p.channel.slug, p.date.isoformat(), p.url) for p in page.publications.order_by("sort_order")
            ],
            "first_published": page.first_published,
            "group": group,
        }
    return data


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "xlsx"])
def test_each_format_imports_multilingual_text_exactly(tmp_path, suffix):
    path = write_file(tmp_path / f"products.{suffix}", multilingual_rows(suffix))
    ok, output = run(path)
    assert ok, output
    data = snapshot(suffix)
    assert data["-bdq"]["title"] == BAHNAR
    assert "ơ̆" in data["-bdq"]["title"] and "ư̆" in data["-bdq"]["title"]  # two code points each, kept
    assert data["-lo"]["title"] == LAO and data["-zh"]["title"] == CHINESE
    assert data["-vi"]["body"] == [
        ("paragraph", "<p>Đoạn một &amp; &lt;ngoặc&gt;.<br>Dòng hai.</p><p>Đoạn hai.</p>")
    ]
    assert data["-bdq"]["body"] == [("paragraph", "<p>Hơ̆ <b>ư̆</b> </p>")]  # sanitised
    assert data["-vi"]["group"] == ["-bdq", "-lo", "-vi"]
    assert data["-vi"]["publications"][1][2] == "https://facebook.com/baokontum/posts/1"
    assert data["-vi"]["first_published"] == datetime.date(2024, 7, 30)
    assert data["-bdq"]["parent"] == "dai-ptth-kon-tum" and data["-bdq"]["locale"] == "bdq"
    assert all(item["live"] for item in data.values())


def test_the_three_formats_give_identical_products(tmp_path):
    snapshots = []
    for suffix in ("jsonl", "csv", "xlsx"):
        ok, output = run(write_file(tmp_path / f"p.{suffix}", multilingual_rows(suffix)))
        assert ok, output
        snapshots.append(snapshot(suffix))
    assert snapshots[0] == snapshots[1] == snapshots[2]


def test_unnormalised_text_is_stored_nfc(tmp_path):
    decomposed = "Quye\u0302\u0300n con ngu\u031bo\u031b\u0300i"  # NFD Vietnamese
    ok, output = run(write_file(tmp_path / "p.jsonl", [row("nfc-1", title=decomposed, summary=decomposed)]))
    assert ok, output
    page = ProductPage.objects.get(external_id="nfc-1")
    assert page.title == "Quyền con người" == page.summary


def test_bulk_created_pages_are_sound_render_and_edit(tmp_path, admin_client):
    ok, output = run(
        write_file(tmp_path / "p.jsonl", multilingual_rows("tree") + [row(f"t-{i}") for i in range(30)])
    )
    assert ok, output
    assert all(len(problems) == 0 for problems in Page.find_problems())
    page = ProductPage.objects.get(external_id="tree-bdq")
    parent = page.get_parent()
    assert parent.numchild == parent.get_children().count()
    assert page.url_path == f"{parent.url_path}{page.slug}/"
    assert page in ProductPage.objects.live().descendant_of(parent)
    response = admin_client.get(page.url)
    assert response.status_code == 200
    assert "Kơ̆ne pơ̆lei ư̆" in response.content.decode()
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    # A page added by Wagtail afterwards lands after the imported ones.
    later = make_product(title="Sau khi nhập", unit="bao-kon-tum")
    assert all(len(problems) == 0 for problems in Page.find_problems())
    assert later.path > ProductPage.objects.get(external_id="t-29").path


def test_reimport_updates_in_place(tmp_path):
    rows = multilingual_rows("re")
    ok, output = run(write_file(tmp_path / "p.jsonl", rows))
    assert ok, output
    before = dict(ProductPage.objects.filter(external_id__startswith="re-").values_list("external_id", "pk"))
    rows[0]["title"] = "Tiêu đề đã sửa"
    rows[0]["topics"] = ["upr"]
    rows[0]["publications"] = [{"channel": "television", "date": "2023-05-05", "url": ""}]
    rows[3]["unit"] = "so-tttt"
    ok, output = run(write_file(tmp_path / "p2.jsonl", rows))
    assert ok, output
    assert "4 sản phẩm cập nhật" in output
    after = dict(ProductPage.objects.filter(external_id__startswith="re-").values_list("external_id", "pk"))
    assert after == before
    data = snapshot("re")
    assert data["-vi"]["title"] == "Tiêu đề đã sửa"
    assert data["-vi"]["topics"] == ["upr"]
    assert data["-vi"]["publications"] == [("television", "2023-05-05", "")]
    assert data["-vi"]["first_published"] == datetime.date(2023, 5, 5)
    assert data["-zh"]["unit"] == "so-tttt" == data["-zh"]["parent"]
    assert data["-vi"]["group"] == ["-bdq", "-lo", "-vi"]
    assert all(len(problems) == 0 for problems in Page.find_problems())


def test_translation_of_a_product_already_in_the_database(tmp_path):
    source = make_product(title="Bản gốc", external_id="db-source")
    ok, output = run(
        write_file(tmp_path / "p.csv", [row("db-tr", language="en", translation_of="db-source")])
    )
    assert ok, output
    translation = ProductPage.objects.get(external_id="db-tr")
    assert translation.translation_key == source.translation_key
    assert translation.get_translations().get().pk == source.pk


def test_translation_listed_before_its_source(tmp_path):
    rows = [row("late-en", language="en", translation_of="late-vi"), row("late-vi")]
    ok, output = run(write_file(tmp_path / "p.jsonl", rows), "--batch-size", "1")
    assert ok, output
    keys = set(
        ProductPage.objects.filter(external_id__startswith="late-").values_list("translation_key", flat=True)
    )
    assert len(keys) == 1


def test_as_draft_imports_unpublished(tmp_path):
    ok, output = run(write_file(tmp_path / "p.jsonl", [row("draft-1")]), "--as-draft")
    assert ok, output
    page = ProductPage.objects.get(external_id="draft-1")
    assert not page.live and page.has_unpublished_changes


def test_dry_run_writes_nothing(tmp_path):
    count = ProductPage.objects.count()
    ok, output = run(write_file(tmp_path / "p.jsonl", [row("dry-1")]), "--dry-run")
    assert ok, output
    assert ProductPage.objects.count() == count


def test_files_pdf_image_audio_video(tmp_path):
    from PIL import Image

    files = tmp_path / "files"
    (files / "sub").mkdir(parents=True)
    (files / "sub" / "bao-cao.pdf").write_bytes(pdf_bytes("Quyen con nguoi Kon Tum"))
    Image.new("RGB", (20, 10), "red").save(files / "anh.png")
    (files / "phong-su.mp3").write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00fake audio")
    (files / "video.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42fake video")
    rows = [row("files-1", files=["sub/bao-cao.pdf", "anh.png", "phong-su.mp3", "video.mp4"])]
    ok, output = run(write_file(tmp_path / "p.csv", rows), "--files", str(files))
    assert ok, output
    attachments = list(ProductAttachment.objects.filter(page__external_id="files-1").order_by("sort_order"))
    assert len(attachments) == 4
    assert attachments[0].document is not None
    assert "Quyen con nguoi Kon Tum" in attachments[0].extracted_text
    assert attachments[1].image is not None and attachments[1].image.width == 20
    assert attachments[2].media.type == "audio" and attachments[3].media.type == "video"


# -- bad input ------------------------------------------------------------------------------------


def _bad_cases(tmp_path):
    files = tmp_path / "files"
    files.mkdir()
    (files / "hong.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (files / "hong.png").write_bytes(b"not an image at all")
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    return [
        ("unknown area", row("bad", area="VI"), "area", "mã không có trong danh mục: «VI»"),
        ("unknown unit", row("bad", unit="khong-co"), "unit", "mã không có trong danh mục: «khong-co»"),
        ("unknown topic", row("bad", topics=["khong-co"]), "topics", "mã chủ đề không có trong danh mục"),
        (
            "unknown channel",
            row("bad", publications=[{"channel": "fax", "date": "2024-01-01"}]),
            "publications",
            "mã kênh không có trong danh mục: «fax»",
        ),
        ("unknown language", row("bad", language="xx"), "language", "mã ngôn ngữ không có trong danh mục"),
        ("missing title", row("bad", title="  "), "title", "thiếu tiêu đề"),
        (
            "bad date",
            row("bad", publications=[{"channel": "print", "date": "30/07/2024"}]),
            "publications",
            "ngày không hợp lệ: «30/07/2024»",
        ),
        (
            "impossible date",
            row("bad", publications=[{"channel": "print", "date": "2024-02-30"}]),
            "publications",
            "ngày không hợp lệ",
        ),
        (
            "future date",
            row("bad", publications=[{"channel": "print", "date": future}]),
            "publications",
            f"ngày đăng {future} ở tương lai",
        ),
        ("missing file", row("bad", files=["khong-co.pdf"]), "files", "không tìm thấy tệp «khong-co.pdf»"),
        ("unreadable pdf", row("bad", files=["hong.pdf"]), "files", "không đọc được tệp «hong.pdf»"),
        ("unreadable image", row("bad", files=["hong.png"]), "files", "không đọc được tệp «hong.png»"),
        (
            "unknown source",
            row("bad", translation_of="khong-co"),
            "translation_of",
            "không tìm thấy sản phẩm gốc",
        ),
    ]


def test_every_bad_input_is_reported_and_nothing_is_written(tmp_path):
    for name, bad, field, message in _bad_cases(tmp_path):
        before = (Page.objects.count(), ProductPage.objects.count())
        path = write_file(tmp_path / "bad.jsonl", [row("good-before"), bad, row("good-after")])
        ok, output = run(path, "--files", str(tmp_path / "files"))
        assert not ok, name
        assert f"Dòng 2, trường «{field}»: {message}" in output, (name, output)
        assert (Page.objects.count(), ProductPage.objects.count()) == before, name


def test_duplicate_external_id_within_the_file(tmp_path):
    path = write_file(tmp_path / "dup.csv", [row("dup-1"), row("dup-2"), row("dup-1", title="Khác")])
    ok, output = run(path)
    assert not ok
    assert "Dòng 4, trường «external_id»: mã ngoài «dup-1» trùng với dòng 2 trong tệp" in output
    assert not ProductPage.objects.filter(external_id__startswith="dup-").exists()


def test_csv_that_is_not_utf8_gets_a_clear_message(tmp_path):
    path = tmp_path / "windows.csv"
    write_file(path, [row("enc-1", title="Quyền con người")])
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    ok, output = run(path, "--skip-invalid")
    assert not ok
    assert "Tệp CSV không phải mã UTF-8" in output and "lưu lại với mã hóa UTF-8" in output
    assert not ProductPage.objects.filter(external_id="enc-1").exists()


def test_jsonl_line_that_is_not_utf8_or_not_json(tmp_path):
    path = tmp_path / "p.jsonl"
    write_file(path, [row("j-1")])
    with open(path, "ab") as out:
        out.write('{"title": "Quyền"}\n'.encode("utf-16"))
        out.write(b"{not json}\n")
    ok, output = run(path)
    assert not ok
    assert "Dòng 2: dòng không phải mã UTF-8" in output
    assert "Dòng 3: JSON không hợp lệ" in output
    assert not ProductPage.objects.filter(external_id="j-1").exists()


def test_skip_invalid_imports_exactly_the_good_rows(tmp_path):
    rows = [
        row("skip-1"),
        row("skip-2", title=""),
        row("skip-3", language="en", translation_of="skip-1"),
        row("skip-4", area="X"),
        row("skip-5", language="lo", translation_of="skip-2"),  # its source is bad: skipped too
        row("skip-1"),  # duplicate
    ]
    ok, output = run(write_file(tmp_path / "p.xlsx", rows), "--skip-invalid")
    assert not ok  # errors are reported and the exit status says so
    assert "Đã nhập 2 dòng: 2 sản phẩm mới" in output
    assert sorted(
        ProductPage.objects.filter(external_id__startswith="skip-").values_list("external_id", flat=True)
    ) == [
        "skip-1",
        "skip-3",
    ]


def test_changing_language_on_reimport_is_refused(tmp_path):
    assert run(write_file(tmp_path / "a.jsonl", [row("lang-1")]))[0]
    ok, output = run(write_file(tmp_path / "b.jsonl", [row("lang-1", language="en")]))
    assert not ok
    assert "đã có với ngôn ngữ «vi»" in output


def test_interrupted_import_leaves_whole_products_and_rerun_finishes(tmp_path, monkeypatch):
    from products.importing import writer

    rows = [row(f"cut-{i}") for i in range(5)]
    path = write_file(tmp_path / "p.jsonl", rows)
    real = writer.Writer._insert_children
    calls = {"n": 0}

    def failing(products):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(products)

    monkeypatch.setattr(writer.Writer, "_insert_children", staticmethod(failing))
    with pytest.raises(KeyboardInterrupt):
        run(path, "--batch-size", "2")
    monkeypatch.undo()
    # Two whole batches went in; the third rolled back: no page without its product row.
    assert ProductPage.objects.filter(external_id__startswith="cut-").count() == 4
    assert Page.objects.filter(title__startswith="Sản phẩm cut-").count() == 4
    assert all(len(problems) == 0 for problems in Page.find_problems())
    ok, output = run(path, "--batch-size", "2")
    assert ok, output
    assert ProductPage.objects.filter(external_id__startswith="cut-").count() == 5
    assert all(len(problems) == 0 for problems in Page.find_problems())
