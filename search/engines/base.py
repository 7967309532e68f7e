"""What every archive engine takes and gives back."""

import re
from dataclasses import dataclass, field

# Facets the API and the page show, in order; ``topic`` filters but is not counted.
FACETS = ("language", "area", "year", "unit", "format", "channel")
FILTERS = (*FACETS, "topic")
SORTS = ("relevance", "date")
TAG_PREFIX = {
    "language": "lang",
    "area": "area",
    "year": "year",
    "unit": "unit",
    "format": "fmt",
    "channel": "chan",
    "topic": "topic",
}
ALL_TAG = "any_doc"


def tag(facet, value):
    """The index word that stands for ``facet = value`` (filters travel as full-text terms)."""
    return f"{TAG_PREFIX[facet]}_{re.sub(r'[^0-9a-z]+', '_', str(value).lower())}"


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
    engine: str = "database"
    notice: str = ""
    groups: list = field(default_factory=list)  # the query's word groups, for highlighting


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
