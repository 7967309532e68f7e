"""OCR under load: admin requests while a batch of scanned pages is read in the background.

    .venv/bin/python bench/ocr_load_bench.py [--pages 100] [--runs 10] [--database-url postgres://…]

The issue's target: "A 100-page batch processes in the background while editors keep working: no
admin request slower than 2× its idle time during the run". On a scratch installation
(``ops.scratch.Scratch``: production settings, demo archive; SQLite in a temporary folder, or a
new database on the PostgreSQL server of ``--database-url``, dropped at the end) it
- draws ``--pages`` A4 pages at 300 dpi of Vietnamese UDHR text (``bench/ocr_bench.py``'s
  ``set_page``, Noto Serif), 10 pages per multi-page TIFF, each attached to a demo product and
  queued through ``digitise.tasks.scan_for`` (the ``ocr`` queue of django-tasks' database backend);
- starts gunicorn (2 workers × 4 threads, as ``make serve``) and times admin GETs as a signed-in
  superuser over HTTP: the page explorer of a unit's section, the product listing, a product's
  edit page and the scans' listing ("Bản quét"), ``--runs`` rounds with no worker running (idle);
- starts ``manage.py db_worker --backend ocr`` (a real process) and times the same rounds again
  until every scan has finished (during), then stops the worker and the server.
Prints per URL p50/p95 idle and during, the ratio of each, the slowest request during the run
over its idle p50, and pages per minute (pages read / time from the worker's start to the last
scan's end). Client, server, worker and Tesseract share the machine's cores.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import ocr_bench  # noqa: E402 - the page drawing of the accuracy bench

from ops.scratch import PROJECT, Scratch  # noqa: E402

PAGES_PER_FILE = 10

SETUP = """
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.core.files import File
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection
from digitise.tasks import scan_for
from products.models import ProductAttachment, ProductPage

user = get_user_model().objects.create_superuser("bench_admin", "bench@example.org", "x" * 24)
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
products = list(ProductPage.objects.filter(live=True).order_by("pk")[: len(FILES)])
with transaction.atomic():
    for product, path in zip(products, FILES):
        with open(path, "rb") as handle:
            document = get_document_model().objects.create(
                title=f"Bản quét {path}", file=File(handle, name=path.rsplit("/", 1)[-1]),
                collection=Collection.get_first_root_node(),
            )
        ProductAttachment.objects.create(page=product, document=document, sort_order=99)
        scan_for(document=document, language="vi")
print(json.dumps({"session": session.session_key, "product": products[0].pk,
                  "section": products[0].get_parent().pk}))
