"""The importer's row checks come from the model: the lengths of its fields, and the rules of a
publication that the editor's form applies (``ProductPublication.rule_errors``)."""

import datetime

import pytest
from django.utils import timezone

from products.importing.validation import Validator
from products.models import ProductPage, ProductPublication
from tests.importing.helpers import row

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TOMORROW = TODAY + datetime.timedelta(days=1)


def messages(raw):
    clean, errors = Validator().clean(2, raw)
    assert clean is None
    return [(error.field, error.message) for error in errors]


def test_rule_errors_are_the_fields_validators():
    assert (
        ProductPublication.rule_errors(date=TODAY, url="https://a.vn/" + "x" * 480, reference="r" * 255) == {}
    )
    problems = ProductPublication.rule_errors(
        date=TOMORROW, url="https://a.vn/" + "x" * 500, reference="r" * 256
    )
    assert set(problems) == {"date", "url", "reference"}
    assert "tương lai" in str(problems["date"])
    assert ProductPublication.rule_errors(date=None, url="", reference="") == {}


def test_first_published_is_the_earliest_date():
    dates = [datetime.date(2024, 5, 2), None, datetime.date(2023, 1, 9)]
    assert ProductPublication.first_published(dates) == datetime.date(2023, 1, 9)
    assert ProductPublication.first_published([]) is None


def test_lengths_are_the_models():
    title_max = ProductPage._meta.get_field("title").max_length
    id_max = ProductPage._meta.get_field("external_id").max_length
    assert Validator().clean(2, row("x" * id_max, title="t" * title_max))[0] is not None
    assert messages(row("x" * (id_max + 1), title="t" * (title_max + 1))) == [
        ("external_id", f"mã ngoài dài quá {id_max} ký tự"),
        ("title", f"tiêu đề dài quá {title_max} ký tự"),
    ]


def test_publication_rules_are_the_models_in_the_importers_words():
    reference_max = ProductPublication._meta.get_field("reference").max_length
    long_url = "https://a.vn/" + "x" * 500
    publication = {"channel": "print", "date": TOMORROW.isoformat(), "url": long_url, "reference": "r" * 256}
    assert messages(row("p", publications=[publication])) == [
        ("publications", f"ngày đăng {TOMORROW.isoformat()} ở tương lai; hãy nhập ngày đã đăng tải"),
        ("publications", f"đường dẫn không hợp lệ: «{long_url}»"),
        ("publications", f"số, kỳ, chương trình dài quá {reference_max} ký tự"),
    ]


def test_the_importer_takes_only_web_addresses():
    """The editor's URLField also takes ftp://; a file from outside may only link to the web."""
    ftp = {"channel": "print", "date": "2024-01-02", "url": "ftp://a.vn/tep.pdf"}
    assert ProductPublication.rule_errors(date=None, url=ftp["url"], reference="") == {}
    assert messages(row("p", publications=[ftp])) == [
        ("publications", "đường dẫn không hợp lệ: «ftp://a.vn/tep.pdf»")
    ]
