"""Running an archive search: pick the engine, ask it, dress the hits for the page and the API."""

import logging
import time

from django.utils.translation import gettext as _

from search.engines.elastic import configured_engine
from search.engines.embedded import EmbeddedEngine
from search.models import ArchiveEntry
from search.snippets import highlight

logger = logging.getLogger(__name__)
_down_until = {}
RETRY_AFTER = 30  # seconds before asking an unreachable Elasticsearch again


def choose_engine():
    """The engine to ask and a notice for the reader (empty when all is well).

    Elasticsearch when configured and reachable; the embedded engine otherwise, with a
    logged warning and a notice when Elasticsearch is configured but does not answer.
    """
    elastic = configured_engine()
    if elastic is None:
        return EmbeddedEngine.for_connection(), ""
    if _down_until.get(elastic.url, 0) <= time.monotonic():
        if elastic.ping():
            return elastic, ""
        _down_until[elastic.url] = time.monotonic() + RETRY_AFTER
        logger.warning("Elasticsearch at %s is unreachable: the embedded engine answers", elastic.url)
    return EmbeddedEngine.for_connection(), _(
        "Máy chủ tìm kiếm Elasticsearch không phản hồi; kết quả lấy từ bộ tìm kiếm tích hợp."
    )


def run_search(query):
    engine, notice = choose_engine()
    try:
        result = engine.search(query)
    except Exception as exc:
        if engine.name != "elasticsearch":
            raise
        logger.warning("Elasticsearch search failed (%s): the embedded engine answers", exc)
        _down_until[engine.url] = time.monotonic() + RETRY_AFTER
        result = EmbeddedEngine.for_connection().search(query)
        notice = _("Máy chủ tìm kiếm Elasticsearch không phản hồi; kết quả lấy từ bộ tìm kiếm tích hợp.")
    result.notice = notice
    return result


def hits(result):
    """The page's hits as dicts, in the engine's order, each with a highlighted snippet."""
    entries = ArchiveEntry.objects.in_bulk(result.ids)
    out = []
    for page_id in result.ids:
        entry = entries.get(page_id)
        if entry is None:
            continue
        out.append(
            {
                "id": entry.page_id,
                "external_id": entry.external_id or None,
                "title": entry.title,
                "title_html": highlight(entry.title, result.groups, window=10_000),
                "url": entry.url,
                "language": entry.language,
                "area": entry.area or None,
                "year": entry.year,
                "unit": entry.unit,
                "format": entry.format,
                "first_published": entry.first_published,
                "snippet": highlight(entry.text, result.groups),
            }
        )
    return out
