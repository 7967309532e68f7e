from tests.search.conftest import index_follows_database  # noqa: F401 - each test starts from a matching index
