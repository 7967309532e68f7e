"""The embedded engine, Tantivy: one full-text index on disk (``search.store``), for any single
host. The API and ``/health/`` call it ``tantivy``.

A search is two passes over the index, both in Tantivy's Rust code: the top hits by score
(or by date) with the total count, and the six facet counts as terms aggregations over
fast (columnar) fields, one value per hit each: the channel facet counts each hit's set of
channels (``search.schema.combination``) and adds every set's count to each of its
channels, so a product on two channels still counts once for each. Filters are non-scoring
clauses of the same query. What a hit shows is stored in the index, so a search never
reads the database.

Order by relevance: score (BM25 plus the bonuses of ``search.engines.base``), then the
reader's language, then newest, then the higher page id; scores equal to three decimals
tie. The bonus clauses match most hits of a common query, so scoring them with the query
leaves Tantivy no hit it may skip. Instead Tantivy returns the best ``RERANK_DEPTH`` hits by
BM25 alone, and a second query adds the bonuses to those hits only. No hit beyond them can
score more than the last one's BM25 plus every bonus; when that could still reach the
requested page (or the page lies deeper), the whole query is run with the bonuses as
before: the best ``offset + page_size`` hits and a margin, fetching more when a tie runs
past the margin. Either way the tie-breaks are applied to the hits fetched, and the page is
the one the whole query gives.
"""

import json
import struct
from functools import lru_cache

from tantivy import Occur, Order, Query

from search import store
from search.engines.base import (
    ADJACENT_BONUS,
    EXACT_BONUS,
    FACET_SIZE,
    FACETS,
    MANY_VALUE_FACETS,
    TITLE_BOOST,
    SearchResult,
    empty_facets,
    hit_from_payload,
    query_pairs,
    sort_facets,
)
from search.schema import LANGUAGE_NUMBERS, build_schema, combination_field
from search.text import CHARS, query_groups

TIE_MARGIN = 20
RERANK_DEPTH = 200  # hits by BM25 alone that the bonuses rerank (the page and its margin must fit)
MAX_TIE_FETCH = 5_000
COMBINATION_SIZE = 100_000  # more sets of channels than the archive has: the counts are exact
AGGREGATIONS = {
    name: {"terms": {"field": combination_field(name), "size": COMBINATION_SIZE}}
    if name in MANY_VALUE_FACETS
    else {"terms": {"field": name, "size": FACET_SIZE}}
    for name in FACETS
}
COUNT = {"value_count": {"field": "order"}}  # every entry has one ``order``: the number of hits


@lru_cache(maxsize=1)
def schema():
    return build_schema()


def _words_query(field, words):
    if len(words) == 1:
        return Query.term_query(schema(), field, words[0], index_option="freq")
    return Query.phrase_query(schema(), field, list(words))


def _bonus(field, term, bonus):
    return Query.const_score_query(Query.term_query(schema(), field, term, index_option="basic"), bonus)


def _either(*queries):
    return Query.boolean_query([(Occur.Should, q) for q in queries])


def group_query(group):
    if group.kind == CHARS:
        return _words_query("chars", group.words)
    return _either(
        Query.boost_query(_words_query("title", group.words), TITLE_BOOST), _words_query("body", group.words)
    )


def match_query(groups, filters):
    """What the hits must match: every group, and every filtered facet (one of its values)."""
    clauses = [(Occur.Must, group_query(group)) for group in groups]
    for name, values in sorted(filters.items()):
        if values:
            terms = [int(v) for v in values] if name == "year" else [str(v) for v in values]
            clauses.append(
                (Occur.Must, Query.const_score_query(Query.term_set_query(schema(), name, terms), 0.0))
            )
    return Query.boolean_query(clauses) if clauses else Query.all_query()


def bonuses(groups):
    """The ranking bonuses, (field, term, bonus): exact marked words, consecutive words side by side."""
    out = [("exact", word, EXACT_BONUS) for group in groups for word in group.exact]
    return out + [("pairs", pair, ADJACENT_BONUS) for pair in query_pairs(groups)]


def ranked_query(match, groups):
    """``match`` plus the ranking bonuses."""
    clauses = [(Occur.Should, _bonus(*bonus)) for bonus in bonuses(groups)]
    return Query.boolean_query([(Occur.Must, match), *clauses]) if clauses else match


def facet_counts(searcher, match):
    """(how many hits ``match`` has, the six facets' counts), from one pass over the hits."""
    raw = searcher.aggregate(match, {**AGGREGATIONS, "count": COUNT})
    counts = {name: {} for name in FACETS}
    for name in FACETS:
        for bucket in raw.get(name, {}).get("buckets", []):
            values = bucket["key"].split(" ") if name in MANY_VALUE_FACETS else [_key(bucket["key"])]
            for value in values:
                counts[name][value] = counts[name].get(value, 0) + bucket["doc_count"]
    return int(raw["count"]["value"]), sort_facets(counts)


