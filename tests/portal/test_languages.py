"""The reader's language: `/`, the switcher, the chrome's lang, the catalogs, 404 and 500."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from products import languages
from tests.factories import make_product

LOCALE = Path(settings.BASE_DIR) / "locale"
# Files whose strings readers of the portal see.
PORTAL_FILES = re.compile(
    r"^(cms/templates/|home/(templates|templatetags|feeds|views|podcasts|podcast_feed)|products/listing\.py"
    r"|products/templates/products/(product_page|product_index_page|unit_section_page)\.html"
    r"|products/templates/products/includes/|search/templates/search/search\.html|search/views\.py)"
)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("lo-LA,lo;q=0.9,en;q=0.5", "/lo/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("km", "/km/"),
        ("fr-FR,fr;q=0.8", "/fr/"),
        ("bdq", "/bdq/"),
        ("de-DE,de;q=0.9", "/vi/"),
        ("", "/vi/"),
    ],
)
def test_root_follows_accept_language(client, db, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == expected
    assert "Accept-Language" in response["Vary"] and "private" in response["Cache-Control"]


def test_root_remembers_an_explicit_choice(client, db):
    response = client.get("/language/km/?next=/km/search/")
    assert response.status_code == 302 and response["Location"] == "/km/search/"
    assert response.cookies[settings.PORTAL_LANGUAGE_COOKIE].value == "km"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/km/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/vi/", "/km/../admin/"])
def test_switcher_never_sends_elsewhere(client, db, target):
    response = client.get("/language/en/", {"next": target})
    assert response["Location"] == "/en/"


def test_switcher_goes_to_the_translation_and_says_when_there_is_none(client, registers):
    vi = make_product(title="Quyền trẻ em")
    en = make_product(title="Children's rights", language="en", translation_of=vi)
    html = client.get(vi.url).content.decode()
    translated, untranslated = html.split("Chưa có bản dịch sang các ngôn ngữ dưới đây")
    assert f'href="/language/en/?next={en.url.replace("/", "%2F")}"' in translated
    assert 'href="/language/lo/?next=%2Flo%2F"' in untranslated
    assert "/language/lo/" not in translated
    assert client.get(f"/language/en/?next={en.url}")["Location"] == en.url


def test_ethnic_language_chrome_is_vietnamese_and_marked_so(client, registers):
    page = make_product(title="Tơdrong hơ̆k", language="bdq", unit="dai-ptth-kon-tum")
    html = client.get(page.url).content.decode()
    assert '<html lang="bdq">' in html and '<body lang="vi"' in html
    assert '<h1 lang="bdq">Tơdrong hơ̆k</h1>' in html
    assert "Đã đăng tải" in html  # the chrome, in Vietnamese


@pytest.mark.parametrize("code", ["en", "fr", "zh-hans", "lo", "km"])
def test_translated_chrome_is_marked_in_its_language(client, db, code):
    html = client.get(f"/{code}/").content.decode()
    assert f'<body lang="{code}"' in html
    for vietnamese in ("Sản phẩm mới", "Tìm trong kho lưu trữ", "Ngôn ngữ", "Tất cả sản phẩm"):
        assert vietnamese not in html, (code, vietnamese)


def catalog_entries(code):
    """(msgid, references, translated) for each entry of locale/<code>/django.po."""
    folder = translation.to_locale(code)
    text = (LOCALE / folder / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        lines = block.splitlines()
        if any(line.startswith("#~") for line in lines):
            continue
        refs = [ref for line in lines if line.startswith("#: ") for ref in line[3:].split()]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', "\n".join(_msgid_lines(lines)), re.M))
        msgstrs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"', block, re.M)
        continued = re.findall(r'^msgstr(?:\[\d\])? ""\n"(.+)"', block, re.M)
        translated = not fuzzy and all(msgstrs[i] or i < len(continued) for i in range(len(msgstrs)))
        yield msgid, refs, translated


def _msgid_lines(lines):
    inside = False
    for line in lines:
        if line.startswith("msgid "):
            inside = True
        elif not line.startswith('"'):
            inside = False
        if inside:
            yield line


@pytest.mark.parametrize("code", settings.PORTAL_UI_LANGUAGES)
def test_portal_catalogs_are_complete(code):
    if code == languages.DEFAULT:
        pytest.skip("msgids are Vietnamese")
    missing = [
        msgid
        for msgid, refs, translated in catalog_entries(code)
        if not translated and any(PORTAL_FILES.match(ref) for ref in refs)
    ]
    assert missing == []


def test_ethnic_catalogs_hold_the_portal_strings_for_translators():
    for code in languages.ETHNIC_CODES:
        msgids = {
            msgid for msgid, refs, _ in catalog_entries(code) if any(PORTAL_FILES.match(r) for r in refs)
        }
        assert {"Sản phẩm mới", "Không tìm thấy trang", "Lỗi máy chủ"} <= msgids, code


@pytest.mark.parametrize(
    ("code", "text"),
    [("lo", "ບໍ່ພົບໜ້ານີ້"), ("fr", "Page introuvable"), ("km", "រកមិនឃើញទំព័រ"), ("bdq", "Không tìm thấy trang")],
)
def test_404_in_the_readers_language(client, db, code, text):
    response = client.get(f"/{code}/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html and f'<html lang="{code}">' in html
    assert f'href="/language/{code}/?next=%2F{code}%2F"' in html


@pytest.mark.parametrize(
    ("code", "text"), [("lo", "ເຊີບເວີຂັດຂ້ອງ"), ("zh-hans", "服务器错误"), ("jra", "Lỗi máy chủ")]
)
def test_500_in_the_readers_language(code, text):
    with translation.override(code):
        response = server_error(RequestFactory().get(f"/{code}/"))
    html = response.content.decode()
    assert response.status_code == 500 and text in html
    assert f'<html lang="{code}">' in html
