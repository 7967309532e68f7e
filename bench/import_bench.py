"""Import benchmark: generated rows into a fresh database; prints rows/s, batches, memory, the split.

    .venv/bin/python bench/import_bench.py                 # 10,000 and 100,000 rows, scratch SQLite
    .venv/bin/python bench/import_bench.py --rows 1000 --format csv
    .venv/bin/python bench/import_bench.py --database-url postgres://u:p@127.0.0.1:5432/db_bench
    .venv/bin/python bench/import_bench.py --rows 2000 --profile /tmp/import.prof   # cProfile of the import

For each size: write a JSONL (or CSV) file, create a fresh database (a scratch SQLite
file, or drop/create the PostgreSQL database named in the URL), migrate and seed the
registers, then run the import in a child process. Bodies are of real length: 1,500 to 5,000
UTF-8 bytes (``--body-bytes``) of UDHR paragraphs in the row's language (the shared corpus, as
the search benchmark's; Bahnar sentences for Bahnar and Sedang), varied from row to row.

Printed: rows/s end to end (validation and writing, the after-commit work included), p50/p95
of a batch's time (its transaction and what runs after its commit), peak memory (the child's
``ru_maxrss``: the whole process, about 150 MB of it Django and Wagtail loaded) and the split:
validation, the batch's own writes, the ``page_published`` receivers inside the transaction,
and what the receivers queued for after the commit (archive search index, OAI records, page
cache).

Recorded 2026-12-03 (2 vCPUs shared, load 2-7; "per CPU second" is the import process's own CPU):
  sqlite    2,000 before (OAI refresh per page_published): 39 rows/s, 64 per CPU s (same hour)
  sqlite    2,000 after (OAI queue drained after commit):  124 rows/s, 292 per CPU s
  sqlite  100,000 after: 212 rows/s, 285 per CPU s; batches p50 3.9 s, p95 8.1 s; 308 MB; split:
           validation 7 %, batch writes 38 %, page_published receivers 6 %, after commit 50 %
  postgres  2,000 before: 19 rows/s (quiet machine); after: 77 rows/s (load 6.8), 244 per CPU s
"""

import argparse
import functools
import json
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = ["vi", "bdq", "sed", "en", "lo", "zh-hans", "km"]
TITLES = {
    "vi": "Bảo đảm quyền con người ở vùng đồng bào dân tộc thiểu số",
    "bdq": "'Bok kơ̆ ư̆ pơlei P'lơk",
    "sed": "Kơ̆ne 'Năr ŭ ĭ",
    "en": "Human rights in the highlands",
    "lo": "ສິດທິມະນຸດ ໃນ ແຂວງ",
    "zh-hans": "人权宣传产品",
    "km": "សិទ្ធិមនុស្ស",
}


CORPUS = {"vi": "vi", "bdq": None, "sed": None, "en": "en", "lo": "lo", "zh-hans": "zh-hans", "km": "km"}


@functools.cache
def corpus(lang):
    """The paragraphs bodies of ``lang`` are written from."""
    sys.path.insert(0, ROOT)
    from bench.archive_rows import BAHNAR
    from tests.search.corpus import paragraphs

    return paragraphs(CORPUS[lang]) if CORPUS[lang] else BAHNAR


def body_text(rng, lang, i, body_bytes):
    """A body of ``body_bytes`` (a range ``(low, high)``) UTF-8 bytes, paragraphs of the corpus
    drawn at random, the row's number in its last one (no two bodies alike)."""
    target, paragraphs, size = rng.randint(*body_bytes), [], 0
    while size < target:
        paragraph = rng.choice(corpus(lang))
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    paragraphs.append(f"{TITLES[lang]} — {i}.")
    return "\n\n".join(paragraphs)


BODY_BYTES = (1500, 5000)  # an article of real length (issue 25)


