"""The anonymous page cache: hits, and purges on everything a page shows."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.cache import HIT, MISS, purge_now
from products.models import ContentArea
from tests.factories import make_product
from tests.portal.conftest import restrict

D = datetime.date


def cache_state(client, url):
    response = client.get(url)
    return response.status_code, response.get("X-Page-Cache")


def test_second_anonymous_read_is_a_hit(client, registers):
    page = make_product(title="Quyền trẻ em")
    client.get("/vi/search/?q=mo")  # the first search of a test run makes the index (its pages follow it)
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


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def stored_as_the_importer_does(model, name, content):
    """Saved without the file's size and hash, which Wagtail fills in and saves later."""
    item = model(title=name)
    item.file.save(name, content, save=False)
    item.save()
    return item


def test_wagtail_filling_in_file_metadata_on_a_read_leaves_the_cache_alone(client, admin_client, registers):
    """Opening an image or document in the admin saves its size (``get_file_size``): a GET that
    changes nothing public. Editing the image for real still purges."""
    make_product(title="Quyền trẻ em")
    image = stored_as_the_importer_does(
        get_image_model(), "anh.png", ImageFile(io.BytesIO(png_bytes()), "anh.png")
    )
    document = stored_as_the_importer_does(get_document_model(), "tai-lieu.pdf", ContentFile(b"%PDF-1.4\n"))
    assert cache_state(client, "/vi/") == (200, MISS)
    assert admin_client.get(f"/admin/images/{image.pk}/").status_code == 200
    assert admin_client.get(f"/admin/documents/edit/{document.pk}/").status_code == 200
    image.refresh_from_db()
    document.refresh_from_db()
    assert image.file_size and document.file_size  # Wagtail did save them
    assert cache_state(client, "/vi/") == (200, HIT)
    image.title = "Ảnh đổi tên"
    image.save()
    assert cache_state(client, "/vi/") == (200, MISS)


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


def stored_bytes():
    """What the page cache of this process holds: the pickled pages (keys left out)."""
    from home.cache import page_cache

    return sum(len(value) for value in page_cache()._cache.values())


def test_query_parameters_a_page_does_not_read_are_never_stored(client, registers):
    """A junk parameter made a new entry per request: 1,500 of them grew each worker by
    12–29 MB. Such a request is answered, uncached, and leaves the cache as it was."""
    page = make_product(title="Quyền trẻ em")
    client.get("/vi/")
    before = stored_bytes()
    for url in (
        "/vi/?utm_source=zalo",
        f"{page.url}?junk=1",
        f"{page.url}?page=2",  # a product page reads no parameter at all
        "/vi/san-pham/?area=III&junk=1",
        "/vi/san-pham/?page=01",  # page 1 under another spelling
        "/vi/san-pham/?area=III&area=III",
        "/vi/search/?q=tre&x=1",
        "/vi/search/?q=tre&reader=en",  # the JSON API reads it, the page does not
        "/vi/feeds/rss/?page=2",
        "/sitemap.xml?p=1",
        "/robots.txt?v=2",
    ):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get("X-Page-Cache") is None, url
    assert stored_bytes() == before


def test_the_parameters_a_page_reads_still_make_cached_pages(client, registers):
    make_product(title="Quyền trẻ em", area="III")
    for url in (
        "/vi/san-pham/?area=III&page=1",
        "/vi/search/?q=tre&sort=date&area=III&area=II",
        "/vi/feeds/atom/?area=III&year=2024",
        "/sitemap-pages.xml?p=1",
    ):
        assert cache_state(client, url) == (200, MISS), url
        assert cache_state(client, url) == (200, HIT), url
    # The same parameters in another order are the same page.
    assert cache_state(client, "/vi/search/?area=II&sort=date&q=tre&area=III") == (200, HIT)


@pytest.fixture
def small_page_cache(settings):
    """A page cache of 40 kB for one test (the process's cache is built once from the settings)."""
    from home.cache import page_cache

    options = {**settings.PORTAL_PAGE_CACHE.get("OPTIONS", {}), "MAX_BYTES": 40_000}
    settings.PORTAL_PAGE_CACHE = {**settings.PORTAL_PAGE_CACHE, "LOCATION": "small-pages", "OPTIONS": options}
    page_cache.cache_clear()
    page_cache().clear()
    yield page_cache()
    page_cache().clear()
    page_cache.cache_clear()


def test_the_page_cache_holds_at_most_its_byte_budget(client, registers, small_page_cache):
    """Many distinct pages (a search per word) fill the cache up to its budget, not beyond:
    the least recently read pages make room, the one just read stays."""
    make_product(title="Quyền trẻ em")
    assert cache_state(client, "/vi/search/?q=tre") == (200, MISS)
    for n in range(40):
        assert cache_state(client, f"/vi/search/?q=tu{n}") == (200, MISS)
        assert cache_state(client, "/vi/search/?q=tre") == (200, HIT)  # read often: kept
    assert 20_000 < stored_bytes() <= 40_000
    assert cache_state(client, "/vi/search/?q=tu0") == (200, MISS)  # read once, long ago: evicted


def test_a_rolled_back_database_never_brings_back_a_page_of_the_abandoned_timeline(client, registers):
    """A rollback or a restore brings back an older generation. The next purge must not write a
    generation that pages were cached under meanwhile: a counter would (n, n+1 rolled back,
    n+1 again) and serve "Bản B", which the database no longer has. A random token never does."""
    page = make_product(title="Bản A")
    assert "Bản A" in client.get(page.url).content.decode()
    with transaction.atomic():
        page.title = "Bản B"
        page.save_revision().publish()
        purge_now()  # what the commit would do
        assert "Bản B" in client.get(page.url).content.decode()  # cached under the new generation
        transaction.set_rollback(True)
    assert "Bản A" in client.get(page.url).content.decode()
    page.refresh_from_db()
    page.title = "Bản C"
    page.save_revision().publish()
    purge_now()
    assert "Bản C" in client.get(page.url).content.decode()


def test_the_byte_bounded_store_counts_every_write_incr_included():
    """Any cache API call keeps the count true: ``incr`` through LocMemCache would have
    rewritten the entry without counting it."""
    from home.memory_cache import ByteBoundedLocMemCache

    store = ByteBoundedLocMemCache("byte-count-test", {"OPTIONS": {"MAX_BYTES": 10_000}})
    store.clear()
    store.set("n", 1, 60)
    before = store.stored_bytes
    assert store.incr("n", 10**200) == 1 + 10**200  # a much longer pickle
    assert store.stored_bytes > before
    assert store.get("n") == 1 + 10**200
    store.delete("n")
    assert store.stored_bytes == 0
    with pytest.raises(ValueError):
        store.incr("gone")
