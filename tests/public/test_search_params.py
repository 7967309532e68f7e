"""Property tests of the archive search parameters (search/params.py).

Whatever the GET parameters hold (any Unicode, any size, any count), ``parse`` returns a
query inside the bounds or raises ``BadParameter``, whose message the views send as a 400.
"""

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from products import languages
from search import params
from search.params import BadParameter, check_page, parse

pytestmark = pytest.mark.django_db

NAMES = ["q", "language", "area", "year", "unit", "format", "channel", "topic", "sort", "page", "page_size"]

any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)
big_text = st.text(max_size=5000)
numbers = st.integers(min_value=-(10**40), max_value=10**40).map(str)
known = st.sampled_from(["II", "upr", "bao-kon-tum", "video", "facebook", "bdq", "2024", "date", "1", "100"])
values = st.one_of(any_text, big_text, numbers, known, st.sampled_from(["\x00", "²", "١٢", "1_0", " 7 "]))
query_dicts = st.lists(
    st.tuples(st.one_of(st.sampled_from(NAMES), any_text), st.lists(values, max_size=4)), max_size=8
)

fast = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def as_query_dict(pairs):
    query = QueryDict(mutable=True)
    for name, items in pairs:
        query.setlist(name, query.getlist(name) + items)
    return query


def parse_or_refuse(query):
    try:
        return parse(query, reader_language="vi")
    except BadParameter as refusal:
        assert str(refusal)
        return None


@fast
@given(query_dicts)
@example([("year", ["²"])])
@example([("page", ["9" * 30])])
@example([("unit", ["u"] * 5000)])
@example([("q", ["tu " * 400])])
@example([("area", ["II\x00"])])
@example([("q", ["\ud800"])])
def test_parse_returns_a_bounded_query_or_refuses(db, pairs):
    query = parse_or_refuse(as_query_dict(pairs))
    if query is None:
        return
    assert len(query.q) <= params.MAX_QUERY_CHARS
    assert len(query.q.split()) <= params.MAX_QUERY_WORDS
    assert 1 <= query.page_size <= params.MAX_PAGE_SIZE
    assert query.page >= 1 and query.page * query.page_size <= params.MAX_RESULT_WINDOW
    for name, chosen in query.filters.items():
        assert 1 <= len(chosen) <= params.MAX_FILTER_VALUES
        if name == "language":
            assert set(chosen) <= set(languages.CODES)


@fast
@given(text=st.text(max_size=params.MAX_QUERY_CHARS))
def test_any_short_text_is_a_query_or_a_clear_refusal(db, text):
    query = parse_or_refuse(as_query_dict([("q", [text])]))
    if query is not None:
        assert query.q == text.strip()


@fast
@given(year=st.integers(min_value=1900, max_value=2100), page_size=st.integers(1, params.MAX_PAGE_SIZE))
def test_good_values_are_kept(db, year, page_size):
    query = parse(QueryDict(f"year={year}&page_size={page_size}&area=II&area=III&sort=date"))
    assert query.filters == {"year": [str(year)], "area": ["II", "III"]}
    assert query.page_size == page_size and query.sort == "date"


@fast
@given(count=st.integers(min_value=0, max_value=10**12), page=st.integers(1, 10**6), size=st.integers(1, 100))
def test_check_page_accepts_up_to_the_last_page_only(count, page, size):
    query = parse_or_refuse(QueryDict(f"page={page}&page_size={size}"))
    assume(query is not None)
    last = max(1, -(-count // size))
    try:
        assert check_page(query, count) == last
    except BadParameter as refusal:
        assert page > last and str(refusal)


@pytest.mark.parametrize(
    "query_string,word",
    [
        ("year=%C2%B2", "year"),
        ("page=" + "9" * 30, "page"),
        ("page=1_0", "page"),
        ("page_size=%D9%A1%D9%A2", "page_size"),
        ("area=II%00", "area"),
        ("q=" + "+".join(["tu"] * 100), "q"),
        ("page=501&page_size=20", "page"),
    ],
)
def test_refusals_say_which_parameter(db, query_string, word):
    with pytest.raises(BadParameter) as refusal:
        parse(QueryDict(query_string))
    assert word in str(refusal.value)
