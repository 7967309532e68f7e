"""Absolute links name the configured site root, never the Host header a request came with.

Issue 24: a request with ``Host: localhost:6666`` that missed the page cache stored a page whose
canonical, hreflang and og:url links pointed at port 6666, and every reader after it got that
copy. Any host in ALLOWED_HOSTS (the port is not checked) could poison the cache so.
"""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from products.models import ProductAttachment
from tests.factories import make_product

ROOT = "https://nhanquyen.example.vn"
POISON = "localhost:6666"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site_root(settings):
    """The public address an operator configures (docs/deploy.md), and a Host the server allows."""
    settings.WAGTAILADMIN_BASE_URL = ROOT
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    return ROOT


def image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Ảnh", file=ImageFile(buffer, name="anh.png"), collection=Collection.get_first_root_node()
    )


def links(html):
    """Every absolute URL of a page's <head>: canonical, alternates, og:url, og:image."""
    head = html.split("</head>")[0]
    return re.findall(r'(?:href|content)="(https?://[^"]+)"', head)


@pytest.fixture
def translated(registers):
    vi = make_product(title="Quyền trẻ em", attachments=[ProductAttachment(image=image())])
    en = make_product(title="Children's rights", language="en", translation_of=vi)
    return vi, en


def test_page_links_name_the_configured_root_whatever_the_host(client, site_root, translated):
    vi, en = translated
    for url in (vi.url, en.url, "/vi/", "/lo/", "/vi/san-pham/", "/vi/san-pham/bao-kon-tum/?page=1"):
        poisoned = client.get(url, HTTP_HOST=POISON)  # a cache miss: this copy is stored
        assert poisoned.status_code == 200, url
        html = poisoned.content.decode()
        assert POISON not in html, url
        found = links(html)
        assert found and all(link.startswith(f"{ROOT}/") for link in found), (url, found)
        # The next reader, on the real host, gets the stored copy: the same links.
        assert links(client.get(url).content.decode()) == found, url
    html = client.get(vi.url, HTTP_HOST=POISON).content.decode()
    assert f'<link rel="canonical" href="{ROOT}{vi.url}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{ROOT}{en.url}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{ROOT}{vi.url}">' in html
    assert f'<meta property="og:url" content="{ROOT}{vi.url}">' in html
    assert f'<meta property="og:image" content="{ROOT}/' in html


def test_home_x_default_is_the_configured_root(client, site_root, db):
    html = client.get("/km/", HTTP_HOST=POISON).content.decode()
    assert f'<link rel="alternate" hreflang="x-default" href="{ROOT}/">' in html


def test_robots_txt_names_the_configured_sitemap(client, site_root, db):
    text = client.get("/robots.txt", HTTP_HOST=POISON).content.decode()
    assert f"Sitemap: {ROOT}/sitemap.xml" in text and POISON not in text


def test_sitemap_names_the_configured_root(client, site_root, translated):
    vi, en = translated
    index = client.get("/sitemap.xml", HTTP_HOST=POISON).content
    sections = [loc.text for loc in ET.fromstring(index).iter(f"{SITEMAP}loc")]  # noqa: S314 (our own output)
    assert sections == [f"{ROOT}/sitemap-pages.xml"]
    body = client.get("/sitemap-pages.xml", HTTP_HOST=POISON).content.decode()
    assert POISON not in body
    assert f"<loc>{ROOT}{en.url}</loc>" in body
    assert f'hreflang="vi" href="{ROOT}{vi.url}"' in body
    assert f'hreflang="x-default" href="{ROOT}/"' in body  # a home's chooser


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_name_the_configured_root(client, site_root, translated, kind):
    vi, _en = translated
    body = client.get(f"/vi/feeds/{kind}/?area=III", HTTP_HOST=POISON).content.decode()
    assert POISON not in body
    assert f"{ROOT}/vi/san-pham/?area=III" in body  # the listing the feed follows
    assert f"{ROOT}{vi.url}" in body  # the item
    assert f"{ROOT}/vi/feeds/{kind}/?area=III" in body  # the feed itself


def test_deploy_check_wants_the_public_address(settings):
    """``check --deploy`` warns when the links would name an address the server does not answer to."""
    from django.core.checks import run_checks

    settings.ALLOWED_HOSTS = ["nhanquyen.example.vn"]
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"  # the development default
    found = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "products.W001" in found
    settings.SECURE_SSL_REDIRECT = True
    settings.WAGTAILADMIN_BASE_URL = "http://nhanquyen.example.vn"  # redirected: the links want https
    assert "products.W001" in [message.id for message in run_checks(include_deployment_checks=True)]
    settings.WAGTAILADMIN_BASE_URL = ROOT
    assert "products.W001" not in [message.id for message in run_checks(include_deployment_checks=True)]
