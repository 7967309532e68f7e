"""Archive search views (minimal; the archive engine replaces the query path)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language

from products.models import ProductPage


def _query(request):
    return (request.GET.get("q") or "").strip()


def search_page(request):
    q = _query(request)
    results = ProductPage.objects.live().search(q) if q else ProductPage.objects.none()
    return render(request, "search/search.html", {"q": q, "results": results, "language": get_language()})


def search_api(request):
    q = _query(request)
    hits = list(ProductPage.objects.live().search(q)[:20]) if q else []
    return JsonResponse(
        {
            "count": len(hits),
            "results": [{"id": p.pk, "title": p.title, "url": p.url, "language": p.language} for p in hits],
            "engine": "database",
        }
    )
