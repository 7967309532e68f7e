"""Archive search benchmark: 100,000 generated products, embedded engine vs floor vs stock.

    .venv/bin/python bench/search_bench.py [--products 100000] [--stock 0] [--repeat 5] [--reuse]
    .venv/bin/python bench/search_bench.py --database-url postgres://u:p@127.0.0.1:5432/ttnq_bench

Builds a fresh SQLite database in /tmp (migrated, registers seeded) and imports real
products into it with the importer, which also keeps the archive index: texts from the
UDHR paragraphs (70 % Vietnamese, the rest English, French, Chinese, Lao, Khmer, Bahnar).
Then Wagtail's own database index of the same pages (``update_index``). It times a fixed
query mix through the embedded engine with all six facets, next to the bare
``MATCH … ORDER BY rank LIMIT 20`` on the same rows (the floor; on PostgreSQL
``@@ … ORDER BY ts_rank DESC LIMIT 20`` with the engine's plan setting) and Wagtail's stock
database backend on the same pages. ``--reuse`` keeps the database of an earlier run.
"""

import argparse
import datetime
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.gettempdir()) / "ttnq_search_bench.sqlite3"

QUERIES = [
    ("quyen con nguoi", {}),
    ("nhân quyền", {}),
    ("tu do", {"language": ["vi"]}),
    ("dak to", {}),
    ("human rights", {}),
    ("droits de l'homme", {}),
    ("人人", {}),
    ("ສິດ", {}),
    ("សិទ្ធិ", {}),
    ("bơ̆n", {}),
    ("xyzzy", {}),
    ("binh dang", {"area": ["I"], "year": ["2024"]}),
    ("", {"language": ["bdq"]}),
    ("quyen", {"channel": ["facebook"]}),
]
BAHNAR = [
    "'Bok Bơ̆n hơ̆ch ăn kon pơlei Đăk Tô.",
    "Bơ̆n 'Năr pơm jang P’lơk, kon adruh ŭnh ĕ dŏng.",
    "Kon pơlei đei tơdrong jang 'lơ̆ng, ’Bok Kơ̆i pơtho.",
]


def setup_django(url):
    os.environ["DATABASE_URL"] = url or f"sqlite:///{DB}"
    os.environ["DEBUG"] = "false"  # no query log: it would slow the import and the timings
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def archive_size():
    from django.db import connection

    if connection.vendor == "sqlite" and not DB.exists():
        return 0
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM products_productpage")
            return cursor.fetchone()[0]
    except Exception:  # noqa: BLE001 - no database or no table yet: build one
        return 0


