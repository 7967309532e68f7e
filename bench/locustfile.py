"""The portal's traffic for bench/load.py: readers on phones, the national database, searchers.

Weights per request kind (of 100): home pages in five languages 20, listings 15, product
pages 35, the search page 10, ``/api/search/`` 10, the products API 10. Product URLs and
search words come from the environment (bench/load.py fills them in).
"""

import json
import os
import random

from locust import HttpUser, between, constant, task

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
THINK = float(os.environ.get("LOAD_THINK_SECONDS", "1"))


class Reader(HttpUser):
    wait_time = between(THINK / 2, THINK * 1.5) if THINK else constant(0)

    @task(20)
    def home(self):
        self.client.get(random.choice(HOMES), name="home")

    @task(15)
    def listing(self):
        if random.random() < 0.5:
            self.client.get(f"/vi/san-pham/?area={random.choice(AREAS)}", name="listing")
        else:
            self.client.get(random.choice(UNITS), name="listing")

    @task(35)
    def product(self):
        self.client.get(random.choice(PRODUCTS), name="product")

    @task(10)
    def search_page(self):
        self.client.get("/vi/search/", params={"q": random.choice(WORDS)}, name="search page")

    @task(10)
    def search_api(self):
        self.client.get("/api/search/", params={"q": random.choice(WORDS)}, name="/api/search/")

    @task(10)
    def products_api(self):
        offset = random.randrange(0, 2000)
        self.client.get(f"/api/v2/products/?limit=20&offset={offset}", name="products API")