"""

WAITING = (
    "SELECT COUNT(*), COALESCE(SUM(pages_done), 0) FROM digitise_scan WHERE status IN ('queued', 'running')"
)
READ = "SELECT COALESCE(SUM(pages_done), 0) FROM digitise_scan"


def draw_files(folder, pages):
    """Multi-page TIFFs of ``pages`` generated newspaper pages, PAGES_PER_FILE to a file."""
    text = ocr_bench.corpus_text("vi")
    font = ocr_bench.fonts_for(text)[0][1]
    files, start = [], 0
    for first in range(0, pages, PAGES_PER_FILE):
        images = []
        for _ in range(min(PAGES_PER_FILE, pages - first)):
            image, _reference, start = ocr_bench.set_page(text, font, start)
            images.append(image)
        path = folder / f"bao-kon-tum-{first // PAGES_PER_FILE + 1:03}.tif"
        images[0].save(
            path, save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(300, 300)
        )
        files.append(str(path))
    return files


def timed_get(url, session):
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={session}"})  # noqa: S310
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - our own server
        response.read()
        if response.status != 200 or "/login/" in response.url:
            raise RuntimeError(f"{url}: {response.status} {response.url}")
    return time.perf_counter() - started


def one_round(scratch, paths, session, timings):
    for path in paths:
        timings.setdefault(path, []).append(timed_get(scratch.url + path, session))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def query(scratch, sql):
    """One row of ``sql`` on the scratch database, straight (a Django process per poll would
    itself load the cores being measured)."""
    if scratch.vendor == "sqlite":
        import sqlite3

        with sqlite3.connect(scratch.database_url.removeprefix("sqlite:///")) as conn:
            return conn.execute(sql).fetchone()
    import psycopg

    with psycopg.connect(scratch.database_url) as conn:
        return conn.execute(sql).fetchone()


def start_worker(scratch):
    log = open(scratch.root / "worker.log", "ab")  # noqa: SIM115 - closed with the worker
    command = [sys.executable, str(PROJECT / "manage.py"), "db_worker", "--backend", "ocr", "--no-reload"]
    return subprocess.Popen(  # noqa: S603
        command, env=scratch.env, cwd=PROJECT, stdout=log, stderr=log, start_new_session=True
    )


def stop_worker(worker):
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def during_run(scratch, paths, session):
    """Rounds of requests while the worker reads; returns (timings, seconds until no scan waits)."""
    timings, worker = {}, start_worker(scratch)
    started = time.monotonic()
    try:
        while True:
            one_round(scratch, paths, session, timings)
            if query(scratch, WAITING)[0] == 0:
                return timings, time.monotonic() - started
            if worker.poll() is not None:
                raise RuntimeError(f"the worker exited: {(scratch.root / 'worker.log').read_text()[-2000:]}")
            time.sleep(1.0)
    finally:
        stop_worker(worker)


def report(idle, during, pages, seconds):
    heads = ("idle p50", "idle p95", "run p50", "run p95")
    print(f"{'request':44} " + " ".join(f"{h:>9}" for h in heads) + f" {'p95 ×':>6} {'max/p50':>8}")
    worst = slowest_of_all = 0.0
    for path in idle:
        i50, i95 = percentile(idle[path], 0.5), percentile(idle[path], 0.95)
        d50, d95 = percentile(during[path], 0.5), percentile(during[path], 0.95)
        slowest = max(during[path]) / i50
        worst, slowest_of_all = max(worst, d95 / i95), max(slowest_of_all, slowest)
        print(
            f"{path:44} {i50 * 1000:7.0f}ms {i95 * 1000:7.0f}ms {d50 * 1000:7.0f}ms {d95 * 1000:7.0f}ms"
            f" {d95 / i95:6.2f} {slowest:8.2f}"
        )
    counts = ", ".join(f"{len(v)}" for v in during.values())
    print(f"\nrequests during the run per URL: {counts}")
    print(f"{pages} pages in {seconds:.0f} s: {60 * pages / seconds:.1f} pages per minute")
    print(f"p95 during ≤ 2 × idle p95: {'met' if worst <= 2 else 'NOT met'} (worst ratio {worst:.2f})")
    met = "met" if slowest_of_all <= 2 else "NOT met"
    print(f"every request during ≤ 2 × its idle p50: {met} (slowest {slowest_of_all:.2f} ×)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=10, help="rounds of requests while idle")
    parser.add_argument("--database-url", default=None, help="PostgreSQL server; default SQLite")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="ttnq-ocr-load-"))
    scratch = Scratch(root, database_url=args.database_url or "")
    try:
        files = draw_files(root, args.pages)
        print(f"{args.pages} pages drawn in {len(files)} files; installing ({scratch.vendor})…", flush=True)
        scratch.install(demo=True)
        setup = SETUP.replace("len(FILES)", str(len(files))).replace("FILES", repr(files))
        ids = json.loads(scratch.manage("shell", "--no-imports", "-c", setup).stdout.strip().splitlines()[-1])
        paths = [
            f"/admin/pages/{ids['section']}/",
            "/admin/product_listing/",
            f"/admin/pages/{ids['product']}/edit/",
            "/admin/scans/",
        ]
        scratch.start()
        one_round(scratch, paths, ids["session"], {})  # warm-up: first requests load the code
        idle = {}
        for _ in range(args.runs):
            one_round(scratch, paths, ids["session"], idle)
        during, seconds = during_run(scratch, paths, ids["session"])
        pages = query(scratch, READ)[0]
        report(idle, during, pages, seconds)
    finally:
        scratch.destroy()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