def _key(value):
    return str(int(value)) if isinstance(value, float) else str(value)


def _tie_key(score, language, order, reader):
    return (-round(score, 3), language != reader, -order)


def ranked_page(searcher, match, groups, search_query):
    """Addresses of the requested page by relevance and the tie-breaks."""
    if search_query.offset + search_query.page_size + TIE_MARGIN <= RERANK_DEPTH:
        page = reranked_page(searcher, match, groups, search_query)
        if page is not None:
            return page
    return whole_ranked_page(searcher, ranked_query(match, groups), search_query)


def reranked_page(searcher, match, groups, search_query):
    """The page from the best ``RERANK_DEPTH`` hits by BM25 alone, their bonuses added by a
    query over those hits only; None when a hit beyond them might rank onto the page."""
    hits = searcher.search(match, limit=RERANK_DEPTH).hits
    floor = hits[-1][0] if len(hits) == RERANK_DEPTH else None  # BM25 of every hit left out is at most this
    if hits and bonuses(groups):
        ids = searcher.fast_field_values("id", [address for _score, address in hits])
        among = _either(*[Query.term_query(schema(), "id", i, index_option="basic") for i in ids])
        only = Query.boolean_query(
            [
                (Occur.Must, Query.const_score_query(among, 0.0)),
                *[(Occur.Should, _bonus(*b)) for b in bonuses(groups)],
            ]
        )
        extra = {_key_of(a): bonus for bonus, a in searcher.search(only, limit=len(hits)).hits}
        # The whole query's score: BM25 plus the hit's bonuses, added in float32 as Tantivy adds them.
        hits = [(_float32(score + extra.get(_key_of(a), 0.0)), a) for score, a in hits]
    stop = search_query.offset + search_query.page_size
    addresses, ranked = _tie_sorted(searcher, hits, search_query)
    if floor is not None:
        ceiling = floor + sum(bonus for _field, _term, bonus in bonuses(groups))
        slack = abs(ceiling) * 1e-6 + 0.001  # float32 sums: well over their rounding
        if round(ceiling + slack, 3) >= round(hits[ranked[stop - 1]][0], 3):
            return None
    return [addresses[i] for i in ranked[search_query.offset : stop]]


def _key_of(address):
    return (address.segment_ord, address.doc)


def _float32(value):
    return struct.unpack("f", struct.pack("f", value))[0]


def _tie_sorted(searcher, hits, search_query):
    """(addresses of ``hits``, their indexes in order of score and the tie-breaks)."""
    addresses = [address for _score, address in hits]
    orders = searcher.fast_field_values("order", addresses)
    languages = searcher.fast_field_values("lang_no", addresses)
    reader = LANGUAGE_NUMBERS.get(search_query.reader_language, -1)
    ranked = sorted(range(len(hits)), key=lambda i: _tie_key(hits[i][0], languages[i], orders[i], reader))
    return addresses, ranked


def whole_ranked_page(searcher, query, search_query):
    """Addresses of the requested page, the bonuses scored with the whole query."""
    stop = search_query.offset + search_query.page_size
    limit = stop + TIE_MARGIN
    while True:
        hits = searcher.search(query, limit=limit).hits
        if (
            len(hits) < limit
            or limit >= MAX_TIE_FETCH
            or round(hits[-1][0], 3) != round(hits[stop - 1][0], 3)
        ):
            break
        limit *= 4  # the tie at the page's end runs past what we fetched
    addresses, ranked = _tie_sorted(searcher, hits, search_query)
    return [addresses[i] for i in ranked[search_query.offset : stop]]


def dated_page(searcher, query, search_query):
    """(count, addresses of the requested page), newest first, then the higher page id."""
    result = searcher.search(
        query,
        limit=search_query.page_size,
        offset=search_query.offset,
        count=True,
        order_by_field="order",
        order=Order.Desc,
    )
    return result.count, [address for _key, address in result.hits]


class TantivyEngine:
    """The embedded engine. Before issue 25 the API called it "database", a name left from when
    the database's own full-text search answered (SQLite FTS5, PostgreSQL ``tsvector``)."""

    name = "tantivy"

    def search(self, query):
        groups = query_groups(query.q)
        if query.q.strip() and not groups:
            return SearchResult(0, [], empty_facets(), self.name, groups=[])
        _name, index = store.current()
        searcher = index.searcher()
        match = match_query(groups, query.filters)
        if groups and query.sort != "date":
            count, facets = facet_counts(searcher, match)
            addresses = ranked_page(searcher, match, groups, query)
        else:
            count, addresses = dated_page(searcher, match, query)
            facets = facet_counts(searcher, match)[1]
        hits = [hit_from_payload(json.loads(searcher.doc(a)["hit"][0])) for a in addresses]
        return SearchResult(
            count,
            [hit["id"] for hit in hits],
            facets,
            self.name,
            groups=groups,
            hits=hits,
        )
