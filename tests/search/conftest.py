"""Search tests: the on-disk index follows the test database.

Tests run in transactions that are rolled back, and the index is written after commits.
So: ``helpers.committed()`` runs what a commit would run (the real drain writes the
index); expensive data is built once per module, inside a transaction of its own that
is rolled back at the module's end; and before every test (so after the previous one's
rollback) the index is reconciled with the database (the same repair
``rebuild_archive_index --repair`` makes): each test starts from an index that matches it.
"""

import os

import pytest
from django.db import transaction

from search.engines.elastic import ElasticEngine
from search.indexing import repair_index
from tests.search.helpers import build_archive


def _uses_database(request):
    return request.node.get_closest_marker("django_db") is not None or "db" in request.fixturenames


@pytest.fixture(autouse=True)
def index_follows_database(request, django_db_blocker):
    if _uses_database(request):
        with django_db_blocker.unblock():
            repair_index()


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """A transaction around the module: what a module fixture writes goes when it ends."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        repair_index()


@pytest.fixture(scope="module")
def archive(module_data):
    """{key: page id} of the shared archive (``helpers.ARCHIVE``), built once per module."""
    return build_archive()


@pytest.fixture(scope="session")
def live_url():
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        pytest.skip("no Elasticsearch server: set ELASTICSEARCH_URL to a reachable server to run these")
    if not ElasticEngine(url).ping():
        pytest.skip(f"Elasticsearch at {url} does not answer")
    return url
