"""Marks-aware ranking, quoted phrases and proximity (issue 15).

A query typed without marks matches every marked form alike; typed with marks it still
matches every form, but the products with the exact marked word come first. Quoted words
match side by side only; unquoted, the more of them side by side, the higher.
"""

import datetime

import pytest

from tests.search.helpers import committed, find, ids, publish

pytestmark = pytest.mark.django_db
FILLER = " ".join(["phát thanh truyền hình tỉnh"] * 12)


@pytest.fixture(scope="module")
def market(module_data):
    """Four products that fold alike: sell, friend, table, committee. The plain one is the
    newest, so without marks-aware ranking it would come first for all of them."""
    words = {"ban": "2025-01-04", "bàn": "2025-01-03", "bạn": "2025-01-02", "bán": "2025-01-01"}
    with committed():
        return {
            word: publish(
                title=f"Chuyện {word} ở chợ Kon Tum",
                publications=[("radio", datetime.date.fromisoformat(date))],
            ).pk
            for word, date in words.items()
        }


@pytest.mark.parametrize("word", ["bán", "bạn", "bàn"])
def test_the_exact_marked_word_ranks_first_and_every_form_still_matches(db, market, word):
    result = find(f"{word} chợ")
    assert result.ids[0] == market[word]
    assert set(result.ids) == set(market.values())


def test_a_query_without_marks_ranks_the_forms_alike(db, market):
    assert find("ban cho").ids == [market["ban"], market["bàn"], market["bạn"], market["bán"]]  # newest first


def test_exact_marks_rank_first_over_the_api_too(client, market):
    data = client.get("/api/search/", {"q": "bạn"}).json()
    assert data["count"] == 4
    assert data["results"][0]["id"] == market["bạn"]


def test_partly_marked_query_ranks_by_the_marked_words(db, market):
    assert find("Chuyện bán").ids[0] == market["bán"]  # "Chuyện" is in all four


@pytest.fixture(scope="module")
def distances(module_data):
    with committed():
        return {
            "adjacent": publish(title="Tin một", summary=f"Quyền trẻ em được bảo đảm. {FILLER}").pk,
            "half": publish(title="Tin hai", summary=f"Quyền của mọi trẻ em được bảo đảm. {FILLER}").pk,
            "far": publish(title="Tin ba", summary=f"Quyền được bảo đảm. {FILLER} Mọi trẻ, mọi em.").pk,
            "reversed": publish(title="Tin bốn", summary=f"Trẻ và em có quyền được bảo đảm. {FILLER}").pk,
        }


def test_quoted_words_match_side_by_side_only(db, distances):
    assert ids('"quyen tre em"') == {distances["adjacent"]}
    assert ids('"em co quyen"') == {distances["reversed"]}
    assert ids('"em tre"') == set()


def test_the_more_words_side_by_side_the_higher(db, distances):
    result = find("quyền trẻ em")
    assert set(result.ids) == set(distances.values())
    assert result.ids[:2] == [distances["adjacent"], distances["half"]]  # both pairs, then "trẻ em"


def test_a_phrase_never_spans_two_parts_of_a_document(db):
    page = publish(title="Hai phần", summary="Kết thúc bằng quyền", transcript="Trẻ em mở đầu")
    assert page.pk in ids("quyen tre")
    assert page.pk not in ids('"quyen tre"')


RERANKED = ["bán chợ", "ban cho", "Chuyện bạn", "quyền trẻ em", "quyen tre em", '"tre em" quyền', "tin", "em"]


def test_bonuses_added_to_the_best_hits_give_the_whole_querys_page(db, market, distances, monkeypatch):
    """Issue 27: the bonuses are scored over the best hits by BM25 only; when a hit beyond
    them might still rank onto the page, the whole query answers. Small depths and pages
    make both happen here; every page must be the whole query's."""
    from search import store
    from search.engines import tantivy_engine as te
    from search.engines.base import SearchQuery
    from search.text import query_groups

    searcher = store.current()[1].searcher()
    monkeypatch.setattr(te, "TIE_MARGIN", 0)
    taken, differ = {True: 0, False: 0}, []
    for depth in (1, 2, 3, 5):
        monkeypatch.setattr(te, "RERANK_DEPTH", depth)
        for q in RERANKED:
            groups = query_groups(q)
            match = te.match_query(groups, {})
            for size, page in ((1, 1), (1, 2), (2, 1), (2, 2), (3, 1)):
                query = SearchQuery(q=q, page=page, page_size=size, reader_language="vi")
                if page * size <= depth:
                    taken[te.reranked_page(searcher, match, groups, query) is not None] += 1
                whole = te.whole_ranked_page(searcher, te.ranked_query(match, groups), query)
                if te.ranked_page(searcher, match, groups, query) != whole:
                    differ.append((depth, q, size, page))
    assert differ == []
    assert taken[True] > 10 and taken[False] > 10  # both ways were taken
