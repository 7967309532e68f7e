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
# Each test run gets a purge stamp of its own. The default one lives in the checkout's .local/
# and is shared by every process started there: a second test run (SQLite beside PostgreSQL)
# or a dev server moved it between a test's two reads and turned an expected hit into a miss.
# The cache itself is pinned as well, so that no PORTAL_PAGE_CACHE_* variable in the shell
# (the portal bench sets PORTAL_PAGE_CACHE_SECONDS=0) changes what the tests see.
PORTAL_PAGE_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"}
PORTAL_PAGE_CACHE_SECONDS = 3600
PORTAL_PAGE_CACHE_GENERATION_FILE = f"{tempfile.mkdtemp(prefix='ttnq-test-page-cache-')}/generation"
