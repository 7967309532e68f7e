"""Production: secrets from the environment, HTTPS, compressed static files, JSON logs.

SECRET_KEY and ALLOWED_HOSTS have no default here: starting without them is an error, so
an unconfigured server refuses to start instead of running with a known key.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.logs import json_logging

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable for production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated host names) for production.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer's health probe may speak plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Wagtail's live preview shows the page in a same-origin frame, so X_FRAME_OPTIONS stays
# SAMEORIGIN (base.py) rather than DENY; other sites still cannot frame it.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Database connections are kept for a minute and checked before use (base.py).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405

# --- Static files: hashed names, compressed (gzip + brotli), cached for a year by WhiteNoise.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# --- Uploaded files on S3-compatible object storage, when a bucket is configured.
# Objects stay private (signed URLs); boto3 reads AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
if os.environ.get("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }

# --- Cache: Redis when configured, else a database table (manage.py createcachetable).
# (The portal's page cache is PORTAL_PAGE_CACHE, apart from CACHES: base.py, home/cache.py.)
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}
    }

# --- Logs: one JSON object per line on stdout, for journald or any collector.
LOGGING = json_logging(os.environ.get("LOG_LEVEL", "INFO"), {"django.request": {"level": "WARNING"}})
