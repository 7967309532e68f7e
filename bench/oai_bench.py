"""OAI-PMH benchmark: a full harvest of N products with Sickle over HTTP; prints records/s and
the server's peak memory.

    .venv/bin/python bench/oai_bench.py                      # 10,000 products, scratch SQLite
    .venv/bin/python bench/oai_bench.py --products 2000 --reuse
    .venv/bin/python bench/oai_bench.py --database-url postgres://ttnq:ttnq@127.0.0.1:5432/ttnq_oaibench

Builds the archive through the importer (the search bench's generator: UDHR text in seven
languages; the import's ``products_imported`` writes the OAI records, so the import time
includes them), then runs ``manage.py oai_sync`` once (timed: what every start adds), starts
gunicorn (``cms/gunicorn.conf.py``, production settings, one worker, one thread) and harvests
``ListRecords`` in ``ttnq`` and ``oai_dc`` and ``ListIdentifiers`` with Sickle, counting every
record. Peak memory is the worker's ``VmHWM`` (peak resident set) after the harvests. Client and
server share the machine's cores.

Recorded 2026-12-03 on SQLite, 10,000 products, the 2 shared vCPUs under load average 14-16
(seven engineers' test runs), so read the figures as a floor:
  before (metadata from page objects with prefetches): import 238 s; oai_sync 70.7 s;
    ListRecords ttnq 150 records/s, oai_dc 180 records/s; ListIdentifiers 1,213 records/s; 179 MB
  after (metadata from rows, ``oai/facts.py``), ``--reuse``, two runs: oai_sync 15.0 s, 12.2 s
    (0 records written); ListRecords ttnq 342, 581 records/s; oai_dc 552, 826 records/s;
    ListIdentifiers 1,542, 2,833 records/s; 158 MB both times
"""

import argparse
import io
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import archive_rows  # noqa: E402 - the generated archive
import search_bench  # noqa: E402 - its scratch database

DB = Path(tempfile.gettempdir()) / "ttnq_oai_bench.sqlite3"
RUNS = (("ListRecords", "ttnq"), ("ListRecords", "oai_dc"), ("ListIdentifiers", "oai_dc"))


def setup_django(url):
    search_bench.DB = DB  # fresh_database() deletes and recreates this file
    search_bench.INDEX = Path(tempfile.gettempdir()) / "ttnq_oai_bench_index"
    search_bench.setup_django(url or f"sqlite:///{DB}", search_bench.INDEX)


def build(n):

    from products.importing.run import run_import

    search_bench.fresh_database()
    path = archive_rows.write_rows("oai_bench", n)
    started = time.perf_counter()
    result = run_import(path, progress=False)
    assert result.ok and result.created == n, result.summary()
    print(f"  {n:,} products imported (with their OAI records) in {time.perf_counter() - started:.0f} s")


def start_server(url, port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": url,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "1",
        "GUNICORN_TIMEOUT": "120",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "cms/gunicorn.conf.py", "cms.wsgi:application"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT}  # its access log
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, **quiet)  # noqa: S603
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/oai/?verb=Identify", timeout=2)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not answer within 30 s")


def worker_peak_mb(server):
    """The largest VmHWM among the server's processes (master and worker), in MB."""
    peaks = []
    for pid in [server.pid, *map(int, subprocess.check_output(["pgrep", "-P", str(server.pid)]).split())]:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks)


def harvest(endpoint, verb, **arguments):
    from sickle import Sickle

    sickle = Sickle(endpoint, max_retries=3)
    started = time.perf_counter()
    count = sum(1 for _ in getattr(sickle, verb)(**arguments))
    return count, time.perf_counter() - started


def main():
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it has that many products")
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connections

    if not (args.reuse and archive_rows.archive_size() == args.products):
        build(args.products)
    started, out = time.perf_counter(), io.StringIO()
    call_command("oai_sync", stdout=out)
    seconds = time.perf_counter() - started
    print(f"  {out.getvalue().strip()} over {args.products:,} products in {seconds:.1f} s")
    connections.close_all()
    from ops.scratch import free_port

    port = free_port()
    server = start_server(os.environ["DATABASE_URL"], port)
    try:
        endpoint = f"http://127.0.0.1:{port}/oai/"
        for verb, prefix in RUNS:
            count, seconds = harvest(endpoint, verb, metadataPrefix=prefix, ignore_deleted=False)
            print(f"  {verb} {prefix}: {count:,} in {seconds:.1f} s, {count / seconds:,.0f} records/s")
        print(f"  peak server memory (VmHWM): {worker_peak_mb(server):.0f} MB")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
