"""The portal's views outside the page tree: language choice, robots.txt, favicon, errors."""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_request
from django.views.decorators.http import require_safe

from products import languages
from products.site_root import absolute_url

FAVICON = Path(__file__).resolve().parent.parent / "cms" / "static" / "favicon.ico"
ONE_YEAR = 365 * 24 * 3600


@require_safe
def choose_language(request):
    """``/``: the language the reader chose before, else the best match for Accept-Language."""
    code = request.COOKIES.get(settings.PORTAL_LANGUAGE_COOKIE)
    if code not in languages.CODES:
        code = get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{code}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, private=True)
    return response


@require_safe
def remember_language(request, code):
    """A link of the language switcher: remember the choice for ``/``, then go to ``next``.

    A GET with a side effect, on purpose: the portal's pages are cached for everyone and carry
    no CSRF token, and the only thing an outsider can do with this link is set a reader's
    language preference.
    """
    if code not in languages.CODES:
        code = languages.DEFAULT
    target = request.GET.get("next") or f"/{code}/"
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts=None) and target.startswith(f"/{code}/")
    response = HttpResponseRedirect(target if safe else f"/{code}/")
    response.set_cookie(
        settings.PORTAL_LANGUAGE_COOKIE,
        code,
        max_age=ONE_YEAR,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /language/",
        "",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """``/favicon.ico`` for browsers and crawlers that ask for it without reading ``<head>``."""
    response = FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=7 * 24 * 3600)
    return response


def bad_request(request, exception):
    """400 with the reason (a bad listing or feed parameter), in the reader's language."""
    return render(request, "400.html", {"is_error": True, "reason": str(exception)}, status=400)


def page_not_found(request, exception):
    return render(request, "404.html", {"is_error": True}, status=404)
