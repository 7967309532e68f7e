"""A new gunicorn worker does its one-time work before it takes traffic (issue 27: the first
request to a fresh worker took 12.5 s, the second a few milliseconds).

``cms/gunicorn.conf.py`` preloads the application in the master (Django's setup, every model
and the URLconf with each view module are imported once and shared by the forks) and calls
``warm`` in each worker after the fork: a few requests through the WSGI application itself
open the worker's database connection, the search index's searcher, the translation
catalogues of each language, the templates and URL resolvers of each language prefix. Those
requests reach no socket and leave no access-log line.
"""

import io
import sys

WARM_PATHS = ("/health/", "/vi/", "/en/", "/vi/san-pham/", "/vi/search/?q=quyen")


def import_urlconf():
    """In the master before the fork: no database, no files left open."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 -- imports the URLconf and every view module


def _environ(path, host):
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_X_FORWARDED_PROTO": "https",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def warm(application, log=None):
    """Send ``WARM_PATHS`` through ``application``; a failure is logged, never raised."""
    from django.conf import settings

    hosts = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")]
    host = hosts[0] if hosts else "localhost"
    for path in WARM_PATHS:
        try:
            result = application(_environ(path, host), lambda status, headers, exc_info=None: None)
            for _chunk in result:
                pass
            if hasattr(result, "close"):
                result.close()
        except Exception as error:  # noqa: BLE001 -- a cold worker is better than none
            if log is not None:
                log.warning("warm-up of %s failed: %s", path, error)
