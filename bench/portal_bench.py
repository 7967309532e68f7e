"""Load benchmark of the public portal: the production server on PostgreSQL, 100,000 products.

    .venv/bin/python bench/portal_bench.py --database-url postgres://ttnq:ttnq@127.0.0.1:5432/ttnq_portalbench
        [--products 100000] [--reuse] [--port 8106] [--workers 2] [--requests 2000] [--concurrency 8]

Builds the archive through the importer (the search bench's generator: real UDHR text in
seven languages, 2023–2025), or reuses one of the same size (``--reuse``), then starts
gunicorn (``cms/gunicorn.conf.py``, the production server's settings) with
``cms.settings.production`` twice: with the anonymous page cache, and with it
switched off (``PORTAL_PAGE_CACHE_SECONDS=0``). ApacheBench (``apt-get install
apache2-utils``) sends ``--requests`` requests per URL, ``--concurrency`` at a time, and the
script prints requests/s and p50/p95 for the home, a listing, a product and a search page,
cached and uncached, beside the same server serving a static file (the floor). The client
runs on the same machine as the server: both share its cores.
"""

import argparse
import os
import re
import secrets
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

import archive_rows  # noqa: E402 - the generated archive
import search_bench  # noqa: E402 - its scratch database

PAGES = ("home", "listing", "product", "search")


INDEX = Path(tempfile.gettempdir()) / "ttnq_portal_bench_index"  # kept for --reuse


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "false"
    os.environ["SEARCH_INDEX_DIR"] = str(INDEX)  # inherited by the servers started below
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()


def build(n):
    """A fresh database with ``n`` products imported (and archive-indexed) by the importer."""
    from products.importing.run import run_import

    search_bench.fresh_database()  # drops, creates, migrates, seeds the registers
    shutil.rmtree(INDEX, ignore_errors=True)
    path = archive_rows.write_rows("portal_bench", n)
    started = time.perf_counter()
    result = run_import(path, progress=True)
    assert result.ok and result.created == n, result.summary()
    print(f"  {n:,} products imported in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def sample_urls():
    """One URL per page type: Vietnamese (70 % of the archive), a typical product."""
    from products.models import ProductPage

    product = ProductPage.objects.public_listing().filter(language="vi")[500]
    return {
        "home": "/vi/",
        "listing": "/vi/san-pham/?area=III&year=2024",
        "product": product.url,
        "search": "/vi/search/?q=quy%E1%BB%81n+con+ng%C6%B0%E1%BB%9Di",
    }


def collect_static(args, static_root):
    env = production_env(args, static_root, 0)  # hashed and compressed, as in production
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    css = next(static_root.glob("css/site.*.css"), None) or static_root / "css" / "site.css"
    return "/static/" + str(css.relative_to(static_root))


def production_env(args, static_root, cache_seconds):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{args.port}",  # the site root of absolute links
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url,
        "DB_CONN_MAX_AGE": "600",
        "STATIC_ROOT": str(static_root),
        "PORTAL_PAGE_CACHE_SECONDS": str(cache_seconds),
        # Read by cms/gunicorn.conf.py, the production server's own settings.
        "BIND": f"127.0.0.1:{args.port}",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_ACCESS_LOG": "-" if args.verbose else "/dev/null",
        "LOG_LEVEL": "WARNING",
    }


def start_server(args, static_root, cache_seconds):
    env = production_env(args, static_root, cache_seconds)
    # Production's default cache is a database table (cms/settings/production.py).
    manage = [sys.executable, "manage.py", "createcachetable"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True)
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "cms/gunicorn.conf.py", "cms.wsgi:application"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/robots.txt", timeout=1)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not answer within 20 s")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def ab(args, path):
    """(requests/s, p50 ms, p95 ms, failed) from ApacheBench."""
    url = f"http://127.0.0.1:{args.port}{path}"
    for _ in range(args.workers * 3):  # warm every worker (and its page cache) first
        urllib.request.urlopen(url, timeout=30).read()  # noqa: S310
    output = subprocess.run(
        ["ab", "-q", "-n", str(args.requests), "-c", str(args.concurrency), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", output).group(1))
    p50 = int(re.search(r"^\s+50%\s+(\d+)", output, re.M).group(1))
    p95 = int(re.search(r"^\s+95%\s+(\d+)", output, re.M).group(1))
    failed = int(re.search(r"Failed requests:\s+(\d+)", output).group(1))
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", output)
    return rps, p50, p95, failed + (int(non_2xx.group(1)) if non_2xx else 0)


def measure(args, static_root, urls, static_path):
    rows = []
    for label, seconds in (("cached", 3600), ("uncached", 0)):
        server = start_server(args, static_root, seconds)
        try:
            if label == "cached":
                rows.append(("static file (floor)", *ab(args, static_path)))
            for page in PAGES:
                rows.append((f"{page} {label}", *ab(args, urls[page])))
        finally:
            stop_server(server)
    return rows


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True, help="postgres://…/db (dropped and rebuilt)")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--reuse", action="store_true", help="keep an archive of this size if there is one")
    parser.add_argument("--port", type=int, default=8106)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if shutil.which("ab") is None:
        raise SystemExit("ApacheBench is missing: apt-get install apache2-utils")
    setup_django(args.database_url)
    if not (args.reuse and archive_rows.archive_size() == args.products):
        build(args.products)
    elif not INDEX.exists():  # an archive built before the index had its own folder here
        from django.core.management import call_command

        call_command("rebuild_archive_index", "--no-progress")
    urls = sample_urls()
    with tempfile.TemporaryDirectory(prefix="ttnq-portal-bench-") as scratch:
        static_root = Path(scratch) / "static"
        static_path = collect_static(args, static_root)
        rows = measure(args, static_root, urls, static_path)
    floor = rows[0][1]
    print(
        f"\n{args.products:,} products, gunicorn {args.workers} workers, ab -c {args.concurrency} "
        f"-n {args.requests}; client and server on the same machine"
    )
    print(f"{'page':24} {'req/s':>8} {'% floor':>8} {'p50 ms':>7} {'p95 ms':>7} {'failed':>7}")
    for name, rps, p50, p95, failed in rows:
        print(f"{name:24} {rps:8.0f} {100 * rps / floor:7.0f}% {p50:7d} {p95:7d} {failed:7d}")
    for page, url in urls.items():
        print(f"  {page}: {url}")


if __name__ == "__main__":
    main()
