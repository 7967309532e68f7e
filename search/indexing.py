"""Writing the archive index from the database: a batch, a repair, a whole new generation.

Each document is read once (``search.documents``) and analysed once (``search.text.analyze``);
the same analysis goes to the embedded index and, when ``ELASTICSEARCH_URL`` is set, to
Elasticsearch (a failure there is logged, never raised: the embedded index stays right).

Changes reach ``write`` through the queue (``search.queue``), after their transaction commits.
"""

import logging
from contextlib import ExitStack, suppress
from dataclasses import dataclass

from tantivy import Query

from search import documents, remote, store
from search.engines import configured_engine
from search.engines.tantivy_engine import schema
from search.schema import to_tantivy
from search.text import analyze

logger = logging.getLogger(__name__)
BATCH = 500


def analysed(docs):
    """(document, analysis) pairs: the one text preparation of each document."""
    return [(doc, analyze(doc["title"], doc["parts"])) for doc in docs]


def load(ids):
    """The index documents of the indexable products and remote records (``search.remote``)
    among these index ids, by id."""
    docs = documents.load([i for i in ids if not remote.is_remote(i)])
    docs.update(remote.load([i for i in ids if remote.is_remote(i)]))
    return docs


def indexable_versions():
    """{index id: version} of everything that belongs in the index: products, remote records."""
    return {**documents.indexable_versions(), **remote.indexable_versions()}


def write(writer, page_ids, elastic=True):
    """Bring these products' entries up to date in ``writer``'s index (not committed).

    Returns the number of products written; the others were removed.
    """
    ids = sorted({int(i) for i in page_ids})
    if not ids:
        return 0
    docs = load(ids)
    pairs = analysed(docs.values())
    writer.delete_documents_by_query(Query.term_set_query(schema(), "id", ids))
    for doc, analysis in pairs:
        writer.add_document(to_tantivy(doc, analysis))
    if elastic:
        gone = [i for i in ids if i not in docs]
        _elastic(lambda es: es.write(pairs, gone))
    return len(pairs)


def _elastic(action):
    engine = configured_engine()
    if engine is None:
        return
    try:
        action(engine)
    except Exception as exc:  # noqa: BLE001 - Elasticsearch down must not break publishing
        logger.warning("Elasticsearch index not updated (%s); run rebuild_archive_index later", exc)


def index_entries(index):
    """{page id: (version, content)} of every entry in ``index``."""
    searcher = index.searcher()
    if not searcher.num_docs:
        return {}
    hits = searcher.search(Query.all_query(), limit=searcher.num_docs, count=False).hits
    addresses = [address for _score, address in hits]
    ids = searcher.fast_field_values("id", addresses)
    versions = searcher.fast_field_values("version", addresses)
    contents = searcher.fast_field_values("content", addresses)
    return {pk: (version, content) for pk, version, content in zip(ids, versions, contents, strict=True)}


def index_versions(index):
    """{page id: version} of every entry in ``index``."""
    return {pk: version for pk, (version, _content) in index_entries(index).items()}


@dataclass
class Repair:
    written: int = 0
    removed: int = 0

    def __str__(self):
        return f"{self.written} written, {self.removed} removed"


def reconcile(writer, index, elastic=True, progress=None, compare_content=True):
    """Make ``index`` match the database: write what is missing or out of date, remove
    what does not belong. Commits.

    An entry is out of date when its version (publication and place in the tree:
    ``search.documents.version_of``, one pass over the ids) differs from the database's, or,
    with ``compare_content``, when the hash of its document does (``content_of``: every
    document is read again, so a change made behind Django's back, which moves no version,
    is seen too).
    """
    wanted = indexable_versions()
    have = index_entries(index)
    stale = {pk for pk, version in wanted.items() if pk not in have or have[pk][0] != version}
    if compare_content:
        stale.update(_changed_content(sorted(wanted.keys() - stale), have, progress))
    gone = [pk for pk in have if pk not in wanted]
    repair = Repair()
    todo = sorted([*stale, *gone])
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        written = write(writer, chunk, elastic=elastic)
        repair.written += written
        repair.removed += len(chunk) - written
        if progress:
            progress(len(chunk))
    writer.commit()
    if todo:
        store.announce()
    return repair


def _changed_content(ids, have, progress):
    """The ids among ``ids`` whose document in the database hashes otherwise than its entry."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        docs = load(chunk)
        yield from (pk for pk in chunk if pk not in docs or docs[pk]["content"] != have[pk][1])
        if progress:
            progress(len(chunk))


def repair_index(progress=None):
    """Reconcile the live generation with the database (``rebuild_archive_index --repair``)."""
    with store.writer() as writer:
        _name, index = store.current()
        return reconcile(writer, index, progress=progress)


def rebuild(ids, progress=None, elastic=None):
    """Fill a new generation with these products, then make it live (no downtime).

    Writes that other processes make meanwhile go to the live generation; before the swap,
    with the live generation's writer held (so no write lands in between), the new one is
    reconciled with the database, which brings those writes over. ``elastic``: an
    Elasticsearch engine to rebuild alongside (alias swap), or None.
    """
    with store.rebuild_lock():
        path = store.new_generation()
        batches = _fill(path, ids, progress)
        new_es_index = elastic.rebuild(batches) if elastic is not None else None
        if elastic is None:
            for _batch in batches:
                pass
        with ExitStack() as live:
            # No write lands in the live generation now (unless it has another schema:
            # then nothing can write to it anyway).
            with suppress(store.IndexOutdated):
                live.enter_context(store.writer())
            with store.writer(path) as writer:
                # Only the versions: the new generation was just read from the database, and
                # what changed meanwhile was published or moved.
                reconcile(
                    writer, store.opened(path).fresh(), elastic=elastic is not None, compare_content=False
                )
            store.make_current(path)
        store.remove_old_generations()
    return path, new_es_index


def _fill(path, ids, progress):
    """Batches of (document, analysis) written to the generation at ``path``, as a generator."""
    with store.writer(path) as writer:
        for start in range(0, len(ids), BATCH):
            pairs = analysed(load(ids[start : start + BATCH]).values())
            for doc, analysis in pairs:
                writer.add_document(to_tantivy(doc, analysis))
            if progress:
                progress(len(ids[start : start + BATCH]))
            yield pairs
        writer.commit()
