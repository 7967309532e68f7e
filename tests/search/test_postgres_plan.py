"""PostgreSQL: the archive query's plan setting stays inside the search."""

import pytest
from django.db import connection, transaction

from tests.factories import make_product
from tests.search.conftest import ids

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the seqscan setting is PostgreSQL's; SQLite FTS5 has no planner choice here")


def seqscan():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan')")
        return cursor.fetchone()[0]


def test_search_leaves_the_callers_plan_settings_alone():
    page = make_product(title="Quyền con người ở Đăk Tô")
    with transaction.atomic():
        assert ids("dak to") == {page.pk}
        assert ids("dak to", sort="date") == {page.pk}
        assert seqscan() == "on"  # the rest of the caller's transaction plans as usual


def test_a_failed_search_query_puts_the_setting_back(monkeypatch):
    from django.db import ProgrammingError

    from search.engines import embedded

    monkeypatch.setattr(embedded.PostgresEngine, "tsquery", lambda *args, **kwargs: "'unbalanced & (")
    with transaction.atomic():
        with pytest.raises(ProgrammingError, match="tsquery"):
            embedded.PostgresEngine()._hits([("words", ["x"])], [], scored=True)
        assert seqscan() == "on"  # and the caller's transaction is still usable
