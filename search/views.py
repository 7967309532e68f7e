"""The archive search page (/<lang>/search/) and the JSON API (/api/search/)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from products import languages
from products.site_root import absolute_url
from search.engines.base import FACETS
from search.params import BadParameter, check_page, parse, register_names
from search.service import hits, run_search

FACET_LABELS = {
    "language": gettext_noop("Ngôn ngữ"),
    "area": gettext_noop("Lĩnh vực"),
    "year": gettext_noop("Năm"),
    "unit": gettext_noop("Đơn vị"),
    "format": gettext_noop("Loại hình"),
    "channel": gettext_noop("Kênh"),
}


def search_api(request):
    reader = request.GET.get("reader") or ""
    try:
        query = parse(request.GET, reader_language=reader if reader in languages.CODES else "")
        result = run_search(query)
        check_page(query, result.count)
    except BadParameter as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    results = [
        {
            "id": hit["id"],
            "external_id": hit["external_id"],
            "title": hit["title"],
            "url": absolute_url(hit["url"]),
            "language": hit["language"],
            "area": hit["area"],
            "year": hit["year"],
            "snippet": str(hit["snippet"]),
            # A record harvested from another instance (search.remote): its source; url is the original.
            **({"source": hit["source"]} if hit.get("source") else {}),
            **_scan_page(hit),
        }
        for hit in hits(result, query.q)
    ]
    body = {"count": result.count, "results": results, "facets": result.facets, "engine": result.engine}
    if result.notice:
        body["notice"] = result.notice
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _scan_page(hit):
    """The scan page a hit was found on, for the API: ``{"scan_page": {scan, number, url}}``."""
    page = hit["scan_page"]
    return {"scan_page": {**page, "url": absolute_url(page["url"])}} if page else {}


def _facet_links(params, result, names):
    """Per facet: (label, [(value, name, count, selected, toggle query string)])."""
    out = []
    for facet in FACETS:
        selected = set(params.getlist(facet))
        values = []
        for value, count in result.facets.get(facet, {}).items():
            toggled = params.copy()
            current = [v for v in toggled.getlist(facet) if v != value]
            if value not in selected:
                current.append(value)
            toggled.setlist(facet, current)
            toggled.pop("page", None)
            name = names.get(facet, {}).get(value, value)
            values.append((value, name, count, value in selected, toggled.urlencode()))
        if values:
            out.append((_(FACET_LABELS[facet]), values))
    return out


def search_page(request):
    reader = get_language() or languages.DEFAULT
    context = {"q": (request.GET.get("q") or "").strip(), "sort": request.GET.get("sort") or "relevance"}
    status = 200
    try:
        query = parse(request.GET, reader_language=reader)
        searching = bool(query.q or query.filters)
        result = run_search(query) if searching else None
        if result is not None:
            last = check_page(query, result.count)
            names = register_names()
            base = request.GET.copy()
            base.pop("page", None)
            page_hits = hits(result, query.q)
            for hit in page_hits:
                hit["language_name"] = names["language"].get(hit["language"], hit["language"])
                hit["area_name"] = names["area"].get(hit["area"], hit["area"]) if hit["area"] else ""
            context.update(
                result=result,
                hits=page_hits,
                facets=_facet_links(request.GET, result, names),
                page=query.page,
                last_page=last,
                previous_qs=_with_page(base, query.page - 1) if query.page > 1 else "",
                next_qs=_with_page(base, query.page + 1) if query.page < last else "",
                date_qs=_with_sort(request.GET, "date"),
                relevance_qs=_with_sort(request.GET, "relevance"),
            )
    except BadParameter as exc:
        context["error"] = str(exc)
        status = 400
    return render(request, "search/search.html", context, status=status)


def _with_page(params, page):
    params = params.copy()
    params["page"] = str(page)
    return params.urlencode()


def _with_sort(params, sort):
    params = params.copy()
    params["sort"] = sort
    params.pop("page", None)
    return params.urlencode()
