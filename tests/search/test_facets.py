"""Facet counts equal the number of matching products per value; filters combine."""

import datetime

import pytest

from products.models import ProductPage
from tests.factories import make_product
from tests.search.conftest import find, ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(db):
    spec = [
        ("vi", "I", "bao-kon-tum", "article", [("facebook", datetime.date(2023, 3, 1))]),
        (
            "vi",
            "I",
            "bao-kon-tum",
            "news",
            [("facebook", datetime.date(2024, 3, 1)), ("print", datetime.date(2024, 3, 2))],
        ),
        ("vi", "II", "cong-an-tinh", "news", [("zalo", datetime.date(2024, 6, 1))]),
        ("en", "II", "bao-kon-tum", "article", [("online-news", datetime.date(2025, 1, 1))]),
        ("bdq", "III", "bao-kon-tum", "radio-feature", [("radio", datetime.date(2025, 2, 1))]),
    ]
    pages = []
    for n, (language, area, unit, fmt, pubs) in enumerate(spec):
        pages.append(
            make_product(
                title=f"Phòng chống mua bán người {n}",
                summary="Kon Tum phòng chống mua bán người",
                language=language,
                area=area,
                unit=unit,
                format=fmt,
                publications=pubs,
            )
        )
    make_product(title="Phòng chống mua bán người nháp", live=False)
    return pages


def expected_facets(pages):
    counts = {name: {} for name in ("language", "area", "year", "unit", "format", "channel")}
    for page in pages:
        page = ProductPage.objects.get(pk=page.pk)
        values = {
            "language": [page.language],
            "area": [page.area.slug],
            "year": [str(page.first_published.year)],
            "unit": [page.unit.slug],
            "format": [page.format.slug],
            "channel": sorted({p.channel.slug for p in page.publications.all()}),
        }
        for name, vals in values.items():
            for v in vals:
                counts[name][v] = counts[name].get(v, 0) + 1
    return counts


def test_facet_counts_equal_matching_products(batch):
    result = find("phong chong mua ban nguoi")
    assert result.count == 5
    assert result.facets == expected_facets(batch)
    assert result.facets["channel"]["facebook"] == 2  # a product on two channels counts once per channel


def test_filters_combine_and_counts_follow(batch):
    result = find("mua ban nguoi", filters={"language": "vi", "area": "I"})
    assert set(result.ids) == {batch[0].pk, batch[1].pk}
    assert result.facets == expected_facets(batch[:2])
    assert ids("mua ban nguoi", filters={"year": "2024", "unit": "bao-kon-tum"}) == {batch[1].pk}
    assert ids("mua ban nguoi", filters={"channel": "zalo"}) == {batch[2].pk}
    assert ids("mua ban nguoi", filters={"format": "news", "channel": "print"}) == {batch[1].pk}
    # Several values of one facet: any of them.
    assert ids("mua ban nguoi", filters={"language": ["en", "bdq"]}) == {batch[3].pk, batch[4].pk}
    assert ids("mua ban nguoi", filters={"language": "fr"}) == set()


def test_browsing_without_query_uses_filters(batch):
    assert {p.pk for p in batch if p.language == "vi"} <= ids("", filters={"language": "vi"})
    result = find("", filters={"area": "III", "language": "bdq"})
    assert result.ids == [batch[4].pk]


def test_sort_by_date_and_pagination(batch):
    result = find("mua ban nguoi", sort="date")
    dates = [ProductPage.objects.get(pk=i).first_published for i in result.ids]
    assert dates == sorted(dates, reverse=True)
    from search.engines.base import SearchQuery
    from search.service import run_search

    pages = [run_search(SearchQuery(q="mua ban nguoi", sort="date", page=n, page_size=2)) for n in (1, 2, 3)]
    assert [len(p.ids) for p in pages] == [2, 2, 1]
    assert sum((p.ids for p in pages), []) == result.ids
    assert all(p.count == 5 for p in pages)


def test_reader_language_wins_ties(db):
    vi = make_product(title="Hội thảo Jrai", summary="cùng một nội dung", language="vi")
    en = make_product(title="Hội thảo Jrai", summary="cùng một nội dung", language="en")
    assert find("hoi thao jrai", reader_language="en").ids[0] == en.pk
    assert find("hoi thao jrai", reader_language="vi").ids[0] == vi.pk


