"""Time the full target-4 audit (headline, parts and every breakdown) on generated data.

    .venv/bin/python bench/audit_bench.py --db sqlite --products 100000
    .venv/bin/python bench/audit_bench.py --db postgres --products 1000000 \
        --postgres-url postgres://ttnq:ttnq@127.0.0.1:5432/postgres

A scratch database (``bench/out/audit.sqlite3`` or PostgreSQL ``ttnq_bench_audit``) is
migrated and seeded, then N products are cloned from one real product with set-based
SQL: 6 years 2023–2028 (one year = 1/6 of the rows), ~80 % Vietnamese, the rest spread
over the 12 other languages, 19 units, 5 areas, 16 formats, 1–2 publications each on
15 channels. The audit of one year is timed against the floor: a bare GROUP BY unit over
the same year's live products. Prints p50/p95 over --repeat runs and peak memory.

The audit reads whole months from the kept monthly counts (audit/monthly.py): "warm" is that
case, "cold" drops every kept month before each run (as after a change of the digital set).

Recorded 2026-11-30 (2 vCPUs shared with other test runs, load 1.1-2.0; year 2025), p50 / p95:
  --db sqlite --products 100000 (16,790 in the year): audit_share 6.7 / 7.6 ms warm, 2.0x the
      bare GROUP BY's 3.3 ms; plan_report 26.1 / 27.7 ms; cold 115-175 ms
  same with --reuse, a later run: audit_share 8.6 / 11.9 ms (2.4x of 3.6 ms); plan_report 23.3 / 25.8 ms
  --db postgres --products 1000000 --repeat 9 --reuse (166,805 in the year): audit_share 10.0 / 11.0 ms,
      plan_report 30.4 / 34.7 ms, bare GROUP BY 51.7 ms; cold 664 / 839 ms and 734 / 926 ms
Before the kept monthly counts (same machine): SQLite audit 61 ms (16x the floor), plan_report 70 ms;
PostgreSQL 1,000,000 audit 2.1 s.
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import audit_data  # noqa: E402 - beside this script


def configure(args):
    if args.db == "sqlite":
        path = ROOT / "bench" / "out" / "audit.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not args.reuse:
            path.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        import psycopg

        if not args.reuse:
            with psycopg.connect(args.postgres_url, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {args.bench_db}")
                conn.execute(f"CREATE DATABASE {args.bench_db}")
        os.environ["DATABASE_URL"] = args.postgres_url.rsplit("/", 1)[0] + "/" + args.bench_db
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DEBUG"] = "false"  # as in production: no query log, which would slow every query
    import django

    django.setup()


def floor_sql():
    """A bare GROUP BY unit over the rows the audit counts (same table, same conditions)."""
    return (
        "SELECT unit_id, COUNT(*) FROM products_productpage "
        "WHERE is_live = %s AND first_published BETWEEN %s AND %s GROUP BY unit_id"
    )


def check_copies(sample):
    """The generated rows' copies must equal what the tables say (products/plan_counts.py)."""
    from products.models import ProductPage
    from products.plan_counts import stale_flag_ids

    ids = list(ProductPage.objects.order_by("?").values_list("pk", flat=True)[:sample])
    stale = stale_flag_ids(ids)
    if stale:
        raise SystemExit(f"{len(stale)} of {len(ids)} sampled products have stale copies: {stale[:10]}")


def timed(fn, repeat):
    fn()  # warm the caches once
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--postgres-url", default="postgres://ttnq:ttnq@127.0.0.1:5432/postgres")
    parser.add_argument("--bench-db", default="ttnq_bench_audit", help="PostgreSQL database to (re)create")
    parser.add_argument("--reuse", action="store_true", help="keep the database built by an earlier run")
    parser.add_argument("--sample", type=int, default=2000, help="products whose copies are checked")
    return parser.parse_args()


def forget_kept_months():
    """Drop the kept monthly counts (audit/monthly.py): the next audit counts from the products."""
    from audit.models import CountedMonth, MonthlyCount

    CountedMonth.objects.all().delete()
    MonthlyCount.objects.all().delete()


def check_kept_equal_live(period):
    """The kept months must give the counts read from the products, group by group."""
    from audit import facts, monthly
    from audit.share import Query as AuditQuery
    from audit.share import digital_channel_ids, digital_channel_slugs

    digital = digital_channel_ids(digital_channel_slugs(AuditQuery(period)))
    selection = facts.Selection(period.start, period.end)

    def summed(grouped):
        out = {}
        for rows in grouped.values():
            for row in rows:
                key = (row.grouping, *(getattr(row, c) for c in facts.COLUMNS))
                out[key] = [
                    a + int(getattr(row, n))
                    for a, n in zip(out.get(key, [0] * 6), monthly.SUMMED, strict=True)
                ]
        return out

    if summed(monthly.count(selection, digital)) != summed(facts.count(selection, digital)):
        raise SystemExit("kept monthly counts differ from the counts read from the products")


def run_timings(period, repeat):
    """{name: (p50, p95)} for the audit and the report, warm and cold, and the floor."""
    from django.db import connection

    from audit.share import Query, compute
    from monitoring.figures.scope import Scope
    from monitoring.reporting.annual import plan_report

    def audit():
        return compute(Query(period))

    def report():
        return plan_report(Scope(period))

    def cold(fn):
        def run():
            forget_kept_months()
            return fn()

        return run

    def floor():
        with connection.cursor() as cur:
            cur.execute(floor_sql(), [True, period.start, period.end])
            return cur.fetchall()

    runs = {"audit": audit, "report": report, "audit cold": cold(audit), "report cold": cold(report)}
    return {name: timed(fn, repeat) for name, fn in {**runs, "floor": floor}.items()}


def main():
    args = arguments()
    configure(args)
    if not args.reuse:
        audit_data.build(args.products)

    from django.db import connection

    from audit.share import Period, Query, compute

    period = Period.year(args.year)
    result = compute(Query(period))
    check_copies(args.sample)
    check_kept_equal_live(period)
    t = run_timings(period, args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"database: {connection.vendor}; products: {args.products:,}; year {args.year}: "
        f"{result.total:,} in period, {result.counted:,} counted ({result.share:.1%})"
    )
    for name, label in [
        ("audit", "audit_share (all breakdowns)"),
        ("report", "plan_report (JSON, every target)"),
    ]:
        for kind in ("", " cold"):
            p50, p95 = t[name + kind]
            ratio = p50 / t["floor"][0]
            print(f"{label + kind:42} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  ({ratio:.2f}x the floor)")
    f50, f95 = t["floor"]
    print(f"{'floor (bare GROUP BY unit, same rows)':42} p50 {f50:7.1f} ms  p95 {f95:7.1f} ms")
    print(f"peak RSS {peak:.0f} MB (ru_maxrss)")


if __name__ == "__main__":
    main()
