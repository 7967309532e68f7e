"""Archive search benchmark: the API with all facets, the bare Tantivy query, Wagtail's stock backend.

    .venv/bin/python bench/search_bench.py [--products 100000] [--repeat 20] [--stock 1] [--reuse]
    .venv/bin/python bench/search_bench.py --database-url postgres://u:p@127.0.0.1:5432/ttnq_sbench
    .venv/bin/python bench/search_bench.py --products 1000000 --index-only --stock 0

Builds a scratch database (SQLite in /tmp, or the PostgreSQL database named: dropped and created), seeds it
and imports generated products (UDHR paragraphs: 70 % Vietnamese, then English, French, Chinese, Lao, Khmer,
Bahnar) with the bulk importer, which indexes them as it goes. ``--index-only`` writes the same documents
straight into the index instead, without database rows (the search reads only the index). Then, interleaved,
each query of the issue's mix ``--repeat`` times: ``GET /api/search/`` through Django (six facets, snippets,
JSON) and the bare Tantivy query of the same prepared words (top 20 by BM25, the count, the six terms
aggregations: no bonuses, tie-breaks, stored hits or snippets); then once per query Wagtail's stock database
backend (first 20 hits and its language facet). Imports sit inside functions: Django must be set up first."""

import argparse
import datetime
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import archive_rows  # noqa: E402 - beside this script

DB = Path(tempfile.gettempdir()) / "ttnq_search_bench.sqlite3"
INDEX = Path(tempfile.gettempdir()) / "ttnq_search_bench_index"
QUERIES = ["quyền con người", "quyen con nguoi", "tự do", "bình đẳng", "giáo dục", "lao động"]
QUERIES += ["hôn nhân gia đình", "human rights", "liberté", "slavery"]  # the mix


def setup_django(url, index):
    # DEBUG off: no query log, which would slow the import and the timings.
    os.environ.update(DATABASE_URL=url or f"sqlite:///{DB}", SEARCH_INDEX_DIR=str(index), DEBUG="false")
    os.environ.update(ALLOWED_HOSTS="testserver", DJANGO_SETTINGS_MODULE="cms.settings.dev")
    import django

    django.setup()


def percentile(values, p):
    return sorted(values)[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def fresh_database():
    """Empty the scratch database: delete the SQLite file, or drop and create the PostgreSQL one."""
    import psycopg
    from django.core.management import call_command
    from django.db import connection, connections

    connections.close_all()
    if connection.vendor == "sqlite":
        DB.unlink(missing_ok=True)
    else:
        s = connection.settings_dict
        params = {"user": s["USER"], "password": s["PASSWORD"], "host": s["HOST"], "port": s["PORT"] or 5432}
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{s["NAME"]}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{s["NAME"]}"')
    shutil.rmtree(INDEX, ignore_errors=True)
    call_command("migrate", verbosity=0)
    call_command("seed_reference", stdout=open(os.devnull, "w"))  # noqa: SIM115


def import_products(n):
    """Import ``n`` generated products through the importer (which indexes them)."""
    from products.importing.run import run_import

    path = archive_rows.write_rows("search_bench", n)
    started = time.perf_counter()
    result = run_import(path, progress=True)
    elapsed = time.perf_counter() - started
    assert result.ok and result.created == n, result.summary()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"import_products: {n:,} rows in {elapsed:.0f} s = {n / elapsed:,.0f} rows/s with indexing "
        f"(indexing {result.index_seconds:.0f} s of it); peak RSS so far {peak:.0f} MB"
    )


