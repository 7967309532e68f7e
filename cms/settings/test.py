"""Tests: fast hashing, in-memory cache, media in a temporary folder.

Every folder a test run writes to is a temporary one of the process, so each pytest-xdist
worker (``PYTEST_XDIST_WORKER``: gw0, gw1 …) has its own; pytest-django gives each its own
test database."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix=f"ttnq-test-media-{WORKER}-")
MONITORING_PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix=f"ttnq-test-private-{WORKER}-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ELASTICSEARCH_INDEX_PREFIX = f"test-archive-{WORKER}"
SEARCH_INDEX_DIR = tempfile.mkdtemp(prefix=f"ttnq-test-search-{WORKER}-")  # one per test process
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
