"""Full-page cache for anonymous readers, purged on every app server whenever anything public changes.

Why our own and not Django's per-site cache or wagtail-cache:
- What a page shows reaches far: a product is on its language's home, on the Vietnamese
  fill of other homes, on every listing page of its language (publishing one product
  shifts all their pages), in its translations' alternates and switcher, and every page
  shows register names. Purging exactly the affected URLs would be a fragile map, so one
  *generation* covers them all and a purge makes every cached page stale at once.
  Products are published a few times a day; pages are read far more often.
- The generation is shared by every app server: a token in the database, one row
  (``home.models.PageCacheGeneration``), read by one primary-key query per cached request.
  A purge writes a new random token. Random, not a counter: a database restored or rolled
  back brings back an old token, never one a later purge will write again (a counter would,
  and pages cached in the abandoned timeline would be served again).
- What purges (``home.signals``): a publish, unpublish, move, delete, privacy change, bulk
  import, register/image/document/media edit, each after its transaction commits (a page
  rendered from the old data while it ran is dropped too); every commit or swap of the
  search index (``search.store.index_changed``), because the index is written after the
  change commits, by whichever process holds its writer, sometimes much later (an import
  holds it); and ``manage.py purge_page_cache`` (``manage.py restore`` runs it).
- Search pages are keyed by this host's live index as well (``search.store.version``, two
  ``stat()`` calls): each host searches its own index folder, so a search page is never
  served once the index it was read from has changed, whoever wrote it.
- The key is the token, the path and only the query parameters the page reads, in one
  canonical order (``CACHEABLE_VIEWS``); a request with any other parameter, a repeated
  one or a number spelled another way is answered uncached and never stored: otherwise
  every junk parameter would make a new entry.
- The pages live in their own cache, ``PORTAL_PAGE_CACHE``: this process's memory, bounded
  in bytes (``home.memory_cache``), by default.
- Django's cache middleware keys on Vary headers and would not cache responses that touch
  the session; this one caches only what it knows is the same for every anonymous reader:
  GET/HEAD, no session cookie, an allow-listed view, a 200 without Set-Cookie or
  ``Cache-Control: private``.
A purge inside a transaction also marks this thread, whose connection already sees the
change: its own requests use keys of their own until the commit (tests read pages on the
connection of a change that never commits).
"""

import functools
import hashlib
import re
import secrets
import threading
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string
from django.utils.text import compress_string

from home.models import PageCacheGeneration
from products import languages, listing
from products.models import ProductIndexPage, UnitSectionPage
from search import store
from search.engines.base import FILTERS as SEARCH_FILTERS

HIT = "hit"
MISS = "miss"
GENERATION_ROW = 1
# How a parameter may be given for its page to be stored: once, several distinct values, or
# once as a number without leading zeros ("01" is page 1 again, under a new key).
ONCE, SEVERAL, NUMBER = "once", "several", "number"
CANONICAL_NUMBER = re.compile(r"[1-9][0-9]{0,8}")
LISTING = {name: NUMBER if name == "year" else ONCE for name in listing.FILTERS}  # products.listing
SEARCH = {"q": ONCE, "sort": ONCE, "page": NUMBER, "page_size": NUMBER}
SEARCH |= dict.fromkeys(SEARCH_FILTERS, SEVERAL)
# view name -> the parameters it reads (search.params.parse; the feeds' ListingFilter; the
# sitemap's page "p"). Wagtail pages: the page served says (``page_params``).
CACHEABLE_VIEWS = {
    "wagtail_serve": None,
    "search:page": SEARCH,
    "portal_feed_rss": LISTING,
    "portal_feed_atom": LISTING,
    "portal_podcasts": {},
    "portal_podcast_language": {},
    "portal_podcast_programme": {},
    "portal_podcast_transcript": {},
    "portal_sitemap_index": {},
    "portal_sitemap": {"p": NUMBER},
    "portal_robots": {},
}
_pending = threading.local()


