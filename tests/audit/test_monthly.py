"""Kept monthly counts (audit/monthly.py) give exactly the counts read from the products, and follow
every change of a product, whatever makes it (audit/triggers.py)."""

import datetime
import random
from collections import Counter

import pytest

from audit import facts, monthly
from audit.models import CountedMonth, StaleMonth
from audit.share import Period, Query, compute
from products.models import Channel, ProductPage, ProductPublication
from tests.factories import Registers, make_product

D = datetime.date
LANGUAGES = ["vi", "vi", "vi", "bdq", "sed", "en", "fr"]


@pytest.fixture(scope="module")
def archive_ids(module_transaction):
    """24 products over 2024 and early 2025, their attributes drawn with a fixed seed; built once
    for the module (~4 s): the tests change them only inside their own rolled-back savepoints."""
    registers = Registers()
    rng = random.Random(20241130)
    channels, units = sorted(registers.channel), sorted(registers.unit)
    tasks = [None, *sorted(registers.task)[:3]]
    products = []
    for i in range(24):
        day = D(2024, 1, 1) + datetime.timedelta(days=rng.randrange(0, 420))
        publications = [(rng.choice(channels), day)]
        if rng.random() < 0.3:
            publications.append((rng.choice(channels), day + datetime.timedelta(days=3)))
        products.append(
            make_product(
                title=f"Sản phẩm {i}",
                language=rng.choice(LANGUAGES),
                unit=rng.choice(units),
                area=rng.choice(sorted(registers.area)),
                format=rng.choice(sorted(registers.format)),
                task=rng.choice(tasks),
                publications=publications,
                live=rng.random() < 0.85,
                transcript="x" if rng.random() < 0.3 else "",
            )
        )
    return [product.pk for product in products]


@pytest.fixture
def archive(db, archive_ids):
    """The module's products, read again for each test (in the order they were made)."""
    pages = ProductPage.objects.in_bulk(archive_ids)
    return [pages[pk] for pk in archive_ids]


def summed(grouped):
    """{grouping: {group key: sums}}: the figures a grouped result stands for, however split."""
    result = {}
    for name, rows in grouped.items():
        groups = result.setdefault(name, {})
        for row in rows:
            key = tuple(getattr(row, column) for column in facts.COLUMNS)
            sums = [int(getattr(row, name)) for name in monthly.SUMMED]
            groups[key] = [a + b for a, b in zip(groups.get(key, [0] * len(sums)), sums, strict=True)]
    return {name: groups for name, groups in result.items() if groups}


def both(start, end, digital=None, online=()):
    digital = (
        digital
        if digital is not None
        else list(Channel.objects.filter(is_digital=True).values_list("pk", flat=True))
    )
    selection = facts.Selection(start, end)
    return summed(monthly.count(selection, digital, online)), summed(facts.count(selection, digital, online))


PERIODS = [
    (D(2024, 1, 1), D(2024, 12, 31)),  # a year: whole months only
    (D(2024, 3, 15), D(2024, 8, 10)),  # partial first and last months
    (D(2024, 2, 1), D(2024, 2, 29)),  # one whole month
    (D(2024, 5, 2), D(2024, 5, 20)),  # inside one month: no whole month
    (D(2024, 11, 1), D(2025, 2, 14)),  # across the new year
]


def test_kept_months_add_up_to_the_counts_read_from_the_products(archive):
    for start, end in PERIODS:
        kept, live = both(start, end)
        assert kept == live, (start, end)
        again, _ = both(start, end)  # now read from the kept rows
        assert again == live, (start, end)
    assert CountedMonth.objects.filter(month="2024-02").exists()


def test_the_audit_and_the_plan_counts_use_the_kept_months(archive):
    online = list(Channel.objects.filter(slug__in=["facebook", "online-news"]).values_list("pk", flat=True))
    kept, live = both(D(2024, 1, 1), D(2024, 12, 31), online=online)
    assert kept == live
    compute(Query(Period.year(2024)))  # keeps the year's months under the audit's basis
    assert CountedMonth.objects.filter(month="2024-06").count() == 2  # two bases: with and without online
    result = compute(Query(Period.year(2024)))  # read from the kept rows
    in_year = ProductPage.objects.filter(is_live=True, first_published__year=2024)
    assert (result.total, result.counted) == (in_year.count(), expected_counted(2024))
    by_month = Counter(f"{day:%Y-%m}" for day in in_year.values_list("first_published", flat=True))
    assert {row["key"]: row["total"] for row in result.as_json()["breakdowns"]["month"]} == by_month


