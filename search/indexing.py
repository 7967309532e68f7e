"""Keeping the archive index in step with the live products.

Other code calls two functions, whose signatures stay as they are:

    index_products(page_ids)   # (re)index these products; ones not live leave the index
    remove_products(page_ids)  # take these products out of the index

The signals in ``search.signals`` call them on publish, unpublish, move and delete; bulk
imports call ``index_products`` once with every id they touched. Both write the embedded
engine (same database, same transaction) and, when ``ELASTICSEARCH_URL`` is set, the
Elasticsearch index (a failure there is logged, never raised: the embedded index stays right).
"""

import logging

from django.db import transaction
from django.utils.html import strip_tags

from search.engines.embedded import EmbeddedEngine
from search.engines.facet_table import bump_generation
from search.models import ArchiveEntry

logger = logging.getLogger(__name__)
BATCH = 500
SNIPPET_SOURCE_CHARS = 20000


def _block_text(page):
    parts = []
    for block in page.body:
        try:
            content = block.block.get_searchable_content(block.value)
        except Exception:  # noqa: BLE001 - a broken block must not stop indexing
            content = []
        parts.extend(strip_tags(str(c)) for c in content if c)
    return parts


def document_for(page):
    """The index document of a live product: the stored text (unfolded) and its facet values."""
    texts = [page.summary, *_block_text(page), page.transcript]
    texts += [a.extracted_text for a in page.attachments.all() if a.extracted_text]
    published = page.first_published
    return {
        "page_id": page.pk,
        "language": page.language,
        "area": page.area.slug if page.area_id else "",
        "year": published.year if published else None,
        "unit": page.unit.slug if page.unit_id else "",
        "format": page.format.slug if page.format_id else "",
        "channels": sorted({p.channel.slug for p in page.publications.all()}),
        "topics": sorted(t.slug for t in page.topics.all()),
        "first_published": published,
        "title": page.title,
        "url": page.get_url() or "",
        "external_id": page.external_id or "",
        "text": "\n".join(t for t in texts if t),
    }


def _live_products(page_ids):
    from products.models import ProductPage

    return (
        ProductPage.objects.live()
        .filter(pk__in=page_ids)
        .select_related("area", "format", "unit", "locale")
        .prefetch_related("publications__channel", "topics", "attachments")
        .order_by("pk")
    )


def entry_for(doc):
    return ArchiveEntry(
        page_id=doc["page_id"],
        language=doc["language"],
        area=doc["area"],
        year=doc["year"],
        unit=doc["unit"],
        format=doc["format"],
        channels=" ".join(doc["channels"]),
        topics=" ".join(doc["topics"]),
        first_published=doc["first_published"],
        title=doc["title"],
        url=doc["url"],
        external_id=doc["external_id"],
        text=doc["text"][:SNIPPET_SOURCE_CHARS],
    )


def write_documents(docs, engine=None):
    """Write prepared documents to the embedded index (replacing earlier rows)."""
    engine = engine or EmbeddedEngine.for_connection()
    ids = [d["page_id"] for d in docs]
    with transaction.atomic():
        ArchiveEntry.objects.filter(page_id__in=ids).delete()
        ArchiveEntry.objects.bulk_create([entry_for(d) for d in docs], batch_size=BATCH)
        engine.write(docs)
        bump_generation()


def index_products(page_ids, progress=None):
    """(Re)index the products with these ids; any that are not live leave the index.

    Returns the number of products indexed. ``progress`` (optional) is called with the
    number of ids handled after each batch.
    """
    ids = sorted({int(i) for i in page_ids})
    indexed = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        docs = [document_for(page) for page in _live_products(chunk)]
        live = {d["page_id"] for d in docs}
        gone = [i for i in chunk if i not in live]
        if gone:
            remove_products(gone)
        write_documents(docs)
        _elastic(lambda es, docs=docs: es.index_documents(docs))
        indexed += len(docs)
        if progress:
            progress(len(chunk))
    return indexed


def remove_products(page_ids):
    """Take the products with these ids out of the index (ids not in it are ignored)."""
    ids = sorted({int(i) for i in page_ids})
    if not ids:
        return
    with transaction.atomic():
        EmbeddedEngine.for_connection().delete(ids)
        ArchiveEntry.objects.filter(page_id__in=ids).delete()
        bump_generation()
    _elastic(lambda es: es.delete_documents(ids))


def clear_index():
    with transaction.atomic():
        EmbeddedEngine.for_connection().clear()
        ArchiveEntry.objects.all().delete()
        bump_generation()


def _elastic(action):
    from search.engines.elastic import configured_engine

    engine = configured_engine()
    if engine is None:
        return
    try:
        action(engine)
    except Exception as exc:  # noqa: BLE001 - Elasticsearch down must not break publishing
        logger.warning("Elasticsearch index not updated (%s); run rebuild_archive_index later", exc)
