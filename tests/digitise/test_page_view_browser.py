"""The scan viewer in headless Chromium at 360 px, under the site's CSP: the box drawn over the
page image sits on the searched word (the same fraction of the image as the word's pixels of the
page), nothing scrolls sideways, the page text follows the image, axe finds nothing."""

import pytest

from tests.browser.portal import DjangoRouter, axe_violations, browser_tab, needs_axe, needs_chromium
from tests.digitise.ocr_free_scans import HEIGHT, WIDTH, product_with_scan

pytestmark = [*needs_chromium, needs_axe, pytest.mark.django_db]

PAGES = [["Tin tức tỉnh Kon Tum"], ["Xã Đăk Rơ Wa khánh thành", "trường học mới cho con em"]]


def test_the_box_covers_the_word_on_a_phone(registers):
    product, scan = product_with_scan(PAGES)
    router = DjangoRouter()
    with browser_tab(router, width=360) as tab:
        tab.goto(f"http://testserver{product.url}?q=trường&scan={scan.pk}&p=2")
        tab.locator(f"#scan-{scan.pk} img").scroll_into_view_if_needed()
        tab.wait_for_function(f"document.querySelector('#scan-{scan.pk} img').complete")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360
        image = tab.locator(f"#scan-{scan.pk} img").bounding_box()
        box = tab.locator(f"#scan-{scan.pk} rect.scan-mark").bounding_box()
        text = tab.locator(f"#scan-{scan.pk} .scan-text").bounding_box()
        violations = axe_violations(tab, f"#scan-{scan.pk}")
    assert image["width"] <= 360 and text["y"] >= image["y"] + image["height"]  # text below on a phone
    # "trường": x 20–92, y 50–70 on the 400 × 300 page; the stroke adds a pixel around.
    expected = (20 / WIDTH, 50 / HEIGHT, 72 / WIDTH, 20 / HEIGHT)
    found = (
        (box["x"] - image["x"]) / image["width"],
        (box["y"] - image["y"]) / image["height"],
        box["width"] / image["width"],
        box["height"] / image["height"],
    )
    for want, got in zip(expected, found, strict=True):
        assert abs(want - got) < 0.02, (expected, found)
    assert violations == []