def index_only(n):
    """Write ``n`` generated documents straight into a new index generation (no database rows)."""
    from search import store
    from search.documents import content_of, version_of
    from search.indexing import analysed
    from search.schema import to_tantivy

    path = store.new_generation()
    started = time.perf_counter()
    with store.writer(path) as writer:
        for i, row in enumerate(archive_rows.rows(n), start=1):
            published = datetime.date.fromisoformat(row["publications"][0]["date"])
            doc = {
                **{k: row[k] for k in ("language", "area", "unit", "format", "title", "external_id")},
                "page_id": i,
                "year": published.year,
                "channels": [p["channel"] for p in row["publications"]],
                "topics": [],
                "first_published": published,
                "url": f"/{row['language']}/san-pham/{row['unit']}/bench-{i}/",
                "parts": [row["summary"]],
                "text": row["summary"],
                "version": version_of(None, str(i)),
            }
            doc["content"] = content_of(doc)
            ((doc, analysis),) = analysed([doc])
            writer.add_document(to_tantivy(doc, analysis))
            if i % 100_000 == 0:
                writer.commit()
                print(f"  {i:,} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        writer.commit()
    store.make_current(path)
    store.remove_old_generations()
    print(f"index only: {n:,} documents in {time.perf_counter() - started:.0f} s")


def bare_tantivy(q):
    """The same prepared words as a bare Tantivy query: top 20 by BM25, the count, six facets."""
    from search import store
    from search.engines.tantivy_engine import AGGREGATIONS, match_query
    from search.text import query_groups

    _name, index = store.current()
    searcher = index.searcher()
    match = match_query(query_groups(q), {})
    result = searcher.search(match, limit=20, count=True)
    searcher.aggregate(match, AGGREGATIONS)
    return result.count


def time_runs(repeat):
    from django.test import Client

    client = Client()
    times, counts = {"api": {}, "bare": {}}, {}
    for _ in range(repeat):
        for q in QUERIES:
            started = time.perf_counter()
            response = client.get("/api/search/", {"q": q})
            times["api"].setdefault(q, []).append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content
            counts[q] = response.json()["count"]
            started = time.perf_counter()
            assert bare_tantivy(q) == counts[q]
            times["bare"].setdefault(q, []).append((time.perf_counter() - started) * 1000)
    return times, counts


def time_publish_writes(count=10):
    """Milliseconds for the index write that follows one product's commit (queue, drain)."""
    from django.db import transaction

    from products.models import ProductPage
    from search.queue import enqueue

    times = []
    for pk in ProductPage.objects.order_by("?").values_list("pk", flat=True)[:count]:
        started = time.perf_counter()
        with transaction.atomic():
            enqueue([pk])  # the drain runs when this commits
        times.append((time.perf_counter() - started) * 1000)
    return times


def time_stock(cap_seconds):
    """Wagtail's stock database backend on the same pages: first 20 live hits and its one
    possible facet (``language``); a query still running after ``cap_seconds`` counts at the cap."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import OperationalError, connection
    from wagtail.search.models import IndexEntry

    from products.models import ProductPage

    # The bulk importer does not feed Wagtail's index, and seeding indexes a few pages:
    # build it unless the products themselves are in it.
    products = ContentType.objects.get_for_model(ProductPage)
    if IndexEntry.objects.filter(content_type=products).count() < ProductPage.objects.live().count():
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(f"  Wagtail's stock index built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    times, capped = [], []
    sqlite = connection.vendor == "sqlite"
    if not sqlite:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(cap_seconds * 1000)}")
    for q in QUERIES:
        deadline = time.perf_counter() + cap_seconds
        if sqlite:
            connection.connection.set_progress_handler(lambda d=deadline: time.perf_counter() > d, 100_000)
        started = time.perf_counter()
        try:
            list(ProductPage.objects.live().search(q)[:20])
            list(ProductPage.objects.live().search(q).facet("language").items())
        except OperationalError:
            capped.append(q)
        times.append((time.perf_counter() - started) * 1000)
    if sqlite:
        connection.connection.set_progress_handler(None, 0)
    return times, capped


def report(times, counts, products):
    from django.db import connection

    flat = {name: [t for per_q in by_q.values() for t in per_q] for name, by_q in times.items()}
    p = {name: (percentile(t, 50), percentile(t, 95)) for name, t in flat.items()}
    print(f"database: {connection.vendor}; archive: {products:,} products; {len(QUERIES)} queries")
    print("hits: " + ", ".join(f"{q!r} {c:,}" for q, c in counts.items()))
    print(f"{'':46} {'p50 ms':>8} {'p95 ms':>8}")
    print(f"{'GET /api/search/ (all facets, snippets, JSON)':46} {p['api'][0]:>8.1f} {p['api'][1]:>8.1f}")
    print(f"{'bare Tantivy (top 20 + count + 6 facets)':46} {p['bare'][0]:>8.1f} {p['bare'][1]:>8.1f}")
    print(f"API p95 / bare p95 = {p['api'][1] / max(p['bare'][1], 0.001):.1f}x")
    slowest = sorted(times["api"].items(), key=lambda kv: -percentile(kv[1], 50))[:4]
    print("slowest API medians: " + ", ".join(f"{q!r} {percentile(t, 50):.1f}" for q, t in slowest))
    return p


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add("--products", type=int, default=100_000)
    add("--repeat", type=int, default=20)
    add("--stock", type=int, default=1, help="1: also time Wagtail's stock backend")
    add("--stock-cap", type=float, default=60, help="seconds before a stock query is cut off")
    add("--database-url", default="", help="a PostgreSQL URL (its database is dropped!)")
    add("--index-only", action="store_true", help="documents straight into the index")
    add("--reuse", action="store_true", help="keep the archive built by an earlier run")
    args = parser.parse_args()
    setup_django(args.database_url, INDEX)
    if not args.reuse:
        fresh_database()
        index_only(args.products) if args.index_only else import_products(args.products)
    p = report(*time_runs(args.repeat), args.products)
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not args.index_only:
        w = time_publish_writes()
        print(f"index write after a product's commit: p50 {percentile(w, 50):.0f} ms, max {max(w):.0f} ms")
    if args.stock and not args.index_only:
        stock, capped = time_stock(args.stock_cap)
        s50, s95 = percentile(stock, 50), percentile(stock, 95)
        print(f"{'stock Wagtail database backend (one run each)':46} {s50:>8.1f} {s95:>8.1f}")
        if capped:
            print(f"  cut off at {args.stock_cap:.0f} s (so at least that): {', '.join(map(repr, capped))}")
        print(f"API p95 is {s95 / max(p['api'][1], 0.001):,.1f}x faster than the stock backend's p95")


if __name__ == "__main__":
    main()
