"""The search page /<lang>/search/: facets, filters, sort, snippets, pagination, no-results help."""

import pytest
from django.utils import translation

from tests.search.helpers import publish

pytestmark = pytest.mark.django_db


def test_empty_page_shows_the_form(client):
    response = client.get("/vi/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_results_facets_and_snippets(client, archive):
    html = client.get("/vi/search/", {"q": "quyen"}).content.decode()
    assert "<mark>Quyền</mark> con người ở Đăk Tô" in html
    assert "<mark>" in html
    assert "Ngôn ngữ" in html and "Lĩnh vực" in html
    assert "?q=quyen&amp;area=III" in html  # a facet link adds its filter
    assert "sort=date" in html


def test_filter_link_is_selected_and_toggles_off(client, archive):
    html = client.get("/vi/search/", {"q": "quyen", "area": "III"}).content.decode()
    assert 'aria-current="true"' in html
    assert "Tuyên ngôn toàn thế giới" not in html


def test_no_results_help(client, archive):
    html = client.get("/vi/search/", {"q": "xyzzyplugh"}).content.decode()
    assert "Không tìm thấy sản phẩm nào." in html
    assert "quyen con nguoi" in html


def test_ui_in_the_reader_language(client, archive):
    html = client.get("/en/search/", {"q": "xyzzyplugh"}).content.decode()
    with translation.override("en"):
        expected = translation.gettext("Tìm trong kho lưu trữ")
    assert expected in html
    assert '<html lang="en">' in html


def test_results_in_every_language_by_default(client, archive):
    html = client.get("/en/search/", {"q": "ສິດ"}).content.decode()
    assert "ປະກາດສາກົນ" in html


def test_pagination_links(client, db):
    for n in range(3):
        publish(title=f"Phân trang Đăk Hà {n}")
    html = client.get("/vi/search/", {"q": "dak ha", "page_size": 2}).content.decode()
    assert 'rel="next"' in html and "page=2" in html
    html = client.get("/vi/search/", {"q": "dak ha", "page_size": 2, "page": 2}).content.decode()
    assert 'rel="prev"' in html


def test_bad_parameter_is_a_400_page(client, archive):
    response = client.get("/vi/search/", {"q": "quyen", "area": "VII"})
    assert response.status_code == 400
    assert "VII" in response.content.decode()


def test_hits_name_their_language_and_area(client, archive):
    html = client.get("/vi/search/", {"q": "bon", "language": "bdq"}).content.decode()
    assert '<p class="meta">Bahnar · III.' in html  # the register's name, not the code
    assert 'class="search-layout with-facets"' in html
