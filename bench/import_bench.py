"""Import benchmark: generated rows into a fresh database; prints rows/s and peak memory.

    .venv/bin/python bench/import_bench.py                 # 10,000 and 100,000 rows, scratch SQLite
    .venv/bin/python bench/import_bench.py --rows 1000 --format csv
    .venv/bin/python bench/import_bench.py --database-url postgres://u:p@127.0.0.1:5432/db_bench

For each size: write a JSONL (or CSV) file, create a fresh database (a scratch SQLite
file, or drop/create the PostgreSQL database named in the URL), migrate and seed the
registers, then run the import in a child process. Peak memory is that child's
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (the whole process: Python, Django, the
import), measured after the import; rows/s counts validation and writing together,
and the time spent by the archive search's indexing after each batch's commit
is shown separately.

Recorded 2026-11-30, early (2 vCPUs shared with other engineers' tests and benchmarks, load 1.2-2.3;
PostgreSQL 15 local), each line one run of ``--rows N`` (``--database-url …`` for PostgreSQL):
  sqlite   10,000: 809 rows/s overall, 1,066 rows/s without search indexing (3.0 s of 12.4 s); 237 MB
  sqlite  100,000: 759 rows/s overall, 1,001 rows/s without search indexing (31.9 s of 131.7 s); 266 MB
  postgres 10,000: 368 rows/s overall, 434 rows/s without search indexing (4.2 s of 27.2 s); 244 MB
The same machine and day before that round: sqlite 10,000 at 514 rows/s and 278 MB; postgres 10,000
at 267 rows/s and 271 MB; sqlite 100,000 at 419 rows/s and 334 MB.
Recorded 2026-11-30, later (admin search entries in one INSERT, index documents without StreamValues,
one-statement queue rows, SQLite in WAL mode; quiet machine, load 0.8-1.8), ``--rows 10000 100000``:
  sqlite   10,000: 891 rows/s overall, 1,124 rows/s without search indexing (2.3 s of 11.2 s); 207 MB
  sqlite  100,000: 928 rows/s overall, 1,196 rows/s without search indexing (24.2 s of 107.8 s); 238 MB
  (an earlier run of ``--rows 100000`` the same hour, before WAL: 991 rows/s, 242 MB)
This machine's speed drifts by 15-25 % from one run to the next: compare versions in alternating runs.
About 150 MB of those peaks is the process after ``django.setup()``, before any row is read (96 MB of
it what Django, Wagtail and their libraries allocate as they load, the rest their shared libraries).
"""

import argparse
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


def body_text(rng, lang, i, body_bytes):
    """A body of about ``body_bytes`` (a range ``(low, high)``) UTF-8 bytes, in paragraphs."""
    if not body_bytes:
        return f"{TITLES[lang]}.\n\n{TITLES[lang]} — {i}."
    target, paragraphs, size = rng.randint(*body_bytes), [], 0
    while size < target:
        words = rng.randint(20, 60)
        paragraph = " ".join(rng.choice(WORDS) for _ in range(words)) + f" {TITLES[lang]} {i}."
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs)


WORDS = [
    "quyền",
    "con",
    "người",
    "đồng",
    "bào",
    "dân",
    "tộc",
    "thiểu",
    "số",
    "Kon",
    "Tum",
    "Đăk",
    "Tô",
    "giáo",
    "dục",
    "pháp",
    "luật",
    "bảo",
    "đảm",
]


def generate(path, rows, kind, body_bytes=None):
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
import os, resource, sys, time, django
django.setup()
from products.importing.run import run_import
start = time.perf_counter()
result = run_import(sys.argv[1], progress=False)
elapsed = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert result.ok and result.created == int(sys.argv[2]), result.summary()
from wagtail.models import Page
# find_problems walks the whole tree in Python (about 10 minutes at 100,000 pages): smaller runs only
problems = [len(p) for p in Page.find_problems()] if int(sys.argv[2]) <= 20_000 else "skipped"
problems = str(problems).replace(" ", "")
print(f"RESULT {elapsed:.2f} {result.index_seconds:.2f} {peak_kb} {problems}")
"""


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
        help="bodies of LOW to HIGH bytes (e.g. 1500 5000; default: a two-line body)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as workdir:
        for rows in args.rows:
            path = os.path.join(workdir, f"products-{rows}.{args.format}")
            generate(path, rows, args.format, args.body_bytes)
            size_mb = os.path.getsize(path) / 1e6
            env = fresh_database(args.database_url, workdir)
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", CHILD, path, str(rows)],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            wall = time.perf_counter() - started
            line = next(line for line in out.splitlines() if line.startswith("RESULT"))
            _, elapsed, index_seconds, peak_kb, problems = line.split(" ", 4)
            elapsed, index_seconds = float(elapsed), float(index_seconds)
            own = elapsed - index_seconds
            backend = "postgresql" if args.database_url else "sqlite"
            print(
                f"{rows:>7} rows ({args.format}, {size_mb:.1f} MB, {backend}): {elapsed:.1f} s, "
                f"{rows / elapsed:,.0f} rows/s (of which search.indexing {index_seconds:.1f} s; "
                f"import alone {rows / own:,.0f} rows/s); peak RSS {int(peak_kb) / 1024:.0f} MB (ru_maxrss); "
                f"process wall {wall:.1f} s; find_problems {problems}",
                flush=True,
            )


if __name__ == "__main__":
    main()