def generate(path, rows, kind, body_bytes=BODY_BYTES):
    rng = random.Random(42)
    areas, formats = ["I", "II", "III", "IV", "V"], ["article", "news", "video", "radio-feature"]
    units, channels = ["bao-kon-tum", "dai-ptth-kon-tum"], ["online-news", "facebook", "radio", "print"]
    with open(path, "w", encoding="utf-8", newline="") as out:
        if kind == "csv":
            import csv

            sys.path.insert(0, ROOT)
            from products.importing.columns import COLUMNS

            writer = csv.DictWriter(out, fieldnames=COLUMNS)
            writer.writeheader()
        for i in range(rows):
            lang = LANGS[i % len(LANGS)]
            row = {
                "external_id": f"bench-{i}",
                "title": f"{TITLES[lang]} {i}",
                "language": lang,
                "area": rng.choice(areas),
                "task": "3.3",
                "format": rng.choice(formats),
                "unit": rng.choice(units),
                "summary": TITLES[lang] * 3,
                "body": body_text(rng, lang, i, body_bytes),
                "transcript": "",
                "topics": [],
                "publications": [
                    {"channel": rng.choice(channels), "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}
                ],
                "translation_of": "",
                "files": [],
            }
            if kind == "csv":
                from products.importing.columns import flatten_row

                writer.writerow(flatten_row(row))
            else:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


CHILD = r"""
import cProfile, json, os, resource, sys, time, django
django.setup()
from products.importing import run, wagtail_records, writer
timers = {"validation": 0.0, "receivers": 0.0}
batches = []

def timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            if name == "batch":
                if args[1]:  # the last call may have no rows
                    batches.append(elapsed)
            else:
                timers[name] += elapsed
    return wrapper

run._validate = timed("validation", run._validate)
wagtail_records.announce_published = timed("receivers", wagtail_records.announce_published)
writer.Writer.write_batch = timed("batch", writer.Writer.write_batch)
profile = cProfile.Profile() if sys.argv[3] else None
start, cpu_start = time.perf_counter(), time.process_time()
if profile:
    profile.enable()
result = run.run_import(sys.argv[1], progress=False)
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
if profile:
    profile.disable()
    profile.dump_stats(sys.argv[3])
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert result.ok and result.created == int(sys.argv[2]), result.summary()
from wagtail.models import Page
# find_problems walks the whole tree in Python (about 10 minutes at 100,000 pages): smaller runs only
problems = [len(p) for p in Page.find_problems()] if int(sys.argv[2]) <= 20_000 else "skipped"
print("RESULT " + json.dumps({
    "elapsed": elapsed, "cpu": cpu, "after_commit": result.index_seconds, "peak_kb": peak_kb,
    "problems": str(problems).replace(" ", ""), "batches": batches, **timers,
}))
"""


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def report(rows, label, figures, wall):
    elapsed, batches = figures["elapsed"], figures["batches"]
    validation, receivers, after = figures["validation"], figures["receivers"], figures["after_commit"]
    writes = elapsed - validation - receivers - after
    split = ", ".join(
        f"{name} {seconds:.1f} s ({seconds / elapsed:.0%})"
        for name, seconds in (
            ("validation", validation),
            ("batch writes", writes),
            ("page_published receivers", receivers),
            ("after commit", after),
        )
    )
    print(
        f"{rows:>7} rows ({label}): {elapsed:.1f} s, {rows / elapsed:,.0f} rows/s "
        f"(this process's CPU {figures['cpu']:.1f} s: {rows / figures['cpu']:,.0f} rows per CPU second); "
        f"{len(batches)} batches, p50 {percentile(batches, 0.5):.2f} s, "
        f"p95 {percentile(batches, 0.95):.2f} s; "
        f"peak RSS {figures['peak_kb'] / 1024:.0f} MB (ru_maxrss); split: {split}; "
        f"process wall {wall:.1f} s; find_problems {figures['problems']}",
        flush=True,
    )


def fresh_database(url, workdir):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.test")
    if url.startswith("postgres"):
        import psycopg

        name = url.rsplit("/", 1)[1]
        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    else:
        url = f"sqlite:///{os.path.join(workdir, 'bench.sqlite3')}"
        if os.path.exists(url[10:]):
            os.remove(url[10:])
    env["DATABASE_URL"] = url
    manage = [sys.executable, os.path.join(ROOT, "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "seed_reference"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return env


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (its database is dropped!)")
    parser.add_argument(
        "--body-bytes",
        type=int,
        nargs=2,
        metavar=("LOW", "HIGH"),
        default=list(BODY_BYTES),
        help="bodies of LOW to HIGH UTF-8 bytes (default 1500 5000)",
    )
    parser.add_argument("--profile", default="", help="write a cProfile of the import here (one size)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as workdir:
        for rows in args.rows:
            path = os.path.join(workdir, f"products-{rows}.{args.format}")
            generate(path, rows, args.format, args.body_bytes)
            size_mb = os.path.getsize(path) / 1e6
            env = fresh_database(args.database_url, workdir)
            # 100,000 real-length bodies are about 400 MB: over the default size limit.
            env["PRODUCTS_IMPORT_MAX_BYTES"] = str(2 * os.path.getsize(path))
            started = time.perf_counter()
            child = [sys.executable, "-c", CHILD, path, str(rows), args.profile]
            done = subprocess.run(child, env=env, cwd=ROOT, capture_output=True, text=True)
            if done.returncode:
                sys.exit(done.stderr[-3000:])
            out = done.stdout
            wall = time.perf_counter() - started
            line = next(line for line in out.splitlines() if line.startswith("RESULT "))
            backend = "postgresql" if args.database_url else "sqlite"
            low, high = args.body_bytes
            label = f"{args.format}, {size_mb:.1f} MB, {backend}, bodies {low}-{high} B"
            report(rows, label, json.loads(line[len("RESULT ") :]), wall)


if __name__ == "__main__":
    main()
