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
tie. Tantivy returns the best ``offset + page_size`` hits and a margin; the tie-breaks are
applied to those, fetching more when a tie runs past the margin.
"""

import json
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
MAX_TIE_FETCH = 5_000
COMBINATION_SIZE = 100_000  # more sets of channels than the archive has: the counts are exact
AGGREGATIONS = {
    name: {"terms": {"field": combination_field(name), "size": COMBINATION_SIZE}}
    if name in MANY_VALUE_FACETS
    else {"terms": {"field": name, "size": FACET_SIZE}}
    for name in FACETS
}


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


def ranked_query(match, groups):
    """``match`` plus the ranking bonuses: exact marked words, consecutive words side by side."""
    bonuses = [_bonus("exact", word, EXACT_BONUS) for group in groups for word in group.exact]
    bonuses += [_bonus("pairs", pair, ADJACENT_BONUS) for pair in query_pairs(groups)]
    if not bonuses:
        return match
    return Query.boolean_query([(Occur.Must, match), *[(Occur.Should, b) for b in bonuses]])


def facet_counts(searcher, match):
    raw = searcher.aggregate(match, AGGREGATIONS)
    counts = {name: {} for name in FACETS}
    for name in FACETS:
        for bucket in raw.get(name, {}).get("buckets", []):
            values = bucket["key"].split(" ") if name in MANY_VALUE_FACETS else [_key(bucket["key"])]
            for value in values:
                counts[name][value] = counts[name].get(value, 0) + bucket["doc_count"]
    return sort_facets(counts)


def _key(value):
    return str(int(value)) if isinstance(value, float) else str(value)


def _tie_key(score, language, order, reader):
    return (-round(score, 3), language != reader, -order)


def ranked_page(searcher, query, search_query):
    """(count, addresses of the requested page) by relevance and the tie-breaks."""
    stop = search_query.offset + search_query.page_size
    limit = stop + TIE_MARGIN
    while True:
        result = searcher.search(query, limit=limit, count=True)
        hits = result.hits
        if (
            len(hits) < limit
            or limit >= MAX_TIE_FETCH
            or round(hits[-1][0], 3) != round(hits[stop - 1][0], 3)
        ):
            break
        limit *= 4  # the tie at the page's end runs past what we fetched
    addresses = [address for _score, address in hits]
    orders = searcher.fast_field_values("order", addresses)
    languages = searcher.fast_field_values("lang_no", addresses)
    reader = LANGUAGE_NUMBERS.get(search_query.reader_language, -1)
    ranked = sorted(range(len(hits)), key=lambda i: _tie_key(hits[i][0], languages[i], orders[i], reader))
    return result.count, [addresses[i] for i in ranked[search_query.offset : stop]]


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
            count, addresses = ranked_page(searcher, ranked_query(match, groups), query)
        else:
            count, addresses = dated_page(searcher, match, query)
        hits = [hit_from_payload(json.loads(searcher.doc(a)["hit"][0])) for a in addresses]
        return SearchResult(
            count,
            [hit["id"] for hit in hits],
            facet_counts(searcher, match),
            self.name,
            groups=groups,
            hits=hits,
        )
