"""The anonymous page cache: hits, and purges on everything a page shows."""

import datetime
import io
import os
import subprocess
import sys

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

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


def purge_from_another_process(settings_module):
    """What a second test run or ``make run`` in this checkout does to its own page cache."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
    code = "import django; django.setup(); from home.cache import purge_now; purge_now()"
    subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, check=True)


def test_other_processes_on_this_checkout_do_not_purge_the_tests_cache(client, registers):
    """Each test run has a stamp of its own: the SQLite and PostgreSQL suites run side by side,
    or a dev server's publish, must not turn this run's hits into misses."""
    page = make_product(title="Quyền trẻ em")
    assert cache_state(client, page.url) == (200, MISS)
    for settings_module in ("cms.settings.test", "cms.settings.dev"):
        purge_from_another_process(settings_module)
        assert cache_state(client, page.url) == (200, HIT), settings_module


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
