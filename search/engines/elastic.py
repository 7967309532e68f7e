"""The Elasticsearch engine (elasticsearch-dsl), used when ``ELASTICSEARCH_URL`` is set.

Documents carry the exact words ``search.text`` prepares (segmented, elisions split,
apostrophes and ignorables gone), so the analyzers only split on spaces. ``title`` and
``body`` fold them with the very table the embedded engine folds with (``search.text.FOLD``,
as a mapping char filter) and keep them unfolded in an ``exact`` sub-field: the two engines
match the same words and rank exact marked forms, adjacent and near words first alike
(the bonuses of ``search.engines.base``). Filters go in the query's ``filter`` clause and
every facet is a terms aggregation over the same hits, so the counts equal the embedded
engine's. What a hit shows is stored, not indexed (``hit``).

The index is versioned (``<prefix>-products-v<timestamp>``) behind the alias
``<prefix>-products``: a rebuild fills a new index, swaps the alias in one atomic
request and drops the old index, so searches never see an empty or half-built index.
"""

import time

from django.conf import settings
from elasticsearch.dsl import (
    Date,
    Document,
    FacetedSearch,
    Integer,
    Keyword,
    Object,
    Q,
    TermsFacet,
    Text,
    analyzer,
    char_filter,
    connections,
)
from elasticsearch.helpers import bulk

from search.engines.base import (
    ADJACENT_BONUS,
    EXACT_BONUS,
    FACET_SIZE,
    FACETS,
    MANY_VALUE_FACETS,
    NUMBER_FACETS,
    ONE_VALUE_FACETS,
    TITLE_BOOST,
    SearchResult,
    empty_facets,
    hit_from_payload,
    query_pairs,
    sort_facets,
)
from search.schema import hit_payload
from search.text import CHARS, FOLD, query_groups

CONNECTION = "archive"
fold_marks = char_filter("archive_fold_marks", "pattern_replace", pattern="[\u0300-\u036f]", replacement="")
fold_letters = char_filter(
    "archive_fold_letters",
    "mapping",
    mappings=sorted(f"{chr(code)} => {to}" for code, to in FOLD.items() if to and not 0x300 <= code < 0x370),
)
folded_words = analyzer("archive_folded", tokenizer="whitespace", char_filter=[fold_marks, fold_letters])
exact_words = analyzer("archive_exact", tokenizer="whitespace")
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": 100000}


def alias_name():
    return f"{getattr(settings, 'ELASTICSEARCH_INDEX_PREFIX', 'archive')}-products"


class ArchiveDocument(Document):
    title = Text(analyzer=folded_words, fields={"exact": Text(analyzer=exact_words, index_options="docs")})
    body = Text(analyzer=folded_words, fields={"exact": Text(analyzer=exact_words, index_options="docs")})
    chars = Text(analyzer=exact_words)
    pairs = Text(analyzer=exact_words, index_options="docs")
    page_id = Integer()
    external_id = Keyword()
    language = Keyword()
    area = Keyword()
    year = Integer()
    unit = Keyword()
    format = Keyword()
    channel = Keyword()
    topic = Keyword()
    first_published = Date()
    content = Keyword(index=False)  # the document's hash (search.documents.content_of), in hex
    hit = Object(enabled=False)

    class Index:
        name = "archive-products"  # the alias is used at run time (alias_name)
        settings = INDEX_SETTINGS


def document_body(doc, analysis):
    """The Elasticsearch source of an index document (``search.documents``) and its analysis."""
    published = doc["first_published"]
    return {
        "title": analysis.title,
        "body": analysis.body,
        "chars": analysis.chars,
        "pairs": analysis.pairs,
        "page_id": doc["page_id"],
        "external_id": doc["external_id"] or None,
        **{name: doc[name] or None for name in ONE_VALUE_FACETS},
        **{name: doc[name] for name in NUMBER_FACETS},
        **{name: list(doc[f"{name}s"]) for name in MANY_VALUE_FACETS},  # the document's ``channels``
        "topic": list(doc["topics"]),
        "first_published": published.isoformat() if published else None,
        "content": format(doc["content"], "016x"),
        "hit": hit_payload(doc),
    }


def index_definition(name):
    """The settings and mappings of a new versioned index (what ``create`` sends)."""
    return ArchiveDocument._index.clone(name).to_dict()


def _phrase(field, words, boost=None):
    params = {"query": " ".join(words)}
    if boost:
        params["boost"] = boost
    return Q("match_phrase", **{field: params})


def _either(*queries):
    return Q("bool", should=list(queries), minimum_should_match=1)


def _bonus(query, boost):  # the same score for every hit it matches: it orders, BM25 breaks the ties
    return Q("constant_score", filter=query, boost=boost)


