"""The anonymous page cache: hits, and purges on everything a page shows."""

import datetime

from home.cache import HIT, MISS
from products.models import ContentArea
from tests.factories import make_product
from tests.portal.conftest import restrict

D = datetime.date


def cache_state(client, url):
    response = client.get(url)
    return response.status_code, response.get("X-Page-Cache")


def test_second_anonymous_read_is_a_hit(client, registers):
    page = make_product(title="Quyền trẻ em")
    for url in (
        "/vi/",
        page.url,
        "/vi/san-pham/?area=III",
        "/vi/feeds/rss/",
        "/sitemap.xml",
        "/vi/search/?q=tre",
    ):
        assert cache_state(client, url) == (200, MISS), url
        assert cache_state(client, url) == (200, HIT), url


def test_publish_unpublish_and_edit_purge(client, registers):
    page = make_product(title="Bản đầu")
    assert "Bản đầu" in client.get("/vi/").content.decode()
    assert cache_state(client, "/vi/")[1] == HIT
    page.title = "Bản sửa"
    page.save_revision().publish()
    assert "Bản sửa" in client.get("/vi/").content.decode()
    page.unpublish()
    assert "Bản sửa" not in client.get("/vi/").content.decode()
    page.save_revision().publish()
    assert "Bản sửa" in client.get("/vi/").content.decode()


def test_a_draft_edit_leaves_the_cache_alone(client, registers):
    page = make_product(title="Đã đăng")
    client.get(page.url)
    page.title = "Nháp chưa duyệt"
    page.save_revision()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == HIT and "Nháp chưa duyệt" not in response.content.decode()


def test_register_edit_purges(client, registers):
    page = make_product(area="III")
    client.get(page.url)
    area = ContentArea.objects.get(slug="III")
    area.name_vi = "Thành tựu (tên mới)"
    area.save()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == MISS and "Thành tựu (tên mới)" in response.content.decode()


def test_privacy_change_purges(client, registers):
    page = make_product(title="Sắp thành nội bộ")
    assert client.get(page.url).status_code == 200
    assert "Sắp thành nội bộ" in client.get("/vi/").content.decode()
    restrict(page)
    assert client.get(page.url).status_code == 302  # to the login page
    assert "Sắp thành nội bộ" not in client.get("/vi/").content.decode()


def test_signed_in_readers_and_errors_are_not_cached(client, admin_client, registers):
    make_product()
    admin_client.get("/vi/")
    assert admin_client.get("/vi/").get("X-Page-Cache") is None
    assert client.get("/vi/khong-co/").status_code == 404
    assert client.get("/vi/khong-co/").get("X-Page-Cache") is None
    assert client.get("/vi/san-pham/?area=XX").get("X-Page-Cache") is None
    assert client.get("/").get("X-Page-Cache") is None


def test_pages_are_stored_gzipped_for_readers_who_accept_it(client, registers):
    import gzip

    make_product(title="Quyền trẻ em")
    plain = client.get("/vi/")
    zipped = client.get("/vi/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain and zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert gzip.decompress(zipped.content) == plain.content
    assert client.get("/vi/", HTTP_ACCEPT_ENCODING="gzip")["X-Page-Cache"] == HIT
