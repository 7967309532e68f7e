"""Generated anonymous requests: no query string makes any public endpoint answer 500.

Parameter names are the ones the endpoints read (and some they do not); values are arbitrary
Unicode of any size, numbers past what a database column holds, and search-engine syntax.
A refusal is a 400 that says why.
"""

import datetime
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_product
from tests.public.conftest import attach

pytestmark = pytest.mark.django_db

API_PARAMETERS = [
    "limit",
    "offset",
    "fields",
    "order",
    "search",
    "search_operator",
    "type",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "site",
    "format",
    "rich_text_format",
    "area",
    "unit",
    "topic",
    "topics",
    "channel",
    "task",
    "language",
    "published_from",
    "published_to",
    "id",
    "title",
    "slug",
    "first_published",
    "first_published_at",
    "show_in_menus",
    "html_path",
    "tags",
    "width",
    "collection",
]
SEARCH_PARAMETERS = ["q", "language", "area", "year", "unit", "format", "channel", "topic", "sort", "page"]
SEARCH_PARAMETERS += ["page_size", "reader"]
PORTAL_PARAMETERS = ["area", "page", "q", "p"]

awkward_values = st.one_of(
    st.text(max_size=40),
    st.text(max_size=2000),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        [
            "",
            '"',
            "'",
            "*",
            "(",
            "random",
            "-id",
            "root",
            "upr,khong-co",
            "II",
            "bdq",
            "products.ProductPage",
            "wagtailcore.Page,products.ProductPage",
            "*,body(x(y(z)))",
            "a(" * 300,
            "title,-title,_,*",
            "9999-12-31",
            "0001-01-01T00:00:00+14:00",
            "true",
            "json",
            "api",
            "../..",
            "%00",
            " ".join(["tu"] * 600),
            "\u0661\u0662",
            "²",
            "ơ̆ ư̆ 'Bok ’Bok",
            "中文权利",
        ]
    ),
)


def query_strings(names):
    pairs = st.lists(
        st.tuples(st.one_of(st.sampled_from(names), st.text(max_size=12)), awkward_values), max_size=5
    )
    return pairs.map(urllib.parse.urlencode)


@pytest.fixture
def site(files):
    """A public product with files, a draft, and a product in Bahnar: something to find."""
    public = attach(files, title="Quyền con người", publications=[("facebook", datetime.date(2024, 5, 1))])
    make_product(title="Bản nháp", live=False)
    make_product(title="'Bok ơ̆", language="bdq", unit="dai-ptth-kon-tum")
    return {"product": public, **files}


def assert_answered(client, url):
    response = client.get(url, follow=True)
    assert response.status_code < 500, url
    if response.status_code == 400:
        if response["Content-Type"].startswith("application/json"):
            body = response.json()
            assert body.get("message") or body.get("error"), url
        else:
            assert response.content.strip(), url
    return response


sweep = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

API_PATHS = [
    "/api/v2/pages/",
    "/api/v2/products/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/pages/find/",
    "/api/v2/products/find/",
    "/api/v2/images/find/",
]


@sweep
@given(path=st.sampled_from(API_PATHS), query=query_strings(API_PARAMETERS))
def test_api_listings_never_fail(client, site, path, query):
    assert_answered(client, f"{path}?{query}")


@sweep
@given(
    endpoint=st.sampled_from(["pages", "products", "images", "documents"]),
    query=query_strings(API_PARAMETERS),
)
def test_api_details_never_fail(client, site, endpoint, query):
    ids = {"pages": site["product"].pk, "products": site["product"].pk}
    ids |= {"images": site["image"].pk, "documents": site["document"].pk}
    assert_answered(client, f"/api/v2/{endpoint}/{ids[endpoint]}/?{query}")


@sweep
@given(
    path=st.sampled_from(["/api/search/", "/vi/search/", "/bdq/search/"]),
    query=query_strings(SEARCH_PARAMETERS),
)
def test_archive_search_never_fails(client, site, path, query):
    assert_answered(client, f"{path}?{query}")


@sweep
@given(
    path=st.sampled_from(["/vi/", "/vi/san-pham/", "/vi/san-pham/bao-kon-tum/", "/en/san-pham/"]),
    query=query_strings(PORTAL_PARAMETERS),
)
def test_portal_pages_never_fail(client, site, path, query):
    assert_answered(client, f"{path}?{query}")


@sweep
@given(suffix=st.text(min_size=1, max_size=200))
def test_file_urls_never_fail(client, site, suffix):
    quoted = urllib.parse.quote(suffix)
    for prefix in ("/media/", "/media/images/", "/media/documents/", f"/documents/{site['document'].pk}/"):
        assert_answered(client, prefix + quoted)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/products/?topics=upr",
        "/api/v2/pages/?offset=99999999999999999999",
        "/api/v2/pages/?search=%22",
        "/api/v2/pages/?search=" + "+".join(["tu"] * 600),
        "/api/v2/pages/?type=products.ProductPage&first_published=abc",
        "/api/v2/pages/?type=products.ProductPage&publications=x",
        "/api/v2/pages/find/?id=abc",
        "/api/v2/pages/?search=a&search_operator=xor",
        "/api/v2/products/?format=khong-co",
        "/api/search/?year=%C2%B2",
        "/api/search/?page=99999999999999999999",
        "/vi/search/?q=quyen&page=" + "9" * 30,
        "/api/search/?unit=" + "&unit=".join(f"u{i}" for i in range(1200)),
    ],
)
def test_requests_seen_failing_are_answered(client, site, url):
    """The anonymous 500s named in issue 12, and the ones the generated requests above found."""
    assert_answered(client, url)
