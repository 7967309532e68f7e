"""What every archive engine takes and gives back, and the ranking both engines share."""

import datetime
from dataclasses import dataclass, field

# The facets the API and the page show, in order: the one list. ``topic`` filters but is not
# counted. How a product carries each (``search.documents``) names the subsets the engines
# index by: a number (``year``), or text (a register's slug), one value or several (a product
# is published on several channels: the document's ``channels``).
FACETS = ("language", "area", "year", "unit", "format", "channel")
NUMBER_FACETS = ("year",)
TEXT_FACETS = tuple(name for name in FACETS if name not in NUMBER_FACETS)
MANY_VALUE_FACETS = ("channel",)
ONE_VALUE_FACETS = tuple(name for name in TEXT_FACETS if name not in MANY_VALUE_FACETS)
FILTERS = (*FACETS, "topic")
SORTS = ("relevance", "date")
FACET_SIZE = 1000  # more values than any register has: the counts are exact

# Ranking: relevance (BM25, title words five times body words) plus constant bonuses
# large enough to order the hits by them first. A product with the exact marked form of a
# word the reader typed with marks ranks above one matching it only folded; then one with
# more of the query's consecutive words side by side (each pair indexed as one term,
# ``search.text.Analysis.pairs``: a term lookup, not a position check of every hit).
TITLE_BOOST = 5.0
EXACT_BONUS = 10_000.0
ADJACENT_BONUS = 1_000.0


@dataclass
class SearchQuery:
    q: str = ""
    filters: dict = field(default_factory=dict)  # facet -> list of values (OR within, AND across)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    reader_language: str = ""

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


@dataclass
class SearchResult:
    count: int
    ids: list  # page ids of this page of results, in order
    facets: dict  # facet -> {value: count}
    engine: str  # which engine answered: "tantivy" (the embedded one) or "elasticsearch"
    notice: str = ""
    groups: list = field(default_factory=list)  # the query's search.text.Groups, for highlighting
    hits: list = field(default_factory=list)  # what each of ``ids`` shows (see hit_from_payload)


def hit_from_payload(payload):
    """A hit as the service wants it, from what an engine stored (search.schema.hit_payload)."""
    hit = dict(payload)
    published = hit.get("first_published")
    hit["first_published"] = datetime.date.fromisoformat(published) if published else None
    hit["text"] = hit.get("text") or ""
    return hit


def query_pairs(groups):
    """The pairs of consecutive unquoted query words (``a_b``): products with them side by
    side rank higher (quoted words must be side by side anyway)."""
    words = [g.words[0] for g in groups if g.kind == "words" and len(g.words) == 1]
    return sorted({f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)})


def empty_facets():
    return {name: {} for name in FACETS}


def sort_facets(facets):
    """Counts largest first, then by value; years newest first."""
    out = {}
    for name, counts in facets.items():
        if name == "year":
            items = sorted(counts.items(), key=lambda kv: kv[0], reverse=True)
        else:
            items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        out[name] = dict(items)
    return out
