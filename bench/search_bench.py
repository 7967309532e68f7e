"""Archive search benchmark: 100,000 generated products, embedded engine vs floor vs stock.

    .venv/bin/python bench/search_bench.py [--products 100000] [--stock 1000] [--repeat 5]

Builds a fresh SQLite database in /tmp (migrated, registers seeded), writes the archive
index tables directly (FTS5 rows and ArchiveEntry rows, prepared by ``search.text`` from
UDHR paragraphs: 70 % Vietnamese, the rest English, French, Chinese, Lao, Khmer, Bahnar),
then times a fixed query mix through the embedded engine with all six facets, next to the
bare ``MATCH … ORDER BY rank LIMIT 20`` on the same rows (the floor). Wagtail's stock
database backend needs real pages in its own index, so it runs on ``--stock`` real
products and its figures are extrapolated linearly to the full size (stated in the output).
"""

import argparse
import datetime
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


def setup_django():
    os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def archive_size():
    from django.db import connection

    if not DB.exists():
        return 0
    with connection.cursor() as cursor:
        try:
            cursor.execute("SELECT count(*) FROM search_archiveentry")
        except Exception:  # noqa: BLE001 - no archive table yet: build one
            return 0
        return cursor.fetchone()[0]


def reuse():
    """Bring an archive built by an earlier run up to the current schema."""
    from django.core.management import call_command

    from search.engines.facet_table import bump_generation

    call_command("migrate", verbosity=0)
    bump_generation()


