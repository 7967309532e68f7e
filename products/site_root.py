"""Absolute URLs of the portal, from its configured public address, never from the Host header.

``request.build_absolute_uri()`` writes whatever Host the client sent, if ALLOWED_HOSTS lets it
through, and Django does not look at the port: one request with ``Host: localhost:6666`` that
missed the page cache stored a page whose canonical, hreflang and og:url links named port 6666,
and every later reader was served that copy. Links that leave the page (canonical, alternates,
OpenGraph, the sitemap, robots.txt, the feeds, the search API's hits) are therefore built on the
site root an operator configures: ``PORTAL_BASE_URL`` when set, else ``WAGTAILADMIN_BASE_URL``
(docs/deploy.md: the public https address; in development http://127.0.0.1:8000, where
``make run`` serves).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.http.request import split_domain_port, validate_host


def site_root():
    """``https://nhanquyen.example.vn``: scheme, host and port, no trailing slash."""
    root = getattr(settings, "PORTAL_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/")


def absolute_url(url):
    """``url`` (a path such as ``/vi/san-pham/``) on the site root; an absolute URL (a file on
    object storage, say) is returned as it is, and an empty one stays empty."""
    if not url or url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return f"{urlsplit(site_root()).scheme}:{url}"
    return site_root() + ("" if url.startswith("/") else "/") + url


def check_site_root(app_configs=None, **kwargs):
    """``check --deploy``: the site root must be an address the server answers to, in https when
    the server redirects to https."""
    parts = urlsplit(site_root())
    host, _port = split_domain_port(parts.netloc)
    schemes = ("https",) if getattr(settings, "SECURE_SSL_REDIRECT", False) else ("http", "https")
    if parts.scheme in schemes and host and validate_host(host, settings.ALLOWED_HOSTS):
        return []
    return [
        checks.Warning(
            f"The portal's absolute links (canonical, sitemap, feeds) would name {site_root()!r}, "
            f"which is not an address of one of ALLOWED_HOSTS in {' or '.join(schemes)}.",
            hint="Set WAGTAILADMIN_BASE_URL to the public address, e.g. https://nhanquyen.example.vn.",
            id="products.W001",
        )
    ]
