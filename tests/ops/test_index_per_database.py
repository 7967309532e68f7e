"""One checkout, two databases (``make run`` on SQLite, ``make serve`` on another database),
one ``SEARCH_INDEX_DIR``: each process's archive search answers from its own database's index.

The other installation is ``dev_site`` (another database, ``cms.settings.dev`` in other
processes); this process runs on the test database. Both are given the same index folder, as
the default ``./var/search-index`` gives every process started in one checkout.
"""

import json

import pytest
from django.db import connection

from search import store
from search.models import DatabaseIdentity
from tests.factories import make_product
from tests.ops.processes import dev_shell, shell_result
from tests.search.helpers import committed, find

pytestmark = pytest.mark.django_db
HERE = "Chỉ có ở cơ sở dữ liệu thử nghiệm"
THERE = "Chỉ có ở cơ sở dữ liệu phát triển"

PUBLISH_AND_SEARCH = r"""
import json
from tests.factories import make_product
from search.engines.base import SearchQuery
from search.service import run_search
make_product(title={title!r})
found = {{q: [h["title"] for h in run_search(SearchQuery(q=f'"{{q}}"')).hits] for q in {queries!r}}}
print("RESULT " + json.dumps(found))
"""


def titles(q):
    return [hit["title"] for hit in find(f'"{q}"').hits]


def test_two_databases_sharing_the_index_folder_each_find_only_their_own(dev_site, settings):
    settings.SEARCH_INDEX_DIR = dev_site.env["SEARCH_INDEX_DIR"]
    with committed():
        make_product(title=HERE)
    there = shell_result(dev_shell(dev_site, PUBLISH_AND_SEARCH.format(title=THERE, queries=[HERE, THERE])))
    assert there == {HERE: [], THERE: [THERE]}  # the other installation sees only its own product
    assert (titles(HERE), titles(THERE)) == ([HERE], [])  # and so does this one


def test_a_folder_recorded_for_another_database_is_refused(client, settings, tmp_path):
    """An index folder copied or renamed by hand: its record names another database, so this
    one does not serve it (503 with a message; /health/ names the folder)."""
    settings.SEARCH_INDEX_DIR = tmp_path
    folder = store.root()
    folder.mkdir(parents=True)
    (folder / "DATABASE").write_text(json.dumps({"key": "0123456789abcdef0123456789abcdef"}))
    assert client.get("/api/search/", {"q": "quyen"}).status_code == 503
    health = client.get("/health/")
    assert health.status_code == 503
    assert "0123456789abcdef0123456789abcdef" in health.json()["search"]["reason"]


def test_the_folder_records_its_database(settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path
    find("quyen")  # the first search makes the folder
    (folder,) = tmp_path.iterdir()
    record = json.loads((folder / "DATABASE").read_text())
    assert folder.name == f"db-{record['key']}"
    assert record["key"] == DatabaseIdentity.objects.get().key
    assert record["vendor"] == connection.vendor
