"""The portal in headless Chromium at 360 px: home, an area listing, a product with audio, a
search and a 404 in vi, bdq, en, lo and km; axe-core, lang/hreflang, weight and requests,
readable at 320 px, usable without JavaScript, the language switcher, nothing hidden shown.

Screenshots go to .local/screenshots/portal/ (see README).
"""

import datetime
from http.cookies import SimpleCookie

import pytest
from django.core.files.base import ContentFile
from wagtailmedia.models import get_media_model

from products.models import ProductAttachment
from search.indexing import repair_index
from tests.browser.portal import (
    DjangoRouter,
    axe_violations,
    browser_tab,
    needs_axe,
    needs_chromium,
    screenshot,
)
from tests.factories import make_product
from tests.portal.conftest import HIDDEN_TITLES, hidden  # noqa: F401 (the fixture, found by name)
from tests.sample_files import wav_bytes
from tests.search.helpers import committed

pytestmark = [*needs_chromium, needs_axe]
D = datetime.date
LANGUAGES = ("vi", "bdq", "en", "lo", "km")
TITLES = {
    "vi": "Bản tin phát thanh về quyền trẻ em",
    "bdq": "Tơdrong hơ̆k 'bôh kon hơ̆k",
    "en": "Radio bulletin on children's rights",
    "lo": "ຂ່າວວິທະຍຸກ່ຽວກັບສິດທິເດັກ",
    "km": "ព្រឹត្តិបត្រវិទ្យុអំពីសិទ្ធិកុមារ",
}
SEARCH_WORDS = {"vi": "phát thanh", "bdq": "hơ̆k", "en": "bulletin", "lo": "ວິທະຍຸ", "km": "វិទ្យុ"}
BUDGET_BYTES = 30 * 1024
BUDGET_REQUESTS = 5


@pytest.fixture
def audio_products(registers, request):
    request.getfixturevalue("hidden")  # a draft, an unpublished and a restricted product
    media = get_media_model().objects.create(title="Bản tin", type="audio", duration=2)
    media.file.save("ban-tin.wav", ContentFile(wav_bytes(seconds=2)))
    products, original = {}, None
    # The archive index follows the database: reconciled with it first (earlier tests'
    # rollbacks), then written as the publications' commits would write it.
    repair_index()
    with committed():
        for code in LANGUAGES:
            original = _audio_product(code, media, original, products)
    return products


def _audio_product(code, media, original, products):
    page = make_product(
        title=TITLES[code],
        language=code,
        unit="dai-ptth-kon-tum",
        area="III",
        format="radio-feature",
        summary=TITLES[code],
        publications=[("radio", D(2024, 5, 1))],
        translation_of=original,
    )
    page.attachments = [ProductAttachment(media=media)]
    page.save_revision().publish()
    products[code] = page
    return original or page


def pages_of(code, products):
    return {
        "home": f"/{code}/",
        "listing": f"/{code}/san-pham/?area=III",
        "product": products[code].url,
        "search": f"/{code}/search/?q={SEARCH_WORDS[code]}",
        "404": f"/{code}/khong-co-trang-nay/",
    }


def check_page(tab, router, code, name, url):
    router.requests.clear()
    response = tab.goto(f"http://testserver{url}")
    tab.wait_for_load_state("load")
    assert response.status == (404 if name == "404" else 200), url
    assert tab.evaluate("document.documentElement.lang") == code
    assert axe_violations(tab) == [], (code, name)
    without_images = [(p, n) for p, n in router.requests if not p.startswith("/media/")]
    assert len(without_images) <= BUDGET_REQUESTS, without_images
    assert sum(n for _, n in without_images) <= BUDGET_BYTES, without_images
    screenshot(tab, f"{code}-{name}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_portal_pages_in_each_language(audio_products, code):
    router = DjangoRouter()
    with browser_tab(router) as tab:
        for name, url in pages_of(code, audio_products).items():
            check_page(tab, router, code, name, url)
            if name == "product":
                tab.wait_for_function("document.querySelector('audio').readyState >= 1")
                hreflangs = tab.eval_on_selector_all(
                    "link[rel=alternate][hreflang]", "links => links.map(l => l.hreflang)"
                )
                assert sorted(hreflangs) == sorted([*LANGUAGES, "x-default"])
                assert tab.get_attribute("h1", "lang") == code
            if name == "search":
                assert tab.locator(".hit").count() >= 1, url
            body_lang = tab.evaluate("document.body.lang")
            assert body_lang == ("vi" if code == "bdq" else code)


def test_readable_at_320_px_with_results_before_facets(audio_products):
    router = DjangoRouter()
    with browser_tab(router, width=320) as tab:
        for url in ("/vi/", "/vi/san-pham/?area=III", audio_products["km"].url, "/vi/search/?q=quyền"):
            tab.goto(f"http://testserver{url}")
            assert tab.evaluate("document.documentElement.scrollWidth") <= 320, url
        results = tab.locator(".results").bounding_box()
        facets = tab.locator(".facets").bounding_box()
        assert results["y"] < facets["y"]
        tab.locator(".facet summary").first.click()  # collapses, no script involved
        assert tab.locator(".facet").first.get_attribute("open") is None


def test_read_and_search_without_javascript(audio_products):
    router = DjangoRouter()
    with browser_tab(router, javascript=False) as tab:
        tab.goto("http://testserver/en/")
        assert tab.locator("h3", has_text=TITLES["en"]).count() == 1
        tab.fill("#site-q", "bulletin")
        tab.press("#site-q", "Enter")
        tab.wait_for_url("**/en/search/?q=bulletin")
        assert tab.locator(".hit h2", has_text="Radio bulletin").count() == 1
        tab.goto("http://testserver/en/san-pham/")
        tab.select_option("#id_area", "III")
        tab.click(".filters button")
        tab.wait_for_url("**/en/san-pham/?area=III**")
        assert tab.locator(".product-card").count() == 1


def test_switch_language_from_a_product_to_its_translation(audio_products):
    router = DjangoRouter()
    with browser_tab(router) as tab:
        tab.goto(f"http://testserver{audio_products['vi'].url}")
        tab.click("#languages a[hreflang=lo]")
        tab.wait_for_url(f"**{audio_products['lo'].url}")
        assert tab.evaluate("document.documentElement.lang") == "lo"
        assert tab.text_content("h1") == TITLES["lo"]
        # The choice is remembered: with the browser's cookies, "/" goes to Lao whatever the
        # browser prefers. (Chromium does not route the target of a fulfilled redirect that
        # it did not start itself, so "/" is asked for here rather than navigated to.)
        cookies = {c["name"]: c["value"] for c in tab.context.cookies()}
        assert cookies["portal_language"] == "lo"
        router.client.cookies = SimpleCookie(cookies)
        status, headers, _ = router.answer("GET", "/", "/")
        assert (status, headers["Location"]) == (302, "/lo/")


def test_nothing_hidden_in_the_browser(audio_products):
    router = DjangoRouter()
    with browser_tab(router) as tab:
        for url in (
            "/vi/",
            "/vi/san-pham/",
            "/vi/feeds/rss/",
            "/sitemap-pages.xml",
            "/api/v2/pages/?limit=100",
        ):
            tab.goto(f"http://testserver{url}")
            text = tab.content()
            assert not [title for title in HIDDEN_TITLES if title in text], url
