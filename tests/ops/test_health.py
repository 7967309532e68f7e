import socket
import tomllib

import pytest
from django.conf import settings

from search import service


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