class ArchiveFacetedSearch(FacetedSearch):
    """Facets are terms aggregations; filters go in the query (counts within the results)."""

    doc_types = [ArchiveDocument]
    fields = ["title", "body"]
    facets = {name: TermsFacet(field=name, size=FACET_SIZE) for name in FACETS}

    def __init__(self, query, index):
        self.archive_query = query
        self.index = index
        self.groups = query_groups(query.q)
        ranked = query.sort != "date" and self.groups
        sort = ("_score", "-first_published", "-page_id") if ranked else ("-first_published", "-page_id")
        super().__init__(query=query.q, sort=sort)

    def _must(self):
        return [
            _phrase("chars", g.words)
            if g.kind == CHARS
            else _either(_phrase("title", g.words, boost=TITLE_BOOST), _phrase("body", g.words))
            for g in self.groups
        ]

    def _should(self):
        should = [
            _bonus(Q("terms", **{"title.exact": [w]}) | Q("terms", **{"body.exact": [w]}), EXACT_BONUS)
            for group in self.groups
            for w in group.exact
        ]
        should += [_bonus(Q("term", pairs=pair), ADJACENT_BONUS) for pair in query_pairs(self.groups)]
        if self.archive_query.reader_language:
            # A tie-breaker only: the reader's language wins among equally relevant hits.
            should.append(Q("term", language={"value": self.archive_query.reader_language, "boost": 0.001}))
        return should

    def query(self, search, query):
        filters = [
            Q("terms", **{name: sorted({str(v) for v in values})})
            for name, values in sorted(self.archive_query.filters.items())
            if values
        ]
        must = self._must() or [Q("match_all")]
        return search.query(Q("bool", must=must, filter=filters, should=self._should()))

    def highlight(self, search):
        return search  # snippets come from the stored text (search.snippets), as for the embedded engine

    def build_search(self):
        s = super().build_search()
        start = self.archive_query.offset
        return s[start : start + self.archive_query.page_size].extra(track_total_hits=True)


def result_from_response(response, groups, name="elasticsearch"):
    """A SearchResult from an executed FacetedSearch response."""
    facets = empty_facets()
    for facet in FACETS:
        for bucket in response.aggregations[f"_filter_{facet}"][facet].buckets:
            facets[facet][str(bucket.key)] = bucket.doc_count
    hits = [hit_from_payload(hit.hit.to_dict()) for hit in response.hits]
    return SearchResult(
        response.hits.total.value,
        [hit["id"] for hit in hits],
        sort_facets(facets),
        name,
        groups=groups,
        hits=hits,
    )


class ElasticEngine:
    name = "elasticsearch"

    def __init__(self, url):
        self.url = url
        connections.create_connection(alias=CONNECTION, hosts=[url], request_timeout=5, max_retries=0)
        self.client = connections.get_connection(CONNECTION)

    def ping(self):
        try:
            return bool(self.client.options(request_timeout=1, max_retries=0).ping())
        except Exception:  # noqa: BLE001 - any failure means "not reachable"
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
        return result_from_response(response, fs.groups, self.name)

    # -- indexing --------------------------------------------------------------------
    def current_index(self):
        try:
            names = list(self.client.indices.get_alias(name=alias_name()).keys())
        except Exception:  # noqa: BLE001 - no alias yet
            return None
        return names[0] if names else None

    def create_index(self):
        name = f"{alias_name()}-v{time.strftime('%Y%m%d%H%M%S')}{int(time.time() * 1000) % 1000:03d}"
        self.client.indices.create(index=name, **index_definition(name))
        return name

    def ensure_index(self):
        current = self.current_index()
        if current is None:
            current = self.create_index()
            self.client.indices.update_aliases(actions=[{"add": {"index": current, "alias": alias_name()}}])
        return current

    def write(self, pairs, gone_ids, index=None):
        """Index these (document, analysis) pairs and delete the products ``gone_ids``."""
        index = index or self.ensure_index()
        actions = [
            {"_op_type": "index", "_index": index, "_id": doc["page_id"], "_source": document_body(doc, a)}
            for doc, a in pairs
        ]
        actions += [{"_op_type": "delete", "_index": index, "_id": i} for i in gone_ids]
        if actions:
            _done, errors = bulk(self.client, actions, raise_on_error=False, refresh="wait_for")
            # Deleting a document that is not there is not an error.
            refused = [e for e in errors if next(iter(e.values())).get("status") != 404]
            if refused:
                raise RuntimeError(f"Elasticsearch refused {len(refused)} writes, e.g. {refused[0]}")

    def rebuild(self, batches):
        """Fill a new versioned index from ``batches`` of (document, analysis), then swap the alias."""
        old = self.current_index()
        new = self.create_index()
        for pairs in batches:
            self.write(pairs, [], index=new)
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