def test_title_match_ranks_first(db):
    body = make_product(title="Bản tin", summary="Nói về Măng Đen và nhiều chuyện khác nữa của tỉnh")
    title = make_product(title="Măng Đen", summary="Bản tin")
    assert find("mang den").ids[:2] == [title.pk, body.pk]


def test_a_filter_does_not_change_the_ranking(db):
    for n in range(3):  # the word must be rare for bm25 to weigh it (see scores_all_equal)
        make_product(title=f"Kon Tum {n}", publications=[("radio", datetime.date(2024, 1, 1))])
    old_title = make_product(title="Plei Kần", publications=[("radio", datetime.date(2023, 1, 1))])
    new_body = make_product(
        title="Măng Đen", summary="Gia Lai, Plei Kần", publications=[("radio", datetime.date(2025, 1, 1))]
    )
    assert find("plei").ids == [old_title.pk, new_body.pk]
    assert find("plei", filters={"channel": "radio", "language": "vi"}).ids == [old_title.pk, new_body.pk]


def test_facet_counts_follow_an_edit_and_an_unpublish_at_once(batch):
    """The in-memory facet table is reloaded after every index write, in this process too."""
    from products.models import ContentArea

    assert find("mua ban nguoi").facets["area"] == {"I": 2, "II": 2, "III": 1}
    page = ProductPage.objects.get(pk=batch[2].pk)
    page.area = ContentArea.objects.get(slug="III")
    page.save_revision().publish()
    assert find("mua ban nguoi").facets["area"] == {"I": 2, "II": 1, "III": 2}
    ProductPage.objects.get(pk=batch[0].pk).unpublish()
    result = find("mua ban nguoi")
    assert result.count == 4
    assert batch[0].pk not in result.ids
    assert result.facets["area"] == {"I": 1, "II": 1, "III": 2}


def test_facet_table_counts_orders_and_drops_unknown_ids(batch):
    import numpy as np

    from search.engines.facet_table import current_table

    table = current_table()
    pks = sorted(p.pk for p in batch)
    rows, found = table.rows_of([pks[0], 10**9, pks[-1]])
    assert found.tolist() == [True, False, True]
    assert table.ids[rows].tolist() == [pks[0], pks[-1]]
    everything = np.arange(len(table.ids))
    assert table.counts(everything) == expected_facets(batch)
    newest_first = table.ids[table.top(everything, None, "", 3)].tolist()
    by_date = sorted(batch, key=lambda p: ProductPage.objects.get(pk=p.pk).first_published, reverse=True)
    assert newest_first == [p.pk for p in by_date[:3]]


def test_words_in_half_the_archive_skip_bm25_and_keep_its_order(db, monkeypatch):
    """FTS5's bm25 floors the idf of a word found in at least half the rows: every hit scores
    0.000, so the engine does not compute it, and the order is the one bm25 would give."""
    from django.db import connection

    from search.engines.embedded import SqliteEngine
    from search.engines.facet_table import current_table
    from search.text import query_groups

    if connection.vendor != "sqlite":
        pytest.skip("bm25 is SQLite FTS5's; PostgreSQL ranks with ts_rank")
    for n, language in enumerate(["vi", "en", "vi", "bdq", "vi", "en"], start=1):
        make_product(
            title=f"Kon Tum {n}" if n % 2 else f"Tin số {n}",
            summary="Kon Tum " * n + "Gia Lai" * (n == 1),
            language=language,
            publications=[("facebook", datetime.date(2024, 1, n))],
        )
    # A rare word: in the title of an older product, in the body of a newer one.
    title = make_product(title="Plei Kần", publications=[("radio", datetime.date(2023, 1, 1))])
    body = make_product(
        title="Măng Đen", summary="Gia Lai, Plei Kần", publications=[("radio", datetime.date(2025, 1, 1))]
    )
    engine, table = SqliteEngine(), current_table()
    assert engine.scores_all_equal(query_groups("kon tum"), table)
    assert not engine.scores_all_equal(query_groups("plei"), table)
    assert not engine.scores_all_equal(query_groups('"kon tum"'), table)  # a phrase: computed
    shortcut = {q: find(q, reader_language="en").ids for q in ("kon tum", "kon", "plei", "gia lai")}
    assert shortcut["plei"] == [title.pk, body.pk]  # ranked, not newest first
    monkeypatch.setattr(SqliteEngine, "scores_all_equal", lambda *args: False)
    assert {q: find(q, reader_language="en").ids for q in shortcut} == shortcut
    assert len(shortcut["kon tum"]) == 6
