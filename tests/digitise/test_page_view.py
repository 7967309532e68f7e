"""The product page shows each scan: the page image (served only when the product's file may be),
the searched words boxed from their coordinates, the page's text beside it, page navigation."""

import io
import re

import pytest
from PIL import Image as PILImage

from tests.digitise.ocr_free_scans import product_with_scan

pytestmark = pytest.mark.django_db

PAGES = [
    ["Tin tức tỉnh Kon Tum", "Hội nghị tổng kết năm"],
    ["Quyền trẻ em được bảo đảm", "ở các xã vùng cao"],
    ["Xã Đăk Rơ Wa khánh thành", "trường học mới cho con em"],
]
RECT_RE = re.compile(
    r'<rect class="scan-mark" x="([\d.]+)%" y="([\d.]+)%" width="([\d.]+)%" height="([\d.]+)%">'
)


def _section(html, scan):
    start = html.index(f'id="scan-{scan.pk}"')
    return html[start : html.index("</section>", start)]


def test_the_searched_word_is_boxed_where_it_is_on_the_page_image(client):
    product, scan = product_with_scan(PAGES)
    response = client.get(product.url, {"q": "truong", "scan": scan.pk, "p": 3})
    viewer = _section(response.content.decode(), scan)
    # "trường" is the first word of the second line: x 20–92, y 50–70 on a 400 × 300 page.
    assert RECT_RE.findall(viewer) == [("5.000", "16.667", "18.000", "6.667")]
    assert "<mark>trường</mark> học mới" in viewer  # the text beside, the word marked too
    assert "Xã Đăk Rơ Wa khánh thành" in viewer  # the whole page's text, real text
    image_url = re.search(r'<img src="([^"]+)"', viewer).group(1)
    image = PILImage.open(io.BytesIO(b"".join(client.get(image_url).streaming_content)))
    left, top, width, height = (float(v) / 100 for v in RECT_RE.findall(viewer)[0])
    centre = (int((left + width / 2) * image.width), int((top + height / 2) * image.height))
    assert image.getpixel(centre) == 0  # the word's ink, under the box's centre
    assert image.getpixel((int(left * image.width) - 5, centre[1])) == 255  # and none left of the box


def test_the_query_alone_opens_the_first_page_holding_its_words(client):
    product, scan = product_with_scan(PAGES)
    viewer = _section(client.get(product.url, {"q": "vùng cao"}).content.decode(), scan)
    assert "trang 2/3" in viewer
    assert len(RECT_RE.findall(viewer)) == 2
    assert f"?q=v%C3%B9ng+cao&amp;scan={scan.pk}&amp;p=1#scan-{scan.pk}" in viewer  # previous page
    assert f"?q=v%C3%B9ng+cao&amp;scan={scan.pk}&amp;p=3#scan-{scan.pk}" in viewer  # next page


def test_without_a_query_page_one_is_shown_without_boxes_and_without_inline_style(client):
    product, scan = product_with_scan(PAGES)
    response = client.get(product.url)
    viewer = _section(response.content.decode(), scan)
    assert "trang 1/3" in viewer and "Tin tức tỉnh Kon Tum" in viewer
    assert "<rect" not in viewer
    assert "style=" not in viewer and "<script" not in viewer  # the CSP refuses inline styles and scripts
    assert "digitise/scans" in response.content.decode()  # its stylesheet, from this site
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_a_drafts_page_image_is_not_found_for_the_public_but_shown_to_its_editor(client, people):
    _product, scan = product_with_scan(PAGES, live=False)
    url = f"/scans/{scan.pk}/1/image/"
    # (followed: Django's LocaleMiddleware sends a 404 outside the language prefixes to /vi/…, a 404 too)
    assert client.get(url, follow=True).status_code == 404
    client.force_login(people.other_editor)
    assert client.get(url, follow=True).status_code == 404
    client.force_login(people.editor)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]


def test_a_public_products_page_image_is_served_to_anyone(client):
    _product, scan = product_with_scan(PAGES)
    response = client.get(f"/scans/{scan.pk}/2/image/")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    assert client.get(f"/scans/{scan.pk}/9/image/", follow=True).status_code == 404
