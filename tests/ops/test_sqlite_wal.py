"""The embedded SQLite database runs in write-ahead-log mode: the portal reads during an import."""

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="PostgreSQL: readers never wait for writers there",
)
def test_a_file_database_is_opened_in_wal_mode(tmp_path):
    connection = DatabaseWrapper(
        {**settings.DATABASES["default"], "NAME": str(tmp_path / "db.sqlite3")}, "wal"
    )
    try:
        with connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()
