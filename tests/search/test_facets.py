"""Facet counts equal the number of matching products per value; filters combine; order."""

import datetime

import pytest

from products.models import ContentArea, ProductPage, Unit
from search.engines.base import SearchQuery
from search.service import run_search
from search.text import analyze
from tests.factories import make_product
from tests.search.helpers import committed, find, ids, import_rows, publish

pytestmark = pytest.mark.django_db
SPEC = [
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


@pytest.fixture(scope="module")
def batch(module_data):
    with committed():
        pages = [
            make_product(
                title=f"Phòng chống mua bán người {n}",
                summary="Kon Tum phòng chống mua bán người",
                language=language,
                area=area,
                unit=unit,
                format=fmt,
                publications=pubs,
            )
            for n, (language, area, unit, fmt, pubs) in enumerate(SPEC)
        ]
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
    assert ids("", filters={"language": "vi"}) == {p.pk for p in batch if p.language == "vi"}
    result = find("", filters={"area": "III", "language": "bdq"})
    assert result.ids == [batch[4].pk]


def test_sort_by_date_and_pagination(batch):
    result = find("mua ban nguoi", sort="date")
    dates = [ProductPage.objects.get(pk=i).first_published for i in result.ids]
    assert dates == sorted(dates, reverse=True)
    pages = [run_search(SearchQuery(q="mua ban nguoi", sort="date", page=n, page_size=2)) for n in (1, 2, 3)]
    assert [len(p.ids) for p in pages] == [2, 2, 1]
    assert sum((p.ids for p in pages), []) == result.ids
    assert all(p.count == 5 for p in pages)
    by_relevance = [run_search(SearchQuery(q="mua ban nguoi", page=n, page_size=2)) for n in (1, 2, 3)]
    assert sum((p.ids for p in by_relevance), []) == find("mua ban nguoi").ids


def test_facet_counts_follow_an_edit_and_an_unpublish_at_once(batch):
    assert find("mua ban nguoi").facets["area"] == {"I": 2, "II": 2, "III": 1}
    with committed():
        page = ProductPage.objects.get(pk=batch[2].pk)
        page.area = ContentArea.objects.get(slug="III")
        page.save_revision().publish()
    assert find("mua ban nguoi").facets["area"] == {"I": 2, "II": 1, "III": 2}
    with committed():
        ProductPage.objects.get(pk=batch[0].pk).unpublish()
    result = find("mua ban nguoi")
    assert result.count == 4
    assert batch[0].pk not in result.ids
    assert result.facets["area"] == {"I": 1, "II": 1, "III": 2}


def test_reader_language_wins_ties(db):
    vi = publish(title="Hội thảo Jrai", summary="cùng một nội dung", language="vi")
    en = publish(title="Hội thảo Jrai", summary="cùng một nội dung", language="en")
    assert find("hoi thao jrai", reader_language="en").ids[0] == en.pk
    assert find("hoi thao jrai", reader_language="vi").ids[0] == vi.pk


def test_equal_scores_go_newest_first_then_higher_id(db):
    older, newer, newest_low, newest_high = (
        publish(title="Cồng chiêng Tây Nguyên", publications=[("radio", datetime.date(2024, 1, day))])
        for day in (1, 5, 9, 9)
    )
    assert find("cong chieng", reader_language="vi").ids == [
        newest_high.pk,
        newest_low.pk,
        newer.pk,
        older.pk,
    ]


def test_title_match_ranks_first(db):
    body = publish(title="Bản tin", summary="Nói về Măng Đen và nhiều chuyện khác nữa của tỉnh")
    title = publish(title="Măng Đen", summary="Bản tin")
    assert find("mang den").ids[:2] == [title.pk, body.pk]


def test_a_filter_does_not_change_the_ranking(db):
    for n in range(3):
        publish(title=f"Kon Tum {n}", publications=[("radio", datetime.date(2024, 1, 1))])
    old_title = publish(title="Plei Kần", publications=[("radio", datetime.date(2023, 1, 1))])
    new_body = publish(
        title="Măng Đen", summary="Gia Lai, Plei Kần", publications=[("radio", datetime.date(2025, 1, 1))]
    )
    assert find("plei").ids == [old_title.pk, new_body.pk]
    assert find("plei", filters={"channel": "radio", "language": "vi"}).ids == [old_title.pk, new_body.pk]


def test_every_value_is_counted_however_many(db, tmp_path):
    """More distinct values than a terms aggregation returns by default (10): all counted."""
    units = list(Unit.objects.order_by("slug").values_list("slug", flat=True))[:14]
    rows = [
        {
            "external_id": f"facet-{n}",
            "title": f"Đếm đủ giá trị {n}",
            "language": "vi",
            "area": "I",
            "format": "news",
            "unit": unit,
            "summary": "Đếm đủ",
            "publications": [{"channel": "radio", "date": f"{2011 + n}-01-01"}],
        }
        for n, unit in enumerate(units)
    ]
    import_rows(rows, tmp_path)
    facets = find("dem du gia tri").facets
    assert facets["unit"] == dict.fromkeys(units, 1)
    assert facets["year"] == {str(2011 + n): 1 for n in reversed(range(len(units)))}


def test_one_facet_list_with_named_subsets():
    """Issue 25: the facets are listed once (``search.engines.base.FACETS``); the embedded
    index's fields and what it writes follow from named subsets of it, not from a second list
    (``schema.FACET_FIELDS``) sliced with ``[:-1]`` for "all but channel"."""
    from search import schema
    from search.engines import base

    assert not hasattr(schema, "FACET_FIELDS")
    assert tuple(f for f in base.FACETS if f not in base.NUMBER_FACETS) == base.TEXT_FACETS
    assert set(base.TEXT_FACETS) == {*base.ONE_VALUE_FACETS, *base.MANY_VALUE_FACETS}
    assert not set(base.ONE_VALUE_FACETS) & set(base.MANY_VALUE_FACETS)
    assert (*base.FACETS, "topic") == base.FILTERS
    doc = {
        "page_id": 7,
        "language": "bdq",
        "area": "III",
        "year": 2025,
        "unit": "bao-kon-tum",
        "format": "radio-feature",
        "channels": ["radio", "zalo"],
        "topics": ["upr"],
        "first_published": datetime.date(2025, 2, 1),
        "title": "t",
        "url": "",
        "external_id": "",
        "text": "",
        "version": 1,
        "content": 2,
    }
    written = schema.to_tantivy(doc, analyze("t", ["b"])).to_dict()
    assert {name: written[name] for name in base.FACETS} == {
        "language": ["bdq"],
        "area": ["III"],
        "year": [2025],
        "unit": ["bao-kon-tum"],
        "format": ["radio-feature"],
        "channel": ["radio", "zalo"],
    }
    assert written["channels"] == ["radio zalo"]  # the whole set, one value: the channel facet counts it
