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
