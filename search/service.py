"""Running an archive search: pick the engine, ask it, dress the hits for the page and the API.

When no engine can answer (the embedded index cannot be opened, and Elasticsearch is not
configured or does not answer either) the page and the API answer 503 with a message
(``unavailable``), the reason goes to the log, and ``/health/`` names it (``health``).
"""

import functools
import logging
import time
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.translation import gettext as _

from search import store
from search.documents import indexable
from search.engines import configured_engine
from search.engines.tantivy_engine import TantivyEngine
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
        return TantivyEngine(), ""
    if _down_until.get(elastic.url, 0) <= time.monotonic():
        if elastic.ping():
            return elastic, ""
        _down_until[elastic.url] = time.monotonic() + RETRY_AFTER
        logger.warning("Elasticsearch at %s is unreachable: the embedded Tantivy index answers", elastic.url)
    return TantivyEngine(), _unreachable_notice()


def run_search(query):
    drain_stale()
    engine, notice = choose_engine()
    try:
        result = engine.search(query)
    except Exception as exc:
        if engine.name != "elasticsearch":
            raise
        logger.warning("Elasticsearch search failed (%s): the embedded Tantivy index answers", exc)
        _down_until[engine.url] = time.monotonic() + RETRY_AFTER
        result = TantivyEngine().search(query)
        notice = _unreachable_notice()
    result.notice = notice
    return result


def hits(result, q=""):
    """The page's hits as dicts, in the engine's order, with highlighted title and snippet.

    A hit whose first match lies in a scan page's text gets a snippet cut from that page and
    naming it ("Trang 3: …"), and ``scan_page``: the scan, the page number and the product
    page's address showing that page with the query's words highlighted."""
    highlighter = Highlighter(result.groups)
    out = []
    for hit in result.hits:
        hit = dict(hit)
        text = hit.pop("text")
        pages = hit.pop("pages", None) or []
        hit["title_html"] = highlighter.highlight(hit["title"], window=10_000)
        hit["scan_page"] = _scan_page(highlighter, text, pages, hit["url"], q)
        if hit["scan_page"]:
            start, end = hit["scan_page"].pop("span")
            page_snippet = highlighter.highlight(text[start:end])
            hit["snippet"] = format_html(
                _("Trang {number}: {snippet}"), number=hit["scan_page"]["number"], snippet=page_snippet
            )
        else:
            hit["snippet"] = highlighter.highlight(text)
        out.append(hit)
    return out


def _scan_page(highlighter, text, pages, url, q):
    """The scan page (``{"scan", "number", "url", "span"}``) the first match in ``text`` lies in."""
    first = highlighter.first(text) if pages else None
    if first is None:
        return None
    for scan_id, number, start, end in pages:
        if start <= first < end:
            query = urlencode({"q": q, "scan": scan_id, "p": number})
            address = f"{url}?{query}#scan-{scan_id}" if url else ""
            return {"scan": scan_id, "number": number, "url": address, "span": (start, end)}
    return None


def _unavailable_message():
    return _("Tìm kiếm kho lưu trữ tạm thời không hoạt động. Xin vui lòng thử lại sau.")


def unavailable(view, api=False):
    """``view``, answering 503 with a message (JSON for the API, the search page otherwise)
    instead of a server error when the archive index cannot be opened."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except store.IndexUnavailable as exc:
            logger.error("Archive search unavailable: %s", exc)
            if api:
                response = JsonResponse({"error": _unavailable_message()}, status=503)
            else:
                context = {"q": (request.GET.get("q") or "").strip(), "error": _unavailable_message()}
                response = render(request, "search/search.html", context, status=503)
            response["Retry-After"] = str(RETRY_AFTER)
            return response

    return wrapper


def embedded_state():
    """(``ok`` | ``empty`` | ``unavailable``, reason) of the embedded index, opened as a search opens it."""
    try:
        _name, index = store.current()
        empty = not index.searcher().num_docs
    except store.IndexUnavailable as exc:
        return "unavailable", str(exc)
    if empty and indexable().exists():
        return "empty", "the archive index is empty, the database is not: run manage.py rebuild_archive_index"
    return "ok", ""


def health():
    """The search's state for ``/health/``: ``ok``; ``degraded`` (searches are answered, but
    Elasticsearch is down, or the embedded index is empty, or broken while Elasticsearch
    answers); ``down`` (no engine can answer). ``reason`` says what is wrong."""
    engine, notice = choose_engine()
    state, problem = embedded_state()
    if state == "unavailable" and engine.name != "elasticsearch":
        return {"status": "down", "engine": engine.name, "reason": problem}
    reasons = [reason for reason in (str(notice), problem) if reason]
    if reasons:
        return {"status": "degraded", "engine": engine.name, "reason": " ".join(reasons)}
    return {"status": "ok", "engine": engine.name}
