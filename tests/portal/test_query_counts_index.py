"""The listing's year filter and its pages are read from an index, on SQLite and PostgreSQL.

Issue 27 saw ``?area=III&year=2024`` take a second at 100,000 products. ``year`` must stay a
range on the ``first_published`` column (Django turns ``__year=2024`` into ``BETWEEN
2024-01-01 AND 2024-12-31``; an ``EXTRACT`` would read every row), and a page's ids must come
from the ``product_listing`` index (language, first_published, id) in its order, not from a
sort of every matching product.
"""

import datetime

import pytest
from django.db import connection

from products import listing
from products.models import ProductPage
from tests.factories import make_product

D = datetime.date


@pytest.fixture
def products(registers):
    for n in range(6):
        make_product(title=f"Tin {n}", publications=[("radio", D(2023 + n % 3, 1 + n, 1))])


def page_ids(filters):
    products = ProductPage.objects.public_listing().filter(language="vi")
    return listing.listed(listing.apply_filters(products, filters)).values_list("pk", flat=True)[:20]


def explain(queryset):
    """The plan, with sequential scans made dear on PostgreSQL: the question is whether the
    index can serve the query, not what the planner picks for six rows."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
    return queryset.explain()


def test_year_is_a_range_on_the_indexed_column(products):
    sql = str(page_ids({"year": 2024}).query)
    assert '"first_published" BETWEEN' in sql
    assert "EXTRACT" not in sql.upper() and "django_date_extract" not in sql


@pytest.mark.parametrize("filters", [{}, {"year": 2024}])
def test_a_listing_page_is_read_from_the_listing_index(products, filters):
    assert [
        p.first_published.year for p in ProductPage.objects.filter(pk__in=list(page_ids({"year": 2024})))
    ] == [
        2024,
        2024,
    ]
    plan = explain(page_ids(filters))
    assert "product_listing" in plan, plan
