import datetime

import pytest

from search.engines.base import SearchQuery
from search.service import run_search
from tests.factories import make_product
from tests.search.corpus import article


def find(q="", **kwargs):
    """Ids the archive returns for ``q`` (all pages at once)."""
    filters = {k: v if isinstance(v, list) else [v] for k, v in kwargs.pop("filters", {}).items()}
    result = run_search(SearchQuery(q=q, filters=filters, page_size=100, **kwargs))
    return result


def ids(q="", **kwargs):
    return set(find(q, **kwargs).ids)


@pytest.fixture
def archive(db):
    """Products in six languages from the UDHR, plus Vietnamese and Bahnar ones of our own."""
    products = {
        "vi_udhr": make_product(
            title="Tuyên ngôn toàn thế giới về nhân quyền",
            language="vi",
            summary=article("vi", 8) + "\n" + article("vi", 9),
            area="I",
            publications=[("online-news", datetime.date(2023, 12, 10))],
        ),
        "vi_dakto": make_product(
            title="Quyền con người ở Đăk Tô",
            language="vi",
            summary="Người dân huyện Đăk Tô được bảo đảm quyền con người.",
            area="III",
            unit="cong-an-tinh",
            format="news",
            publications=[("facebook", datetime.date(2024, 5, 2)), ("print", datetime.date(2024, 5, 1))],
        ),
        "vi_unmarked": make_product(
            title="Tin van ban khong dau",
            language="vi",
            summary="Bai viet go khong dau ve quyen tre em o Kon Plong.",
            area="II",
            publications=[("portal", datetime.date(2025, 1, 15))],
        ),
        "en": make_product(
            title="Universal Declaration of Human Rights",
            language="en",
            summary=article("en", 9),
            area="I",
            publications=[("online-news", datetime.date(2023, 12, 10))],
        ),
        "fr": make_product(
            title="Déclaration universelle des droits de l’homme",
            language="fr",
            summary=article("fr", 9),
            area="I",
            publications=[("online-news", datetime.date(2024, 12, 10))],
        ),
        "zh": make_product(title="世界人权宣言", language="zh-hans", summary=article("zh-hans", 8), area="V"),
        "lo": make_product(title="ປະກາດສາກົນ", language="lo", summary=article("lo", 8), area="V"),
        "km": make_product(title="សេចក្ដីប្រកាស", language="km", summary=article("km", 8), area="V"),
        "bdq": make_product(
            title="'Bok Bơ̆n hơ̆ch ăn kon pơlei",
            language="bdq",
            summary="Bơ̆n 'Năr pơm jang P’lơk. Kon adruh ŭnh ĕ dŏng.",
            area="III",
            unit="bao-kon-tum",
            format="radio-feature",
            publications=[("radio", datetime.date(2025, 3, 3))],
        ),
    }
    return {key: page.pk for key, page in products.items()}
