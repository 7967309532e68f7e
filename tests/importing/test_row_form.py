"""The product row's form (``products.importing.forms.ProductRowForm``): every check of a column
in one place, its errors the importer's row errors, a good row cleaned to what the writer takes."""

import datetime
import unicodedata

import pytest

from products.importing.forms import ProductRowForm
from products.importing.report import RowError
from products.importing.rows import CleanRow, Registers
from products.importing.validation import Validator
from products.models import Channel, ContentArea, Format, PlanTask, Topic, Unit
from tests.importing.helpers import row
from tests.sample_files import pdf_bytes

pytestmark = pytest.mark.django_db


def form_for(raw, files_dir=None):
    form = ProductRowForm(raw, registers=Registers(), files_dir=files_dir)
    return form


def errors(raw, files_dir=None):
    form = form_for(raw, files_dir)
    assert not form.is_valid()
    return [(error.field, error.message) for error in form.row_errors(9)]


CODES = "vi, bdq, sed, jra, jeh, tdf, brb, rmx, en, fr, zh-hans, lo, km"

BAD = [
    ("external_id", "  ", "thiếu mã ngoài (external_id)"),
    ("title", None, "thiếu tiêu đề"),
    ("language", "", "thiếu mã ngôn ngữ"),
    ("language", "xx", f"mã ngôn ngữ không có trong danh mục: «xx» (dùng một trong: {CODES})"),
    ("area", "", "thiếu mã (bắt buộc)"),
    ("area", "VI", "mã không có trong danh mục: «VI»"),
    ("task", "9.9", "mã không có trong danh mục: «9.9»"),
    ("format", "phim", "mã không có trong danh mục: «phim»"),
    ("unit", "", "thiếu mã (bắt buộc)"),
    ("summary", "x" * 20_001, "dài quá 20.000 ký tự"),
    ("body", "x" * 1_000_001, "dài quá 1.000.000 ký tự"),
    ("transcript", "x" * 1_000_001, "dài quá 1.000.000 ký tự"),
    ("topics", ["upr", "khong-co"], "mã chủ đề không có trong danh mục: «khong-co»"),
    ("topics", ["upr"] * 51, "nhiều quá 50 mục"),
    ("publications", [], "thiếu lần đăng tải (cần ít nhất một: kênh@YYYY-MM-DD)"),
    ("publications", "tivi@2024-01-02", "mã kênh không có trong danh mục: «tivi»"),
    ("publications", "@2024-01-02", "thiếu kênh đăng tải"),
    (
        "publications",
        "radio@2024-02-30",
        "ngày không hợp lệ: «2024-02-30» (cần dạng YYYY-MM-DD, ví dụ 2024-07-30)",
    ),
    ("publications", "radio@2024-01-02@ftp://a.vn/x", "đường dẫn không hợp lệ: «ftp://a.vn/x»"),
    ("translation_of", "ma-1", "một sản phẩm không thể là bản dịch của chính nó"),
    ("files", ["a.pdf"], "không tìm thấy tệp «a.pdf»: chưa chỉ thư mục tệp (--files)"),
    ("search_description", "x" * 5_001, "dài quá 5000 ký tự"),
    ("status", "hidden", "trạng thái không hợp lệ: «hidden» (dùng published hoặc draft)"),
    ("body_blocks", "[không phải JSON", "cần một danh sách JSON (ví dụ [{…}, {…}])"),
    (
        "body_blocks",
        [{"type": "video", "value": ""}],
        "khối 1: loại khối không hợp lệ «video» (dùng paragraph, image, embed, quote)",
    ),
    ("attachments", [{"caption": "Ảnh"}], "mỗi tệp đính kèm cần tên tệp (file)"),
]


@pytest.mark.parametrize(
    ("column", "value", "message"), BAD, ids=[f"{c}-{i}" for i, (c, _v, _m) in enumerate(BAD)]
)
def test_each_column_says_what_is_wrong_with_it_alone(column, value, message):
    raw = row("ma-1")
    raw[column] = value
    assert errors(raw) == [(column, message)]


def test_a_column_may_have_several_problems_and_columns_come_in_their_order():
    raw = row("ma-1", title="", area="VI", publications="tivi@2024-02-30", attachments="{}")
    assert errors(raw) == [
        ("title", "thiếu tiêu đề"),
        ("area", "mã không có trong danh mục: «VI»"),
        ("publications", "mã kênh không có trong danh mục: «tivi»"),
        ("publications", "ngày không hợp lệ: «2024-02-30» (cần dạng YYYY-MM-DD, ví dụ 2024-07-30)"),
        ("attachments", "cần một danh sách JSON (ví dụ [{…}, {…}])"),
    ]


