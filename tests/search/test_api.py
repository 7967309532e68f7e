"""GET /api/search/: the shape the issue specifies, and 400 (never 500) for bad parameters."""

import pytest

from tests.factories import make_product
from tests.search.helpers import committed

pytestmark = pytest.mark.django_db

RESULT_KEYS = {"id", "external_id", "title", "url", "language", "area", "year", "snippet"}
FACET_KEYS = {"language", "area", "year", "unit", "format", "channel"}


def test_shape(client, archive):
    response = client.get("/api/search/", {"q": "quyen con nguoi", "year": "2024"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "results", "facets", "engine"}
    assert data["engine"] == "tantivy"
    assert data["count"] == 1
    (hit,) = data["results"]
    assert set(hit) == RESULT_KEYS
    assert hit["id"] == archive["vi_dakto"]
    assert hit["language"] == "vi" and hit["area"] == "III" and hit["year"] == 2024
    assert hit["url"].startswith("http://testserver/vi/")
    assert "<mark>Quyền</mark>" in hit["snippet"] or "<mark>quyền</mark>" in hit["snippet"]
    assert set(data["facets"]) == FACET_KEYS
    assert data["facets"]["language"] == {"vi": 1}
    assert data["facets"]["channel"] == {"facebook": 1, "print": 1}


def test_the_embedded_engine_is_called_tantivy(client, archive):
    """Issue 25: the API and /health/ name the embedded engine for what it is, a Tantivy index
    on disk; it was called "database", its name from when the database's full text answered."""
    assert client.get("/api/search/", {"q": "quyen"}).json()["engine"] == "tantivy"
    assert client.get("/health/").json()["search"] == {"status": "ok", "engine": "tantivy"}


def test_filters_and_paging(client, archive):
    data = client.get("/api/search/", {"q": "", "area": "V", "page_size": 2}).json()
    assert data["count"] == 3
    assert len(data["results"]) == 2
    page2 = client.get("/api/search/", {"area": "V", "page_size": 2, "page": 2}).json()
    assert len(page2["results"]) == 1
    assert {r["id"] for r in data["results"] + page2["results"]} == {
        archive["zh"],
        archive["lo"],
        archive["km"],
    }
    data = client.get("/api/search/", {"q": "bon", "language": "bdq", "sort": "date"}).json()
    assert [r["id"] for r in data["results"]] == [archive["bdq"]]


def test_snippet_is_cut_from_stored_text_with_marks(client, archive):
    data = client.get("/api/search/", {"q": "bon"}).json()
    snippet = data["results"][0]["snippet"]
    assert "<mark>Bơ̆n</mark>" in snippet  # the stored form, marks and all, not the folded one
    data = client.get("/api/search/", {"q": "尊严"}).json()
    assert "<mark>尊严</mark>" in data["results"][0]["snippet"]


@pytest.mark.parametrize(
    "params",
    [
        {"area": "VI"},
        {"language": "xx"},
        {"unit": "no-such-unit"},
        {"format": "hologram"},
        {"channel": "telegraph"},
        {"topic": "nope"},
        {"year": "abc"},
        {"year": "20245"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "x"},
        {"page": "99", "q": "quyen"},
        {"page_size": "101"},
        {"page_size": "0"},
        {"page_size": "many"},
        {"sort": "random"},
        {"q": "x" * 600},
    ],
)
def test_bad_parameters_get_400_with_a_message(client, archive, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.parametrize(
    "q", ['"', "'", '"quyen', "AND", "NOT OR", "(", "*", "NEAR(a b)", "-x", "a:b", "^", "\\"]
)
def test_query_syntax_gets_a_sensible_result(client, archive, q):
    response = client.get("/api/search/", {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["count"], int)


def test_lone_quote_around_words_still_searches(client, archive):
    data = client.get("/api/search/", {"q": '"quyen con nguoi'}).json()
    assert archive["vi_dakto"] in [r["id"] for r in data["results"]]


def test_never_returns_drafts(client, db):
    with committed():
        make_product(title="Nháp bí mật Kon Plông", live=False)
    assert client.get("/api/search/", {"q": "nhap bi mat"}).json()["count"] == 0


def test_hit_urls_name_the_configured_root_not_the_host(client, archive, settings):
    """Issue 24: the API's absolute URLs came from the Host header (and /api/search/ is cached)."""
    settings.WAGTAILADMIN_BASE_URL = "https://nhanquyen.example.vn"
    response = client.get(
        "/api/search/", {"q": "quyen con nguoi", "year": "2024"}, HTTP_HOST="localhost:6666"
    )
    (hit,) = response.json()["results"]
    assert hit["url"].startswith("https://nhanquyen.example.vn/vi/")
