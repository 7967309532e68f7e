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
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files from the apps' folders (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
