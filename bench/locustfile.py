"""The portal's traffic for bench/load.py: readers on phones, the national database, searchers.

Weights per request kind (of 100): home pages in five languages 20, listings 15 (many distinct
URLs: filters by area, format, year and unit, pages 1–50), product pages 35 (across the whole
archive), the search page 10, ``/api/search/`` 10, the products API 10 (harvesters following
``meta.next``, and some offset pages). Product URLs and search words come from the environment
(bench/load.py fills them in). Each kind's share of answers served by the page cache
(``X-Page-Cache: hit``) is written to LOAD_CACHE_FILE at the end.
"""

import json
import os
import random
from collections import Counter

from locust import HttpUser, between, constant, events, task

PRODUCTS = json.loads(os.environ.get("LOAD_PRODUCT_PATHS", '["/vi/"]'))
UNITS = json.loads(os.environ.get("LOAD_UNIT_PATHS", '["/vi/san-pham/"]'))
WORDS = [
    "quyền con người",
    "quyen con nguoi",
    "tự do",
    "bình đẳng",
    "giáo dục",
    "lao động",
    "human rights",
    "liberté",
    "ສິດທິ",
    "សិទ្ធិ",
    "Bơ̆n",
    "dak to",
]
HOMES = ["/vi/", "/bdq/", "/en/", "/lo/", "/km/"]
AREAS = ["I", "II", "III", "IV", "V"]
FORMATS = json.loads(os.environ.get("LOAD_FORMATS", '["article", "video", "news"]'))
YEARS = ["2023", "2024", "2025"]
THINK = float(os.environ.get("LOAD_THINK_SECONDS", "1"))
HITS, SEEN = Counter(), Counter()


@events.request.add_listener
def count_cache(name, response=None, exception=None, **kwargs):
    if response is not None and exception is None:
        SEEN[name] += 1
        HITS[name] += response.headers.get("X-Page-Cache") == "hit"


@events.quitting.add_listener
def write_cache_share(environment, **kwargs):
    if os.environ.get("LOAD_CACHE_FILE"):
        with open(os.environ["LOAD_CACHE_FILE"], "w", encoding="utf-8") as out:
            json.dump({name: [HITS[name], SEEN[name]] for name in SEEN}, out)


def listing_url():
    """One of thousands of listing URLs: a unit section or the index, 0–3 filters, a page."""
    base = random.choice(UNITS) if random.random() < 0.4 else "/vi/san-pham/"
    params = {
        "area": random.choice(AREAS),
        "format": random.choice(FORMATS),
        "year": random.choice(YEARS),
    }
    chosen = random.sample(sorted(params), random.randrange(0, 4))
    query = [f"{name}={params[name]}" for name in sorted(chosen)]
    page = random.choice([1, 1, 1, 2, 3, random.randrange(1, 51)])
    if page > 1:
        query.append(f"page={page}")
    return base + ("?" + "&".join(query) if query else "")


class Reader(HttpUser):
    wait_time = between(THINK / 2, THINK * 1.5) if THINK else constant(0)

    @task(20)
    def home(self):
        self.client.get(random.choice(HOMES), name="home")

    @task(15)
    def listing(self):
        with self.client.get(listing_url(), name="listing", catch_response=True) as response:
            if response.status_code == 404:  # a page past the end of a small filter: an answer
                response.success()

    @task(35)
    def product(self):
        self.client.get(random.choice(PRODUCTS), name="product")

    @task(10)
    def search_page(self):
        self.client.get("/vi/search/", params={"q": random.choice(WORDS)}, name="search page")

    @task(10)
    def search_api(self):
        self.client.get("/api/search/", params={"q": random.choice(WORDS)}, name="/api/search/")

    next_page = None

    @task(10)
    def products_api(self):
        """A harvester follows ``meta.next`` (the ``after`` cursor); one request in five is an
        offset page, as older clients still send."""
        if self.next_page and random.random() < 0.8:
            url = self.next_page.split("/api/", 1)[1]
            response = self.client.get(f"/api/{url}", name="products API")
        else:
            offset = random.randrange(0, 2000)
            response = self.client.get(f"/api/v2/products/?limit=20&offset={offset}", name="products API")
        if response.ok:
            self.next_page = response.json()["meta"].get("next")
