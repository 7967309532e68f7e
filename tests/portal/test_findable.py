"""hreflang, canonical, meta description, OpenGraph, <title>, robots.txt and sitemap.xml."""

import datetime
import re
import xml.etree.ElementTree as ET

from tests.factories import make_product
from tests.portal.conftest import HIDDEN_TITLES

D = datetime.date
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_product_alternates_name_each_translation_and_x_default(client, registers):
    vi = make_product(title="Quyền trẻ em", summary="Trẻ em có quyền được học tập và vui chơi.")
    en = make_product(title="Children's rights", language="en", translation_of=vi)
    html = client.get(en.url).content.decode()
    assert alternates(html) == {
        "vi": f"http://testserver{vi.url}",
        "en": f"http://testserver{en.url}",
        "x-default": f"http://testserver{vi.url}",
    }
    assert f'<link rel="canonical" href="http://testserver{en.url}">' in html


def test_restricted_translation_is_no_alternate(client, registers):
    from tests.portal.conftest import restrict

    vi = make_product(title="Quyền trẻ em")
    bdq = make_product(title="Tơdrong hơ̆k", language="bdq", unit="dai-ptth-kon-tum", translation_of=vi)
    restrict(bdq)
    html = client.get(vi.url).content.decode()
    assert alternates(html) == {}
    assert bdq.url not in html


def test_homes_are_alternates_of_each_other_with_the_chooser_as_x_default(client, db):
    found = alternates(client.get("/lo/").content.decode())
    assert found["x-default"] == "http://testserver/"
    assert found["bdq"] == "http://testserver/bdq/" and found["zh-hans"] == "http://testserver/zh-hans/"
    assert len(found) == 14


def test_meta_description_opengraph_and_title(client, registers):
    page = make_product(title="Quyền trẻ em", summary="Trẻ em có quyền được học tập " * 10)
    html = client.get(page.url).content.decode()
    description = re.search(r'<meta name="description" content="([^"]+)">', html).group(1)
    assert description.startswith("Trẻ em có quyền") and len(description) <= 160
    assert '<meta property="og:title" content="Quyền trẻ em">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="vi_VN">' in html
    assert f'<meta property="og:url" content="http://testserver{page.url}">' in html
    assert "<title>Quyền trẻ em – Truyền thông Nhân quyền</title>" in html


def test_home_title_names_the_site_once(client, db):
    assert "<title>Truyền thông Nhân quyền</title>" in client.get("/vi/").content.decode()
    assert "<title>Human Rights Communication</title>" in client.get("/en/").content.decode()


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text and "Sitemap: http://testserver/sitemap.xml" in text


def test_favicon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert 'rel="icon"' in client.get("/vi/").content.decode()


def sitemap_urls(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own server's output)
    urls = {}
    for loc in index.iter(f"{SITEMAP}loc"):
        path = loc.text.replace("http://testserver", "")
        for url in ET.fromstring(client.get(path).content).iter(f"{SITEMAP}url"):  # noqa: S314 (our own server's output)
            links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            lastmod = url.find(f"{SITEMAP}lastmod")
            urls[url.find(f"{SITEMAP}loc").text] = (lastmod.text if lastmod is not None else None, links)
    return urls


def test_sitemap_lists_public_pages_with_alternates_and_lastmod(client, registers, hidden):
    vi = make_product(title="Quyền trẻ em")
    en = make_product(title="Children's rights", language="en", translation_of=vi)
    urls = sitemap_urls(client)
    lastmod, links = urls[f"http://testserver{en.url}"]
    assert lastmod == datetime.date.today().isoformat() or lastmod[:4].isdigit()
    assert links == {
        "vi": f"http://testserver{vi.url}",
        "en": f"http://testserver{en.url}",
        "x-default": f"http://testserver{vi.url}",
    }
    assert urls["http://testserver/km/"][1]["x-default"] == "http://testserver/"
    for page in hidden.values():
        assert f"http://testserver{page.url}" not in urls
    assert not any(title in client.get("/sitemap-pages.xml").content.decode() for title in HIDDEN_TITLES)
