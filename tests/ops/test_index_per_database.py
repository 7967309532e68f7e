"""One checkout, two databases (``make run`` on SQLite, ``make serve`` on another database),
one ``SEARCH_INDEX_DIR``: each process's archive search answers from its own database's index.

The other installation is ``dev_site`` (a database migrated by ``cms.settings.dev`` in other
processes); this process runs on the test database. Both are given the same index folder, as
the default ``./var/search-index`` gives every process started in one checkout.
"""

import pytest

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
