"""Each language's home: its own newest products first, Vietnamese ones after when it has few."""

import datetime

from home.models import FEW, LATEST
from tests.factories import make_product
from tests.portal.conftest import HIDDEN_TITLES

D = datetime.date


def test_home_lists_its_language_newest_first(client, registers, hidden):
    make_product(title="Tin cũ", publications=[("radio", D(2023, 5, 1))])
    make_product(title="Tin mới", publications=[("radio", D(2025, 5, 1))])
    response = client.get("/vi/")
    assert [p.title for p in response.context["latest_products"]][:2] == ["Tin mới", "Tin cũ"]
    assert response.context["vietnamese_products"] == []
    html = response.content.decode()
    assert not any(title in html for title in HIDDEN_TITLES)


def test_few_products_are_followed_by_vietnamese_ones_with_a_language_label(client, registers):
    vi = make_product(title="Quyền trẻ em", publications=[("radio", D(2024, 1, 1))])
    make_product(title="Quyền phụ nữ", publications=[("radio", D(2024, 2, 1))])
    make_product(title="Tơdrong hơ̆k", language="bdq", unit="dai-ptth-kon-tum", translation_of=vi)
    response = client.get("/bdq/")
    assert [p.title for p in response.context["latest_products"]] == ["Tơdrong hơ̆k"]
    # The Vietnamese original of a product already shown in Bahnar is not repeated.
    assert [p.title for p in response.context["vietnamese_products"]] == ["Quyền phụ nữ"]
    html = response.content.decode()
    assert '<span class="lang-label" lang="vi">Tiếng Việt</span>' in html
    assert '<h3 lang="vi"><a href="/vi/san-pham/bao-kon-tum/quyen-phu-nu/">Quyền phụ nữ</a></h3>' in html


def test_enough_products_means_no_vietnamese_fill(client, registers):
    for day in range(1, FEW + 1):
        make_product(title=f"Tin {day}", language="en", publications=[("radio", D(2024, 1, day))])
    make_product(title="Chỉ tiếng Việt")
    response = client.get("/en/")
    assert len(response.context["latest_products"]) == FEW <= LATEST
    assert response.context["vietnamese_products"] == []
