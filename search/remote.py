"""Remote records (``harvesting``) in the archive index, beside products.

A regional or national instance harvests the provinces' archives; its search finds what it
harvested as it finds its own products, each hit marked with its source's name and linking to
the original address. An index entry is keyed by a number: a remote record's is
``REMOTE_BASE`` + its primary key, above every page id (Wagtail's page ids and the records'
keys both stay far below 2³⁰, and the sum fits the 32 bits the engines keep an id in).
A withdrawn record (``deleted``) is not indexable: its entry goes.
"""

from harvesting.models import RemoteRecord
from search.documents import SNIPPET_SOURCE_CHARS, content_of, version_of

REMOTE_BASE = 1 << 30


def is_remote(index_id):
    return int(index_id) >= REMOTE_BASE


def index_ids(record_ids):
    return [REMOTE_BASE + int(pk) for pk in record_ids]


def indexable():
    return RemoteRecord.objects.filter(deleted=False)


def indexable_versions():
    """{index id: version} of every remote record that belongs in the index."""
    rows = indexable().values_list("pk", "datestamp", "identifier").iterator(chunk_size=5000)
    return {REMOTE_BASE + pk: version_of(stamp, identifier) for pk, stamp, identifier in rows}


def load(ids):
    """The index documents of the indexable remote records among these index ids, by index id."""
    pks = [int(i) - REMOTE_BASE for i in ids]
    records = indexable().filter(pk__in=pks).select_related("source")
    return {REMOTE_BASE + record.pk: document(record) for record in records}


def document(record):
    parts = [p for p in (record.summary, record.unit_name) if p and p.strip()]
    published = record.first_published
    doc = {
        "page_id": REMOTE_BASE + record.pk,
        "language": record.language,
        "area": record.area,
        "year": published.year if published else None,
        "unit": record.unit,
        "format": record.format,
        "channels": [],
        "topics": [],
        "first_published": published,
        "title": record.title,
        "url": record.url,
        "external_id": "",
        "parts": parts,
        "text": "\n".join(parts)[:SNIPPET_SOURCE_CHARS],
        "source": record.source.name,
        "version": version_of(record.datestamp, record.identifier),
    }
    doc["content"] = content_of(doc)
    return doc