def test_changes_that_bypass_save_mark_their_months_and_are_counted(archive):
    year = (D(2024, 1, 1), D(2024, 12, 31))
    both(*year)  # every month of 2024 kept
    assert not StaleMonth.objects.filter(month__startswith="2024").exists()
    live = [p for p in archive if p.live and p.first_published.year == 2024]
    moved, hidden, retold = live[0], live[1], live[2]

    ProductPage.objects.filter(pk=retold.pk).update(language="bdq" if retold.language != "bdq" else "en")
    ProductPage.objects.filter(pk=hidden.pk).update(is_live=False)
    new_day = D(2025, 1, 20) if moved.first_published.month != 1 else D(2024, 7, 7)
    ProductPage.objects.filter(pk=moved.pk).update(first_published=new_day)
    assert StaleMonth.objects.filter(month=f"{moved.first_published:%Y-%m}").exists()

    kept, live_counts = both(*year)
    assert kept == live_counts
    totals = sum(row[0] for row in kept["task_format_language"].values())
    assert totals == ProductPage.objects.filter(is_live=True, first_published__year=2024).count()


def test_publications_and_deletions_written_by_sql_are_seen(archive):
    year = (D(2024, 1, 1), D(2024, 12, 31))
    both(*year)
    product = next(p for p in archive if p.live and p.first_published.year == 2024)
    ProductPublication.objects.filter(page=product).delete()
    assert StaleMonth.objects.filter(month=f"{product.first_published:%Y-%m}").exists()
    both(*year)
    ProductPage.objects.get(pk=product.pk).delete()
    kept, live = both(*year)
    assert kept == live


def expected_counted(year):
    """The rule, straight from the tables: ethnic or foreign, or on a channel now marked digital."""
    in_year = ProductPage.objects.filter(is_live=True, first_published__year=year)
    digital = in_year.filter(language="vi", publications__channel__is_digital=True).distinct()
    return in_year.exclude(language="vi").count() + digital.count()


def test_a_change_of_the_digital_set_is_counted_at_once(archive):
    before = compute(Query(Period.year(2024)))
    assert before.counted == expected_counted(2024)
    plain = ProductPage.objects.filter(is_live=True, first_published__year=2024, language="vi").exclude(
        publications__channel__is_digital=True
    )
    channel = Channel.objects.filter(is_digital=False, publications__page__in=plain).first()
    channel.is_digital = True
    channel.save()
    after = compute(Query(Period.year(2024)))
    assert after.counted == expected_counted(2024) > before.counted
    kept, live = both(D(2024, 1, 1), D(2024, 12, 31))
    assert kept == live


def test_a_units_query_is_counted_from_the_products(archive):
    unit = archive[0].unit
    compute(Query(Period.year(2024), unit=unit.slug))
    assert not CountedMonth.objects.exists()


def test_a_period_of_centuries_is_counted_from_the_products_keeping_nothing(archive):
    kept, live = both(D(1, 1, 1), D(9999, 12, 31))
    assert kept == live
    assert not CountedMonth.objects.exists()


@pytest.mark.parametrize(
    ("start", "end", "months", "edges"),
    [
        (D(2024, 1, 1), D(2024, 12, 31), [f"2024-{m:02d}" for m in range(1, 13)], []),
        (
            D(2024, 3, 15),
            D(2024, 5, 10),
            ["2024-04"],
            [(D(2024, 3, 15), D(2024, 3, 31)), (D(2024, 5, 1), D(2024, 5, 10))],
        ),
        (D(2024, 5, 2), D(2024, 5, 20), [], [(D(2024, 5, 2), D(2024, 5, 20))]),
        (D(2023, 12, 1), D(2024, 2, 29), ["2023-12", "2024-01", "2024-02"], []),
        (
            D(2024, 1, 31),
            D(2024, 3, 1),
            ["2024-02"],
            [(D(2024, 1, 31), D(2024, 1, 31)), (D(2024, 3, 1), D(2024, 3, 1))],
        ),
    ],
)
def test_a_period_splits_into_whole_months_and_partial_edges(start, end, months, edges):
    assert monthly.split(start, end) == (months, edges)