def test_the_errors_are_row_errors_of_the_row():
    form = form_for(row("ma-1", area="VI"))
    assert not form.is_valid()
    assert form.row_errors(17) == [RowError(17, "area", "mã không có trong danh mục: «VI»")]


def test_a_good_row_is_cleaned_to_what_the_writer_takes(tmp_path):
    (tmp_path / "ban-tin.pdf").write_bytes(pdf_bytes("Quyen con nguoi"))
    raw = row(
        "ma-1",
        task="3.3",
        summary="Tóm tắt",
        body="Đoạn một\n\nĐoạn hai",
        topics="upr|rebut-us-report|upr",
        publications=[
            "radio@2024-07-30@https://a.vn/tin",
            {"channel": "print", "date": "2023-01-09", "reference": "số 5"},
        ],
        translation_of="ma-0",
        files="ban-tin.pdf",
        status="draft",
        search_description="Mô tả",
    )
    form = form_for(raw, files_dir=tmp_path.resolve())
    assert form.is_valid(), form.errors
    clean = form.clean_row(4)
    files = clean.files
    assert [(f.name, f.kind, f.path) for f in files] == [
        ("ban-tin.pdf", "document", tmp_path.resolve() / "ban-tin.pdf")
    ]
    assert clean == CleanRow(
        row=4,
        external_id="ma-1",
        title="Sản phẩm ma-1",
        language="vi",
        area_id=ContentArea.objects.get(slug="III").pk,
        task_id=PlanTask.objects.get(slug="3.3").pk,
        format_id=Format.objects.get(slug="article").pk,
        unit_id=Unit.objects.get(slug="bao-kon-tum").pk,
        summary="Tóm tắt",
        body="<p>Đoạn một</p><p>Đoạn hai</p>",
        transcript="",
        topic_ids=[Topic.objects.get(slug="upr").pk, Topic.objects.get(slug="rebut-us-report").pk],
        publications=[
            (Channel.objects.get(slug="radio").pk, datetime.date(2024, 7, 30), "https://a.vn/tin", ""),
            (Channel.objects.get(slug="print").pk, datetime.date(2023, 1, 9), "", "số 5"),
        ],
        translation_of="ma-0",
        files=files,
        search_description="Mô tả",
        draft=True,
        body_blocks=[],
    )


def test_an_absent_search_description_stays_absent():
    form = form_for(row("ma-1"))
    assert form.is_valid()
    assert form.clean_row(2).search_description is None


BAHNAR = "'Bok kơ̆ ư̆ pơlei P'lơk: ĕ ĭ ŏ ŭ ă"  # ơ̆ and ư̆ have no precomposed code point
VIETNAMESE = "Quyền con người ở Đăk Tô"


def test_decomposed_bahnar_and_vietnamese_come_out_nfc_with_every_mark():
    def nfd(text):
        return unicodedata.normalize("NFD", text)

    raw = row(
        nfd("Đăk-Tô-1"),
        title=nfd(BAHNAR),
        summary=nfd(VIETNAMESE),
        body=nfd(VIETNAMESE),
        transcript=nfd(BAHNAR),
        publications=[{"channel": "radio", "date": "2024-07-30", "reference": nfd("Số 5 Kơ̆")}],
        translation_of=nfd("Đăk-Tô-0"),
    )
    assert unicodedata.is_normalized("NFC", BAHNAR) and raw["title"] != BAHNAR  # fed decomposed
    form = form_for(raw)
    assert form.is_valid(), form.errors
    clean = form.clean_row(2)
    assert clean.external_id == "Đăk-Tô-1" and clean.translation_of == "Đăk-Tô-0"
    assert clean.title == BAHNAR and clean.transcript == BAHNAR
    assert clean.summary == VIETNAMESE and clean.body == f"<p>{VIETNAMESE}</p>"
    assert clean.publications[0][3] == "Số 5 Kơ̆"
    assert clean.title.count("\u0306") == 2  # the breves of ơ̆ and ư̆ stay combining marks
    assert all(unicodedata.is_normalized("NFC", text) for text in (clean.title, clean.summary, clean.body))


def test_the_registers_are_read_once_per_import_not_per_row(django_assert_num_queries):
    validator = Validator()
    with django_assert_num_queries(0):
        for number in range(2, 52):
            clean, problems = validator.clean(number, row(f"ma-{number}", topics=["upr"], task="3.3"))
            assert clean is not None and not problems
