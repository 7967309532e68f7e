"""Every public page runs a fixed number of queries, however many products the archive holds.

Each test reads a page on an archive of 10 products, grows the archive to 200 through the
bulk importer (varied languages, units, areas, formats, topics, channels and translations, as
the real archive) and reads it again: the number of queries must be the same. A query per
product shown (a unit, a topic, a translation read row by row) would multiply at 20 or 5,000
rows a page. The portal's page cache is emptied before each read, so every read renders.
"""

import datetime
import json
import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.cache import page_cache
from products.importing.run import run_import
from products.models import Channel, ContentArea, Format, ProductIndexPage, ProductPage, Topic, Unit

UNITS = ("bao-kon-tum", "dai-ptth-kon-tum")


def _rows(start, stop, registers):
    """JSONL rows: every fourth product has an English translation, dates over 2023–2025."""
    rows = []
    for n in range(start, stop):
        day = datetime.date(2023, 1, 1) + datetime.timedelta(days=(n * 37) % 1000)
        channels = registers["channels"][n % 3 : n % 3 + 1 + n % 2]
        base = {
            "external_id": f"qc-{n}",
            "title": f"Sản phẩm số {n}",
            "language": "vi",
            "area": registers["areas"][n % len(registers["areas"])],
            "format": registers["formats"][n % len(registers["formats"])],
            "unit": UNITS[n % 2],
            "topics": registers["topics"][n % 3 : n % 3 + 2],
            "summary": f"Tóm tắt {n}",
            "publications": [{"channel": c, "date": day.isoformat()} for c in channels],
        }
        rows.append(base)
        if n % 4 == 0:
            rows.append({**base, "external_id": f"qc-{n}-en", "title": f"Product {n}", "language": "en"})
            rows[-1]["translation_of"] = f"qc-{n}"
    return rows


@pytest.fixture
def archive(db, tmp_path):
    """``archive.grow(n)``: import products until the archive holds ``n`` Vietnamese ones."""
    registers = {
        "areas": list(ContentArea.objects.values_list("slug", flat=True)),
        "formats": list(Format.objects.values_list("slug", flat=True)),
        "channels": list(Channel.objects.values_list("slug", flat=True)),
        "topics": list(Topic.objects.values_list("slug", flat=True)),
    }
    assert Unit.objects.filter(slug__in=UNITS).count() == 2

    class Archive:
        size = 0

        def grow(self, n):
            path = tmp_path / f"rows-{n}.jsonl"
            rows = _rows(self.size, n, registers)
            path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
            result = run_import(path)
            assert result.written, result.report
            self.size = n

    return Archive()


def queries(client, url):
    """The queries one uncached read of ``url`` runs (the page must answer 200)."""
    page_cache().clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return [q["sql"] for q in captured.captured_queries]


def assert_fixed(client, archive, url_of):
    """The same number of queries with 10 and with 200 products; ``url_of()`` picks the URL."""
    archive.grow(10)
    client.get(url_of())  # warm: ContentType, Site and Locale caches fill on first use
    small = queries(client, url_of())
    archive.grow(200)
    client.get(url_of())
    large = queries(client, url_of())
    grown = Counter(map(_shape, large)) - Counter(map(_shape, small))
    extra = "\n".join(f"{n} × {sql[:300]}" for sql, n in grown.most_common(5))
    assert len(large) == len(small), f"{len(small)} queries at 10 products, {len(large)} at 200:\n{extra}"
    return len(large)


def _shape(sql):
    """The query without its numbers: the same statement for another id or page is one shape."""
    return re.sub(r"\d+", "N", sql)


def a_product():
    """A Vietnamese product with an English translation, published on several channels."""
    return (
        ProductPage.objects.live()
        .filter(language="vi", external_id__endswith="0")
        .order_by("-pk")
        .first()
        .url
    )


@pytest.mark.parametrize(
    "url",
    [
        "/vi/san-pham/",
        "/vi/san-pham/?area=III&year=2023",
        "/vi/san-pham/?unit=bao-kon-tum&format=article",
        "en",
    ],
)
def test_listing(client, registers, archive, url):
    """``en``: the English products index, whatever its slug."""
    assert_fixed(client, archive, lambda: _index_url(url) if url == "en" else url)


def _index_url(code):
    return ProductIndexPage.objects.get(locale__language_code=code).url


def test_unit_section(client, registers, archive):
    assert_fixed(client, archive, lambda: "/vi/san-pham/bao-kon-tum/?format=article")


@pytest.mark.parametrize("code", ["vi", "bdq"])
def test_home(client, registers, archive, code):
    assert_fixed(client, archive, lambda: f"/{code}/")


def test_product_page(client, registers, archive):
    assert_fixed(client, archive, a_product)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds(client, registers, archive, kind):
    assert_fixed(client, archive, lambda: f"/vi/feeds/{kind}/?area=III")


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-pages.xml"])
def test_sitemap(client, registers, archive, url):
    assert_fixed(client, archive, lambda: url)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/products/?limit=20",
        "/api/v2/products/?area=III&limit=20&offset=1",
        "/api/v2/products/?fields=*&limit=50",
        "/api/v2/pages/?type=products.ProductPage&limit=20",
    ],
)
def test_products_api(client, registers, archive, url):
    assert_fixed(client, archive, lambda: url)


@pytest.mark.parametrize(
    "endpoint", ["/api/v2/pages/?", "/api/v2/pages/?type=products.ProductPage&", "/api/v2/products/?"]
)
def test_api_queries_do_not_grow_with_limit(client, registers, archive, endpoint):
    """A page of 50 items costs the queries of a page of 5: nothing is read item by item."""
    archive.grow(200)
    client.get(f"{endpoint}limit=5")
    few, many = queries(client, f"{endpoint}limit=5"), queries(client, f"{endpoint}limit=50")
    grown = Counter(map(_shape, many)) - Counter(map(_shape, few))
    assert len(many) == len(few), "\n".join(f"{n} × {sql[:300]}" for sql, n in grown.most_common(5))
