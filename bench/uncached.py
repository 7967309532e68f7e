"""Uncached public pages on a large archive: what a reader pays when the page cache misses.

    .venv/bin/python bench/load.py --database-url postgres://ttnq:ttnq@127.0.0.1:5432/ttnq \\
        --products 1000000 --duration 60 --keep                     # builds the archive once
    .venv/bin/python bench/uncached.py --database-url postgres://ttnq:ttnq@127.0.0.1:5432/ttnq \\
        --products 1000000 [--requests 300]

Uses the archive ``bench/load.py --keep`` built for the same ``--products`` (its scratch folder
and database; built here the same way when there is none), starts gunicorn with the production
settings and the page cache off (``PORTAL_PAGE_CACHE_SECONDS=0``), and sends ``--requests``
requests per kind, one at a time, so each time is the server's own: product pages drawn from
the whole archive, listings with two filters at any of their pages, products API pages (the
``after`` cursor a harvester follows, anywhere in the archive; and offset pages, which count
every match for Wagtail's ``meta.total_count``), homes in five languages, feeds and sitemap
pages. Prints p50/p95/p99 per kind beside issue 27's targets and
the figures it started from (100,000 products, before).
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from load import build, printed  # noqa: E402

from ops.scratch import Scratch  # noqa: E402

# What the pages draw from: product URLs across the archive, listing bases, filters and the
# number of listed products for each pair of filters (its last page), the id range.
SAMPLE = """
import itertools, json, random
from products.models import ContentArea, Format, ProductPage, Unit
rng = random.Random(5)
live = ProductPage.objects.live().public().filter(locale__language_code="vi")
ids = live.values_list("pk", flat=True)
low, high = ids.order_by("pk").first(), ids.order_by("-pk").first()
products = []
while len(products) < 400:
    page = live.filter(pk__gte=rng.randrange(low, high + 1)).order_by("pk").first()
    products.append(page.url)
filters = {
    "area": list(ContentArea.objects.values_list("slug", flat=True)),
    "format": list(Format.objects.values_list("slug", flat=True)),
    "unit": list(Unit.objects.values_list("slug", flat=True)),
    "year": ["2023", "2024", "2025"],
}
pairs = []
for first, second in itertools.combinations(sorted(filters), 2):
    for _ in range(4):
        chosen = {first: rng.choice(filters[first]), second: rng.choice(filters[second])}
        lookups = {("first_published__year" if k == "year" else f"{k}__slug"): v for k, v in chosen.items()}
        pairs.append([chosen, live.filter(**lookups).count()])
from wagtail.models import Page
from home.sitemaps import PAGE_SIZE
sitemaps = -(-Page.objects.live().public().filter(depth__gt=1).count() // PAGE_SIZE)
print("SAMPLE" + json.dumps({"products": products, "pairs": pairs, "ids": [low, high], "sitemaps": sitemaps}))
"""
# Issue 27's figures before (PostgreSQL, 100,000 products, page cache off; the API's on SQLite,
# at a random offset).
BEFORE = {
    "product": "p95 365",
    "listing (2 filters, any page)": "p50 1,043",
    "products API (offset, total kept)": "p95 1,636 (SQLite)",
    "home": "p95 319",
}
TARGETS = {"product": 50, "listing (2 filters, any page)": 100, "products API (after)": 100, "home": 50}


def urls(sample, requests, rng):
    """``requests`` URLs of each kind, drawn from the archive's sample."""
    low, high = sample["ids"]
    kinds = {}
    kinds["product"] = [rng.choice(sample["products"]) for _ in range(requests)]
    listing = []
    for _ in range(requests):
        chosen, count = rng.choice(sample["pairs"])
        pages = max(1, -(-count // 20))
        query = "&".join(f"{k}={v}" for k, v in sorted(chosen.items()))
        listing.append(f"/vi/san-pham/?{query}&page={rng.randrange(1, pages + 1)}")
    kinds["listing (2 filters, any page)"] = listing
    kinds["products API (after)"] = [
        f"/api/v2/products/?limit=20&after={rng.randrange(low, high)}" for _ in range(requests)
    ]
    kinds["products API (offset, total kept)"] = [
        f"/api/v2/products/?limit=20&offset={rng.randrange(0, 100_000)}" for _ in range(requests // 4)
    ]
    kinds["home"] = [rng.choice(["/vi/", "/en/", "/bdq/", "/lo/", "/km/"]) for _ in range(requests)]
    kinds["feed"] = [rng.choice(["/vi/feeds/rss/", "/vi/feeds/atom/"]) for _ in range(requests // 4)]
    sitemaps = sample["sitemaps"]
    kinds["sitemap page (5,000 URLs)"] = [
        f"/sitemap-pages.xml?p={rng.randrange(1, sitemaps + 1)}" for _ in range(requests // 20)
    ]
    return kinds


def timed(base, path):
    """Milliseconds to read the whole answer, and its status."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:  # noqa: S310
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return (time.perf_counter() - started) * 1000, status


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(site, kinds):
    print(f"{'kind':34} {'n':>5} {'p50':>7} {'p95':>7} {'p99':>7}  (ms)  {'target p95':>10}  before (100k)")
    failed = 0
    for kind, paths in kinds.items():
        for path in paths[:5]:  # each worker has read this kind once
            timed(site.url, path)
        times, bad = [], []
        for path in paths:
            ms, status = timed(site.url, path)
            times.append(ms)
            if status != 200:
                bad.append(f"{status} {path}")
        failed += len(bad)
        target = TARGETS.get(kind)
        verdict = (
            "-" if target is None else f"{target} {'met' if percentile(times, 0.95) <= target else 'missed'}"
        )
        print(
            f"{kind:34} {len(times):>5} {statistics.median(times):>7.1f} {percentile(times, 0.95):>7.1f}"
            f" {percentile(times, 0.99):>7.1f}        {verdict:>10}  {BEFORE.get(kind, '')}"
        )
        for line in bad[:5]:
            print(f"    not 200: {line}")
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per kind")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    root = Path(tempfile.gettempdir()) / f"ttnq-load-{args.products}"
    site = Scratch(
        root,
        database_url=args.database_url,
        db_name=f"ttnq_load_{args.products}",
        env={"PORTAL_PAGE_CACHE_SECONDS": "0"},
    )
    try:
        build(site, args.products)
        sample = printed(site.manage("shell", "--no-imports", "-c", SAMPLE), "SAMPLE")
        site.start(workers=None, threads=None)
        print(f"{args.products:,} products ({site.vendor}), page cache off, one request at a time")
        failed = run(site, urls(sample, args.requests, random.Random(3)))
    finally:
        site.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
