"""The Elasticsearch engine (elasticsearch-dsl), used when ``ELASTICSEARCH_URL`` is set.

Documents carry the words ``search.text`` prepares, so the index analyzer only splits on
the spaces between them: Elasticsearch matches exactly what the embedded engine matches
(no ICU plugin, no language stemmer, none of the accent bugs of stock analyzers).
Filters go into the query's ``filter`` clause and every facet is a terms aggregation over
the same hits, so the counts equal the embedded engine's.

The index is versioned (``<prefix>-products-v<timestamp>``) behind the alias
``<prefix>-products``: a rebuild fills a new index, swaps the alias in one atomic
request and drops the old index, so searches never see an empty or half-built index.
"""

import logging
import time

from django.conf import settings
from elasticsearch.dsl import (
    Date,
    Document,
    FacetedSearch,
    Integer,
    Keyword,
    Q,
    TermsFacet,
    Text,
    analyzer,
    connections,
)
from elasticsearch.helpers import bulk

from search.engines.base import FACETS, SearchResult, empty_facets, sort_facets
from search.text import CHARS, characters, query_groups, tokens

logger = logging.getLogger(__name__)
CONNECTION = "archive"

# The words are prepared (folded, segmented) in Python: split on spaces, nothing else.
prepared_words = analyzer("archive_prepared", tokenizer="whitespace", filter=["lowercase"])
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": 100000}


def alias_name():
    return f"{getattr(settings, 'ELASTICSEARCH_INDEX_PREFIX', 'archive')}-products"


class ArchiveDocument(Document):
    title_words = Text(analyzer=prepared_words)
    body_words = Text(analyzer=prepared_words)
    chars = Text(analyzer=prepared_words)
    title = Keyword(index=False)
    url = Keyword(index=False)
    external_id = Keyword()
    language = Keyword()
    area = Keyword()
    year = Integer()
    unit = Keyword()
    format = Keyword()
    channel = Keyword()
    topic = Keyword()
    first_published = Date()

    class Index:
        name = "archive-products"  # replaced by the alias at run time (see ``ArchiveDocument.using_alias``)
        settings = INDEX_SETTINGS


def document_body(doc):
    """The Elasticsearch source for an index document from ``search.indexing.document_for``."""
    return {
        "title_words": " ".join(tokens(doc["title"])),
        "body_words": " ".join(tokens(doc["text"])),
        "chars": " ".join(characters(doc["title"] + "\n" + doc["text"])),
        "title": doc["title"],
        "url": doc["url"],
        "external_id": doc["external_id"] or None,
        "language": doc["language"],
        "area": doc["area"] or None,
        "year": doc["year"],
        "unit": doc["unit"] or None,
        "format": doc["format"] or None,
        "channel": list(doc["channels"]),
        "topic": list(doc["topics"]),
        "first_published": doc["first_published"].isoformat() if doc["first_published"] else None,
    }


def index_definition(name):
    """The settings and mappings of a new versioned index (what ``create`` sends)."""
    index = ArchiveDocument._index.clone(name)
    return index.to_dict()


class ArchiveFacetedSearch(FacetedSearch):
    """Facets are terms aggregations; filters go in the query (counts within the results)."""

    doc_types = [ArchiveDocument]
    fields = ["title_words^5", "body_words"]
    facets = {
        "language": TermsFacet(field="language", size=20),
        "area": TermsFacet(field="area", size=20),
        "year": TermsFacet(field="year", size=50),
        "unit": TermsFacet(field="unit", size=200),
        "format": TermsFacet(field="format", size=50),
        "channel": TermsFacet(field="channel", size=50),
    }

    def __init__(self, query, index):
        self.archive_query = query
        self.index = index
        self.groups = query_groups(query.q)
        sort = (
            ("-first_published",)
            if query.sort == "date" or not self.groups
            else ("_score", "-first_published")
        )
        super().__init__(query=query.q, sort=sort)

    def query(self, search, query):
        must = [
            Q("match_phrase", chars=" ".join(words))
            if kind == CHARS
            else Q("multi_match", query=" ".join(words), type="phrase", fields=self.fields)
            for kind, words in self.groups
        ]
        filters = []
        for name, values in sorted(self.archive_query.filters.items()):
            if values:
                filters.append(Q("terms", **{name: sorted({str(v) for v in values})}))
        should = []
        if self.archive_query.reader_language:
            # A tie-breaker only: the reader's language wins among equally relevant hits.
            should.append(Q("term", language={"value": self.archive_query.reader_language, "boost": 0.001}))
        return search.query(Q("bool", must=must or [Q("match_all")], filter=filters, should=should))

    def highlight(self, search):
        return search  # snippets come from the stored text (search.snippets), as for the embedded engine

    def build_search(self):
        s = super().build_search()
        start = self.archive_query.offset
        return s[start : start + self.archive_query.page_size].extra(track_total_hits=True)


