"""Settings shared by every environment.

Every environment variable is read here, once, with a safe default; see
``.env.example`` for the list. ``dev``, ``test`` and ``production`` only adjust.
"""

import os
from pathlib import Path

import dj_database_url
from django.conf import locale as django_locale

from products import languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before any app whose admin it patches.
    "modeltranslation",
    "home",
    "products",
    "search",
    "audit",
    "ops",
    "monitoring",
    "oai",
    "harvesting",
    "digitise",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "products.desk.apps.DeskUsersConfig",  # wagtail.users with the desk's user and group admin
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ops.middleware.SiteCSPMiddleware",
    "cms.middleware.RejectNulCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.middleware.AdminDefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # DEBUG only: the portal's own 404 instead of Django's technical page.
    "cms.middleware.PortalNotFoundInDebugMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.portal_languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        # A connection kept across requests is checked first, so a restarted database
        # costs the requests made while it is down, not the ones after.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Fail fast when the database is down (health answers 503 instead of hanging).
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DB_CONNECT_TIMEOUT", "5")
    )
elif DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Write-ahead log: readers (the portal) never wait for a writer (an import's batch), and a
    # commit appends to one file instead of writing and deleting a rollback journal.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("init_command", "PRAGMA journal_mode=WAL;")
    # Writers in several processes: BEGIN takes the write lock, waiting up to the timeout. A deferred
    # BEGIN that reads, then writes fails at once ("database is locked") while another one writes.
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------
# Django ships no LANG_INFO for the ethnic languages nor Lao: add them, or
# get_language_info() raises and LocaleMiddleware ignores the /bdq/ prefix.
for _code, _info in languages.EXTRA_LANG_INFO.items():
    django_locale.LANG_INFO.setdefault(_code, _info)

LANGUAGE_CODE = languages.DEFAULT
LANGUAGES = [(lang.code, lang.local_name) for lang in languages.LANGUAGES]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "_overrides"]  # see "Admin in Vietnamese" below
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Registers are named in the two UI languages; other locales fall back to Vietnamese.
MODELTRANSLATION_LANGUAGES = ("vi", "en")
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi", "en")

# The admin is Vietnamese by default; editors may switch to English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]

# --- Static and media ---------------------------------------------------------
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# nginx's internal location of MEDIA_ROOT ("/protected-media/"): allowed files go out through it.
MEDIA_X_ACCEL_REDIRECT = os.environ.get("MEDIA_X_ACCEL_REDIRECT", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads larger than this are refused (bytes); images, documents and media alike.
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(200 * 1024 * 1024)))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Truyền thông Nhân quyền")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Public address of the portal's absolute links (canonical, hreflang, sitemap, feeds, API);
# empty: WAGTAILADMIN_BASE_URL. Never the request's Host header (products/site_root.py).
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "")
WAGTAILAPI_BASE_URL = PORTAL_BASE_URL or WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "tif", "tiff"]  # TIFF: scans (digitise/)
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILAPI_LIMIT_MAX = 100

# --- Search (archive search: search/) ------------------------------------------
# The embedded engine's Tantivy index: one folder per host, shared by every process of it.
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", BASE_DIR / "var" / "search-index"))
# Unset: the embedded engine answers; set: Elasticsearch answers (the embedded index is kept too).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "archive")

# --- Security defaults ------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Content-Security-Policy (django-csp), the same in every environment: cms/settings/csp.py
from .csp import CONTENT_SECURITY_POLICY  # noqa: E402, F401

# --- Operations: version shown by /health/ and the logs ---------------------------------
GIT_COMMIT = os.environ.get("GIT_COMMIT", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SILENCED_SYSTEM_CHECKS = []
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]

# Uploads are checked by content, not by extension (products/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "products.uploads.CheckedDocumentForm"
WAGTAILMEDIA = {"MEDIA_FORM_BASE": "products.uploads.CheckedMediaForm"}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# YouTube, Facebook and TikTok embeds are built offline from the URL; others use oEmbed.
WAGTAILEMBEDS_FINDERS = [
    {"class": "products.embeds.SocialPostFinder"},
    {"class": "wagtail.embeds.finders.oembed"},
]

# --- Admin in Vietnamese: catalogs, day-first dates, offline avatars (cms/settings/admin_language.py)
from .admin_language import *  # noqa: E402, F403

# --- Roles, admin, imports and login throttling (products/desk, products/importing) ----
# Admin views naming a page the user may not see (another unit's draft) answer 404
# (products/desk/middleware.py).
MIDDLEWARE += ["products.desk.middleware.DraftTitleGuardMiddleware"]
# Wagtail's login form with a translatable password label (products/desk/login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "products.desk.login.DeskLoginForm"

# An import file larger, or with more rows, than this is refused whole (products/importing/limits.py).
PRODUCTS_IMPORT_MAX_BYTES = int(os.environ.get("PRODUCTS_IMPORT_MAX_BYTES", str(UPLOAD_MAX_BYTES)))
PRODUCTS_IMPORT_MAX_ROWS = int(os.environ.get("PRODUCTS_IMPORT_MAX_ROWS", "500000"))

# Login throttling (django-axes): a username is locked at the address it was tried from after
# AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_TIME hours or until an administrator lifts it.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
from .login_throttling import *  # noqa: E402, F403  (AXES_*: limits, lockout page, client address)

# --- Public portal: sitemaps, page cache, chrome languages (helper "portal") ---------
INSTALLED_APPS += ["django.contrib.sitemaps", "wagtail.contrib.sitemaps"]
# The full-page cache for anonymous readers sits before the session middleware: a hit
# skips sessions, locale and auth (home/cache.py says why it is built this way).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "home.cache.AnonymousPageCacheMiddleware",
)
# Pages are kept in their own cache, apart from CACHES (which environments replace): in
# this process's memory by default, at most PORTAL_PAGE_CACHE_MAX_BYTES of pages per process
# (the least recently read make room). Every app server learns of a purge from the database
# (home.models.PageCacheGeneration, one row read per cached request): nothing to configure.
PORTAL_PAGE_CACHE_MAX_BYTES = int(os.environ.get("PORTAL_PAGE_CACHE_MAX_BYTES", str(64 * 1024 * 1024)))
PORTAL_PAGE_CACHE = {
    "BACKEND": os.environ.get("PORTAL_PAGE_CACHE_BACKEND", "home.memory_cache.ByteBoundedLocMemCache"),
    "LOCATION": os.environ.get("PORTAL_PAGE_CACHE_LOCATION", "portal-pages"),
    "OPTIONS": {
        "MAX_ENTRIES": int(os.environ.get("PORTAL_PAGE_CACHE_MAX_ENTRIES", "20000")),
        "MAX_BYTES": PORTAL_PAGE_CACHE_MAX_BYTES,
    },
}
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "3600"))
# The portal's chrome is translated for these; the others get it in Vietnamese, marked lang="vi".
PORTAL_UI_LANGUAGES = ("vi", "en", "fr", "zh-hans", "lo", "km")
# Set by the language switcher; read by "/" before Accept-Language.
PORTAL_LANGUAGE_COOKIE = "portal_language"
from .digitise import *  # noqa: E402, F403  (digitise/: the OCR task queue and its limits)
from .reporting import *  # noqa: E402, F403  (monitoring/: screenshots, reminders, letterhead)

INSTALLED_APPS += TASK_APPS  # noqa: F405
