"""Tests: fast hashing, in-memory cache, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="ttnq-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ELASTICSEARCH_INDEX_PREFIX = "test-archive"
SEARCH_INDEX_DIR = tempfile.mkdtemp(prefix="ttnq-test-search-")  # one per test session
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Static files from the apps' folders (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# --- Public portal page cache (helper "portal") ---------------------------------
# The cache is pinned, so that no PORTAL_PAGE_CACHE_* variable in the shell (the portal bench
# sets PORTAL_PAGE_CACHE_SECONDS=0) changes what the tests see. Its purge generation lives in
# the test database, which no other process shares.
PORTAL_PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024
PORTAL_PAGE_CACHE = {
    "BACKEND": "home.memory_cache.ByteBoundedLocMemCache",
    "LOCATION": "test-pages",
    "OPTIONS": {"MAX_ENTRIES": 20000, "MAX_BYTES": PORTAL_PAGE_CACHE_MAX_BYTES},
}
PORTAL_PAGE_CACHE_SECONDS = 3600
