"""Running an archive search: pick the engine, ask it, dress the hits for the page and the API."""

import logging
import time

from django.utils.translation import gettext as _

from search.engines import configured_engine
from search.engines.local import LocalEngine
from search.queue import drain_stale
from search.snippets import Highlighter

logger = logging.getLogger(__name__)
_down_until = {}
RETRY_AFTER = 30  # seconds before asking an unreachable Elasticsearch again


def _unreachable_notice():
    return _("Máy chủ tìm kiếm Elasticsearch không phản hồi; kết quả lấy từ bộ tìm kiếm tích hợp.")


def choose_engine():
    """The engine to ask and a notice for the reader (empty when all is well).

    Elasticsearch when configured and reachable; the embedded engine otherwise, with a
    logged warning and a notice when Elasticsearch is configured but does not answer.
    """
    elastic = configured_engine()
    if elastic is None:
        return LocalEngine(), ""
    if _down_until.get(elastic.url, 0) <= time.monotonic():
        if elastic.ping():
            return elastic, ""
        _down_until[elastic.url] = time.monotonic() + RETRY_AFTER
        logger.warning("Elasticsearch at %s is unreachable: the embedded engine answers", elastic.url)
    return LocalEngine(), _unreachable_notice()


def run_search(query):
    drain_stale()
    engine, notice = choose_engine()
    try:
        result = engine.search(query)
    except Exception as exc:
        if engine.name != "elasticsearch":
            raise
        logger.warning("Elasticsearch search failed (%s): the embedded engine answers", exc)
        _down_until[engine.url] = time.monotonic() + RETRY_AFTER
        result = LocalEngine().search(query)
        notice = _unreachable_notice()
    result.notice = notice
    return result


def hits(result):
    """The page's hits as dicts, in the engine's order, with highlighted title and snippet."""
    highlighter = Highlighter(result.groups)
    out = []
    for hit in result.hits:
        hit = dict(hit)
        hit["title_html"] = highlighter.highlight(hit["title"], window=10_000)
        hit["snippet"] = highlighter.highlight(hit.pop("text"))
        out.append(hit)
    return out