def fresh_database():
    """Empty the scratch database: delete the SQLite file, or drop and create the PostgreSQL one."""
    from django.db import connection, connections

    connections.close_all()
    if connection.vendor == "sqlite":
        DB.unlink(missing_ok=True)
        return
    import psycopg

    settings = connection.settings_dict
    name = settings["NAME"]
    params = {"user": settings["USER"], "password": settings["PASSWORD"], "host": settings["HOST"]}
    if settings["PORT"]:
        params["port"] = settings["PORT"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def reuse(stock):
    """Bring an archive built by an earlier run up to the current schema (and index it in
    Wagtail's stock backend when that run skipped it)."""
    from django.core.management import call_command
    from wagtail.search.models import IndexEntry

    from search.engines.facet_table import bump_generation

    call_command("migrate", verbosity=0)
    bump_generation()
    if stock and not IndexEntry.objects.exists():
        call_command("update_index", verbosity=0)


def generate(path, n, seed=7):
    """A JSONL import file of ``n`` products written from the UDHR paragraphs."""
    from products.models import Channel, ContentArea, Format, Unit
    from tests.search.corpus import paragraphs

    rng = random.Random(seed)
    corpus = {lang: paragraphs(lang) for lang in ("vi", "en", "fr", "zh-hans", "lo", "km")}
    corpus["bdq"] = BAHNAR
    weights = [("vi", 70), ("en", 6), ("fr", 5), ("zh-hans", 5), ("lo", 5), ("km", 5), ("bdq", 4)]
    langs = [lang for lang, w in weights for _ in range(w)]
    areas = list(ContentArea.objects.values_list("slug", flat=True))
    units = list(Unit.objects.values_list("slug", flat=True))
    formats = list(Format.objects.values_list("slug", flat=True))
    channels = list(Channel.objects.values_list("slug", flat=True))
    with open(path, "w", encoding="utf-8") as out:
        for i in range(1, n + 1):
            lang = rng.choice(langs)
            paras = corpus[lang]
            date = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 3))
            row = {
                "external_id": f"bench-{i}",
                "title": f"{rng.choice(paras)[:80]} {i}",
                "language": lang,
                "area": rng.choice(areas),
                "task": "3.3",
                "format": rng.choice(formats),
                "unit": rng.choice(units),
                # The text goes in the summary: Wagtail's stock index reads summary, not body.
                "summary": "\n".join(rng.choice(paras) for _ in range(4)),
                "body": "",
                "transcript": "",
                "topics": [],
                "publications": [
                    {"channel": c, "date": date.isoformat()}
                    for c in sorted(set(rng.sample(channels, rng.choice((1, 1, 2, 3)))))
                ],
                "translation_of": "",
                "files": [],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def build(n, stock):
    """A fresh database with ``n`` real products imported through the importer (which keeps
    the archive index), then, when ``stock``, Wagtail's own index of the same pages."""
    from django.core.management import call_command
    from django.db import connection

    from products.importing.run import run_import

    fresh_database()
    call_command("migrate", verbosity=0)
    call_command("seed_reference", stdout=open(os.devnull, "w"))  # noqa: SIM115
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
    path = Path(tempfile.gettempdir()) / "ttnq_search_bench.jsonl"
    generate(path, n)
    started = time.perf_counter()
    result = run_import(path, progress=True)
    assert result.ok and result.created == n, result.summary()
    print(
        f"  {n:,} products imported and archive-indexed in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    from search.engines.embedded import EmbeddedEngine

    EmbeddedEngine.for_connection().optimize()
    if stock:
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(f"  Wagtail's stock index built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def time_table_load():
    """Milliseconds for a process to (re)load the in-memory facet table after an index write."""
    from search.engines.facet_table import bump_generation, current_table

    bump_generation()
    t = time.perf_counter()
    current_table()
    return (time.perf_counter() - t) * 1000


def time_embedded(repeat):
    from search.engines.base import SearchQuery
    from search.engines.embedded import EmbeddedEngine

    engine = EmbeddedEngine.for_connection()
    times, counts, per_query = [], {}, {}
    for _ in range(repeat):
        for q, filters in QUERIES:
            t = time.perf_counter()
            result = engine.search(SearchQuery(q=q, filters=filters, reader_language="vi"))
            times.append((time.perf_counter() - t) * 1000)
            counts[q or str(filters)] = result.count
            per_query.setdefault(q or str(filters), []).append(times[-1])
    return times, counts, {q: percentile(t, 50) for q, t in per_query.items()}


def time_floor(repeat):
    from django.db import connection

    from search.engines.embedded import FTS, TSV, EmbeddedEngine, without_seqscan
    from search.text import query_groups

    engine = EmbeddedEngine.for_connection()
    if connection.vendor == "sqlite":
        sql = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s ORDER BY rank LIMIT 20"
        express = engine.match_expression
    else:
        sql = (
            f"SELECT page_id FROM {TSV} WHERE tsv @@ %(q)s::tsquery "
            "ORDER BY ts_rank('{0, 0.2, 0.4, 1.0}', tsv, %(q)s::tsquery) DESC LIMIT 20"
        )
        express = engine.tsquery
    times = []
    # On PostgreSQL the floor gets the engine's plan setting too (see without_seqscan).
    with connection.cursor() if connection.vendor == "sqlite" else without_seqscan() as cursor:
        for _ in range(repeat):
            for q, filters in QUERIES:
                match = express(query_groups(q), engine.filter_groups_of(filters))
                t = time.perf_counter()
                cursor.execute(sql, {"q": match} if connection.vendor != "sqlite" else [match])
                cursor.fetchall()
                times.append((time.perf_counter() - t) * 1000)
    return times


def time_stock(cap_seconds):
    """Wagtail's stock database backend on the same pages: the first 20 live hits and the
    one facet its index can give here (``language``, ProductPage's only FilterField).
    A query still running after ``cap_seconds`` is interrupted and counted at the cap."""
    from django.db import OperationalError, connection

    from products.models import ProductPage

    times, capped = [], []
    connection.ensure_connection()
    sqlite = connection.vendor == "sqlite"
    if not sqlite:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(cap_seconds * 1000)}")
    for q, _filters in QUERIES:
        deadline = time.perf_counter() + cap_seconds
        if sqlite:
            connection.connection.set_progress_handler(lambda d=deadline: time.perf_counter() > d, 100_000)
        t = time.perf_counter()
        try:
            qs = ProductPage.objects.live().search(q) if q else ProductPage.objects.live()
            list(qs[:20])
            if q:
                list(ProductPage.objects.live().search(q).facet("language").items())
        except OperationalError:
            capped.append(q)
        times.append((time.perf_counter() - t) * 1000)
        print(f"  stock {q!r}: {times[-1]:,.0f} ms", file=sys.stderr)
    if sqlite:
        connection.connection.set_progress_handler(None, 0)
    return times, capped


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument(
        "--stock", type=int, default=1, help="1: also time Wagtail's stock backend; 0: skip it"
    )
    parser.add_argument("--stock-cap", type=float, default=60, help="seconds before a stock query is cut off")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--database-url",
        default="",
        help="a PostgreSQL URL (its database is dropped!); default: SQLite in /tmp",
    )
    parser.add_argument("--reuse", action="store_true", help="keep the archive built by an earlier run")
    args = parser.parse_args()
    setup_django(args.database_url)
    if args.reuse and archive_size() == args.products:
        reuse(args.stock)
    else:
        build(args.products, args.stock)
    load_ms = time_table_load()
    embedded, counts, medians = time_embedded(args.repeat)
    floor = time_floor(args.repeat)
    p = {
        name: (percentile(t, 50), percentile(t, 95)) for name, t in (("embedded", embedded), ("floor", floor))
    }
    from django.db import connection

    print(f"database: {connection.vendor}")
    print(f"archive: {args.products:,} products, {len(QUERIES)} queries x {args.repeat}, all 6 facets")
    print("hits per query: " + ", ".join(f"{q!r}={c:,}" for q, c in counts.items()))
    print(f"{'engine':<40} {'p50 ms':>10} {'p95 ms':>10}")
    print(f"{'embedded engine, all 6 facets':<40} {p['embedded'][0]:>10.1f} {p['embedded'][1]:>10.1f}")
    print(f"{'floor (bare ranked full-text, LIMIT 20)':<40} {p['floor'][0]:>10.1f} {p['floor'][1]:>10.1f}")
    print(f"embedded p95 / floor p95 = {p['embedded'][1] / max(p['floor'][1], 0.001):.1f}x")
    slowest = sorted(medians.items(), key=lambda kv: -kv[1])[:4]
    print("slowest queries, embedded median ms: " + ", ".join(f"{q!r} {ms:.1f}" for q, ms in slowest))
    print(f"facet table (re)load after an index write: {load_ms:.0f} ms, once per process and write")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    if args.stock:
        stock, capped = time_stock(args.stock_cap)
        s50, s95 = percentile(stock, 50), percentile(stock, 95)
        print(f"{'stock Wagtail database backend':<40} {s50:>10.1f} {s95:>10.1f}   one run per query")
        if capped:
            print(f"  cut off at {args.stock_cap:.0f} s (so at least that): {', '.join(map(repr, capped))}")
        print(f"embedded p95 is {s95 / max(p['embedded'][1], 0.001):,.0f}x faster than stock p95")


if __name__ == "__main__":
    main()
