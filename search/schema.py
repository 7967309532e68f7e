"""What the embedded engine's Tantivy index holds for each product.

- ``title``, ``body``: the folded words (``search.text``), with positions for phrases;
  ``exact``: the exact (marked) words of both, only to rank exact matches first; ``pairs``:
  every two words side by side, to rank by proximity; ``chars``: the grapheme stream of
  Chinese, Lao and Khmer runs.
- facet values (``search.engines.base.FACETS``) as raw fields: term-set queries filter by
  them; the single-valued ones are fast fields too, which terms aggregations count; ``year``
  a number.
- ``channels``: a product's whole set of channels as one raw, fast value (the sorted slugs,
  space-separated: ``combination``). The channel facet counts these sets, one value per hit,
  and adds each set's count to every channel in it (``search.engines.tantivy_engine``):
  counting the multi-valued ``channel`` field itself took a second pass per hit, the
  slowest of the six facets at a million products (issue 27).
- ``order``: first publication day and page id in one number, so "newest first, then the
  higher id" is one sort; ``lang_no``: the language as a number, for the reader's-language
  tie-break; ``version``: a hash of what makes the entry current (``search.documents``),
  which the repair compares with the database; ``content``: a hash of everything the entry
  is made from (``search.documents.content_of``), which ``rebuild_archive_index --repair``
  compares too.
- ``hit``: what a result shows (title, URL, stored text for the snippet …) as one JSON
  blob, so a search never goes back to the database.
"""

import json

import tantivy

from products import languages
from search.engines.base import MANY_VALUE_FACETS, NUMBER_FACETS, ONE_VALUE_FACETS, TEXT_FACETS

WORDS_TOKENIZER = "words"
LANGUAGE_NUMBERS = {code: n for n, code in enumerate(languages.CODES, start=1)}


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", indexed=True, fast=True)
    for name in ("title", "body", "chars"):
        builder.add_text_field(name, tokenizer_name=WORDS_TOKENIZER, index_option="position")
    for name in ("exact", "pairs"):
        builder.add_text_field(name, tokenizer_name=WORDS_TOKENIZER, index_option="basic")
    for name in (*TEXT_FACETS, "topic"):
        fast = name in ONE_VALUE_FACETS
        builder.add_text_field(name, fast=fast, tokenizer_name="raw", index_option="basic")
    for name in MANY_VALUE_FACETS:
        builder.add_text_field(combination_field(name), fast=True, tokenizer_name="raw", index_option="basic")
    for name in NUMBER_FACETS:
        builder.add_integer_field(name, indexed=True, fast=True)
    for name in ("order", "lang_no", "version", "content"):
        builder.add_unsigned_field(name, fast=True)
    builder.add_bytes_field("hit", stored=True)
    return builder.build()


def combination_field(name):
    """The field holding a many-valued facet's whole set of values: ``channel`` -> ``channels``."""
    return f"{name}s"


def combination(values):
    """A set of facet values as one term (slugs hold no spaces), and back with ``.split(" ")``."""
    return " ".join(sorted(set(values)))


def order_key(first_published, page_id):
    """Newest first, then the higher page id, as one descending number."""
    day = first_published.toordinal() if first_published else 0
    return (day << 32) | page_id


def hit_payload(doc):
    """What a search result shows, from an index document (``search.documents``); ``pages``
    (where scan pages lie in ``text``) only for a product with scans."""
    published = doc["first_published"]
    source = {"source": doc["source"]} if doc.get("source") else {}  # a remote record (search.remote)
    payload = {
        **source,
        "id": doc["page_id"],
        "external_id": doc["external_id"] or None,
        "title": doc["title"],
        "url": doc["url"],
        "language": doc["language"],
        "area": doc["area"] or None,
        "year": doc["year"],
        "unit": doc["unit"],
        "format": doc["format"],
        "first_published": published.isoformat() if published else None,
        "text": doc["text"],
    }
    if doc.get("pages"):
        payload["pages"] = doc["pages"]
    return payload


def to_tantivy(doc, analysis):
    """A tantivy.Document for an index document and its ``search.text.Analysis``."""
    out = tantivy.Document()
    out.add_unsigned("id", doc["page_id"])
    out.add_text("title", analysis.title_folded)
    out.add_text("body", analysis.body_folded)
    out.add_text("chars", analysis.chars)
    out.add_text("exact", f"{analysis.title} {analysis.body}")
    out.add_text("pairs", analysis.pairs)
    for name in ONE_VALUE_FACETS:
        if doc[name]:
            out.add_text(name, doc[name])
    for name in MANY_VALUE_FACETS:
        values = doc[f"{name}s"]  # the document's ``channels``
        for value in values:
            out.add_text(name, value)
        if values:
            out.add_text(combination_field(name), combination(values))
    for topic in doc["topics"]:
        out.add_text("topic", topic)
    for name in NUMBER_FACETS:
        if doc[name] is not None:
            out.add_integer(name, doc[name])
    out.add_unsigned("order", order_key(doc["first_published"], doc["page_id"]))
    out.add_unsigned("lang_no", LANGUAGE_NUMBERS.get(doc["language"], 0))
    out.add_unsigned("version", doc["version"])
    out.add_unsigned("content", doc["content"])
    out.add_bytes("hit", json.dumps(hit_payload(doc), ensure_ascii=False).encode())
    return out