def build(n, seed=7):
    from django.core.management import call_command
    from django.db import connection, transaction

    from search.engines.embedded import SqliteEngine
    from search.engines.facet_table import bump_generation
    from search.indexing import entry_for
    from search.models import ArchiveEntry
    from tests.search.corpus import paragraphs

    if DB.exists():
        DB.unlink()
    call_command("migrate", verbosity=0)
    call_command("seed_reference", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from products.models import Channel, ContentArea, Format, Unit

    rng = random.Random(seed)
    corpus = {lang: paragraphs(lang) for lang in ("vi", "en", "fr", "zh-hans", "lo", "km")}
    corpus["bdq"] = BAHNAR
    weights = [("vi", 70), ("en", 6), ("fr", 5), ("zh-hans", 5), ("lo", 5), ("km", 5), ("bdq", 4)]
    langs = [lang for lang, w in weights for _ in range(w)]
    areas = list(ContentArea.objects.values_list("slug", flat=True))
    units = list(Unit.objects.values_list("slug", flat=True))
    formats = list(Format.objects.values_list("slug", flat=True))
    channels = list(Channel.objects.values_list("slug", flat=True))
    engine = SqliteEngine()
    started = time.perf_counter()
    batch = []
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=OFF")
        cursor.execute("PRAGMA synchronous=OFF")
    for i in range(1, n + 1):
        lang = rng.choice(langs)
        paras = corpus[lang]
        body = "\n".join(rng.choice(paras) for _ in range(4))
        date = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 3))
        batch.append(
            {
                "page_id": i,
                "language": lang,
                "area": rng.choice(areas),
                "year": date.year,
                "unit": rng.choice(units),
                "format": rng.choice(formats),
                "channels": sorted(set(rng.sample(channels, rng.choice((1, 1, 2, 3))))),
                "topics": [],
                "first_published": date,
                "title": rng.choice(paras)[:80],
                "url": f"/{lang}/san-pham/x/{i}/",
                "external_id": f"bench-{i}",
                "text": body,
            }
        )
        if len(batch) == 2000 or i == n:
            with transaction.atomic():
                ArchiveEntry.objects.bulk_create([entry_for(d) for d in batch], batch_size=1000)
                engine.write_rows(engine.fts_rows(batch))
            batch = []
            print(f"\r  built {i:,}/{n:,}", end="", file=sys.stderr, flush=True)
    engine.optimize()
    bump_generation()
    print(f"\n  index built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def time_table_load():
    """Milliseconds for a process to (re)load the in-memory facet table after an index write."""
    from search.engines.facet_table import bump_generation, current_table

    bump_generation()
    t = time.perf_counter()
    current_table()
    return (time.perf_counter() - t) * 1000


def time_embedded(repeat):
    from search.engines.base import SearchQuery
    from search.engines.embedded import SqliteEngine

    engine = SqliteEngine()
    times, counts = [], {}
    for _ in range(repeat):
        for q, filters in QUERIES:
            t = time.perf_counter()
            result = engine.search(SearchQuery(q=q, filters=filters, reader_language="vi"))
            times.append((time.perf_counter() - t) * 1000)
            counts[q or str(filters)] = result.count
    return times, counts


def time_floor(repeat):
    from django.db import connection

    from search.engines.embedded import FTS, SqliteEngine
    from search.text import query_groups

    engine = SqliteEngine()
    times = []
    with connection.cursor() as cursor:
        for _ in range(repeat):
            for q, filters in QUERIES:
                match = engine.match_expression(query_groups(q), engine.filter_groups_of(filters))
                t = time.perf_counter()
                cursor.execute(
                    f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s ORDER BY rank LIMIT 20", [match]
                )
                cursor.fetchall()
                times.append((time.perf_counter() - t) * 1000)
    return times


def time_stock(n, repeat):
    """Wagtail's stock database backend on ``n`` real products (pages in its own index)."""
    from django.core.management import call_command

    from products.models import ProductPage
    from tests.factories import make_product
    from tests.search.corpus import paragraphs

    rng = random.Random(3)
    vi = paragraphs("vi")
    started = time.perf_counter()
    for i in range(n):
        make_product(title=f"{rng.choice(vi)[:60]} {i}", summary="\n".join(rng.choice(vi) for _ in range(4)))
    call_command("update_index", verbosity=0)
    print(f"  stock: {n} pages built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    times = []
    for _ in range(repeat):
        for q, _filters in QUERIES:
            t = time.perf_counter()
            qs = ProductPage.objects.live().search(q) if q else ProductPage.objects.live()
            list(qs[:20])
            # the one facet the stock index can give here (ProductPage has only language as FilterField)
            if q:
                list(ProductPage.objects.live().search(q).facet("language").items())
            times.append((time.perf_counter() - t) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--stock", type=int, default=300, help="real pages for the stock backend (0: skip)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep the archive built by an earlier run")
    args = parser.parse_args()
    setup_django()
    if args.reuse and archive_size() == args.products:
        reuse()
    else:
        build(args.products)
    load_ms = time_table_load()
    embedded, counts = time_embedded(args.repeat)
    floor = time_floor(args.repeat)
    p = {
        name: (percentile(t, 50), percentile(t, 95)) for name, t in (("embedded", embedded), ("floor", floor))
    }
    print(f"archive: {args.products:,} products, {len(QUERIES)} queries x {args.repeat}, all 6 facets")
    print("hits per query: " + ", ".join(f"{q!r}={c:,}" for q, c in counts.items()))
    print(f"{'engine':<40} {'p50 ms':>10} {'p95 ms':>10}")
    print(f"{'embedded (FTS5, all facets)':<40} {p['embedded'][0]:>10.1f} {p['embedded'][1]:>10.1f}")
    print(f"{'floor (bare MATCH ORDER BY rank LIMIT 20)':<40} {p['floor'][0]:>10.1f} {p['floor'][1]:>10.1f}")
    print(f"embedded p95 / floor p95 = {p['embedded'][1] / max(p['floor'][1], 0.001):.1f}x")
    print(f"facet table (re)load after an index write: {load_ms:.0f} ms, once per process and write")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    if args.stock:
        stock = time_stock(args.stock, 1)
        s50, s95 = percentile(stock, 50), percentile(stock, 95)
        print(
            f"{'stock Wagtail database backend':<40} {s50:>10.1f} {s95:>10.1f}"
            f"   measured on {args.stock:,} real pages (+{args.products:,} archive rows in the same db)"
        )
        factor = args.products / args.stock
        speedup = s95 * factor / max(p["embedded"][1], 0.001)
        print(
            f"stock extrapolated linearly to {args.products:,} pages: p50 ~{s50 * factor:,.0f} ms, "
            f"p95 ~{s95 * factor:,.0f} ms; embedded p95 is ~{speedup:,.0f}x faster"
        )


if __name__ == "__main__":
    main()