class ElasticEngine:
    name = "elasticsearch"

    def __init__(self, url):
        self.url = url
        connections.create_connection(alias=CONNECTION, hosts=[url], request_timeout=5, max_retries=0)
        self.client = connections.get_connection(CONNECTION)

    def ping(self):
        try:
            return bool(self.client.options(request_timeout=1, max_retries=0).ping())
        except Exception:  # noqa: BLE001
            return False

    # -- search ----------------------------------------------------------------------
    def faceted_search(self, query):
        fs = ArchiveFacetedSearch(query, alias_name())
        fs._s = fs._s.using(CONNECTION)
        return fs

    def request_body(self, query):
        """The body this engine sends for ``query`` (tests inspect it)."""
        return self.faceted_search(query).build_search().to_dict()

    def search(self, query):
        fs = self.faceted_search(query)
        if query.q.strip() and not fs.groups:
            return SearchResult(0, [], empty_facets(), self.name, groups=[])
        response = fs.build_search().using(CONNECTION).index(alias_name()).execute()
        facets = empty_facets()
        for name in FACETS:
            for bucket in response.aggregations[f"_filter_{name}"][name].buckets:
                facets[name][str(bucket.key)] = bucket.doc_count
        return SearchResult(
            response.hits.total.value,
            [int(hit.meta.id) for hit in response.hits],
            sort_facets(facets),
            self.name,
            groups=fs.groups,
        )

    # -- indexing --------------------------------------------------------------------
    def current_index(self):
        try:
            names = list(self.client.indices.get_alias(name=alias_name()).keys())
        except Exception:  # noqa: BLE001 - no alias yet
            return None
        return names[0] if names else None

    def create_index(self):
        name = f"{alias_name()}-v{time.strftime('%Y%m%d%H%M%S')}{int(time.time() * 1000) % 1000:03d}"
        definition = index_definition(name)
        self.client.indices.create(index=name, **definition)
        return name

    def ensure_index(self):
        current = self.current_index()
        if current is None:
            current = self.create_index()
            self.client.indices.update_aliases(actions=[{"add": {"index": current, "alias": alias_name()}}])
        return current

    def actions(self, docs, index):
        for doc in docs:
            yield {"_op_type": "index", "_index": index, "_id": doc["page_id"], "_source": document_body(doc)}

    def index_documents(self, docs, index=None):
        if docs:
            bulk(self.client, self.actions(docs, index or self.ensure_index()), refresh="wait_for")

    def delete_documents(self, page_ids):
        index = self.current_index()
        if index and page_ids:
            actions = ({"_op_type": "delete", "_index": index, "_id": i} for i in page_ids)
            bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def rebuild(self, batches):
        """Fill a new versioned index from ``batches`` (lists of documents), then swap the alias."""
        old = self.current_index()
        new = self.create_index()
        for docs in batches:
            self.index_documents(docs, index=new)
        self.client.indices.refresh(index=new)
        actions = [{"add": {"index": new, "alias": alias_name()}}]
        if old:
            actions.insert(0, {"remove": {"index": old, "alias": alias_name()}})
        self.client.indices.update_aliases(actions=actions)
        if old:
            self.client.indices.delete(index=old)
        return new


_engines = {}


def configured_engine():
    """The Elasticsearch engine when ``ELASTICSEARCH_URL`` is set, else None."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if not url:
        return None
    if url not in _engines:
        _engines[url] = ElasticEngine(url)
    return _engines[url]
