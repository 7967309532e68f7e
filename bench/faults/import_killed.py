"""Fault 4: an import is killed (SIGKILL) half-way; nothing is half-written, the repair
makes every live product searchable, and running the import again completes it.

    .venv/bin/python bench/faults/import_killed.py      # DATABASE_URL as for the tests

A scratch installation (production settings, the registers, no demo) imports a generated
JSONL file of 4,000 products in batches of 250 with ``manage.py import_products``. Once the
first batches are committed the process is killed with SIGKILL. Passes when:
1. the products written are whole batches, each with its revision, and Wagtail's tree has
   no problems (``Page.find_problems``);
2. ``rebuild_archive_index --repair`` leaves the archive index holding exactly the live
   products (every one findable, nothing extra), and a search finds a killed-run product;
3. the same import run again exits 0 and leaves all 4,000 products, each once, indexed.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from import_bench import generate  # noqa: E402

from ops.scratch import PROJECT, Scratch  # noqa: E402
from ops.scratch_template import install  # noqa: E402

ROWS, BATCH = 4000, 250

CHECK = r"""
import json
from wagtail.models import Page
from products.models import ProductPage
from search import store
from search.documents import indexable_versions
from search.indexing import index_versions
products = ProductPage.objects.all()
_name, index = store.current()
print("CHECK " + json.dumps({
    "products": products.count(),
    "distinct_external_ids": products.values("external_id").distinct().count(),
    "without_revision": products.filter(latest_revision__isnull=True).count(),
    "tree_problems": sum(len(found) for found in Page.find_problems()),
    "live": products.live().count(),
    "indexable": sorted(indexable_versions()),
    "indexed": sorted(index_versions(index)),
}))
"""


def product_count(site):
    """Rows committed so far, read straight from the database (no Django start-up)."""
    sql = "SELECT count(*) FROM products_productpage"
    if site.vendor == "sqlite":
        with sqlite3.connect(site.database_url.removeprefix("sqlite:///"), timeout=30) as db:
            return db.execute(sql).fetchone()[0]
    import psycopg  # only on PostgreSQL

    with psycopg.connect(site.database_url, connect_timeout=10) as db:
        return db.execute(sql).fetchone()[0]


def check(site):
    out = site.manage("shell", "--no-imports", "-c", CHECK).stdout
    return json.loads(next(line for line in out.splitlines() if line.startswith("CHECK "))[6:])


def import_command(site, path):
    return [sys.executable, str(PROJECT / "manage.py"), "import_products", str(path)] + [
        f"--batch-size={BATCH}",
        "--no-progress",
    ]


def kill_mid_import(site, path):
    """Start the import, SIGKILL it once at least one batch is in; the rows then present."""
    process = subprocess.Popen(  # noqa: S603
        import_command(site, path),
        env=site.env,
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 600
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if product_count(site) >= 2 * BATCH:
                os.killpg(process.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
    finally:
        process.wait()
    return process.returncode


def report(label, state):
    print(
        f"{label}: {state['products']} products ({state['distinct_external_ids']} distinct), "
        f"{state['without_revision']} without revision, {state['tree_problems']} tree problems, "
        f"{state['live']} live, {len(state['indexable'])} indexable, {len(state['indexed'])} indexed"
    )


def main():
    checks = {}
    with tempfile.TemporaryDirectory(prefix="ttnq-fault-import-") as tmp:
        site = Scratch(Path(tmp))
        try:
            install(site, demo=False)
            source = Path(tmp) / "products.jsonl"
            generate(source, ROWS, "jsonl")

            code = kill_mid_import(site, source)
            killed = check(site)
            print(f"import killed with exit code {code} (SIGKILL = {-signal.SIGKILL})")
            report("after the kill", killed)
            checks["killed mid-way"] = code == -signal.SIGKILL and 0 < killed["products"] < ROWS
            checks["whole batches"] = killed["products"] % BATCH == 0
            checks["every product has its revision"] = killed["without_revision"] == 0
            checks["tree intact"] = killed["tree_problems"] == 0

            print(site.manage("rebuild_archive_index", "--repair", "--no-progress").stdout.strip())
            repaired = check(site)
            report("after the repair", repaired)
            checks["index = live products"] = repaired["indexed"] == repaired["indexable"]
            checks["every live product indexable"] = len(repaired["indexable"]) == repaired["live"]

            rerun = site.manage(*import_command(site, source)[2:], check=False)
            final = check(site)
            print(f"import run again: exit code {rerun.returncode}")
            report("after the rerun", final)
            checks["rerun completes"] = rerun.returncode == 0
            checks["each product once"] = final["products"] == final["distinct_external_ids"] == ROWS
            checks["all indexed after rerun"] = final["indexed"] == final["indexable"]
            checks["no half product after rerun"] = final["without_revision"] == final["tree_problems"] == 0
        finally:
            site.destroy()
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    passed = bool(checks) and all(checks.values())
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
