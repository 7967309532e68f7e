"""The cached search page follows the index, not only the database.

The index is written after the change commits, by whichever process holds its writer; an
import can hold it for a while. A search page rendered meanwhile shows the index as it still
is, and the page cache must not keep that page once the index has caught up.
"""

import pytest

from search import queue, store
from tests.search.helpers import committed, publish

pytestmark = pytest.mark.django_db
TITLE = "Hồ sơ riêng Đăk Glei về quyền trẻ em"
SHOWN = "Hồ sơ riêng"  # words of the title that the search does not highlight
URL = "/vi/search/?q=dak+glei"


def test_a_restricted_product_never_comes_back_from_the_cached_search_page(admin_client, client, monkeypatch):
    product = publish(title=TITLE)
    assert SHOWN in client.get(URL).content.decode()
    monkeypatch.setattr(store, "LOCK_WAIT", 0.2)  # the editor's drain gives up soon
    with store.writer():  # an import holds the index writer
        with committed():
            response = admin_client.post(
                f"/admin/pages/{product.pk}/privacy/",
                {"restriction_type": "password", "password": "bí-mật-123"},
            )
        assert response.json()["step"] == "set_privacy_done"
        assert queue.PendingIndexWrite.objects.filter(page_id=product.pk).exists()  # not indexed yet
        stale = client.get(URL)  # rendered from the index as it still is, and stored
        assert stale.status_code == 200 and SHOWN in stale.content.decode()
    queue.drain()  # the import's process writes what was queued meanwhile
    assert client.get("/api/search/", {"q": "dak glei"}).json()["count"] == 0
    response = client.get(URL)
    assert SHOWN not in response.content.decode(), response.get("X-Page-Cache")
