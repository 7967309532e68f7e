"""The first requests to a fresh gunicorn worker against the next ones (issue 27: 12.5 s first).

    .venv/bin/python bench/first_request.py --root /tmp/ttnq-load-10000_perf27 \\
        --database-url postgres://ttnq:ttnq@127.0.0.1:5432/ttnq_load_10000_perf27 [--cold]

Starts one gunicorn worker (cms/gunicorn.conf.py) on an installation bench/load.py built and
kept (--keep; or any scratch root with its database), with the page cache off, and prints the
time of the first and the second request of each page. ``--cold`` turns the preload and the
warm-up off (PRELOAD_APP=0 GUNICORN_WARM=0), as the server was before. Scratch.start waits
for /health/ first: that wait is printed as the start time.
"""

import argparse
import os
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ops.scratch import Scratch  # noqa: E402

PAGES = ("/vi/san-pham/?area=III&year=2024", "/vi/search/?q=quyen", "/api/v2/products/?limit=20")


def timed(url):
    began = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310
        response.read()
    return (time.perf_counter() - began) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    db_name = args.database_url.rsplit("/", 1)[-1] if args.database_url.startswith("postgres") else None
    env = {"PORTAL_PAGE_CACHE_SECONDS": "0"}
    if args.cold:
        env.update(PRELOAD_APP="0", GUNICORN_WARM="0")
    os.environ.update(env)
    site = Scratch(args.root, database_url=args.database_url, db_name=db_name)
    began = time.perf_counter()
    site.start(workers=1, threads=1)
    mode = "cold" if args.cold else "preloaded and warmed"
    print(f"{mode}: started in {time.perf_counter() - began:.1f} s")
    try:
        for page in PAGES:
            first, second = timed(site.url + page), timed(site.url + page)
            print(f"{page:40} first {first:8.0f} ms   second {second:8.0f} ms")
    finally:
        site.stop()


if __name__ == "__main__":
    main()
