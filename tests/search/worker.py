"""Another process for the multi-process tests: a second web worker, an import, a crash.

    python tests/search/worker.py <index dir> '[["command", "argument", ...], ...]'

``DATABASE_URL`` names the scratch database the test prepared (a copy of the seeded test
database); every process shares the index directory given. Runs the commands in order
(one process start, several steps: starting Django is the slow part) and prints their
answers as a JSON list.
"""

import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from products.importing.run import run_import  # noqa: E402
from search import queue, store  # noqa: E402
from search.documents import indexable_versions  # noqa: E402
from search.engines.base import SearchQuery  # noqa: E402
from search.indexing import index_versions  # noqa: E402
from search.models import PendingIndexWrite  # noqa: E402
from search.service import run_search  # noqa: E402
from tests.factories import make_product  # noqa: E402
from tests.importing.helpers import write_news_rows  # noqa: E402

settings.SEARCH_INDEX_DIR = sys.argv[1]
if connection.vendor == "sqlite":
    # The settings take SQLite's write lock at BEGIN (cms/settings/base.py); on a loaded test
    # machine wait longer for it than a web request would.
    connection.settings_dict["OPTIONS"].update(timeout=120)


def publish(count, prefix):
    """Publish products one by one, as editors do, and republish every third with an edit."""
    ids = []
    for n in range(int(count)):
        page = make_product(title=f"{prefix} {n}", summary=f"Bản tin {prefix} số {n}")
        if n % 3 == 0:
            page.title = f"{prefix} {n} sửa"
            page.save_revision().publish()
        ids.append(page.pk)
    return ids


def rows(count, prefix):
    return write_news_rows(Path(tempfile.mkdtemp()) / "rows.jsonl", count, prefix)


def import_rows(count, prefix, batch):
    result = run_import(rows(count, prefix), batch_size=int(batch))
    return sorted(result.page_ids)


def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


def publish_then_die(title):
    """Committed, then killed before the index is written (this callback runs first)."""
    with transaction.atomic():
        transaction.on_commit(die)
        make_product(title=title)


def import_then_die(count, prefix, batch):
    """The first batch commits with its queue rows; the process dies before it writes the index."""
    queue.drain = die  # enqueue asks for the module's drain after the commit: this runs instead
    import_rows(count, prefix, batch)


def hold_writer_then_publish(holding, done):
    """Publish; while this process holds the writer, wait until the other worker is done."""
    real_write = queue.write

    def slow_write(writer, page_ids):
        Path(holding).touch()
        for _ in range(1200):
            if Path(done).exists():
                break
            time.sleep(0.1)
        return real_write(writer, page_ids)

    queue.write = slow_write
    return [make_product(title="Người giữ bút ghi Kon Rẫy").pk]


def publish_impatiently(holding, done, count):
    """Publish while the other process holds the writer; give up waiting after half a second."""
    for _ in range(1200):
        if Path(holding).exists():
            break
        time.sleep(0.1)
    store.LOCK_WAIT = 0.5
    ids = publish(count, "Người vội Kon Rẫy")
    left = PendingIndexWrite.objects.filter(page_id__in=ids).values("page_id").distinct().count()
    Path(done).touch()
    return {"ids": ids, "left": left}


def search(q, stale_after="10"):
    queue.STALE_AFTER = int(stale_after)
    queue._last_stale_check[0] = 0.0
    return run_search(SearchQuery(q=q, page_size=100)).ids


def state():
    _name, index = store.current()
    return {
        "index": {str(k): v for k, v in sorted(index_versions(index).items())},
        "database": {str(k): v for k, v in sorted(indexable_versions().items())},
        "queued": PendingIndexWrite.objects.count(),
    }


def repair():
    call_command("rebuild_archive_index", "--repair", "--no-progress")


COMMANDS = {
    "publish": publish,
    "import": import_rows,
    "publish-then-die": publish_then_die,
    "import-then-die": import_then_die,
    "hold-writer-then-publish": hold_writer_then_publish,
    "publish-impatiently": publish_impatiently,
    "search": search,
    "state": state,
    "repair": repair,
}

if __name__ == "__main__":
    print(json.dumps([COMMANDS[name](*args) for name, *args in json.loads(sys.argv[2])]))