@functools.cache
def page_cache():
    """The pages' own cache backend (``PORTAL_PAGE_CACHE``), one per process."""
    config = dict(settings.PORTAL_PAGE_CACHE)
    backend = import_string(config.pop("BACKEND"))
    return backend(config.pop("LOCATION", ""), config)


def page_params(page):
    """The parameters a Wagtail page reads: a listing its filters and page number, others none."""
    if issubclass(page.specific_class, (ProductIndexPage, UnitSectionPage)):
        return {**LISTING, "page": NUMBER}
    return {}


@functools.cache
def _token_query():
    table = connection.ops.quote_name(PageCacheGeneration._meta.db_table)
    return f"SELECT token FROM {table} WHERE id = {GENERATION_ROW}"  # noqa: S608 - no input in it


def current_generation():
    """The shared token (plus this thread's mark while a purge waits for its commit).

    One fixed SQL statement: on a hit it is most of the cache's own work, and the ORM took
    twenty times as long to build it as the database took to answer.
    """
    with connection.cursor() as cursor:
        cursor.execute(_token_query())
        row = cursor.fetchone()
    token = row[0] if row else purge_now()
    return token + getattr(_pending, "mark", "")


def purge_now():
    """Write a new token now (in the current transaction, if one is open); returns it."""
    token = secrets.token_hex(16)
    if not PageCacheGeneration.objects.filter(pk=GENERATION_ROW).update(token=token):
        PageCacheGeneration.objects.update_or_create(pk=GENERATION_ROW, defaults={"token": token})
    _pending.mark = ""
    return token


def purge():
    """Make every cached page stale on every server once the current transaction commits."""
    _pending.purge = True
    if connection.in_atomic_block:
        _pending.mark = f".{secrets.token_hex(8)}"
    transaction.on_commit(_purge_after_commit, robust=True)


def _purge_after_commit():
    """``purge_now``, once for every purge asked for since the last: a bulk import's batch asks
    once per product (Wagtail's ``page_published`` each), and one new token covers them all.
    Each purge registers its own callback (a test's captured callbacks must each find theirs)."""
    if getattr(_pending, "purge", True):
        _pending.purge = False
        purge_now()


@functools.cache
def search_paths():
    """The search page's path in every language (its pages also follow the index)."""
    paths = set()
    for code in languages.CODES:
        with translation.override(code):
            paths.add(reverse("search:page"))
    return frozenset(paths)


def understood(params, rules):
    """Whether each parameter is one the page reads, given the one way its page is stored."""
    for name, values in params.lists():
        rule = rules.get(name)
        if rule is None or (rule != SEVERAL and len(values) != 1) or len(set(values)) != len(values):
            return False
        if rule == NUMBER and not CANONICAL_NUMBER.fullmatch(values[0]):
            return False
    return True


def cache_key(request, gzip):
    generation = current_generation()
    if request.path_info in search_paths():
        generation = f"{generation}:{store.version()}"
    query = ""
    if request.META.get("QUERY_STRING"):
        query = urlencode(sorted((name, value) for name, values in request.GET.lists() for value in values))
    digest = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    return f"portal-page:{generation}:{'gz' if gzip else 'id'}:{digest}"


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

    Placed before the session, locale and auth middleware so that a hit costs one query
    (the generation), a cache get and nothing else; the X-Page-Cache header says hit, or
    miss when the page was stored (none: not cacheable).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = page_cache()
        self.timeout = settings.PORTAL_PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self._anonymous_read(request):
            return self.get_response(request)
        gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        try:
            key = cache_key(request, gzip)
        except DatabaseError:  # the database is down or not migrated: the view answers for itself
            return self.get_response(request)
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
            and not request.path.startswith(
                ("/admin/", "/api/", "/static/", "/media/", "/documents/", "/health/")
            )
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
        if match.view_name not in CACHEABLE_VIEWS:
            return False
        rules = CACHEABLE_VIEWS[match.view_name]
        if rules is None:  # a Wagtail page: set by the page itself as it was served (home.wagtail_hooks)
            rules = getattr(request, "page_cache_params", None)
        return rules is not None and understood(request.GET, rules)
