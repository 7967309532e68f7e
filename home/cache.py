"""Full-page cache for anonymous readers, purged whenever anything public changes.

Why our own and not Django's per-site cache or wagtail-cache:
- What a page shows reaches far: a product is on its language's home, on the Vietnamese
  fill of other homes, on every listing page of its language (publishing one product
  shifts all their pages), in its translations' alternates and switcher, and every page
  shows register names. Purging exactly the affected URLs would be a fragile map, so one
  *generation* stamp covers them all: a publish, unpublish, move, delete, privacy change or
  register/image/document/media edit moves the stamp, and every cached page is stale at once.
  Products are published a few times a day; pages are read far more often.
- The stamp is a file whose (inode, mtime) changes by an atomic replace: every gunicorn
  worker on the host sees a purge through one ``stat()``, with no database or network round
  trip on a hit. The pages themselves live in their own cache, ``PORTAL_PAGE_CACHE``
  (per-process memory by default; point it at a shared backend to share the warm-up).
- Django's cache middleware keys on Vary headers and would not cache responses that touch
  the session; this one caches only what it knows is the same for every anonymous reader:
  GET/HEAD, no session cookie, an allow-listed view, a 200 without Set-Cookie or
  ``Cache-Control: private``.
The stamp moves twice per change: at once (the changing process never serves its own stale
page) and on commit (a page rendered from the old data while the transaction ran is
dropped as well).
"""

import functools
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string
from django.utils.text import compress_string

CACHEABLE_VIEWS = {
    "wagtail_serve",
    "search:page",
    "portal_feed_rss",
    "portal_feed_atom",
    "portal_sitemap_index",
    "portal_sitemap",
    "portal_robots",
}
HIT = "hit"
MISS = "miss"


@functools.cache
def page_cache():
    """The pages' own cache backend (``PORTAL_PAGE_CACHE``), one per process."""
    config = dict(settings.PORTAL_PAGE_CACHE)
    backend = import_string(config.pop("BACKEND"))
    return backend(config.pop("LOCATION", ""), config)


def generation_file():
    return Path(settings.PORTAL_PAGE_CACHE_GENERATION_FILE)


def current_generation():
    try:
        stat = os.stat(generation_file())
    except FileNotFoundError:
        purge_now()
        stat = os.stat(generation_file())
    return f"{stat.st_ino}.{stat.st_mtime_ns}"


def purge_now():
    """Move the stamp: write a new file and rename it over the old one (a new inode)."""
    path = generation_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".generation-")
    os.write(handle, str(os.getpid()).encode())
    os.close(handle)
    os.replace(temporary, path)


def purge():
    purge_now()
    transaction.on_commit(purge_now)


def compress(response, gzip):
    """Gzip a cacheable page once, when it is stored, instead of on every hit.

    Only pages that are the same for every anonymous reader come here: they hold no secret,
    so compressing them gives BREACH nothing to guess.
    """
    patch_vary_headers(response, ("Accept-Encoding",))
    if gzip and len(response.content) >= 200 and not response.has_header("Content-Encoding"):
        response.content = compress_string(response.content)
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET/HEAD requests of the portal's pages from the cache.

    Placed before the session, locale and auth middleware so that a hit costs a stat(), a
    cache get and nothing else; the X-Page-Cache header says hit or miss.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = page_cache()
        self.timeout = settings.PORTAL_PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self._anonymous_read(request):
            return self.get_response(request)
        gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        key = f"portal-page:{current_generation()}:{'gz' if gzip else 'id'}:{request.get_full_path()}"
        response = self.cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = HIT
            return response
        response = self.get_response(request)
        if request.method == "GET" and self._cacheable(request, response):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            compress(response, gzip)
            self.cache.set(key, response, self.timeout)
            response["X-Page-Cache"] = MISS
        return response

    @staticmethod
    def _anonymous_read(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path.startswith(("/admin/", "/api/", "/static/", "/media/", "/documents/"))
        )

    @staticmethod
    def _cacheable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if "private" in response.get("Cache-Control", "") or "no-store" in response.get("Cache-Control", ""):
            return False
        match = request.resolver_match
        if match is None:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                return False
        return match.view_name in CACHEABLE_VIEWS
