"""The channel facet counts each product once per channel it is on, and filters by channel
find every product on any of the channels asked for (issue 27: the embedded engine counts
each product's set of channels, one value per hit, and spreads each set's count over its
channels). Checked against a brute-force count over products on one to six channels."""

import datetime
import random
from collections import Counter

import pytest

from products.models import ProductPage
from search.engines.base import SearchQuery
from search.engines.elastic import ElasticEngine
from search.engines.tantivy_engine import TantivyEngine
from tests.search.helpers import import_rows

pytestmark = pytest.mark.django_db
SEED = 27
CHANNELS = ["print", "online-news", "radio", "television", "portal", "facebook", "zalo", "tiktok"]
AREAS = ["I", "II", "III"]
QUERY = "dem kenh"
CASES = [
    {},
    {"channel": ["radio"]},
    {"channel": ["radio", "zalo"]},
    {"channel": ["tiktok"], "area": ["II"]},
    {"area": ["I"]},
    {"channel": ["youtube"]},  # no product is on it
]


@pytest.fixture(scope="module")
def products(module_data, tmp_path_factory):
    """{page id: (area, set of channels)} of products on one to six channels."""
    rng = random.Random(SEED)
    rows = []
    for n in range(60):
        channels = rng.sample(CHANNELS, rng.choice([1, 1, 2, 2, 3, 4, 6]))
        rows.append(
            {
                "external_id": f"kenh-{n}",
                "title": f"Đếm kênh {n}",
                "language": "vi",
                "area": rng.choice(AREAS),
                "format": "news",
                "unit": "bao-kon-tum",
                "summary": "Đếm kênh phát hành",
                "publications": [
                    {"channel": c, "date": str(datetime.date(2024, 1, 1) + datetime.timedelta(days=i))}
                    for i, c in enumerate(channels)
                ],
            }
        )
    import_rows(rows, tmp_path_factory.mktemp("channels"))
    return {
        page.pk: (page.area.slug, frozenset(p.channel.slug for p in page.publications.all()))
        for page in ProductPage.objects.live().filter(external_id__startswith="kenh-").select_related("area")
    }


def brute_force(products, filters):
    """(page ids, channel counts) of the products matching ``filters``, counted one by one."""
    found = {
        pk
        for pk, (area, channels) in products.items()
        if area in filters.get("area", [area]) and channels & set(filters.get("channel", channels))
    }
    return found, dict(Counter(c for pk in found for c in products[pk][1]))


def check(engine, products):
    for filters in CASES:
        result = engine.search(SearchQuery(q=QUERY, filters=filters, page_size=100))
        expected, channels = brute_force(products, filters)
        assert (set(result.ids), result.count, result.facets["channel"]) == (
            expected,
            len(expected),
            channels,
        )
        area = Counter(products[pk][0] for pk in expected)
        assert result.facets["area"] == dict(area), filters  # the other facets still count hits once


def test_the_archive_has_more_sets_than_channels(products):
    sets = {channels for _area, channels in products.values()}
    assert len(products) == 60
    assert len(sets) > len(CHANNELS)
    assert max(len(s) for s in sets) == 6


def test_channel_counts_and_filters_equal_a_brute_force_count(products):
    check(TantivyEngine(), products)
    assert TantivyEngine().search(SearchQuery(q=QUERY, page_size=100)).facets["channel"]["radio"] > 1


@pytest.mark.elasticsearch
def test_elasticsearch_counts_the_same(live_url, settings, products):
    from django.core.management import call_command

    settings.ELASTICSEARCH_URL = live_url
    call_command("rebuild_archive_index", "--no-progress")
    check(ElasticEngine(live_url), products)
