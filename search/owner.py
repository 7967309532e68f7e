"""Which database the archive index belongs to: one index folder per database.

Every process started in one checkout gets the same ``SEARCH_INDEX_DIR`` (``./var/search-index``
by default), whatever its database: ``make run`` on SQLite and ``make serve`` on PostgreSQL
shared one index, and each answered searches with the other's products. So a database's index
lives in ``SEARCH_INDEX_DIR/db-<key>/``, ``key`` being the database's own random identity
(``search.models.DatabaseIdentity``, made by migration ``0007``, or at first use), never its
URL (one database is reached by several URLs, two databases by the same URL on two hosts).
The folder's file ``DATABASE`` records the key with the database's vendor and name, for
people; a folder whose record names another database (copied or renamed by hand) is refused
(``IndexForeign``) rather than served.

The key is read once per database connection and at most every ``CHECK_EVERY`` seconds
after: when a restore replaces the database, and its identity with it, the next requests
follow.
"""

import json
import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

from search.models import DatabaseIdentity

CHECK_EVERY = 5.0  # seconds between two reads of the key by one process
MARKER = "DATABASE"
_known = {}  # database (vendor, name, host, port) -> (time read, key)


class IndexForeign(Exception):
    """The index folder says it was built from another database."""


def _database():
    config = connection.settings_dict
    return (connection.vendor, str(config["NAME"]), config.get("HOST") or "", str(config.get("PORT") or ""))


def ensure_identity(using="default", **kwargs):
    """This database's key, made now if it has none (after ``flush``: a ``post_migrate`` receiver)."""
    identity, _created = DatabaseIdentity.objects.using(using).get_or_create(
        pk=1, defaults={"key": uuid.uuid4().hex}
    )
    return identity.key


def database_key():
    """The key of the database this process uses (read again every ``CHECK_EVERY`` seconds)."""
    database = _database()
    known = _known.get(database)
    now = time.monotonic()
    if known is None or now - known[0] > CHECK_EVERY:
        key = DatabaseIdentity.objects.order_by("pk").values_list("key", flat=True).first()
        known = _known[database] = (now, key or ensure_identity())
    return known[1]


def forget(**kwargs):
    """A new database connection reads the key again (``connection_created`` receiver)."""
    _known.clear()


def index_folder():
    """The index folder of this process's database."""
    return Path(settings.SEARCH_INDEX_DIR) / f"db-{database_key()}"


def claim(folder):
    """Check that ``folder`` is this database's index (recording it there the first time)."""
    key = folder.name.removeprefix("db-")
    marker = folder / MARKER
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8")).get("key")
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
        vendor, name, host, port = _database()
        record = {"key": key, "vendor": vendor, "name": name, "host": host, "port": port}
        temp = folder / f".{MARKER}.{uuid.uuid4().hex}"
        temp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(temp, marker)
        return
    except (ValueError, AttributeError) as exc:
        raise IndexForeign(f"{marker}: unreadable ({exc}); move the folder away and rebuild") from exc
    if recorded != key:
        raise IndexForeign(
            f"{folder} holds the index of database {recorded}, not of this one ({key}): "
            "move it away and run manage.py rebuild_archive_index"
        )
