import socket
import tomllib

import pytest
import tantivy
from django.conf import settings

from search import service, store


@pytest.fixture(autouse=True)
def forget_unreachable_elasticsearch():
    service._down_until.clear()
    yield
    service._down_until.clear()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the socket is


@pytest.mark.django_db
def test_health_answers_with_the_database_search_and_version(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    with open(settings.BASE_DIR / "pyproject.toml", "rb") as handle:
        assert body["version"] == tomllib.load(handle)["project"]["version"]
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["search"]["status"] == "ok"


@pytest.mark.django_db
def test_unreachable_elasticsearch_is_degraded_with_the_reason(client, settings):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    response = client.get("/health/")
    assert response.status_code == 200  # the embedded engine still answers searches
    body = response.json()
    assert body["status"] == "degraded"
    assert body["search"]["status"] == "degraded"
    assert "Elasticsearch" in body["search"]["reason"]


@pytest.mark.django_db
def test_health_refuses_other_methods(client):
    assert client.post("/health/").status_code == 405


@pytest.mark.django_db
def test_an_unusable_index_folder_is_reported_and_the_search_api_answers_503(client, settings, tmp_path):
    """The embedded engine is the only one configured and its folder cannot be opened: health
    says so (503, the reason), and the search API and page say search is unavailable (503)."""
    blocker = tmp_path / "search-index"
    blocker.write_text("a file where the index folder should be")
    settings.SEARCH_INDEX_DIR = blocker
    response = client.get("/health/")
    body = response.json()
    assert (response.status_code, body["status"], body["database"]["status"]) == (503, "degraded", "ok")
    assert body["search"]["status"] == "down"
    assert str(blocker) in body["search"]["reason"]
    api = client.get("/api/search/", {"q": "quyen con nguoi"})
    assert api.status_code == 503
    assert api.json()["error"].startswith("Tìm kiếm kho lưu trữ tạm thời không hoạt động")
    page = client.get("/vi/search/", {"q": "quyen con nguoi"})
    assert page.status_code == 503
    assert "Tìm kiếm kho lưu trữ tạm thời không hoạt động" in page.content.decode()


@pytest.mark.django_db
def test_an_index_of_an_older_schema_is_reported_with_the_command_to_run(client, settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path
    folder = store.root()
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", indexed=True, fast=True)
    (folder / "g-old").mkdir(parents=True)
    tantivy.Index(builder.build(), str(folder / "g-old"))
    (folder / "CURRENT").write_text("g-old")
    response = client.get("/health/")
    assert response.status_code == 503
    assert "rebuild_archive_index" in response.json()["search"]["reason"]
    assert client.get("/api/search/", {"q": "quyen"}).status_code == 503
