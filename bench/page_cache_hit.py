"""What one hit of the anonymous page cache costs: the production stack, no network.

    .venv/bin/python bench/page_cache_hit.py [--database-url postgres://u:p@127.0.0.1:5432/x] [--hits 3000]

Makes a scratch installation (``ops.scratch.Scratch``: an SQLite file, or a new PostgreSQL
database on the server of ``--database-url``/``DATABASE_URL``, dropped at the end) with the
demo archive, then, in one ``manage.py shell`` with ``cms.settings.production``, calls the WSGI
application directly for anonymous GETs of pages already in the cache (the home, a product,
a listing, a search) and prints the median and 95th percentile of a hit in microseconds.
Calling the application in-process leaves out the network and gunicorn, so what is left is
the page cache's own work on a hit (its look-up of the purge generation included) plus
Django's request handling around it.

Measured on the 2-core development machine (busy with other work; medians of 2,000 hits):
before issue 24 (the purge stamp file, no query) SQLite 150–180 µs, PostgreSQL 225–230 µs;
after (the shared generation, one query) SQLite 175–270 µs, PostgreSQL 700–745 µs. On
PostgreSQL a hit now waits for two round trips: the token query, and the health check
Django makes before a request's first query on a kept connection (``conn_health_checks``).
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ops.scratch import Scratch  # noqa: E402

MEASURE = r"""
import statistics, time
from django.core.handlers.wsgi import WSGIHandler
from products.models import ProductPage

application = WSGIHandler()
product = ProductPage.objects.live().public().filter(language="vi").first()
paths = {"home": "/vi/", "product": product.url, "listing": "/vi/san-pham/?area=III"}
paths["search"] = "/vi/search/?q=quyen"

def get(path):
    route, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": route, "QUERY_STRING": query, "SERVER_NAME": "localhost",
        "SERVER_PORT": "80", "HTTP_HOST": "localhost", "HTTP_ACCEPT_ENCODING": "gzip",
        "wsgi.url_scheme": "http", "wsgi.input": __import__("io").BytesIO(), "wsgi.errors": sys.stderr,
    }
    seen = {}
    def start_response(status, headers):
        seen.update(status=status, headers=dict(headers))
    body = b"".join(application(environ, start_response))
    return seen["status"], seen["headers"].get("X-Page-Cache"), len(body)

for label, path in paths.items():
    for _ in range(3):
        get(path)
    status, state, size = get(path)
    assert status.startswith("200") and state == "hit", (path, status, state)
    times = []
    for _ in range(HITS):
        start = time.perf_counter()
        get(path)
        times.append((time.perf_counter() - start) * 1e6)
    times.sort()
    median, p95 = statistics.median(times), times[int(len(times) * 0.95)]
    print(f"{label:8} {size:6} B  median {median:7.0f} us   p95 {p95:7.0f} us")
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--hits", type=int, default=3000)
    args = parser.parse_args()
    site = Scratch(Path(tempfile.mkdtemp(prefix="ttnq-cache-hit-")), database_url=args.database_url)
    try:
        site.install(demo=True)
        result = site.manage("shell", "--no-imports", "-c", f"import sys\nHITS = {args.hits}\n{MEASURE}")
        print(f"{site.vendor}, {args.hits} hits per page, cms.settings.production, in-process WSGI")
        print(result.stdout, end="")
    finally:
        site.destroy()


if __name__ == "__main__":
    main()
