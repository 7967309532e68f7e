"""Two editors publishing while an import runs, with the settings a real installation runs on.

Each writer is its own OS process (``manage.py shell -c``) with ``cms.settings.dev`` — the
``DATABASES`` block of ``cms/settings/base.py``, not the test settings — against a database
of its own (``dev_site``, a copy of the run's migrated one): an SQLite file on a SQLite test run,
a new PostgreSQL database beside the test database when ``DATABASE_URL`` points there. The three start at
the same moment (a start file) and every publish must succeed: on SQLite a deferred
transaction that reads and then writes fails at once with "database is locked" when another
process holds the write lock, whatever the busy timeout.
"""

import time

from tests.importing.helpers import write_news_rows
from tests.ops.processes import dev_shell, shell_result

PUBLISHERS = {"Máy một": 25, "Máy hai": 25}
IMPORTED, BATCH = 300, 50

PUBLISH = r"""
import json, time
from pathlib import Path
from tests.factories import make_product
Path({ready!r}).touch()
while not Path({go!r}).exists():
    time.sleep(0.01)
ids, failures = [], []
for n in range({count}):
    try:  # as an editor does: a new product published, every third edited and republished
        page = make_product(title=f"{prefix} {{n}}", summary=f"Bản tin {prefix} số {{n}}")
        if n % 3 == 0:
            page.title = f"{prefix} {{n}} sửa"
            page.save_revision().publish()
        ids.append(page.pk)
    except Exception as exc:
        failures.append(f"{{exc.__class__.__name__}}: {{exc}}")
print("RESULT " + json.dumps({{"ids": ids, "failures": failures}}))
"""

IMPORT = r"""
import time
from pathlib import Path
from django.core.management import call_command
Path({ready!r}).touch()
while not Path({go!r}).exists():
    time.sleep(0.01)
call_command("import_products", {path!r}, "--batch-size={batch}", "--no-progress")
"""

CHECK = r"""
import json
from products.models import ProductPage
from search import store
from search.engines.base import SearchQuery
from search.indexing import index_versions
from search.service import run_search
_name, index = store.current()
found = {{
    q: sorted(run_search(SearchQuery(q=f'"{{q}}"', page_size=1000)).ids) for q in {queries!r}
}}
print("RESULT " + json.dumps({{
    "live": sorted(ProductPage.objects.live().values_list("pk", flat=True)),
    "indexed": sorted(index_versions(index)),
    "found": found,
    "imported": sorted(ProductPage.objects.filter(external_id__startswith="song-song-").values_list("pk", flat=True)),
}}))
"""


def test_two_editors_publishing_while_an_import_runs_all_succeed(dev_site):
    site = dev_site
    root = site.root
    go = root / "go"
    ready = [root / f"ready-{n}" for n in range(len(PUBLISHERS) + 1)]
    publishers = [
        dev_shell(site, PUBLISH.format(ready=str(flag), go=str(go), prefix=prefix, count=count))
        for flag, (prefix, count) in zip(ready, PUBLISHERS.items(), strict=False)
    ]
    rows = write_news_rows(root / "rows.jsonl", IMPORTED, "song-song", title="Nhập song song")
    importer = dev_shell(site, IMPORT.format(ready=str(ready[-1]), go=str(go), path=str(rows), batch=BATCH))
    deadline = time.monotonic() + 120
    while not all(flag.exists() for flag in ready):
        assert time.monotonic() < deadline, "the writers did not start"
        assert all(p.poll() is None for p in [*publishers, importer]), "a writer died before starting"
        time.sleep(0.05)
    go.touch()  # all three start writing at the same moment

    published = [shell_result(p) for p in publishers]
    _out, err = importer.communicate(timeout=300)
    failed = {prefix: len(p["failures"]) for prefix, p in zip(PUBLISHERS, published, strict=True)}
    first = next((f for p in published for f in p["failures"]), "")
    assert failed == dict.fromkeys(PUBLISHERS, 0), f"publishes failed: {failed}, e.g. {first}"
    assert importer.returncode == 0, err[-3000:]
    for (_prefix, count), result in zip(PUBLISHERS.items(), published, strict=True):
        assert len(result["ids"]) == count

    check = shell_result(dev_shell(site, CHECK.format(queries=[*PUBLISHERS, "Nhập song song"])))
    assert len(check["imported"]) == IMPORTED  # every batch of the import was written
    for (prefix, _count), result in zip(PUBLISHERS.items(), published, strict=True):
        assert set(result["ids"]) <= set(check["live"])  # in the database, live
        assert check["found"][prefix] == sorted(result["ids"])  # and found by the archive search
    assert check["found"]["Nhập song song"] == check["imported"]
    assert set(check["indexed"]) == set(check["live"])
